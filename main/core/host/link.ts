import fs from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { AppError } from '../errors';
import { writePrivate } from './identity';
import { DEFAULT_HOST_PORT, deskProof, hostProof } from './registry';

/**
 * A desk's line to the host: HTTPS to the address it was paired with, trusting exactly the certificate
 * it saw when the pairing code proved both sides (no authority, no name check: the pin is the trust).
 * What it keeps (`desk.json`, this user only) is that pin and the desk's credential — nothing personal.
 */
export interface DeskConfig {
  format: 1;
  /** host:port as the administrator typed it. */
  address: string;
  name: string;
  cert: string;
  fingerprint: string;
  deskId: string;
  secret: string;
}

/** A desk's settings file sits beside where its ledger would be: `desk.json` in the data folder. */
export const deskFileFor = (ledgerPath: string) => path.join(path.dirname(ledgerPath), 'desk.json');

export function readDeskConfig(file: string): DeskConfig | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DeskConfig;
}
export const writeDeskConfig = (file: string, c: DeskConfig) => writePrivate(file, JSON.stringify(c, null, 2));

export function splitAddress(address: string): { host: string; port: number } {
  const m = /^\s*([A-Za-z0-9.-]+)(?::(\d{1,5}))?\s*$/.exec(address);
  if (!m) throw new AppError('host.badAddress', { address: address.slice(0, 60) });
  return { host: m[1]!, port: m[2] ? Number(m[2]) : DEFAULT_HOST_PORT };
}

/** The network failures that mean "the host is not there" (off, asleep, cable out, wrong address). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'HOST_TIMEOUT']);
export const isCertProblem = (err: unknown) => /CERT|SIGNATURE|SELF_SIGNED|PIN/.test(String((err as { code?: unknown })?.code ?? ''));
export const isUnreachable = (err: unknown) => UNREACHABLE.has(String((err as { code?: unknown })?.code ?? '')) || (err as Error)?.message === 'socket hang up';

export interface HostReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export class HostLink {
  private readonly agent: https.Agent;
  readonly host: string;
  readonly port: number;

  constructor(readonly config: DeskConfig) {
    ({ host: this.host, port: this.port } = splitAddress(config.address));
    const pinned = config.fingerprint;
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 8,
      // An idle connection is closed here before the host would close it (60 s), so a call never
      // goes out on a connection the host is just closing.
      timeout: 20_000,
      ca: config.cert,
      // The certificate must be the pinned one itself, whatever name the host is reached by.
      checkServerIdentity: (_host, cert) => (cert.fingerprint256 === pinned ? undefined : Object.assign(new Error('host certificate is not the pinned one'), { code: 'ERR_PIN_MISMATCH' })),
    });
  }

  private headers(extra: Record<string, string>) {
    return { 'content-type': 'application/json', 'x-linli-desk': `${this.config.deskId}.${this.config.secret}`, ...extra };
  }

  /** One call to the host. Rejects on a network or certificate failure (never a half answer). */
  request(path: string, body: unknown, extra: Record<string, string> = {}, timeoutMs = 120_000): Promise<HostReply> {
    return new Promise((resolve, reject) => {
      const data = Buffer.from(JSON.stringify(body ?? {}));
      const req = https.request(
        { host: this.host, port: this.port, path, method: 'POST', agent: this.agent, headers: { ...this.headers(extra), 'content-length': String(data.length) }, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
          res.on('aborted', () => reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('host did not answer'), { code: 'HOST_TIMEOUT' })));
      req.on('error', reject);
      req.end(data);
    });
  }

  /**
   * The host's event stream: each `event:` block is handed on; resolves when the stream ends or goes
   * quiet for longer than the host's heartbeat allows (a host that vanished without closing the socket).
   */
  stream(path: string, onEvent: (name: string, data: unknown) => void, onOpen: () => void): { done: Promise<unknown>; stop(): void } {
    let req: ReturnType<typeof https.request> | undefined;
    const done = new Promise((resolve) => {
      req = https.request({ host: this.host, port: this.port, path, method: 'POST', agent: this.agent, headers: { ...this.headers({}), 'content-length': '2' } }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return resolve(res.statusCode);
        }
        onOpen();
        let buffer = '';
        let quiet: NodeJS.Timeout | undefined;
        const awake = () => {
          clearTimeout(quiet);
          quiet = setTimeout(() => req?.destroy(), 25_000);
        };
        awake();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          awake();
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (name && data) onEvent(name, JSON.parse(data));
          }
        });
        res.on('close', () => {
          clearTimeout(quiet);
          resolve(undefined);
        });
      });
      req.on('error', resolve);
      req.end('{}');
    });
    return { done, stop: () => req?.destroy() };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The certificate a host at this address presents, read without trusting it yet (the pairing checks it). */
function presentedCertificate(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, rejectUnauthorized: false, servername: undefined, timeout: 8000 }, () => {
      const raw = socket.getPeerCertificate(true)?.raw;
      socket.end();
      if (!raw) return reject(Object.assign(new Error('no certificate'), { code: 'ERR_NO_CERT' }));
      resolve(new X509Certificate(raw).toString());
    });
    socket.on('timeout', () => socket.destroy(Object.assign(new Error('timeout'), { code: 'HOST_TIMEOUT' })));
    socket.on('error', reject);
  });
}

/**
 * Pairs this PC with a host: reads the certificate the host presents, proves the pairing code against
 * it, and checks the host's proof back. Someone in between would present another certificate, and the
 * host would refuse the proof; a false host cannot answer with the proof at all.
 */
export async function pairWithHost(address: string, code: string, name: string): Promise<DeskConfig> {
  const { host, port } = splitAddress(address);
  let cert: string;
  try {
    cert = await presentedCertificate(host, port);
  } catch (err) {
    throw new AppError(isUnreachable(err) ? 'host.unreachable' : 'host.notLinli', { address });
  }
  const fingerprint = new X509Certificate(cert).fingerprint256;
  const link = new HostLink({ format: 1, address, name, cert, fingerprint, deskId: '', secret: '' });
  try {
    const reply = await link.request('/desk/pair', { name, proof: deskProof(code, fingerprint, name) }, {}, 15_000);
    const answer = JSON.parse(reply.body || '{}') as { deskId?: string; secret?: string; hostProof?: string; code?: string; messageKey?: string; params?: Record<string, string> };
    if (reply.status !== 200 || !answer.deskId || !answer.secret) throw new AppError(answer.messageKey ?? 'host.pairingRefused', answer.params);
    if (answer.hostProof !== hostProof(code, fingerprint, answer.deskId, answer.secret)) throw new AppError('host.pairingRefused');
    return { format: 1, address, name, cert, fingerprint, deskId: answer.deskId, secret: answer.secret };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof SyntaxError) throw new AppError('host.notLinli', { address });
    throw new AppError(isUnreachable(err) ? 'host.unreachable' : 'host.notLinli', { address });
  } finally {
    link.close();
  }
}
