import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupIfDue, backupsToRemove, checkBackupFile, listBackups, restoreFrom, takeBackup, type BackupFile } from '../../main/core/backups';
import { openApp, openHealthyApp } from '../../main/app';
import { LATEST_VERSION } from '../../main/core/ledger/migrations';
import type { Db } from '../../main/core/ledger';
import { seedCommunity } from '../../main/modules/residents/seed';
import { openRaw, openTempApp, TEST_KEY } from '../support/ledger';

type TestApp = ReturnType<typeof openTempApp>;
let app: TestApp;
beforeEach(() => {
  app = openTempApp();
  seedCommunity(app.ledger.db, 500);
});
afterEach(() => app.close());

const rows = (db: Db) => db.prepare('SELECT id, name, id_number, household_id, status FROM residents ORDER BY id').all();
const count = (db: Db, where = '1') => db.prepare(`SELECT count(*) FROM residents WHERE ${where}`).pluck().get() as number;

describe('automatic backups', () => {
  it('a backup holds every row, passes its check, and is encrypted like the ledger', async () => {
    const b = await takeBackup(app.vault, 'daily');
    const copy = openRaw(b.file, { readonly: true });
    expect(rows(copy)).toEqual(rows(app.ledger.db));
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(listBackups(path.join(app.dir, 'backups')).map((x) => x.file)).toEqual([b.file]);
    const someone = rows(app.ledger.db)[0] as { name: string; id_number: string };
    const bytes = fs.readFileSync(b.file);
    expect(bytes.includes(Buffer.from(someone.name))).toBe(false);
    expect(bytes.includes(Buffer.from(someone.id_number))).toBe(false);
  });

  it('is one snapshot while another connection keeps writing', async () => {
    // A second writer in a thread of its own, as a second window or process would be.
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const D = require(${JSON.stringify(require.resolve('better-sqlite3-multiple-ciphers'))});
       const db = new D(workerData.file);
       db.pragma("key = \\"x'" + workerData.key + "'\\"");
       db.pragma('busy_timeout = 5000');
       const add = db.prepare("INSERT INTO settings(key, value) VALUES (?, 'x')");
       let n = 0;
       parentPort.on('message', () => { parentPort.postMessage(n); process.exit(0); });
       const tick = () => {
         db.transaction(() => { for (let i = 0; i < 20; i++) add.run('w' + (n++)); })();
         if (n === 100) parentPort.postMessage('writing');
         setImmediate(tick);
       };
       tick();`,
      { eval: true, workerData: { file: app.file, key: TEST_KEY.toString('hex') } },
    );
    // The copy starts once the writer has committed a few transactions, however slow the machine.
    await new Promise((resolve) => worker.once('message', resolve));
    const b = await takeBackup(app.vault, 'auto');
    const written = await new Promise<number>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage('stop');
    });
    const copy = openRaw(b.file, { readonly: true });
    const inCopy = copy.prepare("SELECT key FROM settings WHERE key LIKE 'w%'").pluck().all() as string[];
    copy.close();
    // Whole transactions only, in order: w0 … w(k-1) with k a multiple of 20, and the writer went on after.
    expect(inCopy.length % 20).toBe(0);
    expect(inCopy.length).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(inCopy.length);
    expect(new Set(inCopy)).toEqual(new Set(Array.from({ length: inCopy.length }, (_x, i) => `w${i}`)));
  });

  it('makes one a day: not again within the day, again the next; every few hours while open', async () => {
    const t0 = new Date('2026-11-20T08:00:00Z');
    expect(await backupIfDue(app.vault, undefined, t0)).not.toBeNull();
    expect(await backupIfDue(app.vault, undefined, new Date('2026-11-20T17:00:00Z'))).toBeNull();
    expect(await backupIfDue(app.vault, 4 * 3_600_000, new Date('2026-11-20T17:00:00Z'))).not.toBeNull();
    expect(await backupIfDue(app.vault, undefined, new Date('2026-11-21T18:00:00Z'))).not.toBeNull();
    expect(listBackups(path.join(app.dir, 'backups'))).toHaveLength(3);
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
      expect(await backupIfDue(empty.vault)).toBeNull();
      fs.writeFileSync(path.join(app.dir, 'not-a-dir'), '');
      empty.ledger.db.prepare("INSERT INTO settings(key, value) VALUES ('backup_dir', ?)").run(path.join(app.dir, 'not-a-dir', 'x'));
      seedCommunity(empty.ledger.db, 5);
      expect(await backupIfDue(empty.vault)).toBeNull();
    } finally {
      empty.close();
    }
  });
});

describe('startup health', () => {
  it('a damaged ledger is not opened, and the user is pointed at the newest backup', async () => {
    await takeBackup(app.vault, 'daily');
    app.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    app.close();
    // Scribble over a few pages in the middle of the file, as a failing disk would.
    const fd = fs.openSync(app.file, 'r+');
    const size = fs.fstatSync(fd).size;
    for (let p = Math.floor(size / 4096 / 2); p < Math.floor(size / 4096 / 2) + 4; p++) fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, p * 4096);
    fs.closeSync(fd);
    let caught: unknown;
    try {
      openApp(app.file, 'browser', { key: TEST_KEY, healthCheck: true }).close();
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'ledger.damagedWithBackup', params: { backup: expect.stringMatching(/^linli-\d{8}-\d{6}-daily\.db$/) } });
    app = openTempApp(); // for afterEach
  });

  it('a file SQLite cannot read at all gets the same plain answer', () => {
    const file = path.join(app.dir, 'scribbled.db');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
    expect(() => openApp(file, 'browser', { key: TEST_KEY, healthCheck: true })).toThrowError(expect.objectContaining({ code: 'ledger.damaged' }));
    // Without a key the shells wait for a sign-in: the file is looked at when someone signs in.
    expect(openHealthyApp(file, 'browser').vault.isOpen).toBe(false);
  });
});

describe('restore', () => {
  it('restores a backup, keeps the ledger it replaced, and the restore can be undone', async () => {
    const yesterday = await takeBackup(app.vault, 'daily', new Date('2026-11-24T08:00:00Z'));
    const before = count(app.ledger.db);
    // Today's mistake: a hundred residents marked as moved out.
    app.ledger.db.prepare("UPDATE residents SET status = 'moved_out' WHERE id <= 100").run();
    expect(checkBackupFile(yesterday.file, LATEST_VERSION, TEST_KEY).residents).toBe(before);
    const kept = await restoreFrom(app.vault, yesterday.file, LATEST_VERSION);
    expect(count(app.ledger.db, "status = 'moved_out'")).toBe(0);
    expect(app.ledger.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Undo: the ledger as it was before the restore comes back.
    await restoreFrom(app.vault, kept.file, LATEST_VERSION);
    expect(count(app.ledger.db, "status = 'moved_out'")).toBe(100);
    expect(() => checkBackupFile(path.join(app.dir, 'nope.db'), LATEST_VERSION, TEST_KEY)).toThrowError(expect.objectContaining({ code: 'backup.notFound' }));
  });

  it('refuses a backup of another ledger (another key) and a file that is no ledger', async () => {
    const other = openTempApp();
    other.close();
    const foreign = openApp(path.join(other.dir, 'foreign.db'), 'cli', { key: Buffer.alloc(32, 9) });
    seedCommunity(foreign.ledger.db, 3);
    const b = await takeBackup(foreign.vault, 'daily');
    foreign.close();
    expect(() => checkBackupFile(b.file, LATEST_VERSION, TEST_KEY)).toThrowError(expect.objectContaining({ code: 'backup.otherLedger' }));
    const junk = path.join(app.dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all');
    expect(() => checkBackupFile(junk, LATEST_VERSION, TEST_KEY)).toThrowError(expect.objectContaining({ code: 'backup.otherLedger' }));
  });
});
