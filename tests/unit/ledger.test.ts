import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { connect, openLedger } from '../../main/core/ledger';
import { LATEST_VERSION, migrations } from '../../main/core/ledger/migrations';
import { resolveLedgerPath } from '../../main/core/paths';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import { tempDir } from '../support/ledger';
import { FIXTURE_KEY } from '../fixtures/fixtureKey';

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

  // Ledgers written by the programs themselves, one per schema version (v1: the foundation; v2: accounts
  // and audit; v3 on: tests/fixtures/makeLedger.ts with the program as it was at that version, a record in
  // every module it had; makeReleasedLedgers.sh). Encrypted from v4, when the ledger was. A version that
  // lands adds its file, and this list follows the files.
  const fixtureVersions = fs
    .readdirSync(path.join(__dirname, '..', 'fixtures'))
    .map((f) => /^ledger-v(\d+)\.db$/.exec(f)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  it('has a fixture ledger for every schema version', () => {
    expect(fixtureVersions).toEqual(migrations.map((m) => m.version));
  });
  it.each(fixtureVersions)('migrates the v%i fixture to the latest, keeping every record', (version) => {
    const dir = tempDir();
    const file = path.join(dir, 'linli.db');
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', `ledger-v${version}.db`), file);
    const key = fs.readFileSync(file).subarray(0, 15).toString('latin1') === 'SQLite format 3' ? null : FIXTURE_KEY;
    const raw = connect(file, { readonly: true, key });
    expect(raw.pragma('user_version', { simple: true })).toBe(version);
    // Every table of the file except the search index's own shadow tables and SQLite's.
    const tables = (raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[])
      .filter((t) => !t.sql.startsWith('CREATE VIRTUAL') && !/^(resident_fts|resident_short)_|^sqlite_/.test(t.name))
      .map((t) => t.name)
      .filter((t) => t !== 'settings'); // migrations may add settings; the old ones are compared below
    const snapshot = (db: Database.Database) => ({
      counts: Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()])),
      residents: db.prepare('SELECT id, name, id_number, gender, birth_date, household_id, relation, status, tags FROM residents ORDER BY id').all(),
      settings: db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[],
    });
    const before = snapshot(raw);
    raw.close();
    expect(before.counts.residents).toBeGreaterThan(300);

    const l = openLedger(file, { key });
    expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const after = snapshot(l.db);
    // Migration 15 adds one built-in role (志愿服务协调员) to a ledger that has roles: nothing else changes in number.
    expect(after.counts).toEqual('roles' in before.counts && version < 15 ? { ...before.counts, roles: Number(before.counts.roles) + 1 } : before.counts);
    expect(after.residents).toEqual(before.residents);
    expect(after.settings).toEqual(expect.arrayContaining(before.settings));
    expect(l.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // A copy is kept before any migration runs (none runs on a ledger already at the latest version).
    if (version < LATEST_VERSION) expect(l.migrationBackup && fs.existsSync(l.migrationBackup)).toBe(true);
    // The roles of an older ledger gain the modules' permissions as the built-in roles have them.
    const perms = Object.fromEntries((l.db.prepare('SELECT name, permissions FROM roles').all() as { name: string; permissions: string }[]).map((r) => [r.name, JSON.parse(r.permissions) as string[]]));
    expect(perms.secretary).toEqual(expect.arrayContaining(['party.view', 'party.edit', 'party.export']));
    expect(perms.mediator).toContain('mediation.work');
    expect(perms.coordinator).toEqual(['volunteers.view', 'volunteers.edit', 'lists.view', 'desk.view']);
    expect(perms.secretary).toEqual(expect.arrayContaining(['consultation.view', 'consultation.review']));
    expect(perms.staff).toContain('certificates.issue');
    expect(perms.admin).toEqual(expect.arrayContaining(['party.view', 'certificates.approve', 'certificates.manage', 'mediation.all', 'lists.edit', 'backups.manage']));
    // A snooze the staff set (every fixture from v10 has one) names its module, as reminders are keyed since v16.
    if (Number(before.counts.reminder_snoozes ?? 0) > 0) expect(l.db.prepare('SELECT key FROM reminder_snoozes').pluck().all()).toEqual([expect.stringMatching(/^residents\.turning80:\d+$/)]);
    // The search index came through too: a seeded name is found by its first two characters.
    const someone = before.residents[5] as { id: number; name: string };
    expect(l.db.prepare('SELECT rowid FROM resident_short WHERE resident_short MATCH ?').pluck().all(`"${someone.name.slice(0, 2)}"`)).toContain(someone.id);
    l.close();
  });

  it("a new ledger's built-in roles hold the code's defaults: the frozen migrations grant each module's own", () => {
    const l = openLedger(path.join(tempDir(), 'a.db'));
    const stored = Object.fromEntries((l.db.prepare('SELECT name, permissions FROM roles').all() as { name: string; permissions: string }[]).map((r) => [r.name, (JSON.parse(r.permissions) as string[]).sort()]));
    l.close();
    expect(stored).toEqual(Object.fromEntries(Object.entries(DEFAULT_PERMISSIONS).map(([role, permissions]) => [role, [...permissions].sort()])));
  });

  it("carries every snooze over when the reminders took their module's name (migration 16), and no other", () => {
    const file = path.join(tempDir(), 'a.db');
    const db = new Database(file);
    for (const m of migrations.filter((x) => x.version <= 15)) m.up(db);
    db.pragma('user_version = 15');
    const snooze = db.prepare("INSERT INTO reminder_snoozes(user_id, key, until, reason) VALUES (1, ?, '2026-12-31', '等回复')");
    const kept = ['caseOpen30:4', 'followUp:12', 'judicial:3', 'devOverdue:7:2', 'probationDue:7', 'meetingPending:1:general:2026-12', 'duesArrears:2026-11', 'needOverdue:9', 'visitsDue:2026-12-01', 'problemOverdue:5', 'turning80:31', 'retentionDue:2026-12-01'];
    // Already a module's own, or only alike in its first letters: left as it is.
    const untouched = ['consultation.resultUnpublished:2', 'followUpX:1', 'judicialish'];
    for (const key of [...kept, ...untouched]) snooze.run(key);
    db.close();
    const l = openLedger(file);
    expect(l.db.prepare('SELECT key FROM reminder_snoozes ORDER BY key').pluck().all()).toEqual(
      [
        'mediation.caseOpen30:4', 'mediation.followUp:12', 'mediation.judicial:3', 'party.devOverdue:7:2', 'party.probationDue:7', 'party.meetingPending:1:general:2026-12', 'party.duesArrears:2026-11',
        'lists.needOverdue:9', 'visits.householdsDue:2026-12-01', 'visits.problemOverdue:5', 'residents.turning80:31', 'retention.due:2026-12-01', ...untouched,
      ].sort(),
    );
    expect(l.db.prepare("SELECT count(*) FROM reminder_snoozes WHERE until = '2026-12-31' AND reason = '等回复'").pluck().get()).toBe(kept.length + untouched.length);
    l.close();
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
