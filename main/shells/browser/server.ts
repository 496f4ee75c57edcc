import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { App } from '../../core/app';
import { newSession, type Session } from '../../core/session';
import { CSP, CONTENT_TYPES } from '../security';

/** The largest real call is a 10 MB document sent as base64 (13.4 MB) inside JSON. */
export const MAX_BODY = 16 * 1024 * 1024;
/** All bodies being received at once: six large uploads must not take the PC's memory. */
export const MAX_IN_FLIGHT = 48 * 1024 * 1024;

/** Calls after which the window gets a new token: a token seen before sign-in is worth nothing after it. */
const ROTATE_AFTER = new Set(['auth.login', 'auth.createAdmin', 'auth.recover', 'auth.unlock', 'auth.logout']);

export interface BrowserShell {
  /** The one-time address that opens the window (its launch code works once, then never again). */
  launchUrl: string;
  origin: string;
  /** Resolves when the window has claimed its token (the launch code is dead from then on). */
  claimed: Promise<void>;
  close(): Promise<void>;
}

const HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': type, ...HEADERS, ...extra });
  res.end(body);
}

const refusal = (code: string, messageKey: string) => JSON.stringify({ ok: false, code, messageKey });

function same(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** decodeURIComponent throws on a malformed escape (%FF): that is a bad request, not a crash. */
function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

const newToken = () => randomBytes(32).toString('base64url');

/**
 * The same renderer and services as Electron, on 127.0.0.1 only. The window is opened with a one-time
 * launch code, which it trades once for a token (so the token is never on a command line, in stdout or
 * in the browser's history); every call carries the token; signing in or out gives a new one. Host and
 * Origin are checked (no DNS rebinding, no other site), no CORS. No request, whatever its bytes, ends
 * the process: a bad one is answered 400 and logged.
 */
export function startBrowserShell(app: App, rendererDir: string, port = 0): Promise<BrowserShell> {
  const launchCode = newToken();
  let launchUsed = false;
  let onClaimed: () => void = () => undefined;
  const claimed = new Promise<void>((resolve) => (onClaimed = resolve));
  // One window, one session; the token that names it changes at sign-in and sign-out.
  const sessions = new Map<string, Session>();
  let inFlight = 0;
  let origin = '';
  const rendererRoot = path.resolve(rendererDir);
  const ourHost = (host: string) => host === origin.slice('http://'.length) || host === origin.replace('127.0.0.1', 'localhost').slice('http://'.length);
  const ourOrigin = (from: string | undefined) => from === undefined || from === origin || from === origin.replace('127.0.0.1', 'localhost');

  /** Reads a JSON body within the caps, or answers the refusal itself and resolves undefined. */
  function readBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<Buffer | undefined> {
    return new Promise((resolve) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY || inFlight + declared > MAX_IN_FLIGHT) {
        send(res, 413, refusal('tooLarge', 'call.tooLarge'), undefined, { connection: 'close' });
        req.resume();
        return resolve(undefined);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (body: Buffer | undefined) => {
        if (done) return;
        done = true;
        inFlight -= size;
        resolve(body);
      };
      req.on('data', (c: Buffer) => {
        if (done) return;
        size += c.length;
        inFlight += c.length;
        if (size > MAX_BODY || inFlight > MAX_IN_FLIGHT) {
          send(res, 413, refusal('tooLarge', 'call.tooLarge'), undefined, { connection: 'close' });
          finish(undefined);
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => finish(Buffer.concat(chunks)));
      // A body cut off half-way (the client went away): nothing to answer, nothing kept.
      req.on('aborted', () => finish(undefined));
      req.on('error', () => finish(undefined));
      req.on('close', () => finish(undefined));
    });
  }

  async function rpc(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    const token = req.headers['x-linli-token'];
    const session = typeof token === 'string' ? sessions.get(token) : undefined;
    if (!session || typeof token !== 'string') return send(res, 401, refusal('windowExpired', 'call.windowExpired'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, refusal('invalidInput', 'call.invalidInput'));
    const body = await readBody(req, res);
    if (!body) return;
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return send(res, 400, refusal('invalidInput', 'call.invalidInput'));
    }
    const result = await app.dispatch(session, method, input);
    const extra: Record<string, string> = {};
    if (result.ok && ROTATE_AFTER.has(method) && sessions.get(token) === session) {
      const next = newToken();
      sessions.delete(token);
      sessions.set(next, session);
      extra['x-linli-token'] = next;
    }
    send(res, 200, JSON.stringify(result), undefined, extra);
  }

  async function claim(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readBody(req, res);
    if (!body) return;
    const given = req.headers['x-linli-launch'];
    if (launchUsed || typeof given !== 'string' || !same(given, launchCode)) return send(res, 401, refusal('windowExpired', 'call.windowExpired'));
    launchUsed = true;
    const token = newToken();
    sessions.set(token, newSession());
    onClaimed();
    send(res, 200, JSON.stringify({ token }));
  }

  function serveFile(res: http.ServerResponse, pathname: string) {
    const decoded = pathname === '/' ? 'index.html' : decodePath(pathname);
    if (decoded === null || decoded.includes('\u0000')) return send(res, 400, 'bad request', 'text/plain');
    const file = path.resolve(rendererRoot, decoded.replace(/^\/+/, ''));
    if (!file.startsWith(rendererRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'not found', 'text/plain');
    send(res, 200, fs.readFileSync(file), CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!ourHost(req.headers.host ?? '')) return send(res, 421, '{}');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return send(res, 400, 'bad request', 'text/plain');
    }
    if (req.method === 'POST') {
      if (!ourOrigin(req.headers.origin)) return send(res, 403, '{}');
      if (url.pathname === '/session/claim') return claim(req, res);
      if (url.pathname.startsWith('/rpc/')) {
        const method = decodePath(url.pathname.slice(5));
        if (method === null) return send(res, 400, refusal('invalidInput', 'call.invalidInput'));
        return rpc(req, res, method);
      }
      return send(res, 404, '{}');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '{}');
    serveFile(res, url.pathname);
  }

  const server = http.createServer((req, res) => {
    res.on('error', () => undefined);
    handle(req, res).catch((err: unknown) => {
      console.error('[linli] a request failed:', err);
      send(res, 500, refusal('internal', 'call.internal'));
    });
  });
  // Headers that never end and bodies sent a byte a minute are cut off, not waited for.
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code !== 'ECONNRESET' && socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      origin = `http://127.0.0.1:${address.port}`;
      resolve({
        launchUrl: `${origin}/?launch=${launchCode}`,
        origin,
        claimed,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
