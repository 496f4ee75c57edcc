import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { App } from '../../core/app';
import { newSession } from '../../core/session';
import { CSP, CONTENT_TYPES } from '../security';

const MAX_BODY = 100 * 1024 * 1024;

export interface BrowserShell {
  /** The address to open, with this launch's token. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8') {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function sameToken(given: string | undefined, token: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The same renderer and services as Electron, on 127.0.0.1 only: a random port, a random token per
 * launch required on every call, Host and Origin checked (no DNS rebinding, no other site), no CORS.
 */
export function startBrowserShell(app: App, rendererDir: string, port = 0): Promise<BrowserShell> {
  const token = randomBytes(24).toString('hex');
  // One token, one window, one session: whoever signs in there is who every call is checked against.
  const session = newSession();
  let origin = '';
  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== origin.slice('http://'.length) && host !== origin.replace('127.0.0.1', 'localhost').slice('http://'.length)) return send(res, 421, '{}');
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      const from = req.headers.origin;
      if (from !== undefined && from !== origin && from !== origin.replace('127.0.0.1', 'localhost')) return send(res, 403, '{}');
      if (!sameToken(req.headers['x-linli-token'] as string | undefined, token)) return send(res, 401, '{}');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, '{}');
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', () => {
        let input: unknown;
        try {
          input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, code: 'invalidInput', messageKey: 'call.invalidInput' }));
        }
        void app.dispatch(session, decodeURIComponent(url.pathname.slice(5)), input).then((result) => send(res, 200, JSON.stringify(result)));
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '{}');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel);
    if (!file.startsWith(path.resolve(rendererDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'not found', 'text/plain');
    send(res, 200, fs.readFileSync(file), CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      origin = `http://127.0.0.1:${address.port}`;
      resolve({
        url: `${origin}/?t=${token}`,
        origin,
        token,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
