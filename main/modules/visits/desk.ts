import { plucked, stmt } from '../../core/ledger';
import { contains, moduleReminder, PER_GROUP, type DeskProvider } from '../desk/api';
import { problemList } from './problems';
import { links } from '../../../shared/contract/links';

/** 走访 on the desk: the care-group households due a visit, problems past their time limit, this month's visits. */
export const visitsDesk: DeskProvider = {
  module: 'visits',
  permission: 'visits.view',
  reminders: (ctx, today) => {
    // Households, from the kept next-visit dates (one index range, whatever the size of the ledger).
    const due = stmt(ctx.db, 'SELECT count(*) AS n, min(due) AS first FROM household_visit_due WHERE due <= ?').get(today) as { n: number; first: string | null };
    const out = problemList(ctx.db, { open: true }, today)
      .filter((p) => p.overdue)
      .map((p) => moduleReminder('visits', 'problemOverdue', String(p.id), p.deadline, today, { number: p.number, content: p.content.slice(0, 40) }, links.problem(p.id)));
    if (due.n) out.push(moduleReminder('visits', 'householdsDue', today, due.first || today, today, { count: due.n }, links.visitsDue));
    return out;
  },
  board: (ctx, { today }) => ({
    visits: {
      thisMonth: plucked(ctx.db, 'SELECT count(*) FROM visits WHERE date >= ?').get(`${today.slice(0, 7)}-01`) as number,
      openProblems: plucked(ctx.db, "SELECT count(*) FROM problems WHERE state IN ('found', 'accepted', 'inHand', 'referred')").get() as number,
    },
  }),
  search: (ctx, q) => [
    {
      group: 'problems',
      items: (stmt(ctx.db, `SELECT id, number, content, hotline_ticket FROM problems WHERE number LIKE ? ESCAPE '\\' OR hotline_ticket LIKE ? ESCAPE '\\' OR content LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ${PER_GROUP}`).all(contains(q), contains(q), contains(q)) as { id: number; number: string; content: string; hotline_ticket: string }[]).map((p) => ({ title: `${p.number} ${p.content}`, detail: p.hotline_ticket, link: links.problem(p.id) })),
    },
  ],
};
