import type { ParsedInput } from '../../../shared/contract';
import type { VolunteerDetail, VolunteerRow } from '../../../shared/contract/volunteers';
import { maskPhone } from '../../../shared/rules/mask';
import { bandsProblem, DEFAULT_VOLUNTEER_SETTINGS, pointsFor, starsFor, type TeamKind, type VolunteerOrigin, type VolunteerSettings } from '../../../shared/rules/volunteers';
import { AppError } from '../../core/errors';
import { jsonSetting, setSetting, stmt, type Db } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import { residentsBrief } from '../residents/api';
import { reportersForCorps, reporterServices } from '../party/api';
import { servicesGiven } from '../lists/api';


export const volunteerSettings = (db: Db): VolunteerSettings => jsonSetting(db, 'volunteer_settings', DEFAULT_VOLUNTEER_SETTINGS);
export function setVolunteerSettings(db: Db, s: VolunteerSettings): VolunteerSettings {
  const problem = bandsProblem(s.starHours);
  if (problem) throw new AppError(`volunteers.${problem}`);
  setSetting(db, 'volunteer_settings', JSON.stringify(s));
  return s;
}

interface VolunteerRecord {
  id: number;
  origin: VolunteerOrigin;
  resident_id: number | null;
  reporter_id: number | null;
  name: string;
  phone: string;
  unit: string;
  skills: string;
  free_time: string;
  joined_on: string;
  left_on: string;
  left_reason: string;
  teams: string | null;
}

const SELECT = `SELECT v.*, (SELECT group_concat(t.name, '、') FROM volunteer_team_members tm JOIN volunteer_teams t ON t.id = tm.team_id WHERE tm.volunteer_id = v.id) AS teams FROM volunteers v`;

export function volunteerRecord(db: Db, id: number): VolunteerRecord {
  const v = stmt(db, `${SELECT} WHERE v.id = ?`).get(id) as VolunteerRecord | undefined;
  if (!v) throw new AppError('volunteers.notFound', { id });
  return v;
}

export interface HoursLine {
  volunteerId: number;
  date: string;
  what: string;
  hours: number;
  kind: 'activity' | 'service' | 'patrol';
}

/**
 * Every hour served in a year, per volunteer: activities attended, 小巷管家 rounds, and services for
 * the two lists' needs — a reporting party member's from their party record (where list services are
 * written too), anyone else's where the list service names them as who served.
 */
export function hoursLines(db: Db, year: number, only?: number): HoursLine[] {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const lines: HoursLine[] = [];
  const attended = stmt(
    db,
    `SELECT s.volunteer_id AS volunteerId, a.date, a.number || ' ' || a.title AS what, s.hours FROM volunteer_signups s JOIN volunteer_activities a ON a.id = s.activity_id
     WHERE a.state = 'held' AND s.present = 1 AND a.date BETWEEN ? AND ? AND (@only IS NULL OR s.volunteer_id = @only) ORDER BY a.date, a.id`,
  ).all(from, to, { only: only ?? null }) as Omit<HoursLine, 'kind'>[];
  lines.push(...attended.map((l) => ({ ...l, kind: 'activity' as const })));
  const rounds = stmt(db, 'SELECT volunteer_id AS volunteerId, date, route AS what, hours FROM volunteer_patrols WHERE hours > 0 AND date BETWEEN ? AND ? AND (@only IS NULL OR volunteer_id = @only) ORDER BY date, id').all(from, to, { only: only ?? null }) as Omit<HoursLine, 'kind'>[];
  lines.push(...rounds.map((l) => ({ ...l, kind: 'patrol' as const })));
  const people = stmt(db, 'SELECT id, name, reporter_id FROM volunteers WHERE (@only IS NULL OR id = @only)').all({ only: only ?? null }) as { id: number; name: string; reporter_id: number | null }[];
  const byReporter = new Map(people.filter((p) => p.reporter_id !== null).map((p) => [p.reporter_id!, p.id]));
  const byName = new Map<string, number>();
  for (const p of people) if (p.reporter_id === null) byName.set(p.name, byName.has(p.name) ? -1 : p.id); // a name two volunteers share is nobody's
  if (byReporter.size) for (const s of reporterServices(db, from, to)) if (byReporter.has(s.reporterId)) lines.push({ volunteerId: byReporter.get(s.reporterId)!, date: s.date, what: `${s.post} ${s.content}`.trim(), hours: s.hours, kind: 'service' });
  for (const s of servicesGiven(db, from, to)) {
    if (s.reporterId !== null) continue; // counted through the party record above
    const who = byName.get(s.byWhom) ?? byName.get(s.provider);
    if (who !== undefined && who > 0) lines.push({ volunteerId: who, date: s.date, what: s.content, hours: s.hours, kind: 'service' });
  }
  return lines.sort((a, b) => a.date.localeCompare(b.date));
}

