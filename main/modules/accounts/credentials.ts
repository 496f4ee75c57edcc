import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../../shared/rules/roles';
import { AppError } from '../../core/errors';
import { stmt, type Db } from '../../core/ledger';
import { appendAudit } from '../../core/audit';
import { checkPassword } from '../../core/passwords';
import { randomBytes } from 'node:crypto';
import { unwrapKey, updateKeys, userTag, wrapKey, wrapKeySync, writeKeys, type KeyFile, type Throttle, type Wrapped } from '../../core/keys';
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

/**
 * Is the ledger encrypted (open under a key, sealed on disk, or gone from beside its key file)? Then
 * passwords are checked by their key slot.
 */
export const encrypted = (vault: Vault) => vault.key !== null || vault.onDisk === 'encrypted' || vault.onDisk === 'gone';

function keyFile(vault: Vault, keys: KeyFile | null): KeyFile {
  if (!keys) throw new AppError('auth.keysMissing', { file: vault.keysPath });
  return keys;
}

/** A slot no password opens, unwrapped for unknown names: a wrong name costs the same time as a wrong password. */
const DECOY: Wrapped = { n: 2 ** 17, r: 8, p: 1, salt: randomBytes(16).toString('base64'), iv: randomBytes(12).toString('base64'), tag: randomBytes(16).toString('base64'), data: randomBytes(32).toString('base64') };
const DECOY_HASH = `scrypt$${2 ** 17}$8$1$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`;

/** Entries of made-up names go once their lock is over and nothing was tried for the lockout's length. */
function prune(throttle: KeyFile['throttle'], now: number): void {
  const keep = LOCKOUT_MINUTES * 60_000;
  for (const [tag, t] of Object.entries(throttle)) {
    const last = Math.max(Date.parse(t.until || '') || 0, Date.parse(t.at || '') || 0);
    if (now - last > keep) delete throttle[tag];
  }
  // A flood of made-up names within ten minutes: the file stays small, the oldest go first.
  const tags = Object.keys(throttle);
  if (tags.length > 500) tags.sort((a, b) => (throttle[a]!.at ?? '').localeCompare(throttle[b]!.at ?? '')).slice(0, tags.length - 500).forEach((t) => delete throttle[t]);
}

/**
 * Five wrong passwords lock the account for ten minutes, counted where a restart does not reset them:
 * in the key-slot file for an encrypted ledger (the ledger cannot be written before it is opened),
 * in the users table for a ledger from before encryption. Each try is counted, in one atomic step
 * with the lock check, before its (slow) password check: six guesses at once are six counted tries.
 * `change` gets the entry as stored and returns the one to store, and the refusal to throw once it is stored.
 */
type Verdict = { next: Throttle; refuse?: AppError };
function withThrottle(vault: Vault, username: string, change: (t: Throttle, now: number) => Verdict): void {
  const now = Date.now();
  let refuse: AppError | undefined;
  if (encrypted(vault)) {
    updateKeys(vault.keysPath, (stored) => {
      const keys = keyFile(vault, stored);
      const tag = userTag(username);
      const verdict = change(keys.throttle[tag] ?? { failures: 0, until: '' }, now);
      refuse = verdict.refuse;
      if (verdict.next.failures === 0 && !verdict.next.until) delete keys.throttle[tag];
      else keys.throttle[tag] = { ...verdict.next, at: new Date(now).toISOString() };
      prune(keys.throttle, now);
      writeKeys(vault.keysPath, keys);
    });
  } else {
    const db = vault.ledger.db;
    db.transaction(() => {
      const u = userByName(db, username);
      if (!u) return;
      const verdict = change({ failures: u.failed_logins, until: u.locked_until }, now);
      refuse = verdict.refuse;
      stmt(db, 'UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(verdict.next.failures, verdict.next.until, u.id);
    }).immediate();
  }
  if (refuse) throw refuse;
}

const lockedFor = (until: string, now: number) => new AppError('auth.lockedOut', { minutes: Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000)) });
const lockFrom = (now: number) => new Date(now + LOCKOUT_MINUTES * 60_000).toISOString();

/** Counts this try before its password is checked; refuses at once while locked or when five tries are already counted. */
function countTry(vault: Vault, username: string): void {
  withThrottle(vault, username, (t, now) => {
    if (t.until && Date.parse(t.until) > now) return { next: t, refuse: lockedFor(t.until, now) };
    const failures = t.until ? 0 : t.failures; // a lock that has run out starts the count again
    if (failures >= MAX_FAILED_LOGINS) {
      const until = lockFrom(now);
      return { next: { failures: 0, until }, refuse: lockedFor(until, now) };
    }
    return { next: { failures: failures + 1, until: '' } };
  });
}

