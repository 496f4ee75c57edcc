import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../main/core/ledger';
import { LATEST_VERSION, migrations } from '../../main/core/ledger/migrations';
import { resolveLedgerPath } from '../../main/core/paths';
import { tempDir } from '../support/ledger';

describe('the ledger file', () => {
  it('opens a fresh ledger with WAL, synchronous FULL and foreign keys, at the latest version', () => {
    const file = path.join(tempDir(), 'a.db');
    const l = openLedger(file);
    expect(l.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(l.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(l.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(l.db.pragma('integrity_check', { simple: true })).toBe('ok');
    l.close();
  });

  it('runs every migration from each earlier version, backing up first and keeping records', () => {
    for (let from = 1; from < LATEST_VERSION; from++) {
      const dir = tempDir();
      const file = path.join(dir, 'a.db');
      const db = new Database(file);
      for (const m of migrations.filter((x) => x.version <= from)) m.up(db);
      db.pragma(`user_version = ${from}`);
      db.prepare("INSERT INTO settings(key, value) VALUES ('canary', 'kept')").run();
      db.close();
      const l = openLedger(file);
      expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(l.db.prepare("SELECT value FROM settings WHERE key = 'canary'").get()).toEqual({ value: 'kept' });
      expect(l.migrationBackup && fs.existsSync(l.migrationBackup)).toBe(true);
      l.close();
    }
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
  });

  it('refuses a ledger from a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'new.db');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openLedger(file)).toThrowError(expect.objectContaining({ code: 'ledger.tooNew', params: { found: LATEST_VERSION + 5, supported: LATEST_VERSION } }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('takes --db over LINLI_DB over the app-data folder', () => {
    expect(resolveLedgerPath(['--db', '/tmp/x.db'], { LINLI_DB: '/tmp/y.db' })).toBe('/tmp/x.db');
    expect(resolveLedgerPath(['--db=/tmp/z.db'], {})).toBe('/tmp/z.db');
    expect(resolveLedgerPath([], { LINLI_DB: '/tmp/y.db' })).toBe('/tmp/y.db');
    expect(resolveLedgerPath([], { XDG_CONFIG_HOME: '/home/u/.config' })).toBe(path.join('/home/u/.config', 'Linli', 'linli.db'));
  });
});
