import { AHEAD_DAYS, birthdayAt, byUrgency, isDueSoon, isSnoozed, turningHighAgeWindow, type Reminder } from '../../../shared/rules/reminders';
import { addDays, judicialDeadline, SETTLE_DAYS } from '../../../shared/rules/mediation';
import { HIGH_AGE } from '../../../shared/rules/codes';
import { MEETING_KINDS } from '../../../shared/contract/party';
import { AppError } from '../../core/errors';
import { stmt } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import { caseList } from '../mediation/api';
import { fileBoard } from '../party/api';
import { arrears } from '../party/api';
import { meetingCalendar } from '../party/api';
import { problemList } from '../visits/api';
import { dueCount } from '../retention/api';
import type { Permission } from '../../../shared/contract/define';
import type { DeskProvider } from './providers';

type Rule = (ctx: CallContext, today: string) => Reminder[];
const item = (key: string, kind: Reminder['kind'], due: string, today: string, params: Reminder['params'], link: string): Reminder => ({ key, kind, due, overdue: due < today, params, link });

/** Each module's rules, applied only for users who may open that module (a mediator sees only their own cases). */
const RULES: { permission: Permission; rule: Rule }[] = [
  {
    permission: 'mediation.work',
    rule: (ctx, today) => {
      const cases = caseList(ctx, true);
      const out: Reminder[] = [];
      for (const c of cases) {
        if (c.overdue) out.push(item(`caseOpen30:${c.id}`, 'caseOpen30', addDays(c.acceptedOn, SETTLE_DAYS), today, { number: c.number }, `mediation/${c.id}`));
        if (c.followUpDue && isDueSoon(c.followUpDue, today, AHEAD_DAYS.followUp)) out.push(item(`followUp:${c.id}`, 'followUp', c.followUpDue, today, { number: c.number }, `mediation/${c.id}`));
      }
      // 司法确认: 30 days from a written agreement, while the case is still before its follow-up.
      const mine = new Set(cases.map((c) => c.id));
      const written = stmt(ctx.db, "SELECT id, number, outcome_on FROM mediation_cases WHERE outcome = 'written' AND state IN ('agreed', 'followedUp', 'urged')").all() as { id: number; number: string; outcome_on: string }[];
      for (const c of written) {
        const deadline = judicialDeadline(c.outcome_on);
        if (mine.has(c.id) && deadline >= today && isDueSoon(deadline, today, AHEAD_DAYS.judicial)) out.push(item(`judicial:${c.id}`, 'judicial', deadline, today, { number: c.number, date: deadline }, `mediation/${c.id}`));
      }
      return out;
    },
  },
  {
    permission: 'party.view',
    rule: (ctx, today) => {
      const out: Reminder[] = [];
      for (const f of fileBoard(ctx.db, false)) {
        if (f.overdue && f.next?.due) out.push(item(`devOverdue:${f.id}:${f.next.step}`, 'devOverdue', f.next.due, today, { name: f.name, step: f.next.step }, 'party/development'));
        if (f.stage === 'probationary' && f.probationEnd && isDueSoon(f.probationEnd, today, AHEAD_DAYS.probationDue)) out.push(item(`probationDue:${f.id}`, 'probationDue', f.probationEnd, today, { name: f.name, date: f.probationEnd }, 'party/development'));
      }
      // The required meetings of the period we are in, not yet held, per branch.
      const year = Number(today.slice(0, 4));
      for (const b of stmt(ctx.db, 'SELECT id, name FROM party_branches ORDER BY id').all() as { id: number; name: string }[]) {
        const held = stmt(ctx.db, 'SELECT kind, date FROM party_meetings WHERE branch_id = ? AND date LIKE ?').all(b.id, `${year}-%`) as Parameters<typeof meetingCalendar>[0];
        for (const p of meetingCalendar(held, year, today)) {
          // Only near the end of the period we are in: a month's meetings are not late on its first day.
          if (p.state !== 'open' || !isCurrentPeriod(p.period, today) || !isDueSoon(periodEnd(p.period), today, AHEAD_DAYS.meeting)) continue;
          out.push(item(`meetingPending:${b.id}:${p.kind}:${p.period}`, 'meetingPending', periodEnd(p.period), today, { branch: b.name, kind: p.kind, period: p.period, every: MEETING_KINDS[p.kind] }, `party/meetings?branch=${b.id}`));
        }
      }
      // Dues: the members who owe for a month before this one, as one reminder.
      const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
      if (lastMonth.slice(0, 4) === today.slice(0, 4)) {
        const owing = arrears(ctx.db, lastMonth);
        if (owing.length) out.push(item(`duesArrears:${lastMonth}`, 'duesArrears', `${lastMonth}-28`, today, { count: owing.length, month: lastMonth }, 'party/dues'));
      }
      return out;
    },
  },
  {
    permission: 'lists.view',
    rule: (ctx, today) =>
      (stmt(ctx.db, "SELECT id, number, content, wanted_by FROM list_needs WHERE wanted_by != '' AND wanted_by < ? AND state NOT IN ('done', 'evaluated', 'withdrawn') ORDER BY wanted_by LIMIT 500").all(today) as { id: number; number: string; content: string; wanted_by: string }[]).map((n) =>
        item(`needOverdue:${n.id}`, 'needOverdue', n.wanted_by, today, { number: n.number, content: n.content.slice(0, 40) }, `lists/need/${n.id}`),
      ),
  },
  {
    permission: 'visits.view',
    rule: (ctx, today) => {
      // Households, from the kept next-visit dates (one index range, whatever the size of the ledger).
      const due = stmt(ctx.db, 'SELECT count(*) AS n, min(due) AS first FROM household_visit_due WHERE due <= ?').get(today) as { n: number; first: string | null };
      const out = problemList(ctx.db, { open: true }, today)
        .filter((p) => p.overdue)
        .map((p) => item(`problemOverdue:${p.id}`, 'problemOverdue', p.deadline, today, { number: p.number, content: p.content.slice(0, 40) }, `visits/problem/${p.id}`));
      if (due.n) out.push(item(`visitsDue:${today}`, 'visitsDue', due.first || today, today, { count: due.n }, 'visits/due'));
      return out;
    },
  },
  {
    permission: 'residents.view',
    rule: (ctx, today) => {
      const { from, to } = turningHighAgeWindow(today);
      return (stmt(ctx.db, "SELECT id, name, birth_date FROM residents WHERE status = 'active' AND birth_date BETWEEN ? AND ? ORDER BY birth_date, id").all(from, to) as { id: number; name: string; birth_date: string }[]).map((r) => {
        const birthday = birthdayAt(r.birth_date, HIGH_AGE);
        return item(`turning80:${r.id}`, 'turning80', birthday, today, { name: r.name, date: birthday }, `residents/${r.id}`);
      });
    },
  },
  {
    permission: 'records.purge',
    rule: (ctx, today) => {
      const due = dueCount(ctx.db, today);
      return due.count ? [item(`retentionDue:${today}`, 'retentionDue', due.first, today, { count: due.count }, 'retention')] : [];
    },
  },
];

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

