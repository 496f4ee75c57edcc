import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getSetting, type Db } from './ledger';
import { AppError } from './errors';

/**
 * Automatic copies of the ledger through SQLite's online backup API (never a file copy of a live
 * ledger), each checked with quick_check after writing, thinned out like a desktop backup tool.
 */
export interface BackupFile {
  file: string;
  at: Date;
  size: number;
}

const NAME = /^linli-(\d{8})-(\d{6})-[a-z-]+(?:-\d+)?\.db$/;

export function backupDir(db: Db, ledgerPath: string): string {
  return getSetting(db, 'backup_dir') || path.join(path.dirname(ledgerPath), 'backups');
}

export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => !!x.m)
    .map(({ name, m }) => {
      const [d, t] = [m[1]!, m[2]!];
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      return { file, at: new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`), size: stat.size, written: stat.mtimeMs };
    })
    // Newest first; within one second, the one written last.
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.written - a.written)
    .map(({ written: _w, ...b }) => b);
}

export async function takeBackup(db: Db, dir: string, reason: string, now = new Date()): Promise<BackupFile> {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  // Never over an existing copy: an undo within the same second must not replace the copy it restores.
  let file = path.join(dir, `linli-${stamp}-${reason}.db`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `linli-${stamp}-${reason}-${n}.db`);
  const partial = `${file}.partial`;
  await db.backup(partial);
  // A copy nobody has read is not a backup: check it before it counts.
  const check = new Database(partial, { readonly: true });
  const verdict = check.pragma('quick_check', { simple: true });
  check.close();
  if (verdict !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw new Error(`backup failed its check: ${String(verdict)}`);
  }
  fs.renameSync(partial, file);
  return { file, at: now, size: fs.statSync(file).size };
}

/**
 * Which backups to keep: the newest five, one a day for the last week, one a week for the last twelve
 * weeks. Everything else may go. The newest is always kept.
 */
export function backupsToRemove(backups: BackupFile[], now = new Date()): BackupFile[] {
  const sorted = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<BackupFile>(sorted.slice(0, 5));
  const day = 86_400_000;
  const seenDays = new Set<number>();
  const seenWeeks = new Set<number>();
  for (const b of sorted) {
    const age = now.getTime() - b.at.getTime();
    const dayIndex = Math.floor(age / day);
    if (dayIndex < 7 && !seenDays.has(dayIndex)) {
      seenDays.add(dayIndex);
      keep.add(b);
    }
    const week = Math.floor(age / (7 * day));
    if (week < 12 && !seenWeeks.has(week)) {
      seenWeeks.add(week);
      keep.add(b);
    }
  }
  return sorted.filter((b) => !keep.has(b));
}

/** On start: a backup if the newest is older than a day, then the thinning. Never throws into the caller. */
export async function backupIfDue(db: Db, ledgerPath: string, now = new Date()): Promise<BackupFile | null> {
  try {
    const dir = backupDir(db, ledgerPath);
    const newest = listBackups(dir)[0];
    if (newest && now.getTime() - newest.at.getTime() < 86_400_000) return null;
    if (!db.prepare('SELECT 1 FROM residents LIMIT 1').get()) return null; // nothing to lose yet
    const made = await takeBackup(db, dir, 'daily', now);
    for (const old of backupsToRemove(listBackups(dir), now)) fs.rmSync(old.file, { force: true });
    return made;
  } catch (err) {
    console.error('[linli] automatic backup failed:', err);
    return null;
  }
}

/** Is this file a Linli ledger SQLite can read in full? Returns its resident count, or throws the reason. */
export function checkBackupFile(file: string, latestVersion: number): { residents: number; version: number } {
  if (!fs.existsSync(file)) throw new AppError('backup.notFound', { file: path.basename(file) });
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || !db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'residents'").get()) throw new AppError('backup.notLedger');
    if (version > latestVersion) throw new AppError('ledger.tooNew', { found: version, supported: latestVersion });
    if (db.pragma('quick_check(1)', { simple: true }) !== 'ok') throw new AppError('backup.damaged');
    return { residents: db.prepare('SELECT count(*) FROM residents').pluck().get() as number, version };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('backup.notLedger');
  } finally {
    db?.close();
  }
}

/**
 * Puts a backup in the ledger's place, after keeping the current ledger as a backup of its own
 * ("before-restore"), so the restore can be undone. The caller has closed nothing yet: this closes
 * the ledger it is given, and the caller opens the ledger file again afterwards.
 */
export async function restoreFrom(db: Db, ledgerPath: string, source: string, latestVersion: number): Promise<BackupFile> {
  checkBackupFile(source, latestVersion);
  const kept = await takeBackup(db, backupDir(db, ledgerPath), 'before-restore');
  db.close();
  for (const ext of ['-wal', '-shm']) fs.rmSync(ledgerPath + ext, { force: true });
  const temp = `${ledgerPath}.restoring`;
  fs.copyFileSync(source, temp);
  fs.renameSync(temp, ledgerPath); // a rename: the ledger is either the old file or the whole new one
  return kept;
}
