import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupIfDue, backupsToRemove, listBackups, takeBackup, type BackupFile } from '../../main/core/backups';
import { seedCommunity } from '../../main/modules/residents/seed';
import { openTempApp } from '../support/ledger';

type TestApp = ReturnType<typeof openTempApp>;
let app: TestApp;
beforeEach(() => {
  app = openTempApp();
  seedCommunity(app.ledger.db, 500);
});
afterEach(() => app.close());

describe('automatic backups', () => {
  it('a backup taken while the ledger is open holds every row and passes its check', async () => {
    const dir = path.join(app.dir, 'backups');
    const b = await takeBackup(app.ledger.db, dir, 'daily');
    const copy = new Database(b.file, { readonly: true });
    const rows = (db: Database.Database) => db.prepare('SELECT id, name, id_number, household_id FROM residents ORDER BY id').all();
    expect(rows(copy)).toEqual(rows(app.ledger.db));
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(listBackups(dir).map((x) => x.file)).toEqual([b.file]);
  });

  it('makes one a day: not again within the day, again the next', async () => {
    const t0 = new Date('2026-11-20T08:00:00Z');
    expect(await backupIfDue(app.ledger.db, app.file, t0)).not.toBeNull();
    expect(await backupIfDue(app.ledger.db, app.file, new Date('2026-11-20T17:00:00Z'))).toBeNull();
    expect(await backupIfDue(app.ledger.db, app.file, new Date('2026-11-21T09:00:00Z'))).not.toBeNull();
    expect(listBackups(path.join(app.dir, 'backups'))).toHaveLength(2);
  });

  it('keeps the newest five, one a day for a week and one a week for twelve weeks', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const hours = [1, 2, 3, 4, 5, 6, 7, 30, 31, 54, 100, 200, 400, 24 * 20, 24 * 21, 24 * 60, 24 * 200];
    const backups: BackupFile[] = hours.map((h) => ({ file: `b${h}`, at: new Date(now.getTime() - h * 3_600_000), size: 1 }));
    // Kept: the newest five; day 1, 2 and 4; weeks 1, 2, 3 and 8. Gone: a second of the same day or week, and past twelve weeks.
    expect(backupsToRemove(backups, now).map((b) => b.file).sort()).toEqual(['b31', 'b480', 'b4800', 'b6', 'b7']);
  });

  it('does nothing for an empty ledger, and never throws into the app', async () => {
    const empty = openTempApp();
    try {
      expect(await backupIfDue(empty.ledger.db, empty.file)).toBeNull();
      fs.writeFileSync(path.join(app.dir, 'not-a-dir'), '');
      empty.ledger.db.prepare("INSERT INTO settings(key, value) VALUES ('backup_dir', ?)").run(path.join(app.dir, 'not-a-dir', 'x'));
      empty.ledger.db.prepare("INSERT INTO grids(name) VALUES ('g')").run();
      expect(await backupIfDue(empty.ledger.db, empty.file)).toBeNull();
    } finally {
      empty.close();
    }
  });
});

describe('startup health', () => {
  it('a damaged ledger is not opened, and the user is pointed at the newest backup', async () => {
    const { openHealthyApp } = await import('../../main/core/app');
    await takeBackup(app.ledger.db, path.join(app.dir, 'backups'), 'daily');
    app.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    app.close();
    // Scribble over a few pages in the middle of the file, as a failing disk would.
    const fd = fs.openSync(app.file, 'r+');
    const size = fs.fstatSync(fd).size;
    for (let p = Math.floor(size / 4096 / 2); p < Math.floor(size / 4096 / 2) + 4; p++) fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, p * 4096);
    fs.closeSync(fd);
    let caught: unknown;
    try {
      openHealthyApp(app.file, 'browser').close();
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'ledger.damagedWithBackup', params: { backup: expect.stringMatching(/^linli-\d{8}-\d{6}-daily\.db$/) } });
    app = openTempApp(); // for afterEach
  });
});

it('a file SQLite cannot read at all gets the same plain answer', async () => {
  const { openHealthyApp } = await import('../../main/core/app');
  const file = path.join(app.dir, 'scribbled.db');
  fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
  expect(() => openHealthyApp(file, 'browser')).toThrowError(expect.objectContaining({ code: 'ledger.damaged' }));
});

it('restores a backup, keeps the ledger it replaced, and the restore can be undone', async () => {
  const { restoreFrom, checkBackupFile } = await import('../../main/core/backups');
  const { openApp } = await import('../../main/core/app');
  const { LATEST_VERSION } = await import('../../main/core/ledger/migrations');
  const dir = path.join(app.dir, 'backups');
  const yesterday = await takeBackup(app.ledger.db, dir, 'daily', new Date('2026-11-24T08:00:00Z'));
  const count = (db: Database.Database) => (db.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }).n;
  const before = count(app.ledger.db);
  // Today's mistake: a hundred residents marked as moved out.
  app.ledger.db.prepare("UPDATE residents SET status = 'moved_out' WHERE id <= 100").run();
  expect(checkBackupFile(yesterday.file, LATEST_VERSION).residents).toBe(before);
  const kept = await restoreFrom(app.ledger.db, app.file, yesterday.file, LATEST_VERSION);
  let reopened = openApp(app.file, 'cli');
  expect((reopened.ledger.db.prepare("SELECT count(*) AS n FROM residents WHERE status = 'moved_out'").get() as { n: number }).n).toBe(0);
  expect(reopened.ledger.db.pragma('integrity_check', { simple: true })).toBe('ok');
  // Undo: the ledger as it was before the restore comes back.
  await restoreFrom(reopened.ledger.db, app.file, kept.file, LATEST_VERSION);
  reopened = openApp(app.file, 'cli');
  expect((reopened.ledger.db.prepare("SELECT count(*) AS n FROM residents WHERE status = 'moved_out'").get() as { n: number }).n).toBe(100);
  reopened.close();
  app = openTempApp(); // for afterEach
  expect(() => checkBackupFile(path.join(dir, 'nope.db'), LATEST_VERSION)).toThrowError(expect.objectContaining({ code: 'backup.notFound' }));
});
