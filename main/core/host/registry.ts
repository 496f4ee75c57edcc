import fs from 'node:fs';
import path from 'node:path';
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';
import { ensureHostDir, hostDirFor, writePrivate } from './identity';

/**
 * What the host knows about the office network, in `<ledger>.host/host.json` (this user only): whether
 * host mode is on and on which port, the desks paired with it, and the pairing codes not yet used. It is
 * a file, not ledger rows, because desks are checked before anyone has signed in (the ledger may still
 * be sealed). The running host and the CLI both read it; a change by either is seen by the other.
 */
export interface DeskRecord {
  id: string;
  name: string;
  /** SHA-256 of the desk's secret: the file never holds a credential that works. */
  secretHash: string;
  pairedAt: string;
  revokedAt?: string;
  lastSeen?: string;
}
interface PairingCode {
  code: string;
  expires: string;
}
export interface HostFile {
  format: 1;
  enabled: boolean;
  port: number;
  desks: DeskRecord[];
  codes: PairingCode[];
  /** Wrong pairing tries since the last code was made: enough of them and every open code is void. */
  wrongTries: number;
}

export const DEFAULT_HOST_PORT = 47800;
/** How long a pairing code works: long enough to walk to the other PC, short enough not to linger. */
export const PAIRING_MINUTES = 10;
const MAX_WRONG_TRIES = 10;
/** No 0/O, 1/I: read aloud or copied from a note, the code must not be ambiguous. 12 of 32 = 60 bits. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const fileFor = (ledgerPath: string) => path.join(hostDirFor(ledgerPath), 'host.json');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export function readHostFile(ledgerPath: string): HostFile {
  const file = fileFor(ledgerPath);
  if (!fs.existsSync(file)) return { format: 1, enabled: false, port: DEFAULT_HOST_PORT, desks: [], codes: [], wrongTries: 0 };
  return JSON.parse(fs.readFileSync(file, 'utf8')) as HostFile;
}

/** Reads, changes and writes the file (atomically): the CLI and the host never half-write it. */
export function updateHostFile<T>(ledgerPath: string, change: (f: HostFile) => T): T {
  const f = readHostFile(ledgerPath);
  const out = change(f);
  ensureHostDir(ledgerPath);
  writePrivate(fileFor(ledgerPath), JSON.stringify(f, null, 2));
  return out;
}

export const normaliseCode = (code: string) => code.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '');
export const showCode = (code: string) => normaliseCode(code).match(/.{1,4}/g)!.join('-');

/** The desk's proof that it holds the code, bound to the certificate it sees: a host in between sees another. */
export const deskProof = (code: string, fingerprint: string, name: string) =>
  createHmac('sha256', normaliseCode(code)).update(`linli-pair-desk\u0000${fingerprint}\u0000${name}`).digest('hex');
/** The host's answer, proving to the desk that it is the host whose administrator made the code. */
export const hostProof = (code: string, fingerprint: string, deskId: string, secret: string) =>
  createHmac('sha256', normaliseCode(code)).update(`linli-pair-host\u0000${fingerprint}\u0000${deskId}\u0000${secret}`).digest('hex');

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * A new one-time pairing code. It is kept as it is (the proofs need it) in the same this-user-only file
 * as the host's private key, for minutes, and is gone once used.
 */
export function makePairingCode(ledgerPath: string, now = Date.now()): { code: string; expires: string } {
  const code = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expires = new Date(now + PAIRING_MINUTES * 60_000).toISOString();
  updateHostFile(ledgerPath, (f) => {
    f.codes = f.codes.filter((c) => Date.parse(c.expires) > now);
    f.codes.push({ code, expires });
    f.wrongTries = 0;
  });
  return { code: showCode(code), expires };
}

const nameTaken = (f: HostFile, name: string) => f.desks.some((d) => !d.revokedAt && d.name === name);

/**
 * Pairs a desk: finds the open code its proof was made with (against this host's fingerprint), uses
 * it up and records the desk. Returns the desk's credential and the host's proof, or throws.
 */
export function pairDesk(ledgerPath: string, fingerprint: string, name: string, proof: string, now = Date.now()): { deskId: string; secret: string; hostProof: string } {
  return updateHostFile(ledgerPath, (f) => {
    f.codes = f.codes.filter((c) => Date.parse(c.expires) > now);
    const used = f.codes.find((c) => sameHex(deskProof(c.code, fingerprint, name), proof));
    if (!used) {
      f.wrongTries++;
      if (f.wrongTries >= MAX_WRONG_TRIES) f.codes = [];
      throw new AppError('host.pairingRefused');
    }
    if (nameTaken(f, name)) throw new AppError('host.deskNameTaken', { name });
    f.codes = f.codes.filter((c) => c !== used);
    const deskId = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    f.desks.push({ id: deskId, name, secretHash: sha(secret), pairedAt: new Date(now).toISOString() });
    return { deskId, secret, hostProof: hostProof(used.code, fingerprint, deskId, secret) };
  });
}

/** The desk a credential (`id.secret`) belongs to, if it is paired and not revoked. */
export function deskFor(f: HostFile, credential: string | undefined): DeskRecord | undefined {
  if (!credential) return undefined;
  const dot = credential.indexOf('.');
  if (dot < 0) return undefined;
  const desk = f.desks.find((d) => d.id === credential.slice(0, dot));
  if (!desk || desk.revokedAt) return undefined;
  return sameHex(sha(credential.slice(dot + 1)), desk.secretHash) ? desk : undefined;
}

export function revokeDesk(ledgerPath: string, name: string): DeskRecord {
  return updateHostFile(ledgerPath, (f) => {
    const desk = f.desks.find((d) => !d.revokedAt && d.name === name);
    if (!desk) throw new AppError('host.deskNotFound', { name });
    desk.revokedAt = new Date().toISOString();
    return desk;
  });
}

export function setHostMode(ledgerPath: string, enabled: boolean, port?: number): HostFile {
  return updateHostFile(ledgerPath, (f) => {
    f.enabled = enabled;
    if (port !== undefined) f.port = port;
    return { ...f };
  });
}
