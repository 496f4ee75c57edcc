import type { AuditRow, CurrentUser } from '../../../shared/contract/auth';
import { translate } from '../../../shared/i18n/resources';
import { loadExcel } from '../../core/excel';
import { PERMISSIONS, type Permission } from '../../../shared/contract';
import { DEFAULT_IDLE_MINUTES } from '../../../shared/rules/roles';
import { AppError } from '../../core/errors';
import { plucked, getSetting, stmt, type Db } from '../../core/ledger';
import { appendAudit, verifyAudit } from '../../core/audit';
import { hashPassword, hashPasswordSync } from '../../core/passwords';
import { encryptInPlace, quickCheck } from '../../core/ledger';
import { keyFromRecoveryCode, newLedgerKey, recoveryCodeFor } from '../../core/keys';
import { hasSlot, lockedUntil, removeSlot, setSlot, setSlotSync, userById, userByName, verifyCredentials, type UserRecord } from './credentials';
import fs from 'node:fs';
import path from 'node:path';
import { encryptPlainBackups } from '../../core/backups';
import type { CallContext, HandlerMap } from '../../core/dispatch';
import type { Session } from '../../core/session';

function permissionsOf(db: Db, role: string): Permission[] {
  const row = plucked(db, 'SELECT permissions FROM roles WHERE name = ?').get(role) as string | undefined;
  return row ? (JSON.parse(row) as Permission[]) : [];
}

function signIn(ctx: CallContext, u: UserRecord): CurrentUser {
  const permissions = permissionsOf(ctx.db, u.role);
  const s: Session = ctx.session;
  s.user = { id: u.id, username: u.username, displayName: u.display_name, role: u.role, mustChangePassword: !!u.must_change_password };
  s.permissions = new Set(permissions);
  s.locked = false;
  s.lastSeen = Date.now();
  return { ...s.user, permissions };
}

function keysReadable(vault: CallContext['vault']): boolean {
  try {
    return vault.keys() !== null;
  } catch {
    return false;
  }
}

/** Who is signed in; a locked screen shows only whose it is, not what they may do. */
function current(ctx: CallContext): CurrentUser | null {
  const u = ctx.session.user;
  return u ? { ...u, permissions: ctx.session.locked ? [] : [...ctx.session.permissions] } : null;
}

/**
 * A ledger from before encryption, encrypted when its administrator signs in: a checked copy first,
 * then every page rewritten under a new key; the administrator's password gets the first key slot.
 * The other accounts get theirs when the administrator resets their passwords.
 */
async function encryptLedger(ctx: CallContext, username: string, password: string): Promise<string> {
  const key = newLedgerKey();
  const copy = encryptInPlace(ctx.vault.ledger, key);
  ctx.vault.keyed(key);
  await setSlot(ctx.vault, username, password, true);
  // The copy taken first is plain: it goes once the encrypted ledger reads back whole. Any other plain
  // copy (the one taken before the migration) is encrypted under the new key and listed as a backup.
  if (quickCheck(ctx.db) === 'ok') fs.rmSync(copy, { force: true });
  encryptPlainBackups(path.dirname(copy), key);
  ctx.audit('encrypted', 'ledger');
  return recoveryCodeFor(key);
}

