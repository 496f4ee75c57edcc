import { AHEAD_DAYS, isDueSoon, type Reminder } from '../../../shared/rules/reminders';
import { addDays } from '../../../shared/rules/mediation';
import { MEETING_KINDS } from '../../../shared/contract/party';
import { plucked, stmt } from '../../core/ledger';
import { byMonth, contains, moduleReminder, PER_GROUP, type DeskProvider } from '../desk/api';
import { fileBoard } from './development';
import { arrears } from './dues';
import { meetingCalendar } from './meetings';
import { links } from '../../../shared/contract/links';

/** `2026-12`, `2026-Q4` or `2026`: is today inside it, and its last day. */
function isCurrentPeriod(period: string, today: string): boolean {
  if (/^\d{4}-\d{2}$/.test(period)) return today.startsWith(period);
  if (/^\d{4}-Q\d$/.test(period)) return today.startsWith(period.slice(0, 4)) && Math.ceil(Number(today.slice(5, 7)) / 3) === Number(period.slice(6));
  return today.startsWith(period);
}
function periodEnd(period: string): string {
  if (/^\d{4}-\d{2}$/.test(period)) return addDays(`${addDays(`${period}-28`, 4).slice(0, 7)}-01`, -1);
  if (/^\d{4}-Q\d$/.test(period)) {
    const month = Number(period.slice(6)) * 3;
    return periodEnd(`${period.slice(0, 4)}-${String(month).padStart(2, '0')}`);
  }
  return `${period}-12-31`;
}

/** 党建工作 on the desk: the development pipeline's deadlines, the meetings the period requires, dues. */
export const partyDesk: DeskProvider = {
  module: 'party',
  permission: 'party.view',
  reminders: (ctx, today) => {
    const out: Reminder[] = [];
    const remind = (kind: string, key: string, due: string, params: Reminder['params'], link: string) => out.push(moduleReminder('party', kind, key, due, today, params, link));
    for (const f of fileBoard(ctx.db, false)) {
      if (f.overdue && f.next?.due) remind('devOverdue', `${f.id}:${f.next.step}`, f.next.due, { name: f.name, step: f.next.step }, links.partyDevelopment);
      if (f.stage === 'probationary' && f.probationEnd && isDueSoon(f.probationEnd, today, AHEAD_DAYS.probationDue)) remind('probationDue', String(f.id), f.probationEnd, { name: f.name, date: f.probationEnd }, links.partyDevelopment);
    }
    // The required meetings of the period we are in, not yet held, per branch.
    const year = Number(today.slice(0, 4));
    for (const b of stmt(ctx.db, 'SELECT id, name FROM party_branches ORDER BY id').all() as { id: number; name: string }[]) {
      const held = stmt(ctx.db, 'SELECT kind, date FROM party_meetings WHERE branch_id = ? AND date LIKE ?').all(b.id, `${year}-%`) as Parameters<typeof meetingCalendar>[0];
      for (const p of meetingCalendar(held, year, today)) {
        // Only near the end of the period we are in: a month's meetings are not late on its first day.
        if (p.state !== 'open' || !isCurrentPeriod(p.period, today) || !isDueSoon(periodEnd(p.period), today, AHEAD_DAYS.meeting)) continue;
        remind('meetingPending', `${b.id}:${p.kind}:${p.period}`, periodEnd(p.period), { branch: b.name, kind: p.kind, period: p.period, every: MEETING_KINDS[p.kind] }, links.partyMeetings(b.id));
      }
    }
    // Dues: the members who owe for a month before this one, as one reminder.
    const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    if (lastMonth.slice(0, 4) === today.slice(0, 4)) {
      const owing = arrears(ctx.db, lastMonth);
      if (owing.length) remind('duesArrears', lastMonth, `${lastMonth}-28`, { count: owing.length, month: lastMonth }, links.partyDues);
    }
    return out;
  },
  board: (ctx, { months, from }) => {
    const members = stmt(ctx.db, "SELECT category AS key, count(*) AS n FROM party_members WHERE status IN ('normal', 'mobile') GROUP BY category").all() as { key: string; n: number }[];
    const stages = new Map<string, number>();
    for (const f of fileBoard(ctx.db, false)) if (f.stage !== 'full') stages.set(f.stage, (stages.get(f.stage) ?? 0) + 1);
    return {
      party: {
        full: members.find((m) => m.key === 'full')?.n ?? 0,
        probationary: members.find((m) => m.key === 'probationary')?.n ?? 0,
        mobile: plucked(ctx.db, "SELECT count(*) FROM party_members WHERE status = 'mobile'").get() as number,
        pipeline: [...stages].map(([key, n]) => ({ key, n })),
        meetings: byMonth(months, stmt(ctx.db, 'SELECT substr(date, 1, 7) AS month, count(*) AS n FROM party_meetings WHERE date >= ? GROUP BY 1').all(from) as { month: string; n: number }[]),
      },
    };
  },
  search: (ctx, q) => [
    {
      group: 'members',
      items: (stmt(ctx.db, `SELECT m.id, coalesce(r.name, m.name) AS name, b.name AS branch FROM party_members m LEFT JOIN residents r ON r.id = m.resident_id JOIN party_branches b ON b.id = m.branch_id WHERE coalesce(r.name, m.name) LIKE ? ESCAPE '\\' ORDER BY m.id LIMIT ${PER_GROUP}`).all(contains(q)) as { id: number; name: string; branch: string }[]).map((m) => ({ title: m.name, detail: m.branch, link: links.partyRoster })),
    },
  ],
};
