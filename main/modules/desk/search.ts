import type { CallContext } from '../../core/dispatch';
import type { DeskProvider, SearchGroup } from './providers';

/**
 * One search box for everything: each module's groups, searched only for a user who may open it and
 * through its own reading rules (residents by the routed index, a mediator's own cases only).
 */
export function searchEverything(ctx: CallContext, q: string, providers: readonly DeskProvider[]): SearchGroup[] {
  const text = q.trim();
  return providers
    .filter((p) => p.search && ctx.session.permissions.has(p.permission))
    .flatMap((p) => p.search!(ctx, text))
    .filter((g) => g.items.length > 0);
}
