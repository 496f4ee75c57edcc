import type { DailyBoard, ProblemDetail, ProblemInput, ProblemRow, VisitSettings } from '../../../shared/contract/visits';
import { canMoveProblem, DEFAULT_PROBLEM_CATEGORIES, DEFAULT_VISIT_RULES, isClosed, isProblemOverdue, nextProblemStates, problemDeadline, problemNumber, problemRates, type ProblemSource, type ProblemState, type Satisfaction } from '../../../shared/rules/visits';
import { maskPhone } from '../../../shared/rules/mask';
import { AppError } from '../../core/errors';
import { type Db, getSetting, nextSerial, plucked, recordMove, setSetting, stmt } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import { openCase } from '../mediation/api';


export function visitSettings(db: Db): VisitSettings {
  const stored = getSetting(db, 'visit_settings');
  return stored ? (JSON.parse(stored) as VisitSettings) : { categories: DEFAULT_PROBLEM_CATEGORIES, visitRules: DEFAULT_VISIT_RULES };
}

export function setVisitSettings(db: Db, s: VisitSettings): VisitSettings {
  const names = s.categories.map((c) => c.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new AppError('problems.categoryTwice', { name: twice });
  setSetting(db, 'visit_settings', JSON.stringify(s));
  rebuildVisitDue(db, s.visitRules);
  return s;
}

/** New visit rules: every care-group household's next visit due again (the triggers of migration 011 keep it after that). */
function rebuildVisitDue(db: Db, rules: VisitSettings['visitRules']): void {
  stmt(db, 'DELETE FROM visit_rule_days').run();
  const add = stmt(db, 'INSERT INTO visit_rule_days(tag, days) VALUES (?, ?) ON CONFLICT(tag) DO UPDATE SET days = min(days, excluded.days)');
  for (const r of rules) add.run(r.tag, r.days);
  db.exec(`
    DELETE FROM household_visit_due;
    INSERT INTO household_visit_due(household_id, days, last, due)
      SELECT r.household_id, min(d.days), (SELECT max(date) FROM visits v WHERE v.household_id = r.household_id), ''
      FROM visit_rule_days d JOIN resident_tags t ON t.tag = d.tag CROSS JOIN residents r ON r.id = t.resident_id
      WHERE r.status = 'active' AND r.household_id IS NOT NULL GROUP BY r.household_id;
    UPDATE household_visit_due SET due = date(last, '+' || days || ' days') WHERE last IS NOT NULL;
  `);
}

interface ProblemRecord {
  id: number;
  number: string;
  source: ProblemSource;
  hotline_ticket: string;
  visit_id: number | null;
  resident_id: number | null;
  household_id: number | null;
  raiser: string;
  anonymous: number;
  contact: string;
  grid: string | null;
  building: string | null;
  place: string;
  category: string;
  content: string;
  urgent: number;
  state: ProblemState;
  found_on: string;
  deadline: string;
  assignee_id: number | null;
  assignee: string | null;
  accepted_on: string;
  resolved_on: string;
  resolution: string;
  confirmed_on: string;
  confirmation: string;
  raiser_confirmed: number | null;
  answered_on: string;
  answer: string;
  satisfaction: Satisfaction | '';
  closed_on: string;
  close_reason: string;
  mediation_case_id: number | null;
  case_number: string | null;
  created_by: string;
  escalated: number;
}

const PROBLEM_SELECT = `SELECT p.*, g.name AS grid, b.name AS building, u.display_name AS assignee, r.household_id, c.number AS case_number,
  EXISTS (SELECT 1 FROM problem_escalations e WHERE e.problem_id = p.id) AS escalated
  FROM problems p LEFT JOIN grids g ON g.id = p.grid_id LEFT JOIN buildings b ON b.id = p.building_id LEFT JOIN users u ON u.id = p.assignee_id
  LEFT JOIN residents r ON r.id = p.resident_id LEFT JOIN mediation_cases c ON c.id = p.mediation_case_id`;

const toRow = (p: ProblemRecord, today: string): ProblemRow => ({
  id: p.id,
  number: p.number,
  source: p.source,
  hotlineTicket: p.hotline_ticket,
  category: p.category,
  content: p.content,
  raiser: p.anonymous ? '' : p.raiser,
  where: [p.building, p.place].filter(Boolean).join(' '),
  grid: p.grid ?? '',
  urgent: p.urgent === 1,
  state: p.state,
  foundOn: p.found_on,
  deadline: p.deadline,
  overdue: isProblemOverdue(p.state, p.deadline, today),
  assignee: p.assignee ?? '',
  escalated: p.escalated === 1,
});

function record(db: Db, id: number): ProblemRecord {
  const p = stmt(db, `${PROBLEM_SELECT} WHERE p.id = ?`).get(id) as ProblemRecord | undefined;
  if (!p) throw new AppError('problems.notFound', { id });
  return p;
}

export function problemList(db: Db, f: { open: boolean; gridId?: number; assigneeId?: number }, today: string): ProblemRow[] {
  const rows = stmt(
    db,
    `${PROBLEM_SELECT} WHERE (@open = 0 OR p.state NOT IN ('answered', 'referred', 'rejected')) AND (@grid IS NULL OR p.grid_id = @grid) AND (@assignee IS NULL OR p.assignee_id = @assignee)
     ORDER BY p.state IN ('answered', 'referred', 'rejected'), p.deadline, p.urgent DESC, p.id LIMIT 2000`,
  ).all({ open: f.open ? 1 : 0, grid: f.gridId ?? null, assignee: f.assigneeId ?? null }) as ProblemRecord[];
  return rows.map((r) => toRow(r, today));
}

export function problemsOfResident(db: Db, residentId: number, today: string): ProblemRow[] {
  return (stmt(db, `${PROBLEM_SELECT} WHERE p.resident_id = ? ORDER BY p.found_on DESC, p.id DESC`).all(residentId) as ProblemRecord[]).map((r) => toRow(r, today));
}

export function problemDetail(ctx: CallContext, id: number, today: string): ProblemDetail {
  const p = record(ctx.db, id);
  const category = visitSettings(ctx.db).categories.find((c) => c.name === p.category);
  return {
    ...toRow(p, today),
    residentId: p.resident_id,
    householdId: p.household_id,
    visitId: p.visit_id,
    anonymous: p.anonymous === 1,
    contactMasked: maskPhone(p.contact),
    assigneeId: p.assignee_id,
    acceptedOn: p.accepted_on,
    resolvedOn: p.resolved_on,
    resolution: p.resolution,
    confirmedOn: p.confirmed_on,
    confirmation: p.confirmation,
    raiserConfirmed: p.raiser_confirmed === null ? null : p.raiser_confirmed === 1,
    answeredOn: p.answered_on,
    answer: p.answer,
    satisfaction: p.satisfaction,
    closeReason: p.close_reason,
    mediationCaseId: p.mediation_case_id,
    mediationCaseNumber: p.case_number ?? '',
    mayMediate: !!category?.mediation && !isClosed(p.state) && ctx.session.permissions.has('mediation.work'),
    createdBy: p.created_by,
    events: stmt(ctx.db, 'SELECT from_state AS "from", to_state AS "to", date, note, actor FROM problem_events WHERE problem_id = ? ORDER BY id').all(id) as ProblemDetail['events'],
    escalations: stmt(ctx.db, 'SELECT id, date, to_whom AS toWhom, request, deadline, reply, reply_on AS replyOn, sent_by AS sentBy FROM problem_escalations WHERE problem_id = ? ORDER BY id').all(id) as ProblemDetail['escalations'],
    next: [...nextProblemStates(p.state)],
  };
}

/** Every change is dated, attributed and has its note: the problem keeps its story. */
function move(ctx: CallContext, id: number, to: ProblemState, date: string, note: string, today: string): ProblemRecord {
  const p = record(ctx.db, id);
  if (!canMoveProblem(p.state, to)) throw new AppError('problems.badMove', { number: p.number });
  if (date > today) throw new AppError('validation.futureDate');
  if (date < p.found_on) throw new AppError('problems.beforeFound', { date: p.found_on });
  recordMove(ctx.db, { table: 'problems', events: 'problem_events', idColumn: 'problem_id', id, from: p.state, to, date, note, actor: ctx.actor });
  if (isClosed(to)) stmt(ctx.db, 'UPDATE problems SET closed_on = ? WHERE id = ?').run(date, id);
  return p;
}

export function raise(ctx: CallContext, input: Required<ProblemInput>, today: string): { id: number; number: string } {
  const db = ctx.db;
  const category = visitSettings(db).categories.find((c) => c.name === input.category);
  if (!category) throw new AppError('problems.unknownCategory', { name: input.category });
  if (input.foundOn > today) throw new AppError('validation.futureDate');
  if (input.source === 'hotline' && !input.hotlineTicket) throw new AppError('problems.ticketNeeded');
  if (input.source === 'visit' && input.visitId === null) throw new AppError('problems.visitNeeded');
  let { gridId, buildingId, raiser } = input;
  if (input.visitId !== null) {
    const v = stmt(db, 'SELECT grid_id, building_id FROM visits WHERE id = ?').get(input.visitId) as { grid_id: number | null; building_id: number | null } | undefined;
    if (!v) throw new AppError('visits.notFound', { id: input.visitId });
    gridId ??= v.grid_id;
    buildingId ??= v.building_id;
  }
  if (input.residentId !== null) {
    const r = stmt(db, 'SELECT name, grid_id, building_id FROM residents WHERE id = ?').get(input.residentId) as { name: string; grid_id: number | null; building_id: number | null } | undefined;
    if (!r) throw new AppError('resident.notFound', { id: input.residentId });
    raiser = r.name;
    gridId ??= r.grid_id;
    buildingId ??= r.building_id;
  }
  if (!input.anonymous && !raiser) throw new AppError('problems.raiserNeeded');
  if (buildingId !== null && gridId === null) gridId = (plucked(db, 'SELECT grid_id FROM buildings WHERE id = ?').get(buildingId) as number | undefined) ?? null;
  const year = Number(input.foundOn.slice(0, 4));
  const serial = nextSerial(db, 'problem_sequences', year);
  const number = problemNumber(year, serial);
  const id = Number(
    stmt(
      db,
      `INSERT INTO problems(year, serial, number, source, hotline_ticket, visit_id, resident_id, raiser, anonymous, contact, grid_id, building_id, place, category, content, urgent, found_on, deadline, assignee_id, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(year, serial, number, input.source, input.hotlineTicket, input.visitId, input.residentId, input.anonymous ? '' : raiser, input.anonymous ? 1 : 0, input.contact, gridId, buildingId, input.place, input.category, input.content, input.urgent ? 1 : 0, input.foundOn, problemDeadline(input.foundOn, category.days), input.assigneeId, ctx.actor).lastInsertRowid,
  );
  stmt(db, "INSERT INTO problem_events(problem_id, from_state, to_state, date, note, actor) VALUES (?, '', 'found', ?, ?, ?)").run(id, input.foundOn, input.hotlineTicket, ctx.actor);
  return { id, number };
}

export function accept(ctx: CallContext, input: { id: number; date: string; assigneeId: number | null; note: string }, today: string) {
  if (input.assigneeId !== null && !stmt(ctx.db, 'SELECT 1 FROM users WHERE id = ? AND disabled = 0').get(input.assigneeId)) throw new AppError('problems.noSuchStaff');
  const p = move(ctx, input.id, 'accepted', input.date, input.note, today);
  // Unless someone else is named, whoever accepts it owns it (trusted code signed in as no account owns nothing).
  const me = ctx.session.user && plucked(ctx.db, 'SELECT id FROM users WHERE id = ?').get(ctx.session.user.id);
  stmt(ctx.db, 'UPDATE problems SET accepted_on = ?, assignee_id = ? WHERE id = ?').run(input.date, input.assigneeId ?? p.assignee_id ?? me ?? null, input.id);
}

export function work(ctx: CallContext, input: { id: number; date: string; note: string }, today: string) {
  const p = record(ctx.db, input.id);
  // A note on a problem already in hand is a progress entry; the first one moves it in hand.
  if (p.state === 'inHand') {
    if (input.date > today) throw new AppError('validation.futureDate');
    stmt(ctx.db, "INSERT INTO problem_events(problem_id, from_state, to_state, date, note, actor) VALUES (?, 'inHand', 'inHand', ?, ?, ?)").run(input.id, input.date, input.note, ctx.actor);
    return;
  }
  move(ctx, input.id, 'inHand', input.date, input.note, today);
}

export function resolve(ctx: CallContext, input: { id: number; date: string; resolution: string }, today: string) {
  move(ctx, input.id, 'resolved', input.date, input.resolution, today);
  stmt(ctx.db, 'UPDATE problems SET resolved_on = ?, resolution = ? WHERE id = ?').run(input.date, input.resolution, input.id);
}

/**
 * 确认. Closing needs the raiser's word: solved (with their satisfaction), not solved (back in hand),
 * or, when it could not be had (anonymous, unreachable), the reason — never nothing.
 */
export function confirm(ctx: CallContext, input: { id: number; date: string; outcome: 'confirmed' | 'notSolved' | 'unreachable'; note: string; satisfaction: Satisfaction | '' }, today: string) {
  const p = record(ctx.db, input.id);
  if (p.state !== 'resolved') throw new AppError('problems.notResolved');
  if (input.outcome !== 'confirmed' && !input.note) throw new AppError('problems.confirmReasonNeeded');
  if (input.outcome === 'confirmed' && p.anonymous) throw new AppError('problems.anonymousConfirm');
  if (input.outcome === 'notSolved') {
    move(ctx, input.id, 'inHand', input.date, input.note, today);
    stmt(ctx.db, "UPDATE problems SET resolved_on = '', resolution = '' WHERE id = ?").run(input.id);
    return;
  }
  move(ctx, input.id, 'confirmed', input.date, input.note, today);
  stmt(ctx.db, 'UPDATE problems SET confirmed_on = ?, confirmation = ?, raiser_confirmed = ?, satisfaction = ? WHERE id = ?').run(input.date, input.note, input.outcome === 'confirmed' ? 1 : 0, input.outcome === 'confirmed' ? input.satisfaction : '', input.id);
}

export function answer(ctx: CallContext, input: { id: number; date: string; answer: string }, today: string) {
  move(ctx, input.id, 'answered', input.date, input.answer, today);
  stmt(ctx.db, 'UPDATE problems SET answered_on = ?, answer = ? WHERE id = ?').run(input.date, input.answer, input.id);
}

export function closeOut(ctx: CallContext, input: { id: number; date: string; how: 'referred' | 'rejected'; reason: string }, today: string) {
  move(ctx, input.id, input.how, input.date, input.reason, today);
  stmt(ctx.db, 'UPDATE problems SET close_reason = ? WHERE id = ?').run(input.reason, input.id);
}

/** 吹哨: the problem stays the community's; a found or accepted one is in hand from now. */
export function escalate(ctx: CallContext, input: { id: number; date: string; toWhom: string; request: string; deadline: string }, today: string): number {
  const p = record(ctx.db, input.id);
  if (isClosed(p.state) || p.state === 'confirmed') throw new AppError('problems.badMove', { number: p.number });
  if (input.deadline && input.deadline < input.date) throw new AppError('problems.deadlineBefore');
  if (p.state === 'found' || p.state === 'accepted') {
    if (p.state === 'found') accept(ctx, { id: input.id, date: input.date, assigneeId: null, note: '' }, today);
    move(ctx, input.id, 'inHand', input.date, `→ ${input.toWhom}`, today);
  } else if (input.date > today) throw new AppError('validation.futureDate');
  return Number(stmt(ctx.db, 'INSERT INTO problem_escalations(problem_id, date, to_whom, request, deadline, sent_by) VALUES (?, ?, ?, ?, ?, ?)').run(input.id, input.date, input.toWhom, input.request, input.deadline, ctx.actor).lastInsertRowid);
}

export function reply(ctx: CallContext, input: { escalationId: number; date: string; reply: string }, today: string): number {
  const e = stmt(ctx.db, 'SELECT problem_id, date FROM problem_escalations WHERE id = ?').get(input.escalationId) as { problem_id: number; date: string } | undefined;
  if (!e) throw new AppError('problems.escalationNotFound');
  if (input.date > today) throw new AppError('validation.futureDate');
  if (input.date < e.date) throw new AppError('problems.beforeFound', { date: e.date });
  stmt(ctx.db, 'UPDATE problem_escalations SET reply = ?, reply_on = ? WHERE id = ?').run(input.reply, input.date, input.escalationId);
  stmt(ctx.db, "INSERT INTO problem_events(problem_id, from_state, to_state, date, note, actor) SELECT id, state, state, ?, ?, ? FROM problems WHERE id = ?").run(input.date, input.reply, ctx.actor, e.problem_id);
  return e.problem_id;
}

/** 邻里纠纷 → 人民调解: a case opened from the problem (the raiser and the other side as parties); the problem is referred to it. */
export function toMediation(ctx: CallContext, input: { id: number; date: string; otherParty: string; mediatorIds: number[] }, today: string) {
  const p = record(ctx.db, input.id);
  if (!visitSettings(ctx.db).categories.find((c) => c.name === p.category)?.mediation) throw new AppError('problems.notForMediation');
  if (p.anonymous || !p.raiser) throw new AppError('problems.raiserNeeded');
  const party = (role: 'applicant' | 'respondent', name: string, residentId: number | null) => ({ role, residentId, name, gender: '', ethnicity: '', birthDate: '', occupation: '', contact: '', address: '', identityChecked: false, agent: '' });
  const c = openCase(ctx, {
    disputeType: '邻里',
    source: 'initiative',
    sourceDetail: p.number,
    facts: p.content,
    requests: '',
    acceptedOn: input.date,
    parties: [party('applicant', p.raiser, p.resident_id), party('respondent', input.otherParty, null)],
    mediatorIds: input.mediatorIds,
  });
  closeOut(ctx, { id: input.id, date: input.date, how: 'referred', reason: c.number }, today);
  stmt(ctx.db, 'UPDATE problems SET mediation_case_id = ? WHERE id = ?').run(c.id, input.id);
  return { caseId: c.id, number: c.number };
}

/**
 * 日销账 for one day: what came in that day, what was closed that day, and everything still open at
 * its end with what is overdue — per grid and per person, so the morning meeting can ask whose it is.
 */
export function board(db: Db, date: string): DailyBoard {
  const rows = (where: string) => (stmt(db, `${PROBLEM_SELECT} WHERE ${where} ORDER BY p.deadline, p.id`).all({ date }) as ProblemRecord[]).map((r) => toRow(r, date));
  const cameIn = rows('p.found_on = @date');
  const closed = rows('p.closed_on = @date');
  // Open at the end of that day: found by then and not closed by then (closing later does not count yet).
  const open = rows("p.found_on <= @date AND (p.closed_on = '' OR p.closed_on > @date)").map((r) => ({ ...r, overdue: r.deadline < date }));
  const count = (list: ProblemRow[], key: (r: ProblemRow) => string) => {
    const m = new Map<string, number>();
    for (const r of list) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return m;
  };
  const names = (list: ProblemRow[], key: (r: ProblemRow) => string) => [...new Set(list.map(key))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const byGrid = { cameIn: count(cameIn, (r) => r.grid), closed: count(closed, (r) => r.grid), open: count(open, (r) => r.grid), overdue: count(open.filter((r) => r.overdue), (r) => r.grid) };
  const byPerson = { open: count(open, (r) => r.assignee), overdue: count(open.filter((r) => r.overdue), (r) => r.assignee) };
  return {
    date,
    cameIn,
    closed,
    open,
    byGrid: names([...cameIn, ...closed, ...open], (r) => r.grid).map((name) => ({ name, cameIn: byGrid.cameIn.get(name) ?? 0, closed: byGrid.closed.get(name) ?? 0, open: byGrid.open.get(name) ?? 0, overdue: byGrid.overdue.get(name) ?? 0 })),
    byPerson: names(open, (r) => r.assignee).map((name) => ({ name, open: byPerson.open.get(name) ?? 0, overdue: byPerson.overdue.get(name) ?? 0 })),
    visits: plucked(db, 'SELECT count(*) FROM visits WHERE date = ?').get(date) as number,
  };
}

export function monthRates(db: Db, month: string) {
  const facts = stmt(db, 'SELECT found_on AS foundOn, accepted_on AS acceptedOn, resolved_on AS resolvedOn, state, satisfaction FROM problems WHERE found_on BETWEEN ? AND ?').all(`${month}-01`, `${month}-31`) as Parameters<typeof problemRates>[0][number][];
  return problemRates(facts);
}

export const staffAccounts = (db: Db) => stmt(db, "SELECT id, display_name AS name FROM users WHERE disabled = 0 AND role IN ('admin', 'staff') ORDER BY id").all() as { id: number; name: string }[];

