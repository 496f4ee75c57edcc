import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, scryptSync } from 'node:crypto';

/**
 * The ledger is encrypted with one random 256-bit key. That key is never stored as such: it is wrapped
 * (AES-256-GCM) once per user with a key derived from the user's password (scrypt N=2^17), like the key
 * slots of disk encryption; the recovery code printed at setup is the key itself. Changing or resetting a
 * password rewraps the key; the ledger is never re-encrypted. The slots live in `<ledger>.keys` beside
 * the ledger (they must be readable before it is), written atomically.
 */
export interface Wrapped {
  n: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

export interface KeyFile {
  format: 1;
  /** Slot per user, under a hash of the lower-cased user name: the file does not list the staff. */
  slots: Record<string, Wrapped>;
  /** Wrong passwords before the ledger can be opened are counted here, so a restart does not reset them. */
  throttle: Record<string, Throttle>;
}

/** Tries counted (each before its password is checked), until when the account is locked, and the last try. */
export interface Throttle {
  failures: number;
  until: string;
  at?: string;
}

const N = 2 ** 17;
const R = 8;
const P = 1;
const MAXMEM = 256 * N * R + 64 * 1024 * 1024;

export const keysPathFor = (ledgerPath: string) => `${ledgerPath}.keys`;
export const userTag = (username: string) => createHash('sha256').update(`linli-user\u0000${username.trim().toLowerCase()}`).digest('hex').slice(0, 32);

function kek(secret: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFKC'), salt, 32, { N: n, r, p, maxmem: 256 * n * r + 64 * 1024 * 1024 }, (err, k) => (err ? reject(err) : resolve(k))),
  );
}

function seal(key: Buffer, wrappingKey: Buffer, salt: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', wrappingKey, iv);
  c.setAAD(Buffer.from(aad));
  const data = Buffer.concat([c.update(key), c.final()]);
  return { n: N, r: R, p: P, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export async function wrapKey(key: Buffer, secret: string, aad: string): Promise<Wrapped> {
  const salt = randomBytes(16);
  return seal(key, await kek(secret, salt, N, R, P), salt, aad);
}

/** The same, synchronously: for account writes, which run inside one synchronous transaction. */
export function wrapKeySync(key: Buffer, secret: string, aad: string): Wrapped {
  const salt = randomBytes(16);
  return seal(key, scryptSync(secret.normalize('NFKC'), salt, 32, { N, r: R, p: P, maxmem: MAXMEM }), salt, aad);
}

/** The ledger key, or null when the secret is wrong (GCM's tag does not hold). */
export async function unwrapKey(w: Wrapped, secret: string, aad: string): Promise<Buffer | null> {
  const wrappingKey = await kek(secret, Buffer.from(w.salt, 'base64'), w.n, w.r, w.p);
  try {
    const d = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(w.iv, 'base64'));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(Buffer.from(w.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(w.data, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

/**
 * The recovery code is the ledger key itself, written for people: Crockford's base32 (no I, L, O, U),
 * with a check of two bytes so a mistyped code is told apart from a wrong one, in groups of five. It
 * opens the ledger even when the key-slot file is lost (a ledger copied to a new PC without it).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function recoveryCodeFor(key: Buffer): string {
  const bytes = Buffer.concat([key, createHash('sha256').update(key).digest().subarray(0, 2)]);
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  bits = bits.padEnd(Math.ceil(bits.length / 5) * 5, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5), 2)];
  return out.replace(/(.{5})(?=.)/g, '$1-');
}

/** The key in a recovery code as typed (any case, dashes or spaces, O for 0 and I/L for 1), or null. */
export function keyFromRecoveryCode(code: string): Buffer | null {
  const clean = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== 55 || /[^0-9A-Z]/.test(clean) || clean.includes('U')) return null;
  let bits = '';
  for (const c of clean) bits += ALPHABET.indexOf(c).toString(2).padStart(5, '0');
  const bytes = Buffer.from(Array.from({ length: 34 }, (_x, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2)));
  const key = bytes.subarray(0, 32);
  return createHash('sha256').update(key).digest().subarray(0, 2).equals(bytes.subarray(32)) ? Buffer.from(key) : null;
}

/** The key file, or null when there is none; a file cut off or edited is named as such, never a stack trace. */
export function readKeys(file: string): KeyFile | null {
  if (!fs.existsSync(file)) return null;
  let keys: KeyFile;
  try {
    keys = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  } catch {
    throw new AppError('ledger.keysDamaged', { file: path.basename(file) });
  }
  if (!keys || typeof keys !== 'object' || keys.format !== 1 || typeof keys.slots !== 'object' || !keys.slots) throw new AppError('ledger.keysDamaged', { file: path.basename(file) });
  keys.throttle ??= {};
  return keys;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
/**
 * Read, change and write the key file as one step, across processes: a lock file made with O_EXCL is
 * held for the few milliseconds between reading and renaming. Ten command lines (or windows) at once
 * then each see the others' counted tries. A lock left by a killed process is taken over after 10 s.
 */
export function updateKeys<T>(file: string, change: (keys: KeyFile | null) => T): T {
  const lock = `${file}.lock`;
  const started = Date.now();
  for (;;) {
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 10_000) fs.rmSync(lock, { force: true });
      } catch {
        // gone already
      }
      if (Date.now() - started > 15_000) throw new AppError('ledger.busy');
      Atomics.wait(pause, 0, 0, 5);
      continue;
    }
    try {
      return change(readKeys(file));
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
    }
  }
}

/** Written beside, flushed, then renamed over the old one: a crash leaves the old file or the new, never half. */
export function writeKeys(file: string, keys: KeyFile): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(keys, null, 1));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  try {
    const dir = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  } catch {
    // Windows cannot open a folder to flush it; the rename is durable there already.
  }
}

export const newLedgerKey = () => randomBytes(32);
