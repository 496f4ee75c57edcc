import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getSetting, type Db } from './ledger';

/**
 * Automatic copies of the ledger through SQLite's online backup API (never a file copy of a live
 * ledger), each checked with quick_check after writing, thinned out like a desktop backup tool.
 */
export interface BackupFile {
  file: string;
  at: Date;
  size: number;
}

const NAME = /^linli-(\d{8})-(\d{6})-[a-z-]+\.db$/;

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
      return { file, at: new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`), size: fs.statSync(file).size };
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

export async function takeBackup(db: Db, dir: string, reason: string, now = new Date()): Promise<BackupFile> {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = path.join(dir, `linli-${stamp}-${reason}.db`);
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
