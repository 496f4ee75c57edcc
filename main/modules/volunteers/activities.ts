import type { Output, ParsedInput } from '../../../shared/contract';
import type { ActivityRow } from '../../../shared/contract/volunteers';
import { maskPhone } from '../../../shared/rules/mask';
import { activityNumber, hoursCertificateNumber, hoursProblem, plannedHours, type ActivityState } from '../../../shared/rules/volunteers';
import { AppError } from '../../core/errors';
import { nextSerial, stmt, type Db } from '../../core/ledger';
import { tableFile } from '../../core/excel';
import type { CallContext } from '../../core/dispatch';
import { logVisit, raise } from '../visits/api';
import { hoursLines, volunteerRecord, yearTotals } from './corps';

interface ActivityRecord {
  id: number;
  number: string;
  title: string;
  content: string;
  place: string;
  date: string;
  start: string;
  end: string;
  wanted: number;
  team_id: number | null;
  team: string | null;
  state: ActivityState;
  cancel_reason: string;
  signed_up: number;
  present: number;
  hours: number;
}

const SELECT = `SELECT a.*, t.name AS team,
  (SELECT count(*) FROM volunteer_signups s WHERE s.activity_id = a.id) AS signed_up,
  (SELECT count(*) FROM volunteer_signups s WHERE s.activity_id = a.id AND s.present = 1) AS present,
  (SELECT coalesce(sum(s.hours), 0) FROM volunteer_signups s WHERE s.activity_id = a.id AND s.present = 1) AS hours
  FROM volunteer_activities a LEFT JOIN volunteer_teams t ON t.id = a.team_id`;

const toRow = (a: ActivityRecord): ActivityRow => ({
  id: a.id,
  number: a.number,
  title: a.title,
  place: a.place,
  date: a.date,
  start: a.start,
  end: a.end,
  wanted: a.wanted,
  signedUp: a.signed_up,
  present: a.present,
  team: a.team ?? '',
  state: a.state,
  hours: a.hours,
});

function record(db: Db, id: number): ActivityRecord {
  const a = stmt(db, `${SELECT} WHERE a.id = ?`).get(id) as ActivityRecord | undefined;
  if (!a) throw new AppError('activities.notFound', { id });
  return a;
}

export const activityList = (db: Db, year?: number) => (stmt(db, `${SELECT} WHERE (@year IS NULL OR a.year = @year) ORDER BY a.state = 'planned' DESC, a.date DESC, a.id DESC LIMIT 1000`).all({ year: year ?? null }) as ActivityRecord[]).map(toRow);

export function activityDetail(db: Db, id: number): Output<'activities.get'> {
  const a = record(db, id);
  const people = stmt(db, 'SELECT s.volunteer_id AS volunteerId, v.name, v.phone, s.present, s.hours FROM volunteer_signups s JOIN volunteers v ON v.id = s.volunteer_id WHERE s.activity_id = ? ORDER BY v.name, v.id').all(id) as { volunteerId: number; name: string; phone: string; present: number; hours: number }[];
  return { ...toRow(a), content: a.content, teamId: a.team_id, cancelReason: a.cancel_reason, people: people.map(({ phone, ...p }) => ({ ...p, phoneMasked: maskPhone(phone), present: p.present === 1 })) };
}

