import type { CallFailure, CallResult } from '../../../shared/contract';
import type { Backend, ShellEvent, WindowLink } from '../backend';
import { HostLink, isCertProblem, isUnreachable, type DeskConfig } from '../../core/host/link';
import { contract, isMethodName } from '../../../shared/contract';

const isReadOnly = (method: string) => isMethodName(method) && contract[method].kind === 'read' && !method.startsWith('auth.'); // a sign-in counts its tries
const failure = (code: string, messageKey: string, params?: Record<string, string | number>): CallFailure => ({ ok: false, code, messageKey, ...(params ? { params } : {}) });

/**
 * A desk: every call of its windows goes to the host; the host's news comes back on one stream, kept
 * open and reopened by itself every two seconds while the host is away. A call the host did not answer
 * is reported as not done: a write is "saved" only when the host said so.
 */
export function deskBackend(config: DeskConfig): Backend {
  const link = new HostLink(config);
  const listeners = new Set<(e: ShellEvent) => void>();
  const tell = (e: ShellEvent) => listeners.forEach((l) => l(e));
  let up = true;
  let certChanged = false;
  let closed = false;
  const hostEvent = (): ShellEvent => ({ type: 'host', up, ...(certChanged ? { certChanged } : {}) });
  const setUp = (now: boolean, wrongCert = false) => {
    if (now === up && wrongCert === certChanged) return;
    up = now;
    certChanged = !now && wrongCert;
    tell(hostEvent());
  };
  const unreachable = (err: unknown): CallFailure => {
    const wrongCert = isCertProblem(err);
    setUp(false, wrongCert);
    return wrongCert ? failure('hostCertChanged', 'host.certChanged', { address: config.address }) : failure('hostUnreachable', 'host.unreachable', { address: config.address });
  };

  async function openHostSession(w: WindowLink): Promise<CallFailure | undefined> {
    try {
      const reply = await link.request('/desk/session', {}, {}, 10_000);
      if (reply.status === 403) return failure('deskRevoked', 'host.deskRevoked');
      if (reply.status !== 200) return failure('internal', 'call.internal');
      w.hostToken = (JSON.parse(reply.body) as { token: string }).token;
      setUp(true);
      return undefined;
    } catch (err) {
      return unreachable(err);
    }
  }

  async function callHost(w: WindowLink, method: string, input: unknown): Promise<CallResult<unknown> | 'expired'> {
    if (!w.hostToken) {
      const refused = await openHostSession(w);
      if (refused) return refused;
    }
    let reply;
    const send = () => link.request(`/rpc/${encodeURIComponent(method)}`, input, { 'x-linli-session': w.hostToken! });
    try {
      reply = await send();
    } catch (err) {
      // A read cut off on the way can simply be asked again; a write is never sent twice (it may have been stored).
      if (!isReadOnly(method) || !isUnreachable(err)) return unreachable(err);
      try {
        reply = await send();
      } catch (again) {
        return unreachable(again);
      }
    }
    setUp(true);
    if (reply.status === 403) return failure('deskRevoked', 'host.deskRevoked');
    // The host was restarted (its sessions went with it): a new session, and the person signs in again.
    if (reply.status === 401) return 'expired';
    const next = reply.headers['x-linli-token'];
    if (typeof next === 'string') w.hostToken = next;
    try {
      return JSON.parse(reply.body) as CallResult<unknown>;
    } catch {
      return failure('internal', 'call.internal');
    }
  }

  let stopStream = () => undefined as void;
  // The news stream: while it is open the host is there; when it drops, the desk says so and retries.
  void (async () => {
    while (!closed) {
      const s = link.stream(
        '/desk/events',
        (name, data) => tell({ ...(data as object), type: name } as ShellEvent),
        () => setUp(true),
      );
      stopStream = s.stop;
      const status = await s.done;
      if (closed) break;
      if (status === 403) tell({ type: 'signedOut', reason: 'revoked' });
      setUp(false, isCertProblem(status));
      await new Promise((r) => setTimeout(r, 2000));
    }
  })();

  return {
    kind: 'desk',
    openWindow: async () => {
      const w: WindowLink = {};
      await openHostSession(w); // if the host is away now, the first call opens it
      return w;
    },
    async call(w, method, input) {
      const first = await callHost(w, method, input);
      if (first !== 'expired') return first;
      w.hostToken = undefined;
      const again = await callHost(w, method, input);
      return again === 'expired' ? failure('windowExpired', 'call.windowExpired') : again;
    },
    listen(listener) {
      listeners.add(listener);
      if (!up) listener(hostEvent());
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      stopStream();
      link.close();
    },
  };
}
