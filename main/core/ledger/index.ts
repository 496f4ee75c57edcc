import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import { nameGrams } from '../../../shared/rules/text';
import { restoreDeferred } from './bulk';
import { migrations, LATEST_VERSION } from './migrations';

export type Db = Database.Database;

export interface Ledger {
  db: Db;
  path: string;
  /** Set when opening ran migrations: where the pre-migration copy was written. */
  migrationBackup?: string;
  close(): void;
}

export interface ConnectOptions {
  /** The ledger key: the file is encrypted with it (SQLite3 Multiple Ciphers, ChaCha20-Poly1305). */
  key?: Buffer | null;
  readonly?: boolean;
  nativeBinding?: string;
}

/**
 * Every SQLite file of Linli (the ledger, its backups) is opened here: better-sqlite3-multiple-ciphers
 * is better-sqlite3 with encryption, and the key must be the first thing said to a connection.
 * A wrong key is reported as such, not as a damaged file.
 */
export function connect(file: string, options: ConnectOptions = {}): Db {
  const db = new Database(file, {
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    if (options.key) db.pragma(`key = "x'${options.key.toString('hex')}'"`);
    db.pragma('user_version', { simple: true }); // the first read: fails here on a wrong key
    db.function('name_grams', { deterministic: true }, (name) => nameGrams(String(name ?? '')));
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB' && options.key) throw new AppError('ledger.wrongKey');
    throw err;
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');
/** What is on disk: nothing yet, a plain SQLite file (a ledger from before encryption), or an encrypted one. */
export function fileKind(file: string): 'new' | 'plain' | 'encrypted' {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return 'new';
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head.equals(SQLITE_HEADER) ? 'plain' : 'encrypted';
}

/**
 * The one place a ledger file is opened. Crash safety first: WAL with synchronous=FULL, so a
 * committed write survives a power cut; foreign keys on; a newer ledger is refused, never touched.
 */
export function openLedger(file: string, options: { key?: Buffer | null; nativeBinding?: string } = {}): Ledger {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const existed = fileKind(file) !== 'new';
  const db = connect(file, options);
  // Readable by this user only; SQLite gives the WAL and shared-memory files the same mode as the ledger.
  ownerOnly(file);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(file + ext)) ownerOnly(file + ext);
  try {
    // Read the version before anything writes: a newer ledger must be left byte for byte as it was.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw new AppError('ledger.tooNew', { found: version, supported: LATEST_VERSION });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536'); // 64 MB page cache: the search indexes stay warm
    // A statement that fires triggers keeps a statement journal; on disk (and encrypted) it cost a
    // third of a bulk import's time (measured on 100,000 residents: 25 s → 18 s).
    db.pragma('temp_store = MEMORY');
    let migrationBackup: string | undefined;
    if (version < LATEST_VERSION) {
      if (existed && version > 0) migrationBackup = backupBeforeMigration(db, file);
      for (const m of migrations) {
        if (m.version <= version) continue;
        db.transaction(() => {
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
        })();
      }
    }
    // A bulk load cut off by a crash set indexes aside: build them again before anyone searches.
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'deferred_indexes'").get()) db.transaction(() => restoreDeferred(db)).immediate();
    // No ANALYZE statistics, on purpose: the search's query shapes are chosen for plans that hold at any
    // size, and measured statistics steered SQLite off them (a grid filter went from 0.2 ms to 95 ms).
    return { db, path: file, migrationBackup, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Ledger files and backups are this user's alone (0600), their folders too (0700); a no-op where modes do not apply. */
export function ownerOnly(file: string, mode = 0o600): void {
  try {
    fs.chmodSync(file, mode);
  } catch {
    // a file system without modes (FAT on a USB disk)
  }
}

/** The backups folder beside a ledger (or the one chosen), made this user's only when Linli makes it. */
export function ensureBackupDir(dir: string): void {
  if (fs.existsSync(dir)) return;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  ownerOnly(dir, 0o700);
}

/**
 * A consistent copy taken through SQLite itself (never a file copy of a live ledger), named like every
 * other backup so that it is listed, restorable and thinned: `linli-20261201-203000-before-migration.db`.
 * Under the ledger's key when it has one; a ledger from before encryption gives a plain copy, which
 * encrypting it replaces by an encrypted one (see encryptInPlace).
 */
export function backupBeforeMigration(db: Db, file: string, why = 'before-migration'): string {
  const dir = path.join(path.dirname(file), 'backups');
  ensureBackupDir(dir);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let target = path.join(dir, `linli-${stamp}-${why}.db`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `linli-${stamp}-${why}-${n}.db`);
  db.prepare('VACUUM INTO ?').run(target);
  ownerOnly(target);
  return target;
}

/**
 * A ledger from before encryption, encrypted where it lies: a checked copy first, then SQLite rewrites
 * every page under the key (outside WAL mode, which rekeying needs), then WAL again.
 */
export function encryptInPlace(ledger: Ledger, key: Buffer): string {
  const db = ledger.db;
  const copy = backupBeforeMigration(db, ledger.path, 'before-encryption');
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
  return copy;
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

/**
 * The same, for statements that return the first column's value. A cache of its own: better-sqlite3's
 * pluck() changes the statement itself, and a plucked statement handed to another caller of the same
 * SQL answered a bare value where a row was expected.
 */
const pluckCache = new WeakMap<Db, Map<string, Database.Statement>>();
export function plucked(db: Db, sql: string): Database.Statement {
  let m = pluckCache.get(db);
  if (!m) pluckCache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql).pluck()));
  return s;
}

/** A column of a row the code builds itself; anything else (a key that came from outside) never reaches the SQL. */
const COLUMN = /^[a-z][a-z0-9_]*$/;
const columnsOf = (row: Record<string, unknown>) => {
  const cols = Object.keys(row);
  const bad = cols.find((c) => !COLUMN.test(c));
  if (bad) throw new Error(`not a column name: ${bad}`);
  return cols;
};

/** Inserts a row given as { column: value } (the module's own object, its keys its columns); the new row's id. */
export function insertRow(db: Db, table: string, row: Record<string, unknown>): number {
  const cols = columnsOf(row);
  return Number(stmt(db, `INSERT INTO ${table}(${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid);
}

/** Updates the row with this id from { column: value } (`touch`: its updated_at too); whether there was such a row. */
export function updateRow(db: Db, table: string, id: number, row: Record<string, unknown>, options: { touch?: boolean } = {}): boolean {
  const sets = columnsOf(row).map((c) => `${c} = @${c}`);
  if (options.touch) sets.push("updated_at = datetime('now')");
  return stmt(db, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id`).run({ ...row, id }).changes > 0;
}

/**
 * A record's state moved and the move kept in its history (from, to, date, note, who), the same for
 * every register with a state: mediation cases, needs, problems. The caller has checked the move.
 */
export function recordMove(db: Db, m: { table: string; events: string; idColumn: string; id: number; from: string; to: string; date: string; note: string; actor: string }): void {
  if (m.from !== m.to) stmt(db, `UPDATE ${m.table} SET state = ? WHERE id = ?`).run(m.to, m.id);
  stmt(db, `INSERT INTO ${m.events}(${m.idColumn}, from_state, to_state, date, note, actor) VALUES (?, ?, ?, ?, ?, ?)`).run(m.id, m.from, m.to, m.date, m.note, m.actor);
}

/**
 * The next number of a yearly series (a register's 第N号), from a (year, last) table of its module, or
 * a (kind, year, last) one where a module keeps several series (mediation: cases and agreements).
 * Inside the write's transaction, so two desks issuing at once get two numbers and no gap.
 */
export function nextSerial(db: Db, sequenceTable: string, year: number, kind?: string): number {
  if (kind === undefined) return plucked(db, `INSERT INTO ${sequenceTable}(year, last) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last`).get(year) as number;
  return plucked(db, `INSERT INTO ${sequenceTable}(kind, year, last) VALUES (?, ?, 1) ON CONFLICT(kind, year) DO UPDATE SET last = last + 1 RETURNING last`).get(kind, year) as number;
}

/** A setting kept as JSON, or the default where none was ever saved. */
export function jsonSetting<T>(db: Db, key: string, fallback: T): T {
  const stored = getSetting(db, key);
  return stored ? { ...fallback, ...(JSON.parse(stored) as T) } : fallback;
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
  return `${ownWrites.get(db) ?? 0}:${plucked(db, 'PRAGMA data_version').get() as number}`;
}

/** SQLite's quick_check: 'ok', or the first problem it found. Run by the shells before they serve a ledger. */
export function quickCheck(db: Db): string {
  return String(db.pragma('quick_check(1)', { simple: true }));
}
