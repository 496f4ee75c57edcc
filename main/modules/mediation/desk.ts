import { AHEAD_DAYS, isDueSoon, type Reminder } from '../../../shared/rules/reminders';
import { addDays, judicialDeadline, SETTLE_DAYS } from '../../../shared/rules/mediation';
import { stmt } from '../../core/ledger';
import { moduleReminder, PER_GROUP, type DeskProvider } from '../desk/api';
import { caseList } from './cases';
import { links } from '../../../shared/contract/links';

/** 人民调解 on the desk: a mediator's own cases (the head of the committee, mediation.all, every case). */
export const mediationDesk: DeskProvider = {
  module: 'mediation',
  permission: 'mediation.work',
  reminders: (ctx, today) => {
    const cases = caseList(ctx, true);
    const out: Reminder[] = [];
    const remind = (kind: string, id: number, due: string, params: Reminder['params']) => out.push(moduleReminder('mediation', kind, String(id), due, today, params, links.mediationCase(id)));
    for (const c of cases) {
      if (c.overdue) remind('caseOpen30', c.id, addDays(c.acceptedOn, SETTLE_DAYS), { number: c.number });
      if (c.followUpDue && isDueSoon(c.followUpDue, today, AHEAD_DAYS.followUp)) remind('followUp', c.id, c.followUpDue, { number: c.number });
    }
    // 司法确认: 30 days from a written agreement, while the case is still before its follow-up.
    const mine = new Set(cases.map((c) => c.id));
    const written = stmt(ctx.db, "SELECT id, number, outcome_on FROM mediation_cases WHERE outcome = 'written' AND state IN ('agreed', 'followedUp', 'urged')").all() as { id: number; number: string; outcome_on: string }[];
    for (const c of written) {
      const deadline = judicialDeadline(c.outcome_on);
      if (mine.has(c.id) && deadline >= today && isDueSoon(deadline, today, AHEAD_DAYS.judicial)) remind('judicial', c.id, deadline, { number: c.number, date: deadline });
    }
    return out;
  },
  board: (ctx, { months, from }) => {
    const cases = caseList(ctx, false);
    // Open: accepted and not yet concluded; after an agreement a case waits for its follow-up visit.
    const open = cases.filter((c) => c.state === 'accepted' || c.state === 'mediating');
    const types = new Map<string, number>();
    for (const c of cases) if (c.acceptedOn >= from) types.set(c.disputeType, (types.get(c.disputeType) ?? 0) + 1);
    const accepted = new Map<string, number>();
    for (const c of cases) accepted.set(c.acceptedOn.slice(0, 7), (accepted.get(c.acceptedOn.slice(0, 7)) ?? 0) + 1);
    return {
      mediation: {
        open: open.length,
        overdue: open.filter((c) => c.overdue).length,
        followingUp: cases.filter((c) => c.state === 'agreed' || c.state === 'followedUp' || c.state === 'urged').length,
        byType: [...types].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
        accepted: months.map((m) => accepted.get(m) ?? 0),
      },
    };
  },
  search: (ctx, q) => [
    {
      group: 'cases',
      items: caseList(ctx, false)
        .filter((c) => c.number.includes(q) || c.parties.includes(q))
        .slice(0, PER_GROUP)
        .map((c) => ({ title: c.number, detail: `${c.disputeType} · ${c.parties}`, link: links.mediationCase(c.id) })),
    },
  ],
};
