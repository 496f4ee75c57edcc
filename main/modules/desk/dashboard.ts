import type { Output } from '../../../shared/contract';
import type { CallContext } from '../../core/dispatch';
import { periodOf, type DeskProvider } from './providers';

/** The home screen: each module's block or figures, only for a user who may open that module. */
export function dashboard(ctx: CallContext, today: string, providers: readonly DeskProvider[]): Output<'desk.dashboard'> {
  const period = periodOf(today);
  const out: Output<'desk.dashboard'> = { today, months: period.months, modules: [] };
  for (const p of providers) {
    if (!ctx.session.permissions.has(p.permission)) continue;
    if (p.board) Object.assign(out, p.board(ctx, period));
    if (p.figures) out.modules.push({ module: p.module, figures: p.figures(ctx, today) });
  }
  return out;
}
