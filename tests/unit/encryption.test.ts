import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, type App } from '../../main/app';
import { connect, fileKind } from '../../main/core/ledger';
import { keyFromRecoveryCode, keysPathFor, readKeys, recoveryCodeFor } from '../../main/core/keys';
import { checkBackupFile, listBackups, takeBackup } from '../../main/core/backups';
import { LATEST_VERSION } from '../../main/core/ledger/migrations';
import { newSession, type Session } from '../../main/core/session';
import type { Input, MethodName } from '../../shared/contract';
import { setUpCommunity, tempDir } from '../support/ledger';
import { validId } from '../support/sheets';

const PASSWORD = 'correct-horse-2026';
const CANARY = { name: '金丝雀甲乙', idNumber: validId('11010519770707707') };

async function as<M extends MethodName>(app: App, session: Session, method: M, input: Input<M>) {
  const r = await app.dispatch(session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.messageKey}`);
  return r.value as Record<string, unknown>;
}

/** A first run as the shells have it: no file, no key; the administrator's creation makes both. */
async function firstRun(): Promise<{ app: App; file: string; admin: Session; recoveryCode: string }> {
  const file = path.join(tempDir(), 'linli.db');
  const app = openApp(file, 'browser');
  expect(app.vault.isOpen).toBe(false);
  const admin = newSession();
  const me = await as(app, admin, 'auth.createAdmin', { username: 'admin', displayName: '管理员', password: PASSWORD });
  return { app, file, admin, recoveryCode: me.recoveryCode as string };
}

const contains = (file: string, text: string) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(text));

describe('the ledger at rest', () => {
  it('holds a resident’s name and ID nowhere in plain bytes: not in the file, its WAL or a backup', async () => {
    const { app, file, admin } = await firstRun();
    await setUpCommunity(app);
    const building = (app.ledger.db.prepare('SELECT id FROM buildings LIMIT 1').get() as { id: number }).id;
    await as(app, admin, 'residents.create', { ...CANARY, gender: '1', relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId: building, unit: '1', room: '101' } } as never);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0); // the canary's pages are in the WAL now
    const backup = await takeBackup(app.vault, 'daily');
    for (const f of [file, `${file}-wal`, backup.file]) {
      expect(contains(f, CANARY.name), f).toBe(false);
      expect(contains(f, CANARY.idNumber), f).toBe(false);
    }
    app.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(contains(file, CANARY.name)).toBe(false);
    expect(fileKind(file)).toBe('encrypted');
    // The key-slot file holds no names either: slots are under hashes of the user names.
    expect(contains(keysPathFor(file), 'admin')).toBe(false);
    app.close();
  });

  it('stays sealed until a password unwraps its key; a wrong password or key fails cleanly', async () => {
    const { app, file } = await firstRun();
    app.close();
    const again = openApp(file, 'browser');
    expect(again.vault.isOpen).toBe(false);
    expect(await again.dispatch(newSession(), 'residents.search', {})).toMatchObject({ ok: false, code: 'authRequired' });
    expect(await again.dispatch(newSession(), 'auth.status', {})).toMatchObject({ ok: true, value: { hasUsers: true, user: null } });
    expect(await again.dispatch(newSession(), 'auth.login', { username: 'admin', password: 'not-the-password' })).toMatchObject({ ok: false, code: 'auth.badCredentialsLeft' });
    expect(again.vault.isOpen).toBe(false);
    expect(() => connect(file, { key: Buffer.alloc(32, 1) })).toThrowError(expect.objectContaining({ code: 'ledger.wrongKey' }));
    expect(() => connect(file).prepare('SELECT * FROM residents').all()).toThrow();
    const s = newSession();
    expect((await again.dispatch(s, 'auth.login', { username: 'admin', password: PASSWORD })).ok).toBe(true);
    expect(again.vault.isOpen).toBe(true);
    expect((await again.dispatch(s, 'residents.search', {})).ok).toBe(true);
    again.close();
  });

  it('a changed or reset password rewraps the key; a disabled account’s password no longer opens the file', async () => {
    const { app, file, admin, recoveryCode } = await firstRun();
    const { id } = await as(app, admin, 'users.create', { username: 'zhang', displayName: '张', role: 'staff', password: 'first-password-1' });
    const zhang = newSession();
    await as(app, zhang, 'auth.login', { username: 'zhang', password: 'first-password-1' });
    await as(app, zhang, 'auth.changePassword', { current: 'first-password-1', next: 'second-password-2' });
    app.close();
    const sealed = () => openApp(file, 'browser');
    let a = sealed();
    expect(await a.dispatch(newSession(), 'auth.login', { username: 'zhang', password: 'first-password-1' })).toMatchObject({ ok: false });
    expect((await a.dispatch(newSession(), 'auth.login', { username: 'zhang', password: 'second-password-2' })).ok).toBe(true);
    // Still the same key: the recovery code from the first run opens it.
    expect(keyFromRecoveryCode(recoveryCode)!.equals(a.vault.key!)).toBe(true);
    const adm = newSession();
    await as(a, adm, 'auth.login', { username: 'admin', password: PASSWORD });
    await as(a, adm, 'users.setDisabled', { id: id as number, disabled: true });
    a.close();
    a = sealed();
    expect(await a.dispatch(newSession(), 'auth.login', { username: 'zhang', password: 'second-password-2' })).toMatchObject({ ok: false });
    expect(a.vault.isOpen).toBe(false);
    a.close();
  });

  it('the recovery code opens the ledger and sets a new password, even with the key file lost', async () => {
    const { app, file, recoveryCode } = await firstRun();
    app.close();
    fs.rmSync(keysPathFor(file));
    const a = openApp(file, 'browser');
    expect(await a.dispatch(newSession(), 'auth.login', { username: 'admin', password: PASSWORD })).toMatchObject({ ok: false, code: 'auth.keysMissing' });
    expect(await a.dispatch(newSession(), 'auth.recover', { username: 'admin', recoveryCode: 'ABCDE-12345', password: 'new-password-9' })).toMatchObject({
      ok: false,
      code: 'auth.badRecoveryCode',
    });
    const otherCode = recoveryCodeFor(Buffer.alloc(32, 3));
    expect(await a.dispatch(newSession(), 'auth.recover', { username: 'admin', recoveryCode: otherCode, password: 'new-password-9' })).toMatchObject({
      ok: false,
      code: 'auth.wrongRecoveryCode',
    });
    // Typed in lower case, with spaces instead of dashes, as people do.
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    const s = newSession();
    expect((await a.dispatch(s, 'auth.recover', { username: 'admin', recoveryCode: typed, password: 'new-password-9' })).ok).toBe(true);
    expect((await a.dispatch(s, 'audit.list', { action: 'recovered' })).ok).toBe(true);
    a.close();
    expect(Object.keys(readKeys(keysPathFor(file))!.slots)).toHaveLength(1);
    const b = openApp(file, 'browser');
    expect((await b.dispatch(newSession(), 'auth.login', { username: 'admin', password: 'new-password-9' })).ok).toBe(true);
    b.close();
  });

  it.each([
    [1, null],
    [2, 'admin'],
  ] as const)('a released v%i ledger from before encryption is encrypted in place when its administrator signs in', async (version, adminName) => {
    const dir = tempDir();
    const file = path.join(dir, 'linli.db');
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', `ledger-v${version}.db`), file);
    // A copy an earlier release left under its own name, outside the backup list.
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.copyFileSync(file, path.join(dir, 'backups', `linli-v${version}-before-migration-2026-05-01T08-30-00-000Z.db`));
    const plain = connect(file, { readonly: true });
    const residents = plain.prepare('SELECT id, name, id_number FROM residents ORDER BY id').all() as { name: string; id_number: string }[];
    plain.close();
    const a = openApp(file, 'browser');
    expect(a.vault.isOpen).toBe(true); // a plain ledger opens as it is, for its users to sign in
    const s = newSession();
    const me = adminName
      ? await as(a, s, 'auth.login', { username: adminName, password: 'fixture-2026' })
      : await as(a, s, 'auth.createAdmin', { username: 'admin', displayName: '管理员', password: PASSWORD });
    expect(keyFromRecoveryCode(me.recoveryCode as string)).not.toBeNull();
    expect(fileKind(file)).toBe('encrypted');
    expect(a.ledger.db.prepare('SELECT id, name, id_number FROM residents ORDER BY id').all()).toEqual(residents);
    a.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(contains(file, residents[3]!.name)).toBe(false);
    // No plain copy is left behind: the copy taken before encrypting went once the ledger read back whole,
    // and the copies taken before the migration (this release's and an earlier one's) are encrypted
    // under the new key, listed as backups (so shown and thinned), and this user's alone.
    const files = fs.readdirSync(path.join(dir, 'backups'));
    expect(files.filter((f) => fileKind(path.join(dir, 'backups', f)) === 'plain')).toEqual([]);
    const listed = listBackups(path.join(dir, 'backups'));
    expect(listed.map((b) => path.basename(b.file))).toEqual(expect.arrayContaining([expect.stringMatching(/^linli-\d{8}-\d{6}-before-migration\.db$/), 'linli-20260501-083000-before-migration.db']));
    expect(listed.length).toBe(files.length);
    const key = keyFromRecoveryCode(me.recoveryCode as string)!;
    for (const b of listed) {
      expect(contains(b.file, residents[3]!.name)).toBe(false);
      expect(checkBackupFile(b.file, LATEST_VERSION, key).residents).toBeGreaterThan(0);
      if (process.platform !== 'win32') expect(fs.statSync(b.file).mode & 0o777).toBe(0o600);
    }
    a.close();
    const b = openApp(file, 'browser');
    expect(b.vault.isOpen).toBe(false);
    expect((await b.dispatch(newSession(), 'auth.login', { username: 'admin', password: adminName ? 'fixture-2026' : PASSWORD })).ok).toBe(true);
    b.close();
  });
});