export function yearTotals(db: Db, year: number, only?: number) {
  const settings = volunteerSettings(db);
  const totals = new Map<number, { activities: number; activityHours: number; serviceHours: number; hours: number }>();
  for (const l of hoursLines(db, year, only)) {
    const t = totals.get(l.volunteerId) ?? { activities: 0, activityHours: 0, serviceHours: 0, hours: 0 };
    if (l.kind === 'service') t.serviceHours += l.hours;
    else t.activityHours += l.hours;
    if (l.kind === 'activity') t.activities += 1;
    t.hours += l.hours;
    totals.set(l.volunteerId, t);
  }
  const of = (id: number) => {
    const t = totals.get(id) ?? { activities: 0, activityHours: 0, serviceHours: 0, hours: 0 };
    return { ...t, points: pointsFor(t.hours, settings.pointsPerHour), stars: starsFor(t.hours, settings.starHours) };
  };
  return of;
}

const toRow = (v: VolunteerRecord, t: { hours: number; stars: number }): VolunteerRow => ({
  id: v.id,
  origin: v.origin,
  name: v.name,
  phoneMasked: maskPhone(v.phone),
  unit: v.unit,
  skills: v.skills,
  freeTime: v.free_time,
  teams: v.teams ?? '',
  joinedOn: v.joined_on,
  active: v.left_on === '',
  hours: t.hours,
  stars: t.stars,
});

export function volunteerList(db: Db, f: { all: boolean; q: string; teamId?: number }, today: string): VolunteerRow[] {
  const rows = stmt(
    db,
    `${SELECT} WHERE (@all = 1 OR v.left_on = '') AND (@q = '' OR v.name LIKE @like OR v.unit LIKE @like OR v.skills LIKE @like)
     AND (@team IS NULL OR EXISTS (SELECT 1 FROM volunteer_team_members tm WHERE tm.volunteer_id = v.id AND tm.team_id = @team)) ORDER BY v.left_on != '', v.name, v.id LIMIT 2000`,
  ).all({ all: f.all ? 1 : 0, q: f.q, like: `%${f.q}%`, team: f.teamId ?? null }) as VolunteerRecord[];
  const totals = yearTotals(db, Number(today.slice(0, 4)));
  return rows.map((v) => toRow(v, totals(v.id)));
}

export function volunteerDetail(db: Db, id: number, year: number): VolunteerDetail {
  const v = volunteerRecord(db, id);
  const t = yearTotals(db, year, id)(id);
  return {
    ...toRow(v, t),
    residentId: v.resident_id,
    leftOn: v.left_on,
    leftReason: v.left_reason,
    year,
    activityHours: t.activityHours,
    serviceHours: t.serviceHours,
    points: t.points,
    lines: hoursLines(db, year, id).map(({ volunteerId: _v, ...l }) => l),
    patrols: (
      stmt(db, 'SELECT id, date, route, seen, problem_id AS problemId, problem_number AS problemNumber FROM volunteer_patrols WHERE volunteer_id = ? ORDER BY date DESC, id DESC LIMIT 200').all(id) as VolunteerDetail['patrols']
    ),
    certificates: stmt(db, 'SELECT id, number, for_year AS year, hours, issued_on AS issuedOn FROM volunteer_certificates WHERE volunteer_id = ? ORDER BY id DESC').all(id) as VolunteerDetail['certificates'],
  };
}

