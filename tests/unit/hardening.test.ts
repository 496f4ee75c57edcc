import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openApp, type App } from '../../main/app';
import { keysPathFor, readKeys } from '../../main/core/keys';
import { newSession, type Session } from '../../main/core/session';
import { scrubDigits } from '../../main/core/audit';
import { isWeakPassword } from '../../shared/rules/passwords';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import { maskIdNumber } from '../../shared/rules/mask';
import type { Input, MethodName } from '../../shared/contract';
import { setUpCommunity, tempDir } from '../support/ledger';
import { validId } from '../support/sheets';
import { browserArgs } from '../../main/shells/browser/findBrowser';

const PASSWORD = 'correct-horse-2026';
const apps: App[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const a of apps.splice(0)) a.close();
});

async function as<M extends MethodName>(app: App, session: Session, method: M, input: Input<M>) {
  const r = await app.dispatch(session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.messageKey} ${JSON.stringify(r.issues ?? [])}`);
  return r.value as Record<string, unknown>;
}

/** A real first run: an encrypted ledger, its key file, its administrator and a community. */
async function ledgerWithAdmin(): Promise<{ app: App; file: string; admin: Session }> {
  const file = path.join(tempDir(), 'linli.db');
  const app = openApp(file, 'browser');
  apps.push(app);
  const admin = newSession();
  await as(app, admin, 'auth.createAdmin', { username: 'admin', displayName: '管理员', password: PASSWORD });
  await setUpCommunity({ ...app, call: (m, i) => app.dispatch(admin, m, i) });
  return { app, file, admin };
}

/** The same ledger as another process (or a restart) sees it: sealed. */
function reopen(file: string): App {
  const a = openApp(file, 'browser');
  apps.push(a);
  return a;
}

describe('the lockout holds against guesses sent at once', () => {
  it('nine wrong passwords at the same moment are nine counted tries: the right one is then refused', async () => {
    const { file } = await ledgerWithAdmin();
    const sealed = reopen(file);
    const guesses = await Promise.all(Array.from({ length: 9 }, (_x, i) => sealed.dispatch(newSession(), 'auth.login', { username: 'admin', password: `wrong-guess-${i}` })));
    expect(guesses.every((g) => !g.ok)).toBe(true);
    expect(guesses.filter((g) => !g.ok && g.code === 'auth.lockedOut').length).toBeGreaterThanOrEqual(4);
    expect(await sealed.dispatch(newSession(), 'auth.login', { username: 'admin', password: PASSWORD })).toMatchObject({ ok: false, code: 'auth.lockedOut' });
    const entry = Object.values(readKeys(keysPathFor(file))!.throttle)[0]!;
    expect(Date.parse(entry.until)).toBeGreaterThan(Date.now() + 9 * 60_000);
  });

  it('an unknown name costs the same scrypt as a real one, and its entries go once the lockout is over', async () => {
    const { file } = await ledgerWithAdmin();
    const sealed = reopen(file);
    const time = async (username: string) => {
      const t = performance.now();
      await sealed.dispatch(newSession(), 'auth.login', { username, password: 'wrong-guess' });
      return performance.now() - t;
    };
    const known = await time('admin');
    const unknown = await time('nobody-here');
    // The same work either way (one scrypt): measured as a ratio in the same run, not as a duration.
    expect(unknown / known).toBeGreaterThan(0.5);
    for (const name of ['made-up-1', 'made-up-2', 'made-up-3']) await time(name);
    expect(Object.keys(readKeys(keysPathFor(file))!.throttle).length).toBe(5);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11 * 60_000);
    await time('admin');
    // Only the try just made is left: the made-up names' entries are gone.
    expect(Object.keys(readKeys(keysPathFor(file))!.throttle).length).toBe(1);
  });
});

describe('a lost or emptied ledger is never made anew over its keys', () => {
  it('an empty linli.db beside its .keys: first-run calls refuse, the keys stay, sign-in says restore', async () => {
    const { app, file } = await ledgerWithAdmin();
    app.close();
    const keysBefore = fs.readFileSync(keysPathFor(file), 'utf8');
    fs.writeFileSync(file, '');
    for (const ext of ['-wal', '-shm']) fs.rmSync(file + ext, { force: true });
    const again = reopen(file);
    expect(again.vault.onDisk).toBe('gone');
    const created = await again.dispatch(newSession(), 'auth.createAdmin', { username: 'intruder', displayName: 'x', password: 'another-pass-2026' });
    expect(created).toMatchObject({ ok: false, code: 'ledger.gone' });
    const signIn = await again.dispatch(newSession(), 'auth.login', { username: 'admin', password: PASSWORD });
    expect(signIn).toMatchObject({ ok: false, code: 'ledger.gone' });
    expect(Object.keys(readKeys(keysPathFor(file))!.slots)).toEqual(Object.keys(JSON.parse(keysBefore).slots));
    expect(fs.statSync(file).size).toBe(0);
  });

  it('a key file cut mid-JSON, and one from another ledger, are named for what they are', async () => {
    const { app, file, admin } = await ledgerWithAdmin();
    await as(app, admin, 'backups.create', {});
    const other = await ledgerWithAdmin();
    app.close();
    other.app.close();
    const keys = fs.readFileSync(keysPathFor(file), 'utf8');
    fs.writeFileSync(keysPathFor(file), keys.slice(0, keys.length / 2));
    expect(await reopen(file).dispatch(newSession(), 'auth.login', { username: 'admin', password: PASSWORD })).toMatchObject({ ok: false, code: 'ledger.keysDamaged', params: { file: 'linli.db.keys' } });
    fs.copyFileSync(keysPathFor(other.file), keysPathFor(file));
    expect(await reopen(file).dispatch(newSession(), 'auth.login', { username: 'admin', password: PASSWORD })).toMatchObject({ ok: false, code: 'ledger.keysOfAnother' });
  });
});

describe('files are this user’s alone', () => {
  it.skipIf(process.platform === 'win32')('ledger, WAL, key file and backups are 0600; the backups folder 0700', async () => {
    const { app, file, admin } = await ledgerWithAdmin();
    await as(app, admin, 'backups.create', {});
    const mode = (f: string) => fs.statSync(f).mode & 0o777;
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(keysPathFor(file))).toBe(0o600);
    const dir = path.join(path.dirname(file), 'backups');
    expect(mode(dir)).toBe(0o700);
    for (const f of fs.readdirSync(dir)) expect(mode(path.join(dir, f))).toBe(0o600);
  });
});

describe('what a locked or half-signed-in session is told', () => {
  it('a locked screen gets neither permissions nor the ledger path; a signed-out one no path', async () => {
    const { app, admin } = await ledgerWithAdmin();
    await as(app, admin, 'auth.lock', {});
    const status = await as(app, admin, 'auth.status', {});
    expect(status).toMatchObject({ locked: true, user: { username: 'admin', permissions: [] } });
    expect(await as(app, admin, 'app.info', {})).toMatchObject({ ledgerPath: '' });
    expect(await as(app, newSession(), 'app.info', {})).toMatchObject({ ledgerPath: '' });
    await as(app, admin, 'auth.unlock', { password: PASSWORD });
    expect((await as(app, admin, 'app.info', {})).ledgerPath).toBe(app.vault.ledgerPath);
  });

  it('refuses the common and trivially weak passwords, keeping the length rule', async () => {
    for (const p of ['12345678', 'aaaaaaaa', 'password', 'Password', 'qwertyuiop', 'abcabcabc', '87654321', '1q2w3e4r']) expect(isWeakPassword(p), p).toBe(true);
    for (const p of [PASSWORD, 'temporary-2026', 'linli-e2e-2026', '我家门口有三棵树']) expect(isWeakPassword(p), p).toBe(false);
    const { app, admin } = await ledgerWithAdmin();
    for (const password of ['12345678', 'aaaaaaaa', 'password']) {
      const r = await app.dispatch(admin, 'users.create', { username: 'zhang', displayName: '张', role: 'staff', password });
      expect(r).toMatchObject({ ok: false, code: 'invalidInput', issues: [{ path: 'password', messageKey: 'auth.passwordWeak' }] });
    }
    expect(await app.dispatch(admin, 'users.create', { username: 'zhang', displayName: '张', role: 'staff', password: 'short' })).toMatchObject({ issues: [{ messageKey: 'auth.passwordShort' }] });
  });
});

describe('text no person types is refused in words', () => {
  it('a NUL in a search, a lone surrogate, a zero-width-only name and a direction override', async () => {
    const { app, admin } = await ledgerWithAdmin();
    const tree = (await as(app, admin, 'community.tree', {})) as unknown as { buildings: { id: number }[] }[];
    const person = (name: string) => ({ name, idNumber: validId('11010519800101001'), gender: '1', relation: '02', residenceType: 'registered', placement: { kind: 'new' as const, buildingId: tree[0]!.buildings[0]!.id, room: '101' } });
    expect(await app.dispatch(admin, 'residents.search', { q: '王\u0000' })).toMatchObject({ ok: false, code: 'invalidInput', issues: [{ path: 'q', messageKey: 'validation.controlChars' }] });
    expect(await app.dispatch(admin, 'residents.create', person('王\ud800芳'))).toMatchObject({ ok: false, issues: [{ path: 'name', messageKey: 'validation.controlChars' }] });
    expect(await app.dispatch(admin, 'residents.create', person('\u200b'))).toMatchObject({ ok: false, issues: [{ path: 'name', messageKey: 'validation.invisibleOnly' }] });
    expect(await app.dispatch(admin, 'residents.create', person('王\u202e芳'))).toMatchObject({ ok: false, issues: [{ path: 'name', messageKey: 'validation.bidiChars' }] });
    // A name of other scripts, a middle dot and a note over several lines are real text.
    expect((await app.dispatch(admin, 'residents.create', { ...person('阿依古丽·买买提'), note: '第一行\n第二行' })).ok).toBe(true);
  });
});

describe('the activity log keeps no plain ID number or phone', () => {
  it('masks what a caller passed, whatever the method, and leaves dates and file names alone', async () => {
    const id = validId('11010519770707913');
    expect(scrubDigits(`{"q":"${id}"}`)).toBe(`{"q":"110105********${id.slice(-4)}"}`);
    expect(scrubDigits('{"q":"11010519"}')).toBe('{"q":"********"}');
    expect(scrubDigits('phone 13812345678')).toBe('phone 138****5678');
    expect(scrubDigits('linli-20261201-203000-daily.db 2026-12-01T20:30:00Z')).toBe('linli-20261201-203000-daily.db 2026-12-01T20:30:00Z');
    const { app, admin } = await ledgerWithAdmin();
    await as(app, admin, 'residents.export', { q: id, lang: 'zh-CN' } as never);
    await as(app, admin, 'residents.roster', { q: '13812345678' } as never);
    const details = app.ledger.db.prepare('SELECT actor || record || detail FROM audit_log').pluck().all() as string[];
    const log = details.join('\n');
    expect(log).toContain('110105********');
    for (const plain of [id, '13812345678', '11010519']) expect(log).not.toContain(plain);
    expect(log).not.toMatch(/\d{7,}/);
  });
});

describe('a masked ID cannot be rebuilt, and digits are no probe', () => {
  it('without the reveal right: the birth year beside the mask, and a person found only by the whole number', async () => {
    const { app, admin } = await ledgerWithAdmin();
    const tree = (await as(app, admin, 'community.tree', {})) as unknown as { buildings: { id: number }[] }[];
    const id = validId('11010519770707913');
    await as(app, admin, 'residents.create', { name: '金丝雀', idNumber: id, phone: '13812345678', gender: '1', relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId: tree[0]!.buildings[0]!.id, room: '602' } });
    const as_ = (role: 'mediator' | 'staff', permissions: readonly string[]): Session => ({ ...newSession(), user: { id: 1, username: 'admin', displayName: role, role, mustChangePassword: false }, permissions: new Set(permissions) as Session['permissions'] });
    const mediator = as_('mediator', DEFAULT_PERMISSIONS.mediator);
    const viewer = as_('staff', DEFAULT_PERMISSIONS.staff.filter((p) => p !== 'residents.reveal'));
    const find = async (s: Session, q: string) => (await as(app, s, 'mediation.findResidents' as never, { q } as never)) as unknown as { birthDate: string; idMasked: string }[];
    // A mediator probing digit by digit finds nothing; the whole number (which they already know) finds the person.
    for (const q of ['138', '1381234', '13812345', '110105', '11010519', '9133']) expect(await find(mediator, q), q).toEqual([]);
    expect((await find(mediator, '13812345678')).length).toBe(1);
    const [found] = await find(mediator, id);
    expect(found).toMatchObject({ birthDate: '1977', idMasked: maskIdNumber(id) });
    // The resident list and page of someone who may not reveal: the year, the age, the standard mask.
    const list = (await as(app, viewer, 'residents.search', { q: '金丝雀' } as never)) as unknown as { rows: { id: number; birthDate: string; age: number }[] };
    expect(list.rows[0]).toMatchObject({ birthDate: '1977', age: expect.any(Number) });
    expect(((await as(app, viewer, 'residents.search', { q: '1381234' } as never)) as unknown as { total: number }).total).toBe(0);
    expect(((await as(app, viewer, 'residents.search', { q: '602' } as never)) as unknown as { total: number }).total).toBe(1); // a room number still finds
    expect(await as(app, viewer, 'residents.get', { id: list.rows[0]!.id })).toMatchObject({ birthDate: '1977' });
    // Someone who may reveal sees the date, and finds by fragments.
    expect(await as(app, admin, 'residents.get', { id: list.rows[0]!.id })).toMatchObject({ birthDate: '1977-07-07' });
    expect(((await as(app, admin, 'residents.search', { q: '1381234' } as never)) as unknown as { total: number }).total).toBe(1);
  });
});

describe('the window and the packaged app', () => {
  it('the app window is opened through a local page in a private window: no token or launch code on the command line', () => {
    const args = browserArgs('file:///home/u/.config/Linli/browser-profile/linli-open.html', '/home/u/.config/Linli/browser-profile', false);
    expect(args).toContain('--incognito');
    expect(args.join(' ')).not.toMatch(/launch=|[?&]t=/);
    expect(args[0]).toBe('--app=file:///home/u/.config/Linli/browser-profile/linli-open.html');
  });

  it('Electron is pinned to a supported major and packaged with its fuses set', () => {
    const root = path.resolve(__dirname, '..', '..');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    // Only the newest three majors get security fixes: 43–45 as of December 2026.
    expect(Number(/(\d+)\./.exec(pkg.devDependencies.electron!)![1])).toBeGreaterThanOrEqual(43);
    expect(pkg.devDependencies.electron).toMatch(/^~/);
    const builder = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    for (const line of ['runAsNode: false', 'enableNodeOptionsEnvironmentVariable: false', 'enableNodeCliInspectArguments: false', 'enableEmbeddedAsarIntegrityValidation: true', 'onlyLoadAppFromAsar: true'])
      expect(builder).toContain(line);
  });
});
