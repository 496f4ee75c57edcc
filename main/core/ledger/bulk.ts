import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * A bulk load (a 100,000-row import) spends most of its time keeping a table's secondary indexes in
 * order row by row: each random-keyed index touches a page per row in every batch. Set aside for the
 * load and built once at the end (a sort, far cheaper), they cost a fraction. Their SQL is kept in
 * `deferred_indexes` in the same transaction that drops them, so a crash part-way leaves them listed
 * and the next open builds them again (openLedger calls restoreDeferred). Unique indexes stay: they
 * are rules, not speed. Other work put off to the end of a load (the search index) is kept there too.
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

/** Work put off to the end of a load, written in the same transaction as the rows it concerns. */
export function deferWork(db: Database.Database, name: string, sql: string): void {
  db.prepare('INSERT OR REPLACE INTO deferred_indexes(name, sql) VALUES (?, ?)').run(name, sql);
}

/** Builds every index set aside and does the work put off (each piece stands alone). Cheap when there is none. */
export function restoreDeferred(db: Database.Database): number {
  const waiting = db.prepare('SELECT name, sql FROM deferred_indexes').all() as { name: string; sql: string }[];
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
  for (const ix of waiting) {
    if (!exists.get(ix.name)) db.exec(ix.sql);
    db.prepare('DELETE FROM deferred_indexes WHERE name = ?').run(ix.name);
  }
  return waiting.length;
}