export function addVolunteer(ctx: CallContext, input: ParsedInput<'volunteers.add'>, today: string): number {
  if (input.joinedOn > today) throw new AppError('validation.futureDate');
  let { name, phone } = input;
  if (input.origin === 'resident') {
    if (input.residentId === null) throw new AppError('volunteers.residentNeeded');
    const r = residentsBrief(ctx.db, [input.residentId]).get(input.residentId);
    if (!r) throw new AppError('resident.notFound', { id: input.residentId });
    if (stmt(ctx.db, "SELECT 1 FROM volunteers WHERE resident_id = ? AND left_on = ''").get(input.residentId)) throw new AppError('volunteers.already', { name: r.name });
    name = r.name;
    phone ||= r.phone;
  } else if (input.origin === 'reporter') {
    throw new AppError('volunteers.reporterThroughParty');
  } else if (!name) {
    throw new AppError('volunteers.nameNeeded');
  }
  return Number(
    stmt(ctx.db, 'INSERT INTO volunteers(origin, resident_id, name, phone, unit, skills, free_time, joined_on, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(input.origin, input.origin === 'resident' ? input.residentId : null, name, phone, input.unit, input.skills, input.freeTime, input.joinedOn, ctx.actor).lastInsertRowid,
  );
}

export function updateVolunteer(db: Db, input: ParsedInput<'volunteers.update'>): void {
  const v = volunteerRecord(db, input.id);
  stmt(db, 'UPDATE volunteers SET phone = ?, unit = ?, skills = ?, free_time = ? WHERE id = ?').run(input.phone || v.phone, input.unit, input.skills, input.freeTime, input.id);
}

export function leave(db: Db, input: ParsedInput<'volunteers.leave'>, today: string): void {
  const v = volunteerRecord(db, input.id);
  if (v.left_on) throw new AppError('volunteers.alreadyLeft', { name: v.name });
  if (input.date > today) throw new AppError('validation.futureDate');
  if (input.date < v.joined_on) throw new AppError('volunteers.leftBeforeJoined', { date: v.joined_on });
  stmt(db, 'UPDATE volunteers SET left_on = ?, left_reason = ? WHERE id = ?').run(input.date, input.reason, input.id);
  stmt(db, 'DELETE FROM volunteer_team_members WHERE volunteer_id = ?').run(input.id);
  stmt(db, 'UPDATE volunteer_teams SET leader_id = NULL WHERE leader_id = ?').run(input.id);
}

/** 在职党员 who have reported to the community join the corps once each; their party record stays where it is. */
export function addReporters(ctx: CallContext, date: string): number {
  const add = stmt(ctx.db, "INSERT INTO volunteers(origin, resident_id, reporter_id, name, phone, unit, joined_on, created_by) VALUES ('reporter', NULL, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
  let added = 0;
  for (const r of reportersForCorps(ctx.db)) added += add.run(r.id, r.name, r.phone, r.employer, r.reportedOn > date ? date : r.reportedOn, ctx.actor).changes;
  return added;
}

export function teams(db: Db) {
  const rows = stmt(db, "SELECT t.id, t.name, t.kind, t.leader_id AS leaderId, coalesce(v.name, '') AS leader FROM volunteer_teams t LEFT JOIN volunteers v ON v.id = t.leader_id ORDER BY t.id").all() as { id: number; name: string; kind: TeamKind; leaderId: number | null; leader: string }[];
  const members = stmt(db, 'SELECT volunteer_id FROM volunteer_team_members WHERE team_id = ? ORDER BY volunteer_id');
  return rows.map((t) => {
    const memberIds = (members.all(t.id) as { volunteer_id: number }[]).map((m) => m.volunteer_id);
    return { ...t, memberIds, members: memberIds.length };
  });
}

export function saveTeam(db: Db, input: ParsedInput<'teams.save'>): number {
  const ids = [...new Set(input.memberIds)];
  const active = stmt(db, "SELECT 1 FROM volunteers WHERE id = ? AND left_on = ''");
  for (const id of ids) if (!active.get(id)) throw new AppError('volunteers.notActive', { id });
  if (input.leaderId !== null && !ids.includes(input.leaderId)) throw new AppError('volunteers.leaderNotMember');
  const same = stmt(db, 'SELECT id FROM volunteer_teams WHERE name = ?').get(input.name) as { id: number } | undefined;
  if (same && same.id !== input.id) throw new AppError('volunteers.teamTwice', { name: input.name });
  let id = input.id;
  if (id === undefined) id = Number(stmt(db, 'INSERT INTO volunteer_teams(name, kind, leader_id) VALUES (?, ?, ?)').run(input.name, input.kind, input.leaderId).lastInsertRowid);
  else if (!stmt(db, 'UPDATE volunteer_teams SET name = ?, kind = ?, leader_id = ? WHERE id = ?').run(input.name, input.kind, input.leaderId, id).changes) throw new AppError('volunteers.teamNotFound', { id });
  stmt(db, 'DELETE FROM volunteer_team_members WHERE team_id = ?').run(id);
  const add = stmt(db, 'INSERT INTO volunteer_team_members(team_id, volunteer_id) VALUES (?, ?)');
  for (const v of ids) add.run(id, v);
  return id;
}
