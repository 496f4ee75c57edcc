import fs from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import type http from 'node:http';
import type { App } from '../../app';
import { newSession, type Session } from '../../core/session';
import { hostDirFor, hostIdentity } from '../../core/host/identity';
import { deskFor, pairDesk, readHostFile, updateHostFile, type DeskRecord, type HostFile } from '../../core/host/registry';
import { textProblem } from '../../../shared/rules/text';
import { AppError } from '../../core/errors';
import { bodyReader, decodePath, eventStream, hardenServer, newToken, parseJson, refusal, rotateToken, send } from '../http';

/** Who is signed in where: for the administrator's list of desks. */
export interface DeskWindow {
  deskId: string;
  user: string | null;
}

export interface HostServer {
  port: number;
  fingerprint: string;
  windows(): DeskWindow[];
  /** When each desk last called (this run), by desk id. */
  lastSeen(): Map<string, number>;
  close(): Promise<void>;
}

/**
 * The host's door to the office network: TLS with its own key pair, and nothing answered to a PC that
 * is not a paired desk except the pairing itself. Each desk window has its own session here, so
 * dispatch checks the person at that desk exactly as it checks a window on this PC; the activity log
 * names the desk. Writes anywhere are pushed to every desk on its event stream.
 */
export async function startHostServer(app: App, ledgerPath: string, port: number, bind = '0.0.0.0'): Promise<HostServer> {
  const identity = await hostIdentity(ledgerPath);
  const sessions = new Map<string, { session: Session; deskId: string }>();
  const seen = new Map<string, number>();
  const readBody = bodyReader();

  // The registry is re-read when the file changes (the CLI revokes a desk while the host runs).
  const hostFile = path.join(hostDirFor(ledgerPath), 'host.json');
  let registry: HostFile = readHostFile(ledgerPath);
  let registryStamp = 0;
  const current = (): HostFile => {
    const stamp = fs.existsSync(hostFile) ? fs.statSync(hostFile).mtimeMs : 0;
    if (stamp !== registryStamp) {
      registry = readHostFile(ledgerPath);
      registryStamp = stamp;
    }
    return registry;
  };
  const deskOf = (req: http.IncomingMessage): DeskRecord | undefined => {
    const credential = req.headers['x-linli-desk'];
    return deskFor(current(), typeof credential === 'string' ? credential : undefined);
  };

  // A backup restored here: every desk window signs in again.
  const stopListening = app.office.listen((e) => {
    if (e.type === 'signedOut') sessions.clear();
  });

  async function pair(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readBody(req, res);
    if (!body) return;
    const input = parseJson(body, res);
    if (!input) return;
    const { name, proof } = (input.value ?? {}) as { name?: unknown; proof?: unknown };
    const deskName = typeof name === 'string' ? name.trim() : '';
    if (!deskName || deskName.length > 20 || textProblem(deskName) || typeof proof !== 'string' || proof.length > 128) return send(res, 400, refusal('invalidInput', 'host.badDeskName'));
    try {
      send(res, 200, JSON.stringify(pairDesk(ledgerPath, identity.fingerprint, deskName, proof)));
    } catch (err) {
      if (err instanceof AppError) return send(res, 403, refusal(err.code, err.code, err.params));
      throw err;
    }
  }

  async function rpc(req: http.IncomingMessage, res: http.ServerResponse, desk: DeskRecord, method: string) {
    const token = req.headers['x-linli-session'];
    const held = typeof token === 'string' ? sessions.get(token) : undefined;
    if (!held || held.deskId !== desk.id || typeof token !== 'string') return send(res, 401, refusal('windowExpired', 'call.windowExpired'));
    const body = await readBody(req, res);
    if (!body) return;
    const input = parseJson(body, res);
    if (!input) return;
    const result = await app.dispatch(held.session, method, input.value);
    send(res, 200, JSON.stringify(result), undefined, rotateToken(sessions, token, held, method, result.ok));
  }

  function events(res: http.ServerResponse, desk: DeskRecord) {
    const stream = eventStream(res);
    const stop = app.office.listen((e) => stream.send(e.type, e));
    // A desk revoked while it listens hears so at once and is cut off.
    const check = setInterval(() => {
      if (!current().desks.some((d) => d.id === desk.id && !d.revokedAt)) {
        stream.send('signedOut', { type: 'signedOut', reason: 'revoked' });
        for (const [t, s] of sessions) if (s.deskId === desk.id) sessions.delete(t);
        res.end();
      }
    }, 1000);
    void stream.closed.then(() => {
      stop();
      clearInterval(check);
    });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method !== 'POST') return send(res, 405, '{}');
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (pathname === '/desk/pair') return pair(req, res);
    // Nothing else, not even the sign-in, for a PC that is not a paired desk.
    const desk = deskOf(req);
    if (!desk) {
      req.resume();
      return send(res, 403, refusal('deskUnknown', 'host.deskRevoked'));
    }
    seen.set(desk.id, Date.now());
    if (pathname === '/desk/session') {
      req.resume();
      const token = newToken();
      sessions.set(token, { session: { ...newSession(), desk: desk.name }, deskId: desk.id });
      return send(res, 200, JSON.stringify({ token }));
    }
    if (pathname === '/desk/events') {
      req.resume();
      return events(res, desk);
    }
    if (pathname.startsWith('/rpc/')) {
      const method = decodePath(pathname.slice(5));
      if (method === null) return send(res, 400, refusal('invalidInput', 'call.invalidInput'));
      return rpc(req, res, desk, method);
    }
    req.resume();
    send(res, 404, '{}');
  }

  const server = https.createServer({ key: identity.key, cert: identity.cert, minVersion: 'TLSv1.2' }, (req, res) => {
    res.on('error', () => undefined);
    handle(req, res).catch((err: unknown) => {
      console.error('[linli] a desk request failed:', err);
      send(res, 500, refusal('internal', 'call.internal'));
    });
  });
  hardenServer(server);
  // Longer than a desk keeps an idle connection (20 s): the desk always closes first.
  server.keepAliveTimeout = 60_000;
  server.on('tlsClientError', () => undefined); // a scanner or a wrong client: not our concern, not a crash

  // When each desk was last seen goes to the file now and then, for the CLI and the next run.
  const flush = setInterval(() => flushSeen(), 60_000);
  const flushSeen = () => {
    if (!seen.size) return;
    updateHostFile(ledgerPath, (f) => {
      for (const d of f.desks) {
        const at = seen.get(d.id);
        if (at) d.lastSeen = new Date(at).toISOString();
      }
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, bind, () => resolve());
  });
  return {
    port: (server.address() as { port: number }).port,
    fingerprint: identity.fingerprint,
    windows: () => [...sessions.values()].map((s) => ({ deskId: s.deskId, user: s.session.user?.displayName ?? null })),
    lastSeen: () => seen,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(flush);
        flushSeen();
        stopListening();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
