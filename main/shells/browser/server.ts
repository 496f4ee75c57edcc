import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_TYPES } from '../security';
import { bodyReader, decodePath, eventStream, hardenServer, newToken, parseJson, refusal, rotateToken, same, send } from '../http';
import type { Backend, WindowLink } from '../backend';
import { AppError } from '../../core/errors';
import { textProblem } from '../../../shared/rules/text';

export interface BrowserShell {
  /** The one-time address that opens the window (its launch code works once, then never again). */
  launchUrl: string;
  origin: string;
  /** Resolves when the window has claimed its token (the launch code is dead from then on). */
  claimed: Promise<void>;
  /** Where the windows' calls go now (a PC that joined a host has changed it). */
  backend(): Backend;
  close(): Promise<void>;
}

export interface ShellOptions {
  /** Makes this PC a desk of a host (its first screen offers it); returns where calls go from then on. */
  connect?: (address: string, code: string, name: string) => Promise<Backend>;
}

/**
 * The same renderer and services as Electron, on 127.0.0.1 only. The window is opened with a one-time
 * launch code, which it trades once for a token (so the token is never on a command line, in stdout or
 * in the browser's history); every call carries the token; signing in or out gives a new one. Host and
 * Origin are checked (no DNS rebinding, no other site), no CORS. No request, whatever its bytes, ends
 * the process: a bad one is answered 400 and logged.
 */
export function startBrowserShell(first: Backend, rendererDir: string, port = 0, options: ShellOptions = {}): Promise<BrowserShell> {
  let backend = first;
  const launchCode = newToken();
  let launchUsed = false;
  let onClaimed: () => void = () => undefined;
  const claimed = new Promise<void>((resolve) => (onClaimed = resolve));
  // One window, one session; the token that names it changes at sign-in and sign-out.
  const sessions = new Map<string, WindowLink>();
  const readBody = bodyReader();
  let origin = '';
  const rendererRoot = path.resolve(rendererDir);
  const ourHost = (host: string) => host === origin.slice('http://'.length) || host === origin.replace('127.0.0.1', 'localhost').slice('http://'.length);
  const ourOrigin = (from: string | undefined) => from === undefined || from === origin || from === origin.replace('127.0.0.1', 'localhost');

  async function rpc(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    const token = req.headers['x-linli-token'];
    const session = typeof token === 'string' ? sessions.get(token) : undefined;
    if (!session || typeof token !== 'string') return send(res, 401, refusal('windowExpired', 'call.windowExpired'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, refusal('invalidInput', 'call.invalidInput'));
    const body = await readBody(req, res);
    if (!body) return;
    const input = parseJson(body, res);
    if (!input) return;
    const result = await backend.call(session, method, input.value);
    send(res, 200, JSON.stringify(result), undefined, rotateToken(sessions, token, session, method, result.ok));
  }

  async function claim(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readBody(req, res);
    if (!body) return;
    const given = req.headers['x-linli-launch'];
    if (launchUsed || typeof given !== 'string' || !same(given, launchCode)) return send(res, 401, refusal('windowExpired', 'call.windowExpired'));
    launchUsed = true;
    const token = newToken();
    sessions.set(token, await backend.openWindow());
    onClaimed();
    send(res, 200, JSON.stringify({ token }));
  }

  /** 连接到主机: pairs with the host, and from then on this window's calls go there. */
  async function connect(req: http.IncomingMessage, res: http.ServerResponse) {
    const token = req.headers['x-linli-token'];
    if (typeof token !== 'string' || !sessions.has(token)) return send(res, 401, refusal('windowExpired', 'call.windowExpired'));
    const body = await readBody(req, res);
    if (!body) return;
    const input = parseJson(body, res);
    if (!input) return;
    const { address, code, name } = (input.value ?? {}) as Record<string, unknown>;
    const fields = [address, code, name].map((v) => (typeof v === 'string' ? v.trim() : ''));
    if (!options.connect || backend.kind !== 'local') return send(res, 200, refusal('host.localLedgerInUse', 'host.localLedgerInUse'));
    if (fields.some((v) => !v || v.length > 100 || textProblem(v))) return send(res, 200, refusal('invalidInput', 'host.connectFieldsMissing'));
    try {
      const next = await options.connect(fields[0]!, fields[1]!, fields[2]!);
      backend = next;
      for (const t of sessions.keys()) sessions.set(t, await next.openWindow());
      listenTo(next);
      send(res, 200, JSON.stringify({ ok: true, value: { name: fields[2] } }));
    } catch (err) {
      if (err instanceof AppError) return send(res, 200, refusal(err.code, err.code, err.params));
      throw err;
    }
  }

  /** A window that became a desk hears the host from then on, on the stream it already has open. */
  const openStreams = new Set<{ stream: ReturnType<typeof eventStream>; stop: () => void }>();
  function listenTo(next: Backend) {
    for (const open of openStreams) {
      open.stop();
      open.stop = next.listen((e) => open.stream.send(e.type, e));
    }
  }

  /** The window's news: what changed in the ledger, whether the host is there (fetch-streamed, the token in a header). */
  function events(req: http.IncomingMessage, res: http.ServerResponse) {
    const token = req.headers['x-linli-token'];
    if (typeof token !== 'string' || !sessions.has(token)) return send(res, 401, refusal('windowExpired', 'call.windowExpired'));
    req.resume(); // the body is empty: read it away so the request counts as received, and only the answer stays open
    const stream = eventStream(res);
    const open = { stream, stop: backend.listen((e) => stream.send(e.type, e)) };
    openStreams.add(open);
    void stream.closed.then(() => {
      open.stop();
      openStreams.delete(open);
    });
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
      if (url.pathname === '/events') return events(req, res);
      if (url.pathname === '/desk/connect') return connect(req, res);
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
  hardenServer(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      origin = `http://127.0.0.1:${address.port}`;
      resolve({
        launchUrl: `${origin}/?launch=${launchCode}`,
        origin,
        claimed,
        backend: () => backend,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
