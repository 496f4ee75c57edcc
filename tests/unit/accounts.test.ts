import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app';
import { newSession, type Session } from '../../main/core/session';
import { contract, methodNames } from '../../shared/contract';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import { ROLES } from '../../shared/rules/roles';
import { ok, openTempApp, setUpCommunity } from '../support/ledger';

type TestApp = ReturnType<typeof openTempApp>;
let app: TestApp;
beforeEach(() => {
  app = openTempApp();
});
afterEach(() => app.close());

const PASSWORD = 'correct-horse-2026';

async function signedIn(a: { dispatch: TestApp['dispatch'] }, username: string, password = PASSWORD, keepTemporary = false): Promise<Session> {
  const s = newSession();
  const r = await a.dispatch(s, 'auth.login', { username, password });
  if (!r.ok) throw new Error(`login ${username}: ${r.messageKey}`);
  // A new account's temporary password opens nothing until it is replaced (here by itself).
  if ((r.value as { mustChangePassword: boolean }).mustChangePassword && !keepTemporary) {
    const changed = await a.dispatch(s, 'auth.changePassword', { current: password, next: password });
    if (!changed.ok) throw new Error(`change password ${username}: ${changed.messageKey}`);
  }
  return s;
}

async function withAdmin(): Promise<Session> {
  const s = newSession();
  const r = await app.dispatch(s, 'auth.createAdmin', { username: 'admin', displayName: '管理员', password: PASSWORD });
  expect(r.ok).toBe(true);
  return s;
}

