import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * A bulk load (a 100,000-row import) spends most of its time keeping a table's secondary indexes in
 * order row by row: each random-keyed index touches a page per row in every batch. Set aside for the
 * load and built once at the end (a sort, far cheaper), they cost a fraction. Their SQL is kept in
 * `deferred_indexes` in the same transaction that drops them, so a crash part-way leaves them listed
 * and the next open builds them again (openLedger calls restoreIndexes). Unique indexes stay: they
 * are rules, not speed.
 */
export function deferIndexes(db: Database.Database, table: string): number {
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'")
    .all(table) as { name: string; sql: string }[];
  const keep = db.prepare('INSERT OR REPLACE INTO deferred_indexes(name, sql) VALUES (?, ?)');
  for (const ix of indexes) {
    keep.run(ix.name, ix.sql);
    db.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
  }
  return indexes.length;
}

/** Builds every index set aside and not yet built again. Cheap when there are none. */
export function restoreIndexes(db: Database.Database): number {
  const waiting = db.prepare('SELECT name, sql FROM deferred_indexes').all() as { name: string; sql: string }[];
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
  for (const ix of waiting) {
    if (!exists.get(ix.name)) db.exec(ix.sql);
    db.prepare('DELETE FROM deferred_indexes WHERE name = ?').run(ix.name);
  }
  return waiting.length;
}
