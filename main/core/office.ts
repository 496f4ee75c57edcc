import { EventEmitter } from 'node:events';
import { moduleOf } from '../../shared/contract';

/** What every open window must hear about: a committed write (by module), or "everyone sign in again". */
export type OfficeEvent = { type: 'changed'; modules: string[] } | { type: 'signedOut'; reason: 'restore' | 'revoked' };

/**
 * The ledger's news for the shells: the loopback shell passes it to its window, the host to every desk.
 * Writes close together are told as one, so twenty busy desks do not refresh each other twenty times.
 */
export class Office {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly gatherMs = 150) {}

  /** A write committed, told by its module (teams.save is the volunteers'). Signing in and out changes no record anyone is looking at. */
  committed(method: string): void {
    if (method.startsWith('auth.')) return;
    this.pending.add(moduleOf(method) ?? method.slice(0, method.indexOf('.')));
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const modules = [...this.pending];
      this.pending.clear();
      this.emit({ type: 'changed', modules });
    }, this.gatherMs);
  }

  /** Every session but the caller's ends (a backup restored: the accounts may be other ones now). */
  signOutAll(reason: 'restore' | 'revoked'): void {
    this.emit({ type: 'signedOut', reason });
  }

  emit(e: OfficeEvent): void {
    this.emitter.emit('event', e);
  }

  listen(listener: (e: OfficeEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
