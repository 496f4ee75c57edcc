import type { CurrentUser } from '../../../shared/contract/auth';
import type { Permission } from '../../../shared/contract';
import { DEFAULT_IDLE_MINUTES, LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../../shared/rules/roles';
import { AppError } from '../../core/errors';
import { getSetting, stmt, type Db } from '../../core/ledger';
import { appendAudit, verifyAudit } from '../../core/audit';
import { checkPassword, hashPassword, hashPasswordSync } from '../../core/passwords';
import type { CallContext, HandlerMap } from '../../core/dispatch';
import type { Session } from '../../core/session';

interface UserRecord {
  id: number;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  failed_logins: number;
  locked_until: string;
  disabled: number;
  must_change_password: number;
}

const userByName = (db: Db, username: string) => stmt(db, 'SELECT * FROM users WHERE username = ?').get(username.trim()) as UserRecord | undefined;
const userById = (db: Db, id: number) => stmt(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRecord | undefined;

function permissionsOf(db: Db, role: string): Permission[] {
  const row = stmt(db, 'SELECT permissions FROM roles WHERE name = ?').pluck().get(role) as string | undefined;
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

function current(ctx: CallContext): CurrentUser | null {
  const u = ctx.session.user;
  return u ? { ...u, permissions: [...ctx.session.permissions] } : null;
}

/** Five wrong passwords lock the account for ten minutes, counted in the ledger so a restart does not reset it. */
async function verifyCredentials(ctx: CallContext, u: UserRecord | undefined, password: string, method: string): Promise<UserRecord> {
  const db = ctx.db;
  if (!u) {
    appendAudit(db, { actor: '', userId: null, action: 'login_failed', method, detail: 'unknown user' });
    throw new AppError('auth.badCredentials');
  }
  if (u.disabled) throw new AppError('auth.disabled');
  const now = new Date();
  if (u.locked_until && u.locked_until > now.toISOString()) {
    throw new AppError('auth.lockedOut', { minutes: Math.ceil((Date.parse(u.locked_until) - now.getTime()) / 60_000) });
  }
  if (!(await checkPassword(password, u.password_hash))) {
    const failed = u.failed_logins + 1;
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : '';
    stmt(db, 'UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(lockedUntil ? 0 : failed, lockedUntil, u.id);
    appendAudit(db, { actor: u.username, userId: u.id, action: 'login_failed', method, detail: lockedUntil ? 'locked out' : `${failed}` });
    if (lockedUntil) throw new AppError('auth.lockedOut', { minutes: LOCKOUT_MINUTES });
    throw new AppError('auth.badCredentialsLeft', { left: MAX_FAILED_LOGINS - failed });
  }
  if (u.failed_logins || u.locked_until) stmt(db, "UPDATE users SET failed_logins = 0, locked_until = '' WHERE id = ?").run(u.id);
  return u;
}

export const accountsHandlers: HandlerMap<
  | 'auth.status'
  | 'auth.createAdmin'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.create'
  | 'users.resetPassword'
  | 'users.setDisabled'
  | 'audit.list'
  | 'audit.verify'
> = {
  'auth.status': (_i, ctx) => ({
    hasUsers: !!stmt(ctx.db, 'SELECT 1 FROM users LIMIT 1').get(),
    user: current(ctx),
    locked: ctx.session.locked,
    idleMinutes: Number(getSetting(ctx.db, 'idle_minutes') ?? DEFAULT_IDLE_MINUTES),
  }),
  'auth.createAdmin': async ({ username, displayName, password }, ctx) => {
    if (stmt(ctx.db, 'SELECT 1 FROM users LIMIT 1').get()) throw new AppError('auth.adminExists');
    const hash = await hashPassword(password);
    // Checked again after the (slow) hash: two first-run windows must not both create an administrator.
    const id = ctx.db.transaction(() => {
      if (stmt(ctx.db, 'SELECT 1 FROM users LIMIT 1').get()) throw new AppError('auth.adminExists');
      const newId = Number(stmt(ctx.db, "INSERT INTO users(username, display_name, role, password_hash) VALUES (?, ?, 'admin', ?)").run(username, displayName, hash).lastInsertRowid);
      appendAudit(ctx.db, { actor: username, userId: newId, action: 'create_admin', method: 'auth.createAdmin', record: `user:${newId}` });
      return newId;
    })();
    return signIn(ctx, userById(ctx.db, id)!);
  },
  'auth.login': async ({ username, password }, ctx) => {
    const u = await verifyCredentials(ctx, userByName(ctx.db, username), password, 'auth.login');
    const me = signIn(ctx, u);
    ctx.audit('login', `user:${u.id}`);
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
    const u = await verifyCredentials(ctx, userById(ctx.db, ctx.session.user!.id), password, 'auth.unlock');
    ctx.audit('unlock');
    return signIn(ctx, u);
  },
  'auth.changePassword': async ({ current: old, next }, ctx) => {
    const u = await verifyCredentials(ctx, userById(ctx.db, ctx.session.user!.id), old, 'auth.changePassword');
    const hash = await hashPassword(next);
    stmt(ctx.db, 'UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?').run(hash, u.id);
    ctx.session.user!.mustChangePassword = false;
    ctx.audit('password_changed', `user:${u.id}`);
    return {};
  },
  'users.list': (_i, ctx) =>
    (stmt(ctx.db, 'SELECT id, username, display_name, role, disabled, locked_until, created_at FROM users ORDER BY id').all() as (UserRecord & { created_at: string })[]).map(
      (u) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role, disabled: !!u.disabled, lockedUntil: u.locked_until, createdAt: u.created_at }),
    ),
  // Writes must be synchronous inside dispatch's transaction: the hash is made with the synchronous scrypt here.
  'users.create': ({ username, displayName, role, password }, ctx) => {
    if (userByName(ctx.db, username)) throw new AppError('auth.usernameTaken', { username });
    const id = Number(
      stmt(ctx.db, 'INSERT INTO users(username, display_name, role, password_hash, must_change_password) VALUES (?, ?, ?, ?, 1)').run(username, displayName, role, hashPasswordSync(password))
        .lastInsertRowid,
    );
    ctx.record(`user:${id}`);
    return { id };
  },
  'users.resetPassword': ({ id, password }, ctx) => {
    if (!userById(ctx.db, id)) throw new AppError('auth.userNotFound');
    stmt(ctx.db, "UPDATE users SET password_hash = ?, must_change_password = 1, failed_logins = 0, locked_until = '' WHERE id = ?").run(hashPasswordSync(password), id);
    ctx.record(`user:${id}`);
    return { id };
  },
  'users.setDisabled': ({ id, disabled }, ctx) => {
    const u = userById(ctx.db, id);
    if (!u) throw new AppError('auth.userNotFound');
    if (disabled && u.role === 'admin' && (stmt(ctx.db, "SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0").pluck().get() as number) <= 1)
      throw new AppError('auth.lastAdmin');
    if (disabled && id === ctx.session.user?.id) throw new AppError('auth.notYourself');
    stmt(ctx.db, 'UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
    ctx.record(`user:${id}`);
    return { id };
  },
  'audit.list': ({ actor, action, record, from, to, offset, limit }, ctx) => {
    const parts: string[] = [];
    const params: (string | number)[] = [];
    const add = (sql: string, value: string) => {
      parts.push(sql);
      params.push(value);
    };
    if (actor) add('actor = ?', actor);
    if (action) add('action = ?', action);
    if (record) add('record = ?', record);
    if (from) add('at >= ?', from);
    if (to) add('at < ?', `${to}T99`);
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const total = stmt(ctx.db, `SELECT count(*) FROM audit_log ${where}`).pluck().get(...params) as number;
    const rows = stmt(ctx.db, `SELECT id, at, actor, action, method, record, detail FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as {
      id: number;
      at: string;
      actor: string;
      action: string;
      method: string;
      record: string;
      detail: string;
    }[];
    return { total, rows };
  },
  'audit.verify': (_i, ctx) => verifyAudit(ctx.db),
};
