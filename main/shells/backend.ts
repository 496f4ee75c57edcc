import type { CallResult } from '../../shared/contract';
import type { App } from '../app';
import type { OfficeEvent } from '../core/office';
import { newSession, type Session } from '../core/session';

/** What a window hears: the ledger's news, and (at a desk) whether the host can be reached. */
/** `certChanged`: something answers at the host's address but shows another certificate than the one paired. */
export type ShellEvent = OfficeEvent | { type: 'host'; up: boolean; certChanged?: boolean };

/** One window's standing with whoever owns the ledger: a session here, or a session token at the host. */
export interface WindowLink {
  session?: Session;
  hostToken?: string;
}

/**
 * Where a window's calls go. On the host (or a PC on its own) that is this process's dispatch; at a
 * desk it is the host, over the pinned connection (desk/backend.ts). The shells do not know which.
 */
export interface Backend {
  readonly kind: 'local' | 'desk';
  openWindow(): Promise<WindowLink>;
  call(link: WindowLink, method: string, input: unknown): Promise<CallResult<unknown>>;
  listen(listener: (e: ShellEvent) => void): () => void;
  close(): Promise<void>;
}

export function localBackend(app: App): Backend {
  const sessions = new Set<Session>();
  // A backup restored: every window here signs in again too (the accounts may be other ones now).
  app.office.listen((e) => {
    if (e.type !== 'signedOut') return;
    for (const s of sessions) {
      s.user = null;
      s.permissions = new Set();
    }
  });
  return {
    kind: 'local',
    openWindow: async () => {
      const session = newSession();
      sessions.add(session);
      return { session };
    },
    call: (link, method, input) => app.dispatch(link.session!, method, input),
    listen: (listener) => app.office.listen(listener),
    close: async () => app.close(),
  };
}