/** The counted try was wrong: the fifth locks the account. */
function failedTry(vault: Vault, username: string, method: string, userId: number | null): never {
  let failures = 0;
  let locked = false;
  withThrottle(vault, username, (t, now) => {
    if (t.until && Date.parse(t.until) > now) return (locked = true), { next: t };
    failures = t.failures;
    if (failures < MAX_FAILED_LOGINS) return { next: t };
    locked = true;
    return { next: { failures: 0, until: lockFrom(now) } };
  });
  if (vault.isOpen) appendAudit(vault.ledger.db, { actor: username, userId, action: 'login_failed', method, detail: locked ? 'locked out' : `${failures}` });
  if (locked) throw new AppError('auth.lockedOut', { minutes: LOCKOUT_MINUTES });
  throw new AppError('auth.badCredentialsLeft', { left: MAX_FAILED_LOGINS - failures });
}

const clearTries = (vault: Vault, username: string) => withThrottle(vault, username, () => ({ next: { failures: 0, until: '' } }));

/**
 * Checks a user's password and, for an encrypted ledger, unwraps the ledger key with it (one scrypt
 * either way, also for a name nobody has). Opens a sealed ledger. Returns the user's record and, the
 * first time, the key.
 */
export async function verifyCredentials(vault: Vault, username: string, password: string, method: string): Promise<{ user: UserRecord; key: Buffer | null }> {
  countTry(vault, username);
  let key: Buffer | null = null;
  if (encrypted(vault)) {
    const slot = keyFile(vault, vault.keys()).slots[userTag(username)];
    key = await unwrapKey(slot ?? DECOY, password, userTag(username));
    if (!key) {
      // A user the ledger knows without a slot: disabled (the slot went with it), or the ledger was
      // encrypted after their password was set.
      const known = !slot && vault.isOpen ? userByName(vault.ledger.db, username) : undefined;
      if (known) {
        clearTries(vault, username);
        throw new AppError(known.disabled ? 'auth.disabled' : 'auth.needsReset');
      }
      failedTry(vault, username, method, null);
    }
    vault.open(key);
  }
  const user = userByName(vault.ledger.db, username);
  if (!user) {
    if (encrypted(vault)) throw new AppError('auth.badCredentials'); // a slot without its user: a removed account
    await checkPassword(password, DECOY_HASH); // as long as a wrong password takes
    appendAudit(vault.ledger.db, { actor: '', userId: null, action: 'login_failed', method, detail: 'unknown user' });
    throw new AppError('auth.badCredentials');
  }
  if (user.disabled) throw new AppError('auth.disabled');
  if (!encrypted(vault) && !(await checkPassword(password, user.password_hash))) failedTry(vault, username, method, user.id);
  clearTries(vault, username);
  return { user, key };
}

/**
 * The ledger key from a user's slot, with the tries counted as at sign-in, without opening the ledger:
 * for `ledger check`, which must look at a possibly damaged file before anything writes to it.
 */
export async function keyForCheck(vault: Vault, username: string, password: string): Promise<Buffer> {
  countTry(vault, username);
  const slot = keyFile(vault, vault.keys()).slots[userTag(username)];
  const key = await unwrapKey(slot ?? DECOY, password, userTag(username));
  if (!key) failedTry(vault, username, 'cli.check', null);
  clearTries(vault, username);
  return key;
}

/** A user's slot for a new password. Inside a write's transaction: written before it commits, so a failure aborts both. */
export function setSlotSync(vault: Vault, username: string, password: string): void {
  if (!vault.key) return;
  putSlot(vault, username, wrapKeySync(vault.key, password, userTag(username)), false);
}

/** `fresh`: the first slot of a new (or newly encrypted) ledger, or a key file started again after it was lost or damaged. */
export async function setSlot(vault: Vault, username: string, password: string, fresh = false): Promise<void> {
  if (!vault.key) return;
  putSlot(vault, username, await wrapKey(vault.key, password, userTag(username)), fresh);
}

function putSlot(vault: Vault, username: string, slot: Wrapped, fresh: boolean): void {
  updateKeys(vault.keysPath, (stored) => {
    const keys = fresh ? { format: 1 as const, slots: {}, throttle: {} } : keyFile(vault, stored);
    keys.slots[userTag(username)] = slot;
    delete keys.throttle[userTag(username)];
    writeKeys(vault.keysPath, keys);
  });
}

/** A disabled account keeps its history but loses its key slot: its password no longer opens the file. */
export function removeSlot(vault: Vault, username: string): void {
  if (!vault.key) return;
  updateKeys(vault.keysPath, (keys) => {
    if (!keys) return;
    delete keys.slots[userTag(username)];
    writeKeys(vault.keysPath, keys);
  });
}

/** Until when wrong passwords keep this account out ('' when they do not). */
export function lockedUntil(vault: Vault, u: UserRecord): string {
  const until = encrypted(vault) ? (vault.keys()?.throttle[userTag(u.username)]?.until ?? '') : u.locked_until;
  return until > new Date().toISOString() ? until : '';
}

export const hasSlot = (vault: Vault, username: string) => !vault.key || !!vault.keys()?.slots[userTag(username)];