export function reminders(ctx: CallContext, today: string, providers: readonly DeskProvider[]): { items: Reminder[]; snoozed: number } {
  const userId = ctx.session.user?.id ?? 0;
  const snoozes = new Map((stmt(ctx.db, 'SELECT key, until FROM reminder_snoozes WHERE user_id = ?').all(userId) as { key: string; until: string }[]).map((s) => [s.key, s.until]));
  const may = (p: { permission: Permission }) => ctx.session.permissions.has(p.permission);
  const all = [...RULES.filter(may).flatMap((r) => r.rule(ctx, today)), ...providers.filter(may).flatMap((p) => p.reminders?.(ctx, today) ?? [])];
  const items = all.filter((r) => !isSnoozed(snoozes.get(r.key), today)).sort(byUrgency);
  return { items, snoozed: all.length - items.length };
}

export function snooze(ctx: CallContext, input: { key: string; until: string; reason: string }, today: string): void {
  if (input.until < today) throw new AppError('reminders.untilPast');
  stmt(ctx.db, 'INSERT INTO reminder_snoozes(user_id, key, until, reason) VALUES (?, ?, ?, ?) ON CONFLICT(user_id, key) DO UPDATE SET until = excluded.until, reason = excluded.reason, at = datetime(\'now\')').run(ctx.session.user?.id ?? 0, input.key, input.until, input.reason);
}
