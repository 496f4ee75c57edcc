import { byUrgency, isSnoozed, type Reminder } from '../../../shared/rules/reminders';
import { AppError } from '../../core/errors';
import { stmt } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import type { DeskProvider } from './providers';

/** Today's reminders: each module's own (a mediator sees only their own cases), less what the user has snoozed. */
export function reminders(ctx: CallContext, today: string, providers: readonly DeskProvider[]): { items: Reminder[]; snoozed: number } {
  const userId = ctx.session.user?.id ?? 0;
  const snoozes = new Map((stmt(ctx.db, 'SELECT key, until FROM reminder_snoozes WHERE user_id = ?').all(userId) as { key: string; until: string }[]).map((s) => [s.key, s.until]));
  const all = providers.filter((p) => ctx.session.permissions.has(p.permission)).flatMap((p) => p.reminders?.(ctx, today) ?? []);
  const items = all.filter((r) => !isSnoozed(snoozes.get(r.key), today)).sort(byUrgency);
  return { items, snoozed: all.length - items.length };
}

export function snooze(ctx: CallContext, input: { key: string; until: string; reason: string }, today: string): void {
  if (input.until < today) throw new AppError('reminders.untilPast');
  stmt(ctx.db, 'INSERT INTO reminder_snoozes(user_id, key, until, reason) VALUES (?, ?, ?, ?) ON CONFLICT(user_id, key) DO UPDATE SET until = excluded.until, reason = excluded.reason, at = datetime(\'now\')').run(ctx.session.user?.id ?? 0, input.key, input.until, input.reason);
}