describe('roles and permissions', () => {
  it('every method under every role is allowed exactly where the matrix says', async () => {
    for (const role of ROLES) {
      for (const method of methodNames) {
        // A fresh session per call: auth.logout and auth.lock change the one they are given.
        const session: Session = { ...newSession(), user: { id: 1, username: role, displayName: role, role, mustChangePassword: false }, permissions: new Set(DEFAULT_PERMISSIONS[role]) };
        const access = contract[method].permission;
        const allowed = access === 'public' || access === 'signedIn' || DEFAULT_PERMISSIONS[role].includes(access);
        const r = await app.dispatch(session, method, {});
        const refused = !r.ok && r.code === 'forbidden';
        expect(refused, `${role} × ${method}`).toBe(!allowed);
      }
    }
    // Signed out, only the public methods answer at all.
    for (const method of methodNames) {
      const r = await app.dispatch(newSession(), method, {});
      if (contract[method].permission !== 'public') expect(r, method).toMatchObject({ ok: false, code: 'authRequired' });
    }
  });

  it('staff see the ledger; a mediator and a party secretary do not', async () => {
    const admin = await withAdmin();
    await setUpCommunity(app);
    for (const [username, role] of [['zhang', 'staff'], ['li', 'mediator'], ['zhao', 'secretary']] as const) {
      expect((await app.dispatch(admin, 'users.create', { username, displayName: username, role, password: PASSWORD })).ok).toBe(true);
    }
    expect((await app.dispatch(await signedIn(app, 'zhang'), 'residents.search', {})).ok).toBe(true);
    expect(await app.dispatch(await signedIn(app, 'li'), 'residents.search', {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await app.dispatch(await signedIn(app, 'zhao'), 'residents.get', { id: 1 })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await app.dispatch(await signedIn(app, 'zhang'), 'users.list', {})).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('the permission matrix', () => {
  it('an administrator changes what a role may do; it holds from the next sign-in, and the administrator cannot lock themselves out', async () => {
    const admin = await withAdmin();
    await setUpCommunity(app);
    await app.dispatch(admin, 'users.create', { username: 'zhang', displayName: '张', role: 'staff', password: PASSWORD });
    expect((await app.dispatch(await signedIn(app, 'zhang'), 'residents.export', { lang: 'zh-CN' })).ok).toBe(true);
    const staff = DEFAULT_PERMISSIONS.staff.filter((p) => p !== 'residents.export');
    expect((await app.dispatch(admin, 'roles.setPermissions', { role: 'staff', permissions: staff })).ok).toBe(true);
    expect(await app.dispatch(await signedIn(app, 'zhang'), 'residents.export', { lang: 'zh-CN' })).toMatchObject({ ok: false, code: 'forbidden' });
    const list = await app.dispatch(admin, 'roles.list', {});
    expect(list.ok && (list.value as { name: string; permissions: string[] }[]).find((r) => r.name === 'staff')!.permissions).toEqual(staff);
    expect(await app.dispatch(admin, 'roles.setPermissions', { role: 'admin', permissions: ['residents.view'] })).toMatchObject({ ok: false, code: 'roles.adminKeeps' });
    expect(app.ledger.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'permissions_changed'").pluck().get()).toBe(1);
  });
});

describe('signing in', () => {
  it('five wrong passwords lock the account for ten minutes, and a restart does not reset it', async () => {
    const admin = await withAdmin();
    await app.dispatch(admin, 'users.create', { username: 'zhang', displayName: '张', role: 'staff', password: PASSWORD });
    for (let i = 1; i <= 4; i++) {
      expect(await app.dispatch(newSession(), 'auth.login', { username: 'zhang', password: 'wrong-password' })).toMatchObject({ ok: false, code: 'auth.badCredentialsLeft', params: { left: 5 - i } });
    }
    expect(await app.dispatch(newSession(), 'auth.login', { username: 'zhang', password: 'wrong-password' })).toMatchObject({ ok: false, code: 'auth.lockedOut', params: { minutes: 10 } });
    const failures = app.ledger.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'login_failed'").get() as { n: number };
    expect(failures.n).toBe(5);
    app.close();
    // A restart: the ledger is sealed again and the count lives beside it, so the right password still waits.
    const again = openApp(app.file, 'cli');
    try {
      expect(await again.dispatch(newSession(), 'auth.login', { username: 'zhang', password: PASSWORD })).toMatchObject({ ok: false, code: 'auth.lockedOut' });
      expect(again.vault.isOpen).toBe(false);
      // The administrator is not held up by someone else's lockout.
      expect((await again.dispatch(newSession(), 'auth.login', { username: 'admin', password: PASSWORD })).ok).toBe(true);
    } finally {
      again.close();
      app = openTempApp(); // afterEach closes something
    }
  });

  it('a disabled account cannot sign in, and the last administrator cannot be disabled', async () => {
    const admin = await withAdmin();
    const created = await app.dispatch(admin, 'users.create', { username: 'zhang', displayName: '张', role: 'staff', password: PASSWORD });
    const id = created.ok ? (created.value as { id: number }).id : 0;
    await app.dispatch(admin, 'users.setDisabled', { id, disabled: true });
    expect(await app.dispatch(newSession(), 'auth.login', { username: 'zhang', password: PASSWORD })).toMatchObject({ ok: false, code: 'auth.disabled' });
    expect(await app.dispatch(admin, 'users.setDisabled', { id: admin.user!.id, disabled: true })).toMatchObject({ ok: false, code: 'auth.lastAdmin' });
  });

  it('a reset password must be changed; the new one works and the old one does not', async () => {
    const admin = await withAdmin();
    await app.dispatch(admin, 'users.create', { username: 'zhang', displayName: '张', role: 'staff', password: PASSWORD });
    const s = await signedIn(app, 'zhang', PASSWORD, true);
    expect(s.user!.mustChangePassword).toBe(true);
    // Until it is changed, the account can do nothing else: the main process refuses, not only the screen.
    expect(await app.dispatch(s, 'residents.search', {})).toMatchObject({ ok: false, code: 'mustChangePassword', messageKey: 'auth.mustChangePassword' });
    expect(await app.dispatch(s, 'users.list', {})).toMatchObject({ ok: false, code: 'mustChangePassword' });
    expect((await app.dispatch(s, 'auth.changePassword', { current: PASSWORD, next: 'my-own-secret' })).ok).toBe(true);
    expect((await app.dispatch(newSession(), 'auth.login', { username: 'zhang', password: 'my-own-secret' })).ok).toBe(true);
    expect((await app.dispatch(newSession(), 'auth.login', { username: 'zhang', password: PASSWORD })).ok).toBe(false);
  });

  it('stores only a salted scrypt hash with its parameters', async () => {
    await withAdmin();
    const { password_hash } = app.ledger.db.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(password_hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(password_hash).not.toContain(PASSWORD);
  });
});

describe('locking', () => {
  it('an idle session locks, a locked session is refused, and the password unlocks it', async () => {
    const admin = await withAdmin();
    admin.lastSeen = Date.now() - 11 * 60_000;
    expect(await app.dispatch(admin, 'residents.search', {})).toMatchObject({ ok: false, code: 'locked' });
    expect(await app.dispatch(admin, 'community.tree', {})).toMatchObject({ ok: false, code: 'locked' });
    expect(await app.dispatch(admin, 'auth.unlock', { password: 'not-it-at-all' })).toMatchObject({ ok: false });
    expect((await app.dispatch(admin, 'auth.unlock', { password: PASSWORD })).ok).toBe(true);
    expect((await app.dispatch(admin, 'residents.search', {})).ok).toBe(true);
    expect((await app.dispatch(admin, 'auth.lock', {})).ok).toBe(true);
    expect(await app.dispatch(admin, 'residents.search', {})).toMatchObject({ ok: false, code: 'locked' });
  });
});

describe('need-to-know and the audit log', () => {
  it('a reveal without permission is refused and logged; with permission it is logged with its reason', async () => {
    const admin = await withAdmin();
    const tree = await setUpCommunity(app);
    const r = await ok(app, 'residents.create', { name: '张三丰', idNumber: '11010519491231002X', gender: '2', relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId: tree[0]!.buildings[0]!.id, unit: '1', room: '101' } });
    const viewer: Session = { ...newSession(), user: { id: 7, username: 'viewer', displayName: 'v', role: 'staff', mustChangePassword: false }, permissions: new Set(['residents.view']) };
    expect(await app.dispatch(viewer, 'residents.reveal', { id: r.id, reason: '好奇' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await app.dispatch(admin, 'residents.reveal', { id: r.id, reason: '开具居住证明' })).ok).toBe(true);
    const log = app.ledger.db.prepare("SELECT actor, action, record, detail FROM audit_log WHERE action IN ('refused', 'reveal') ORDER BY id").all();
    expect(log).toEqual([
      { actor: 'viewer', action: 'refused', record: '', detail: 'residents.reveal' },
      { actor: 'admin', action: 'reveal', record: `resident:${r.id}`, detail: '开具居住证明' },
    ]);
    const all = JSON.stringify(app.ledger.db.prepare('SELECT * FROM audit_log').all());
    expect(all).not.toContain('11010519491231002X');
  });

  it('a changed, deleted or cut-off entry is detected by verify', async () => {
    const admin = await withAdmin();
    await setUpCommunity(app);
    await app.dispatch(admin, 'auth.lock', {});
    await app.dispatch(admin, 'auth.unlock', { password: PASSWORD });
    expect(await ok(app, 'audit.verify', {})).toMatchObject({ ok: true, brokenAt: null });
    const db = app.ledger.db;
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
    // Someone with the file and a SQLite tool can drop the guards; the chain still gives them away.
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
    db.prepare("UPDATE audit_log SET actor = 'someone' WHERE id = 2").run();
    expect(await ok(app, 'audit.verify', {})).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('a deleted entry in the middle, or the newest ones cut off, are detected too', async () => {
    const admin = await withAdmin();
    await setUpCommunity(app);
    await app.dispatch(admin, 'auth.lock', {});
    const db = app.ledger.db;
    db.exec('DROP TRIGGER audit_log_no_delete');
    const n = (db.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m;
    db.prepare('DELETE FROM audit_log WHERE id = ?').run(n);
    expect((await ok(app, 'audit.verify', {})).ok).toBe(false);
    db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect((await ok(app, 'audit.verify', {})).ok).toBe(false);
  });
});

describe('the activity log for an inspection', () => {
  it('exports the filtered log as a sheet with its hashes, and the export is itself logged', async () => {
    const admin = await withAdmin();
    await setUpCommunity(app);
    await app.dispatch(newSession(), 'auth.login', { username: 'admin', password: 'wrong-password' });
    const r = await app.dispatch(admin, 'audit.export', { action: 'login_failed', lang: 'zh-CN' });
    expect(r.ok).toBe(true);
    const file = (r as { value: { fileName: string; base64: string } }).value;
    expect(file.fileName).toMatch(/^操作记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((row) => row.slice(1));
    expect(rows[0]).toEqual(['#', '时间', '操作人', '电脑', '动作', '操作', '对象', '说明', 'hash']);
    expect(rows.slice(1).map((row) => row[4])).toEqual(['登录失败']);
    expect(app.ledger.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export' AND record = 'audit_log'").pluck().get()).toBe(1);
  });
});
