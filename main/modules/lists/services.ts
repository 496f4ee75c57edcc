import { AppError } from '../../core/errors';
import { plucked, stmt, type Db } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import { activeMatch, moveNeed, needState } from './needs';
import { createMatch } from './matching';

function matchInForce(ctx: CallContext, needId: number) {
  const m = activeMatch(ctx.db, needId);
  if (!m) throw new AppError('lists.noMatch');
  return m;
}

const notBefore = (date: string, earliest: string, today: string) => {
  if (date > today) throw new AppError('validation.futureDate');
  if (earliest && date < earliest) throw new AppError('lists.dateBefore', { date: earliest });
};

/**
 * 接单. A matched need is claimed by its match's provider; an open need can be claimed directly by a
 * member or unit with the resource they offer (the same checks as a confirmed match).
 */
export function claim(ctx: CallContext, input: { needId: number; resourceId?: number; claimedBy: string; date: string; dueOn: string }, today: string): void {
  if (input.dueOn && input.dueOn < input.date) throw new AppError('lists.dateBefore', { date: input.date });
  const state = needState(ctx.db, input.needId);
  if (state === 'open') {
    if (input.resourceId === undefined) throw new AppError('lists.resourceNeeded');
    notBefore(input.date, '', today);
    createMatch(ctx, input.needId, input.resourceId, input.date, today, { by: input.claimedBy, dueOn: input.dueOn });
    return;
  }
  const m = matchInForce(ctx, input.needId);
  if (input.resourceId !== undefined && input.resourceId !== m.resource_id) throw new AppError('lists.otherResource', { provider: m.provider });
  notBefore(input.date, m.confirmed_on, today);
  moveNeed(ctx, input.needId, 'claimed', input.date, input.claimedBy);
  stmt(ctx.db, 'UPDATE list_matches SET claimed_by = ?, claimed_on = ?, due_on = ? WHERE id = ?').run(input.claimedBy, input.date, input.dueOn, m.id);
}

/** Back to the list: a match that will not happen, undone before the service starts. */
export function cancelMatch(ctx: CallContext, needId: number, reason: string, today: string): void {
  const m = matchInForce(ctx, needId);
  moveNeed(ctx, needId, 'open', today, reason);
  stmt(ctx.db, 'UPDATE list_matches SET cancelled_on = ?, cancel_reason = ? WHERE id = ?').run(today, reason, m.id);
}

/**
 * A service record. Given by a reporting party member (在职党员), it is also written to the party's own
 * service records, linked back, so that it counts in the member's yearly summary and the employer's
 * quarterly record — once, however it is looked at.
 */
export function addService(ctx: CallContext, input: { needId: number; date: string; hours: number; content: string; byWhom: string }, today: string): number {
  const state = needState(ctx.db, input.needId);
  if (state !== 'claimed' && state !== 'serving') throw new AppError('lists.notClaimed');
  const m = matchInForce(ctx, input.needId);
  notBefore(input.date, m.claimed_on, today);
  const id = Number(
    stmt(ctx.db, 'INSERT INTO list_services(match_id, date, hours, content, by_whom, recorded_by) VALUES (?, ?, ?, ?, ?, ?)').run(m.id, input.date, input.hours, input.content, input.byWhom, ctx.actor).lastInsertRowid,
  );
  if (state === 'claimed') moveNeed(ctx, input.needId, 'serving', input.date);
  const member = stmt(
    ctx.db,
    `SELECT p.id, p.reported_on, c.name AS category FROM list_resources r JOIN party_reporters p ON p.id = r.reporter_id JOIN list_categories c ON c.id = r.category_id
     WHERE r.id = ?`,
  ).get(m.resource_id) as { id: number; reported_on: string; category: string } | undefined;
  if (member && member.reported_on && input.date >= member.reported_on) {
    stmt(ctx.db, 'INSERT INTO party_services(reporter_id, date, post, hours, content, list_service_id) VALUES (?, ?, ?, ?, ?, ?)').run(member.id, input.date, member.category, input.hours, input.content, id);
  }
  return id;
}

export function complete(ctx: CallContext, needId: number, date: string, today: string): void {
  const m = matchInForce(ctx, needId);
  const last = plucked(ctx.db, 'SELECT max(date) FROM list_services WHERE match_id = ?').get(m.id) as string | null;
  if (!last) throw new AppError('lists.noService');
  notBefore(date, last, today);
  moveNeed(ctx, needId, 'done', date);
  stmt(ctx.db, 'UPDATE list_matches SET completed_on = ? WHERE id = ?').run(date, m.id);
  stmt(ctx.db, 'UPDATE list_needs SET done_on = ? WHERE id = ?').run(date, needId);
}

/** 评价: the resident's word, taken after the service is done. */
export function feedback(ctx: CallContext, input: { needId: number; date: string; satisfaction: number; comment: string }, today: string): void {
  const m = matchInForce(ctx, input.needId);
  notBefore(input.date, m.completed_on, today);
  moveNeed(ctx, input.needId, 'evaluated', input.date, `${input.satisfaction}/5`);
  stmt(ctx.db, 'UPDATE list_matches SET satisfaction = ?, comment = ?, feedback_on = ? WHERE id = ?').run(input.satisfaction, input.comment, input.date, m.id);
}

/**
 * Services given in a period by the people who gave them: a reporting party member through their
 * resource, anyone else by the name recorded as who served (a volunteer's hours count in their corps).
 */
export function servicesGiven(db: Db, from: string, to: string): { reporterId: number | null; byWhom: string; provider: string; date: string; hours: number; content: string }[] {
  return stmt(
    db,
    `SELECT r.reporter_id AS reporterId, s.by_whom AS byWhom, r.provider, s.date, s.hours, s.content
     FROM list_services s JOIN list_matches m ON m.id = s.match_id JOIN list_resources r ON r.id = m.resource_id
     WHERE s.date BETWEEN ? AND ? ORDER BY s.date, s.id`,
  ).all(from, to) as { reporterId: number | null; byWhom: string; provider: string; date: string; hours: number; content: string }[];
}