export function plan(ctx: CallContext, input: ParsedInput<'activities.plan'>): { id: number; number: string } {
  if (plannedHours(input.start, input.end) <= 0) throw new AppError('activities.endBeforeStart');
  if (input.teamId !== null && !stmt(ctx.db, 'SELECT 1 FROM volunteer_teams WHERE id = ?').get(input.teamId)) throw new AppError('volunteers.teamNotFound', { id: input.teamId });
  const year = Number(input.date.slice(0, 4));
  const serial = nextSerial(ctx.db, 'volunteer_activity_sequences', year);
  const number = activityNumber(year, serial);
  const id = Number(
    stmt(ctx.db, 'INSERT INTO volunteer_activities(year, serial, number, title, content, place, date, start, end, wanted, team_id, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(year, serial, number, input.title, input.content, input.place, input.date, input.start, input.end, input.wanted, input.teamId, ctx.actor).lastInsertRowid,
  );
  return { id, number };
}

export function signUp(db: Db, input: ParsedInput<'activities.signUp'>): number {
  const a = record(db, input.id);
  if (a.state !== 'planned') throw new AppError('activities.notPlanned', { number: a.number });
  const add = stmt(db, 'INSERT INTO volunteer_signups(activity_id, volunteer_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
  for (const v of new Set(input.volunteerIds)) {
    const person = volunteerRecord(db, v);
    if (person.left_on) throw new AppError('volunteers.notActive', { id: v });
    add.run(input.id, v);
  }
  const signed = record(db, input.id).signed_up;
  if (signed > a.wanted) throw new AppError('activities.full', { wanted: a.wanted });
  return signed;
}

/**
 * Attendance, once the day has come: each person signed up is present (with hours served) or not.
 * Someone who came without signing up is signed up here too, as sign-in sheets record them.
 */
export function attend(db: Db, input: ParsedInput<'activities.attend'>, today: string): { present: number; hours: number } {
  const a = record(db, input.id);
  if (a.state === 'cancelled') throw new AppError('activities.cancelled', { number: a.number });
  if (a.date > today) throw new AppError('activities.notYet', { date: a.date });
  const upper = plannedHours(a.start, a.end);
  const write = stmt(db, 'INSERT INTO volunteer_signups(activity_id, volunteer_id, present, hours) VALUES (@a, @v, @present, @hours) ON CONFLICT(activity_id, volunteer_id) DO UPDATE SET present = excluded.present, hours = excluded.hours');
  for (const p of input.people) {
    const person = volunteerRecord(db, p.volunteerId);
    if (p.present) {
      if (person.joined_on > a.date) throw new AppError('activities.beforeJoined', { name: person.name, date: person.joined_on });
      const problem = hoursProblem(p.hours);
      if (problem) throw new AppError(`volunteers.${problem}`, { name: person.name });
      // More hours than the activity lasted is a typing slip (5 for 0.5), not service.
      if (p.hours > upper) throw new AppError('activities.hoursOverSpan', { name: person.name, hours: upper });
    }
    write.run({ a: input.id, v: p.volunteerId, present: p.present ? 1 : 0, hours: p.present ? p.hours : 0 });
  }
  stmt(db, "UPDATE volunteer_activities SET state = 'held' WHERE id = ?").run(input.id);
  const after = record(db, input.id);
  return { present: after.present, hours: after.hours };
}

export function cancel(db: Db, input: ParsedInput<'activities.cancel'>): void {
  const a = record(db, input.id);
  if (a.state !== 'planned') throw new AppError('activities.notPlanned', { number: a.number });
  stmt(db, "UPDATE volunteer_activities SET state = 'cancelled', cancel_reason = ? WHERE id = ?").run(input.reason, input.id);
}

/**
 * 小巷管家's round (每日巡、随手拍、实时报): logged as a visit of the place in 走访与诉求, and a problem
 * found there is raised from that visit, the volunteer named as who found it.
 */
export function patrol(ctx: CallContext, input: ParsedInput<'patrols.log'>, today: string): { id: number; problemId: number | null; problemNumber: string } {
  const v = volunteerRecord(ctx.db, input.volunteerId);
  if (v.left_on) throw new AppError('volunteers.notActive', { id: v.id });
  if (input.date > today) throw new AppError('validation.futureDate');
  if (input.hours > 0 && hoursProblem(input.hours)) throw new AppError(`volunteers.${hoursProblem(input.hours)!}`, { name: v.name });
  let problem: { id: number; number: string } | null = null;
  if (input.problem) {
    const visitId = logVisit(ctx, { date: input.date, kind: 'place', householdId: null, buildingId: null, place: input.route.slice(0, 80), visitors: v.name.slice(0, 80), met: '', seen: input.seen || input.problem.content.slice(0, 1000), words: '' }, today);
    problem = raise(
      ctx,
      { source: 'visit', hotlineTicket: '', visitId, residentId: null, raiser: v.name, anonymous: false, contact: v.phone, gridId: null, buildingId: null, place: input.route.slice(0, 80), category: input.problem.category, content: input.problem.content, urgent: input.problem.urgent, foundOn: input.date, assigneeId: null },
      today,
    );
  }
  const id = Number(
    stmt(ctx.db, 'INSERT INTO volunteer_patrols(volunteer_id, date, route, seen, hours, problem_id, problem_number, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(v.id, input.date, input.route, input.seen, input.hours, problem?.id ?? null, problem?.number ?? '', ctx.actor).lastInsertRowid,
  );
  return { id, problemId: problem?.id ?? null, problemNumber: problem?.number ?? '' };
}

export function hoursSheet(db: Db, year: number) {
  const totals = yearTotals(db, year);
  const people = stmt(db, "SELECT v.id, v.name, v.origin, v.unit, (SELECT group_concat(t.name, '、') FROM volunteer_team_members tm JOIN volunteer_teams t ON t.id = tm.team_id WHERE tm.volunteer_id = v.id) AS teams FROM volunteers v WHERE v.left_on = '' OR v.left_on >= ? ORDER BY v.name, v.id").all(`${year}-01-01`) as { id: number; name: string; origin: 'resident' | 'outside' | 'reporter'; unit: string; teams: string | null }[];
  return { year, rows: people.map((p) => ({ ...p, teams: p.teams ?? '', ...totals(p.id) })).sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name, 'zh-CN')) };
}

/** The roster and hours sheet for the upper level: one row per volunteer, the year's hours, points and stars. */
export async function exportSheet(db: Db, year: number, words: { header: string[]; origin: Record<string, string>; sheet: string; file: string }) {
  const { rows } = hoursSheet(db, year);
  const file = await tableFile(
    words.file,
    words.sheet,
    words.header,
    rows.map((r, i) => [i + 1, r.name, words.origin[r.origin] ?? r.origin, r.unit, r.teams, r.activities, r.activityHours, r.serviceHours, r.hours, r.points, r.stars]),
    [6, 12, 12, 20, 20, 10, 12, 12, 10, 10, 8],
  );
  return { ...file, rows: rows.length };
}

export function issueCertificate(ctx: CallContext, volunteerId: number, year: number, today: string): { id: number; number: string } {
  const v = volunteerRecord(ctx.db, volunteerId);
  if (year > Number(today.slice(0, 4))) throw new AppError('validation.futureDate');
  const t = yearTotals(ctx.db, year, volunteerId)(volunteerId);
  if (t.hours <= 0) throw new AppError('volunteers.noHours', { name: v.name, year });
  const issuedYear = Number(today.slice(0, 4));
  const serial = nextSerial(ctx.db, 'volunteer_certificate_sequences', issuedYear);
  const number = hoursCertificateNumber(issuedYear, serial);
  const id = Number(
    stmt(ctx.db, 'INSERT INTO volunteer_certificates(year, serial, number, volunteer_id, for_year, hours, activities, stars, points, issued_on, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(issuedYear, serial, number, volunteerId, year, t.hours, t.activities, t.stars, t.points, today, ctx.actor).lastInsertRowid,
  );
  return { id, number };
}

/** A certificate says what was true when it was issued: its figures are the ones kept with it. */
export function certificate(db: Db, id: number): Output<'volunteers.certificate'> {
  const c = stmt(db, 'SELECT * FROM volunteer_certificates WHERE id = ?').get(id) as { number: string; volunteer_id: number; for_year: number; hours: number; activities: number; stars: number; points: number; issued_on: string } | undefined;
  if (!c) throw new AppError('volunteers.certificateNotFound', { id });
  const v = volunteerRecord(db, c.volunteer_id);
  const lines = hoursLines(db, c.for_year, c.volunteer_id).filter((l) => l.date <= c.issued_on);
  return {
    number: c.number,
    name: v.name,
    year: c.for_year,
    hours: c.hours,
    activities: c.activities,
    stars: c.stars,
    points: c.points,
    joinedOn: v.joined_on,
    issuedOn: c.issued_on,
    teams: v.teams ?? '',
    lines: lines.map(({ volunteerId: _v, ...l }) => l),
  };
}

