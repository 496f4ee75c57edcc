import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { migrations, LATEST_VERSION } from './migrations';

export type Db = Database.Database;

export interface Ledger {
  db: Db;
  path: string;
  /** Set when opening ran migrations: where the pre-migration copy was written. */
  migrationBackup?: string;
  close(): void;
}

/**
 * The one place a ledger file is opened. Crash safety first: WAL with synchronous=FULL, so a
 * committed write survives a power cut; foreign keys on; a newer ledger is refused, never touched.
 */
export function openLedger(file: string, options: { nativeBinding?: string } = {}): Ledger {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Read the version before anything writes: a newer ledger must be left byte for byte as it was.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw new AppError('ledger.tooNew', { found: version, supported: LATEST_VERSION });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536'); // 64 MB page cache: the search indexes stay warm
    let migrationBackup: string | undefined;
    if (version < LATEST_VERSION) {
      if (existed && version > 0) migrationBackup = backupBeforeMigration(db, file, version);
      for (const m of migrations) {
        if (m.version <= version) continue;
        db.transaction(() => {
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
        })();
      }
    }
    // No ANALYZE statistics, on purpose: the search's query shapes are chosen for plans that hold at any
    // size, and measured statistics steered SQLite off them (a grid filter went from 0.2 ms to 95 ms).
    return { db, path: file, migrationBackup, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** A consistent copy taken through SQLite itself (never a file copy of a live ledger). */
export function backupBeforeMigration(db: Db, file: string, version: number): string {
  const dir = path.join(path.dirname(file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, '.db')}-v${version}-before-migration-${stamp}.db`);
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Prepared statements cached per connection: hot paths never re-parse SQL. */
const cache = new WeakMap<Db, Map<string, Database.Statement>>();
export function stmt(db: Db, sql: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

export function getSetting(db: Db, key: string): string | undefined {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}
export function setSetting(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/**
 * Changes whenever the ledger's content may have changed: our own writes (counted by dispatch and bulk
 * jobs) and commits by another process on the same file (SQLite's data_version). Caches key on it.
 */
const ownWrites = new WeakMap<Db, number>();
export function noteWrite(db: Db): void {
  ownWrites.set(db, (ownWrites.get(db) ?? 0) + 1);
}
export function generation(db: Db): string {
  return `${ownWrites.get(db) ?? 0}:${stmt(db, 'PRAGMA data_version').pluck().get() as number}`;
}

/** SQLite's quick_check: 'ok', or the first problem it found. Run by the shells before they serve a ledger. */
export function quickCheck(db: Db): string {
  return String(db.pragma('quick_check(1)', { simple: true }));
}
