import fs from 'node:fs';
import path from 'node:path';
import type { BackupRow } from '../../../shared/contract/backups';
import { AppError } from '../../core/errors';
import { connect, setSetting, stmt } from '../../core/ledger';
import { LATEST_VERSION } from '../../core/ledger/migrations';
import { appendAudit } from '../../core/audit';
import { backupDir, checkBackupFile, listBackups, restoreFrom, takeBackup, type BackupFile } from '../../core/backups';
import type { CallContext, HandlerMap } from '../../core/dispatch';

const REASON = /^linli-\d{8}-\d{6}-([a-z-]+?)(?:-\d+)?\.db$/;

/** What the list shows of a copy: when, how big, why, and how many people are in it. */
function describe(b: BackupFile, key: Buffer | null): BackupRow {
  const name = path.basename(b.file);
  let counts: { residents: number | null; households: number | null } = { residents: null, households: null };
  try {
    const db = connect(b.file, { key, readonly: true });
    try {
      counts = {
        residents: db.prepare("SELECT count(*) FROM residents WHERE status = 'active'").pluck().get() as number,
        households: db.prepare('SELECT count(*) FROM households').pluck().get() as number,
      };
    } finally {
      db.close();
    }
  } catch {
    // A copy that cannot be read is still listed: the screen says so instead of hiding it.
  }
  return { file: b.file, name, at: b.at.toISOString(), size: b.size, reason: REASON.exec(name)?.[1] ?? 'other', ...counts };
}

function defaultFolder(ctx: CallContext): string {
  return path.join(path.dirname(ctx.ledgerPath), 'backups');
}

export const backupsHandlers: HandlerMap<'backups.list' | 'backups.create' | 'backups.restore' | 'backups.setFolder'> = {
  'backups.list': (_i, ctx) => {
    const folder = backupDir(ctx.db, ctx.ledgerPath);
    return { folder, defaultFolder: defaultFolder(ctx), backups: listBackups(folder).map((b) => describe(b, ctx.vault.key)) };
  },
  'backups.create': async (_i, ctx) => {
    const made = await takeBackup(ctx.vault, 'manual');
    ctx.audit('backup', path.basename(made.file));
    return describe(made, ctx.vault.key);
  },
  'backups.restore': async ({ file }, ctx) => {
    const source = path.resolve(file);
    if (path.resolve(source) === path.resolve(ctx.ledgerPath)) throw new AppError('backup.isLedger');
    const { residents } = checkBackupFile(source, LATEST_VERSION, ctx.vault.key);
    const who = ctx.session.user!;
    // The desks are told first and signed out: nobody keeps working on a ledger that is being replaced.
    ctx.office.signOutAll('restore');
    const kept = await restoreFrom(ctx.vault, source, LATEST_VERSION);
    // Recorded in the ledger now in place, which is the one people will look at.
    appendAudit(ctx.db, { actor: who.username, userId: null, action: 'restore', method: 'backups.restore', record: 'ledger', detail: `${path.basename(source)}; kept ${path.basename(kept.file)}` });
    // The accounts are now those of the restored copy: everyone signs in again.
    ctx.session.user = null;
    ctx.session.permissions = new Set();
    return { restored: path.basename(source), kept: kept.file, residents };
  },
  'backups.setFolder': ({ folder }, ctx) => {
    if (folder && !path.isAbsolute(folder)) throw new AppError('backup.folderNotAbsolute');
    // The kernel's own folders are not storage (and Node's mkdir can spin forever under /proc).
    if (folder && /^\/(proc|sys|dev)(\/|$)/.test(path.resolve(folder))) throw new AppError('backup.folderNotWritable', { folder });
    if (folder) {
      // Proven writable now, not at two in the morning when the first copy is due.
      try {
        fs.mkdirSync(folder, { recursive: true });
        const probe = path.join(folder, `.linli-write-test-${process.pid}`);
        fs.writeFileSync(probe, 'ok');
        fs.rmSync(probe);
      } catch {
        throw new AppError('backup.folderNotWritable', { folder });
      }
    }
    if (folder) setSetting(ctx.db, 'backup_dir', folder);
    else stmt(ctx.db, "DELETE FROM settings WHERE key = 'backup_dir'").run();
    ctx.record('settings:backup_dir');
    return { folder: folder || defaultFolder(ctx) };
  },
};