function auditWhere(f: { actor?: string; action?: string; record?: string; from?: string; to?: string }): { where: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const add = (sql: string, value: string | undefined) => {
    if (!value) return;
    parts.push(sql);
    params.push(value);
  };
  add('actor = ?', f.actor);
  add('action = ?', f.action);
  add('record = ?', f.record);
  add('at >= ?', f.from);
  add('at < ?', f.to && `${f.to}T99`);
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export const accountsHandlers: HandlerMap<
  | 'auth.status'
  | 'auth.createAdmin'
  | 'auth.login'
  | 'auth.recover'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
  | 'roles.list'
  | 'roles.setPermissions'
  | 'users.list'
  | 'users.create'
  | 'users.resetPassword'
  | 'users.setDisabled'
  | 'audit.list'
  | 'audit.export'
  | 'audit.verify'
> = {
  'auth.status': (_i, ctx) => {
    // Sealed: whoever has a key slot can sign in; no slots and no file yet means the first run.
    if (!ctx.vault.isOpen) {
      const slots = Object.keys(ctx.vault.keys()?.slots ?? {}).length;
      return { hasUsers: slots > 0 || ctx.vault.onDisk === 'encrypted', user: null, locked: false, idleMinutes: DEFAULT_IDLE_MINUTES };
    }
    return {
      hasUsers: !!stmt(ctx.db, 'SELECT 1 FROM users LIMIT 1').get(),
      user: current(ctx),
      locked: ctx.session.locked,
      idleMinutes: Number(getSetting(ctx.db, 'idle_minutes') ?? DEFAULT_IDLE_MINUTES),
    };
  },
  'auth.createAdmin': async ({ username, displayName, password }, ctx) => {
    const vault = ctx.vault;
    // A ledger lost or emptied is restored from a backup, never started again over its keys.
    if (!vault.isOpen && vault.onDisk === 'gone') throw vault.goneError();
    if (fs.existsSync(vault.keysPath) && !vault.key && vault.onDisk !== 'plain') throw new AppError('auth.adminExists');
    // The first run: the ledger is created here, encrypted under a new key.
    if (!vault.isOpen && vault.onDisk === 'new') vault.open(newLedgerKey(), true, true);
    if (!vault.isOpen || stmt(ctx.db, 'SELECT 1 FROM users LIMIT 1').get()) throw new AppError('auth.adminExists');
    const hash = await hashPassword(password);
    // Checked again after the (slow) hash: two first-run windows must not both create an administrator.
    const id = ctx.db.transaction(() => {
      if (stmt(ctx.db, 'SELECT 1 FROM users LIMIT 1').get()) throw new AppError('auth.adminExists');
      const newId = Number(stmt(ctx.db, "INSERT INTO users(username, display_name, role, password_hash) VALUES (?, ?, 'admin', ?)").run(username, displayName, hash).lastInsertRowid);
      appendAudit(ctx.db, { actor: username, userId: newId, action: 'create_admin', method: 'auth.createAdmin', record: `user:${newId}` });
      return newId;
    }).immediate();
    const me = signIn(ctx, userById(ctx.db, id)!);
    if (!vault.key) return { ...me, recoveryCode: await encryptLedger(ctx, username, password) };
    await setSlot(vault, username, password, true);
    return { ...me, recoveryCode: recoveryCodeFor(vault.key) };
  },
  'auth.login': async ({ username, password }, ctx) => {
    const { user } = await verifyCredentials(ctx.vault, username, password, 'auth.login');
    const me = signIn(ctx, user);
    ctx.audit('login', `user:${user.id}`);
    if (!ctx.vault.key && user.role === 'admin') return { ...me, recoveryCode: await encryptLedger(ctx, user.username, password) };
    return me;
  },
  'auth.recover': async ({ username, recoveryCode, password }, ctx) => {
    const vault = ctx.vault;
    const key = keyFromRecoveryCode(recoveryCode);
    if (!key) throw new AppError('auth.badRecoveryCode');
    if (!vault.isOpen) {
      try {
        vault.open(key, false);
      } catch (err) {
        if (err instanceof AppError && err.code === 'ledger.wrongKey') throw new AppError('auth.wrongRecoveryCode');
        throw err;
      }
    } else if (!vault.key || !key.equals(vault.key)) throw new AppError('auth.wrongRecoveryCode');
    const u = userByName(ctx.db, username);
    if (!u) throw new AppError('auth.userNotFound');
    // A new slot for this user; a lost or damaged slot file is started afresh (the others are reset by the administrator).
    await setSlot(vault, u.username, password, !keysReadable(vault));
    stmt(ctx.db, "UPDATE users SET password_hash = ?, must_change_password = 0, failed_logins = 0, locked_until = '', disabled = 0 WHERE id = ?").run(
      await hashPassword(password),
      u.id,
    );
    const me = signIn(ctx, userById(ctx.db, u.id)!);
    ctx.audit('recovered', `user:${u.id}`);
    return me;
  },
  'auth.logout': (_i, ctx) => {
    ctx.audit('logout');
    ctx.session.user = null;
    ctx.session.permissions = new Set();
    ctx.session.locked = false;
    return {};
  },
  'auth.lock': (_i, ctx) => {
    ctx.session.locked = true;
    ctx.audit('lock');
    return {};
  },
  'auth.unlock': async ({ password }, ctx) => {
    const { user } = await verifyCredentials(ctx.vault, ctx.session.user!.username, password, 'auth.unlock');
    ctx.audit('unlock');
    return signIn(ctx, user);
  },
  'auth.changePassword': async ({ current: old, next }, ctx) => {
    const { user: u } = await verifyCredentials(ctx.vault, ctx.session.user!.username, old, 'auth.changePassword');
    const hash = await hashPassword(next);
    // The key is rewrapped for the new password; the ledger itself is not touched.
    await setSlot(ctx.vault, u.username, next);
    stmt(ctx.db, 'UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?').run(hash, u.id);
    ctx.session.user!.mustChangePassword = false;
    ctx.audit('password_changed', `user:${u.id}`);
    return {};
  },
  'roles.list': (_i, ctx) =>
    (stmt(ctx.db, 'SELECT name, permissions FROM roles ORDER BY rowid').all() as { name: string; permissions: string }[]).map((r) => ({
      name: r.name,
      permissions: JSON.parse(r.permissions) as Permission[],
    })),
  'roles.setPermissions': ({ role, permissions }, ctx) => {
    // The administrator can never take away what is needed to give it back.
    if (role === 'admin' && !(['users.manage', 'backups.manage', 'audit.view'] as const).every((p) => permissions.includes(p))) throw new AppError('roles.adminKeeps');
    const unique = PERMISSIONS.filter((p) => permissions.includes(p));
    const before = plucked(ctx.db, 'SELECT permissions FROM roles WHERE name = ?').get(role) as string;
    stmt(ctx.db, 'UPDATE roles SET permissions = ? WHERE name = ?').run(JSON.stringify(unique), role);
    ctx.record(`role:${role}`);
    ctx.audit('permissions_changed', `role:${role}`, `${before} → ${JSON.stringify(unique)}`);
    return { role };
  },
  'users.list': (_i, ctx) =>
    (stmt(ctx.db, 'SELECT id, username, display_name, role, disabled, locked_until, created_at FROM users ORDER BY id').all() as (UserRecord & { created_at: string })[]).map(
      (u) => ({
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        role: u.role,
        disabled: !!u.disabled,
        lockedUntil: lockedUntil(ctx.vault, u),
        createdAt: u.created_at,
        needsReset: !u.disabled && !hasSlot(ctx.vault, u.username),
      }),
    ),
  // Writes must be synchronous inside dispatch's transaction: the hash is made with the synchronous scrypt here.
  'users.create': ({ username, displayName, role, password }, ctx) => {
    if (userByName(ctx.db, username)) throw new AppError('auth.usernameTaken', { username });
    const id = Number(
      stmt(ctx.db, 'INSERT INTO users(username, display_name, role, password_hash, must_change_password) VALUES (?, ?, ?, ?, 1)').run(username, displayName, role, hashPasswordSync(password))
        .lastInsertRowid,
    );
    setSlotSync(ctx.vault, username, password);
    ctx.record(`user:${id}`);
    return { id };
  },
  'users.resetPassword': ({ id, password }, ctx) => {
    const u = userById(ctx.db, id);
    if (!u) throw new AppError('auth.userNotFound');
    stmt(ctx.db, "UPDATE users SET password_hash = ?, must_change_password = 1, failed_logins = 0, locked_until = '' WHERE id = ?").run(hashPasswordSync(password), id);
    setSlotSync(ctx.vault, u.username, password);
    ctx.record(`user:${id}`);
    return { id };
  },
  'users.setDisabled': ({ id, disabled }, ctx) => {
    const u = userById(ctx.db, id);
    if (!u) throw new AppError('auth.userNotFound');
    if (disabled && u.role === 'admin' && (plucked(ctx.db, "SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0").get() as number) <= 1)
      throw new AppError('auth.lastAdmin');
    if (disabled && id === ctx.session.user?.id) throw new AppError('auth.notYourself');
    stmt(ctx.db, 'UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
    // Its password must no longer open the file; enabling again needs a new password from the administrator.
    if (disabled) removeSlot(ctx.vault, u.username);
    ctx.record(`user:${id}`);
    return { id };
  },
  'audit.list': ({ offset, limit, ...filters }, ctx) => {
    const { where, params } = auditWhere(filters);
    const total = plucked(ctx.db, `SELECT count(*) FROM audit_log ${where}`).get(...params) as number;
    // The person's name as the log shows it; an account renamed or gone keeps its username.
    const rows = stmt(
      ctx.db,
      `SELECT a.id, a.at, a.actor, coalesce(u.display_name, '') AS actorName, a.action, a.method, a.record, a.detail, a.desk
       FROM (SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?) a LEFT JOIN users u ON u.username = a.actor ORDER BY a.id DESC`,
    ).all(...params, limit, offset) as AuditRow[];
    return { total, rows };
  },
  'audit.export': async ({ lang, ...filters }, ctx) => {
    const { where, params } = auditWhere(filters);
    const t = (k: string) => translate(lang, `common:audit.${k}`);
    const wb = new (await loadExcel()).Workbook();
    const ws = wb.addWorksheet(t('title'));
    ws.addRow(['#', t('at'), t('actor'), t('desk'), t('action'), t('method'), t('record'), t('detail'), 'hash']);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    const rows = stmt(ctx.db, `SELECT id, at, actor, action, method, record, detail, desk, hash FROM audit_log ${where} ORDER BY id LIMIT 500000`).iterate(...params) as Iterable<AuditRow & { hash: string }>;
    for (const r of rows) ws.addRow([r.id, r.at, r.actor, r.desk, translate(lang, `common:audit.actions.${r.action}`, { defaultValue: r.action }), r.method, r.record, r.detail, r.hash]);
    [8, 26, 14, 14, 16, 26, 18, 60, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ctx.audit('export', 'audit_log', JSON.stringify(filters));
    return { fileName: `${t('title')}-${new Date().toISOString().slice(0, 10)}.xlsx`, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
  },
  'audit.verify': (_i, ctx) => verifyAudit(ctx.db),
};
