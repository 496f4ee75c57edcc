import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../../shared/rules/roles';
import { AppError } from '../../core/errors';
import { stmt, type Db } from '../../core/ledger';
import { appendAudit } from '../../core/audit';
import { checkPassword } from '../../core/passwords';
import { unwrapKey, userTag, wrapKey, wrapKeySync, type KeyFile } from '../../core/keys';
import type { Vault } from '../../core/vault';

export interface UserRecord {
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

export const userByName = (db: Db, username: string) => stmt(db, 'SELECT * FROM users WHERE username = ?').get(username.trim()) as UserRecord | undefined;
export const userById = (db: Db, id: number) => stmt(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRecord | undefined;

/** Is the ledger encrypted (open under a key, or sealed on disk)? Then passwords are checked by their key slot. */
export const encrypted = (vault: Vault) => vault.key !== null || vault.onDisk === 'encrypted';

function keyFile(vault: Vault): KeyFile {
  const keys = vault.keys();
  if (!keys) throw new AppError('auth.keysMissing', { file: vault.keysPath });
  return keys;
}

/**
 * Five wrong passwords lock the account for ten minutes, counted where a restart does not reset them:
 * in the key-slot file for an encrypted ledger (the ledger cannot be written before it is opened),
 * in the users table for a ledger from before encryption.
 */
function throttleOf(vault: Vault, username: string): { failures: number; until: string } {
  if (encrypted(vault)) return keyFile(vault).throttle[userTag(username)] ?? { failures: 0, until: '' };
  const u = userByName(vault.ledger.db, username);
  return { failures: u?.failed_logins ?? 0, until: u?.locked_until ?? '' };
}

function setThrottle(vault: Vault, username: string, t: { failures: number; until: string }): void {
  if (encrypted(vault)) {
    const keys = keyFile(vault);
    if (t.failures === 0 && !t.until) delete keys.throttle[userTag(username)];
    else keys.throttle[userTag(username)] = t;
    vault.saveKeys(keys);
  } else stmt(vault.ledger.db, 'UPDATE users SET failed_logins = ?, locked_until = ? WHERE username = ?').run(t.failures, t.until, username.trim());
}

function refuseWhileLockedOut(vault: Vault, username: string): void {
  const { until } = throttleOf(vault, username);
  const now = Date.now();
  if (until && Date.parse(until) > now) throw new AppError('auth.lockedOut', { minutes: Math.ceil((Date.parse(until) - now) / 60_000) });
}

function countFailure(vault: Vault, username: string, method: string, userId: number | null): never {
  const failed = throttleOf(vault, username).failures + 1;
  const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000).toISOString() : '';
  setThrottle(vault, username, { failures: lockedUntil ? 0 : failed, until: lockedUntil });
  if (vault.isOpen) appendAudit(vault.ledger.db, { actor: username, userId, action: 'login_failed', method, detail: lockedUntil ? 'locked out' : `${failed}` });
  if (lockedUntil) throw new AppError('auth.lockedOut', { minutes: LOCKOUT_MINUTES });
  throw new AppError('auth.badCredentialsLeft', { left: MAX_FAILED_LOGINS - failed });
}

/**
 * Checks a user's password and, for an encrypted ledger, unwraps the ledger key with it (one scrypt
 * either way). Opens a sealed ledger. Returns the user's record and, the first time, the key.
 */
export async function verifyCredentials(vault: Vault, username: string, password: string, method: string): Promise<{ user: UserRecord; key: Buffer | null }> {
  refuseWhileLockedOut(vault, username);
  let key: Buffer | null = null;
  if (encrypted(vault)) {
    const slot = keyFile(vault).slots[userTag(username)];
    key = slot ? await unwrapKey(slot, password, userTag(username)) : null;
    if (!key) {
      // A user the ledger knows without a slot: disabled (the slot went with it), or the ledger was
      // encrypted after their password was set.
      const known = !slot && vault.isOpen ? userByName(vault.ledger.db, username) : undefined;
      if (known) throw new AppError(known.disabled ? 'auth.disabled' : 'auth.needsReset');
      countFailure(vault, username, method, null);
    }
    vault.open(key);
  }
  const user = userByName(vault.ledger.db, username);
  if (!user) {
    if (encrypted(vault)) throw new AppError('auth.badCredentials'); // a slot without its user: a removed account
    appendAudit(vault.ledger.db, { actor: '', userId: null, action: 'login_failed', method, detail: 'unknown user' });
    throw new AppError('auth.badCredentials');
  }
  if (user.disabled) throw new AppError('auth.disabled');
  if (!encrypted(vault) && !(await checkPassword(password, user.password_hash))) countFailure(vault, username, method, user.id);
  const t = throttleOf(vault, username);
  if (t.failures || t.until) setThrottle(vault, username, { failures: 0, until: '' });
  return { user, key };
}

/** A user's slot for a new password. Inside a write's transaction: written before it commits, so a failure aborts both. */
export function setSlotSync(vault: Vault, username: string, password: string): void {
  if (!vault.key) return;
  const keys = keyFile(vault);
  keys.slots[userTag(username)] = wrapKeySync(vault.key, password, userTag(username));
  delete keys.throttle[userTag(username)];
  vault.saveKeys(keys);
}

export async function setSlot(vault: Vault, username: string, password: string, keys: KeyFile | null = vault.keys()): Promise<void> {
  if (!vault.key) return;
  const file = keys ?? { format: 1 as const, slots: {}, throttle: {} };
  file.slots[userTag(username)] = await wrapKey(vault.key, password, userTag(username));
  delete file.throttle[userTag(username)];
  vault.saveKeys(file);
}

/** A disabled account keeps its history but loses its key slot: its password no longer opens the file. */
export function removeSlot(vault: Vault, username: string): void {
  const keys = vault.key ? vault.keys() : null;
  if (!keys) return;
  delete keys.slots[userTag(username)];
  vault.saveKeys(keys);
}

/** Until when wrong passwords keep this account out ('' when they do not). */
export function lockedUntil(vault: Vault, u: UserRecord): string {
  const until = throttleOf(vault, u.username).until;
  return until > new Date().toISOString() ? until : '';
}

export const hasSlot = (vault: Vault, username: string) => !vault.key || !!vault.keys()?.slots[userTag(username)];
