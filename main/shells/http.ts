import type http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CSP } from './security';

/**
 * What the two HTTP doors share — the loopback shell a window talks to, and the host's TLS door desks
 * talk to: answers with the same headers, bodies read within caps, refusals as message keys.
 */

/** The largest real call is a 10 MB document sent as base64 (13.4 MB) inside JSON. */
export const MAX_BODY = 16 * 1024 * 1024;
/** All bodies being received at once: six large uploads must not take the PC's memory. */
export const MAX_IN_FLIGHT = 48 * 1024 * 1024;

/** Calls after which the caller gets a new token: a token seen before sign-in is worth nothing after it. */
export const ROTATE_AFTER = new Set(['auth.login', 'auth.createAdmin', 'auth.recover', 'auth.unlock', 'auth.logout']);

export const HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': type, ...HEADERS, ...extra });
  res.end(body);
}

export const refusal = (code: string, messageKey: string, params?: Record<string, string | number>) => JSON.stringify({ ok: false, code, messageKey, ...(params ? { params } : {}) });

export function same(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** decodeURIComponent throws on a malformed escape (%FF): that is a bad request, not a crash. */
export function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

export const newToken = () => randomBytes(32).toString('base64url');

/**
 * After a sign-in or sign-out that went through, the caller's token is replaced (a token seen before
 * sign-in is worth nothing after it): returns the header that hands the new one back, or none.
 */
export function rotateToken<T>(sessions: Map<string, T>, token: string, held: T, method: string, ok: boolean): Record<string, string> {
  if (!ok || !ROTATE_AFTER.has(method) || sessions.get(token) !== held) return {};
  const next = newToken();
  sessions.delete(token);
  sessions.set(next, held);
  return { 'x-linli-token': next };
}

/** Counts the bytes of all bodies being received, so the caps hold across requests. */
export function bodyReader() {
  let inFlight = 0;
  /** Reads a body within the caps, or answers the refusal itself and resolves undefined. */
  return function readBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<Buffer | undefined> {
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
  };
}

/** A JSON body as a value; undefined (after answering 400) when it is not JSON. */
export function parseJson(body: Buffer, res: http.ServerResponse): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body.toString('utf8') || '{}') };
  } catch {
    send(res, 400, refusal('invalidInput', 'call.invalidInput'));
    return undefined;
  }
}

/** Opens a server-sent-events stream; returns a writer that is a no-op once the stream has closed. */
export function eventStream(res: http.ServerResponse): { send(event: string, data: unknown): void; closed: Promise<void> } {
  res.writeHead(200, { ...HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
  res.write(': linli\n\n');
  const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
  // A quiet line now and then keeps the connection open through idle timeouts and shows it is alive.
  const beat = setInterval(() => res.write(': .\n\n'), 10_000);
  void closed.then(() => clearInterval(beat));
  return {
    send(event, data) {
      if (!res.destroyed && !res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    closed,
  };
}

/** Servers that must not stop for any request: headers that never end and slow bodies are cut off. */
export function hardenServer(server: http.Server): void {
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code !== 'ECONNRESET' && socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
}
