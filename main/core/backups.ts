import fs from 'node:fs';
import path from 'node:path';
import { connect, ensureBackupDir, fileKind, getSetting, ownerOnly, type Db } from './ledger';
import { AppError } from './errors';
import type { Vault } from './vault';

/**
 * Automatic copies of the ledger made by SQLite itself (VACUUM INTO: a consistent snapshot while writes
 * go on, encrypted under the ledger's own key; never a file copy of a live ledger), each checked with
 * quick_check after writing, thinned out like a desktop backup tool.
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

export async function takeBackup(vault: Vault, reason: string, now = new Date()): Promise<BackupFile> {
  const db = vault.ledger.db;
  const dir = backupDir(db, vault.ledgerPath);
  ensureBackupDir(dir);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  // Never over an existing copy: an undo within the same second must not replace the copy it restores.
  let file = path.join(dir, `linli-${stamp}-${reason}.db`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `linli-${stamp}-${reason}-${n}.db`);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  // The online backup API cannot write an encrypted copy; VACUUM INTO can, and reads one snapshot.
  db.prepare('VACUUM INTO ?').run(partial);
  ownerOnly(partial);
  // A copy nobody has read is not a backup: check it before it counts.
  const check = connect(partial, { key: vault.key, readonly: true });
  const verdict = check.pragma('quick_check', { simple: true });
  check.close();
  if (verdict !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw new Error(`backup failed its check: ${String(verdict)}`);
  }
  fs.renameSync(partial, file);
  return { file, at: now, size: fs.statSync(file).size };
}

/** Copies made before a release's migration by an earlier Linli: `ledger-v2-before-migration-2026-….db`. */
const OLD_COPY = /^.+-v(\d+)-before-(migration|encryption)-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})[-\dZ]*\.db$/;

/**
 * Once a ledger from before encryption is encrypted, no plain copy of it may stay behind: every plain
 * backup beside it (the copy taken before the migration, copies under an earlier release's names) is
 * encrypted under the new key where it lies and given the listed name, so it is shown, restorable and
 * thinned like any other.
 */
export function encryptPlainBackups(dir: string, key: Buffer): string[] {
  if (!fs.existsSync(dir)) return [];
  const done: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!name.endsWith('.db') || fileKind(file) !== 'plain') continue;
    const old = OLD_COPY.exec(name);
    if (!NAME.test(name) && !old) continue;
    const db = connect(file);
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma(`rekey = "x'${key.toString('hex')}'"`);
    } finally {
      db.close();
    }
    let target = file;
    if (old) {
      const stamp = `${old[3]}${old[4]}${old[5]}-${old[6]}${old[7]}${old[8]}`;
      target = path.join(dir, `linli-${stamp}-before-${old[2]}.db`);
      for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `linli-${stamp}-before-${old[2]}-${n}.db`);
      fs.renameSync(file, target);
    }
    ownerOnly(target);
    done.push(target);
  }
  return done;
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

export const DAY_MS = 86_400_000;

/**
 * A backup when the newest is older than `maxAgeMs` (a day at start, a few hours while open), then the
 * thinning. Never throws into the caller.
 */
export async function backupIfDue(vault: Vault, maxAgeMs = DAY_MS, now = new Date()): Promise<BackupFile | null> {
  try {
    const db = vault.ledger.db;
    const dir = backupDir(db, vault.ledgerPath);
    const newest = listBackups(dir)[0];
    if (newest && now.getTime() - newest.at.getTime() < maxAgeMs) return null;
    if (!db.prepare('SELECT 1 FROM residents LIMIT 1').get()) return null; // nothing to lose yet
    const made = await takeBackup(vault, maxAgeMs >= DAY_MS ? 'daily' : 'auto', now);
    for (const old of backupsToRemove(listBackups(dir), now)) fs.rmSync(old.file, { force: true });
    return made;
  } catch (err) {
    console.error('[linli] automatic backup failed:', err);
    return null;
  }
}

/** Is this file a Linli ledger, under this key, that SQLite can read in full? Returns its counts, or throws the reason. */
export function checkBackupFile(file: string, latestVersion: number, key: Buffer | null): { residents: number; households: number; version: number } {
  if (!fs.existsSync(file)) throw new AppError('backup.notFound', { file: path.basename(file) });
  let db: Db | undefined;
  try {
    db = connect(file, { key, readonly: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || !db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'residents'").get()) throw new AppError('backup.notLedger');
    if (version > latestVersion) throw new AppError('ledger.tooNew', { found: version, supported: latestVersion });
    if (db.pragma('quick_check(1)', { simple: true }) !== 'ok') throw new AppError('backup.damaged');
    return {
      residents: db.prepare("SELECT count(*) FROM residents WHERE status = 'active'").pluck().get() as number,
      households: db.prepare('SELECT count(*) FROM households').pluck().get() as number,
      version,
    };
  } catch (err) {
    if (err instanceof AppError && err.code === 'ledger.wrongKey') throw new AppError('backup.otherLedger');
    if (err instanceof AppError) throw err;
    throw new AppError('backup.notLedger');
  } finally {
    db?.close();
  }
}

/**
 * Puts a backup in the ledger's place, after keeping the current ledger as a backup of its own
 * ("before-restore"), so the restore can be undone. The ledger is closed, swapped by a rename (it is
 * either the old file or the whole new one) and opened again under the same key.
 */
export async function restoreFrom(vault: Vault, source: string, latestVersion: number): Promise<BackupFile> {
  const key = vault.key;
  checkBackupFile(source, latestVersion, key);
  const kept = await takeBackup(vault, 'before-restore');
  const ledgerPath = vault.ledgerPath;
  vault.close();
  for (const ext of ['-wal', '-shm']) fs.rmSync(ledgerPath + ext, { force: true });
  const temp = `${ledgerPath}.restoring`;
  fs.copyFileSync(source, temp);
  ownerOnly(temp);
  fs.renameSync(temp, ledgerPath);
  vault.open(key);
  return kept;
}

/** While a shell is open: a backup a day at the first sign-in, then one whenever the newest is four hours old. */
export function scheduleBackups(vault: Vault): void {
  vault.onFirstOpen(() => {
    void backupIfDue(vault, DAY_MS);
    const timer = setInterval(() => void (vault.isOpen && backupIfDue(vault, 4 * 3_600_000)), 30 * 60_000);
    timer.unref();
  });
}
