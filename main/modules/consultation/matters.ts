import type { MatterDetail, MatterInput, MatterRow } from '../../../shared/contract/consultation';
import type { ParsedInput } from '../../../shared/contract';
import {
  buildingsUnheard,
  DEFAULT_CONSULTATION_SETTINGS,
  isExecutionOverdue,
  matterNumber,
  meetingResult,
  nextStep,
  noticeEarlyEnough,
  publishedDays,
  RESIDENT_KINDS,
  satisfactionRate,
  STATE_AFTER,
  type ConsultationSettings,
  type MatterForm,
  type MatterSource,
  type MatterState,
  type MatterStep,
  type ParticipantKind,
} from '../../../shared/rules/consultation';
import { AppError } from '../../core/errors';
import { jsonSetting, nextSerial, setSetting, stmt, type Db } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import { buildingNames } from '../community/api';
import { residentsBrief } from '../residents/api';


export const consultationSettings = (db: Db): ConsultationSettings => jsonSetting(db, 'consultation_settings', DEFAULT_CONSULTATION_SETTINGS);
export function setConsultationSettings(db: Db, s: ConsultationSettings): ConsultationSettings {
  setSetting(db, 'consultation_settings', JSON.stringify(s));
  return s;
}

interface MatterRecord {
  id: number;
  number: string;
  title: string;
  content: string;
  source: MatterSource;
  raiser: string;
  resident_id: number | null;
  form: MatterForm;
  building_ids: string;
  scope: string;
  source_kind: 'problem' | 'need' | null;
  source_id: number | null;
  proposed_on: string;
  state: MatterState;
  agreed: number | null;
  review_on: string;
  review_agreed: number | null;
  review_opinion: string;
  reviewer: string;
  chosen_on: string;
  notice_on: string;
  meeting_on: string;
  meeting_time: string;
  notice_place: string;
  notice_text: string;
  met_on: string;
  meet_place: string;
  host: string;
  recorder: string;
  decision: '' | 'consensus' | 'vote';
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  outcome: string;
  views: string;
  published_from: string;
  published_to: string;
  publish_text: string;
  assigned_on: string;
  executor: string;
  task: string;
  due_by: string;
  done_on: string;
  done_text: string;
  feedback_on: string;
  feedback_how: string;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  feedback_note: string;
  residents: number;
}

const SELECT = `SELECT m.*, (SELECT count(*) FROM consult_participants p WHERE p.matter_id = m.id AND p.resident_id IS NOT NULL) AS residents FROM consult_matters m`;

function record(db: Db, id: number): MatterRecord {
  const m = stmt(db, `${SELECT} WHERE m.id = ?`).get(id) as MatterRecord | undefined;
  if (!m) throw new AppError('consultation.notFound', { id });
  return m;
}

const agreedOf = (m: MatterRecord) => (m.agreed === null ? null : m.agreed === 1);

function toRow(db: Db, m: MatterRecord, today: string): MatterRow {
  return {
    id: m.id,
    number: m.number,
    title: m.title,
    source: m.source,
    form: m.form,
    raiser: m.raiser,
    proposedOn: m.proposed_on,
    state: m.state,
    next: nextStep(m.state, agreedOf(m)),
    meetingOn: m.met_on || m.meeting_on,
    agreed: agreedOf(m),
    dueBy: m.due_by,
    overdue: isExecutionOverdue(m.state, m.due_by, today),
    residents: m.residents,
    buildings: buildingNames(db, JSON.parse(m.building_ids) as number[])
      .map((b) => b.name)
      .join('、'),
  };
}

export function matterList(db: Db, f: { year?: number; open: boolean }, today: string): MatterRow[] {
  const rows = stmt(db, `${SELECT} WHERE (@year IS NULL OR m.year = @year) AND (@open = 0 OR m.state NOT IN ('closed', 'declined')) ORDER BY m.state IN ('closed', 'declined'), m.year DESC, m.serial DESC LIMIT 1000`).all({ year: f.year ?? null, open: f.open ? 1 : 0 }) as MatterRecord[];
  return rows.map((m) => toRow(db, m, today));
}

export function matterDetail(db: Db, id: number, today: string): MatterDetail {
  const m = record(db, id);
  const participants = (stmt(db, 'SELECT id, kind, resident_id, name, unit, building, present FROM consult_participants WHERE matter_id = ? ORDER BY id').all(id) as { id: number; kind: ParticipantKind; resident_id: number | null; name: string; unit: string; building: string; present: number }[]).map((p) => ({
    id: p.id,
    kind: p.kind,
    residentId: p.resident_id,
    name: p.name,
    unit: p.unit,
    building: p.building,
    present: p.present === 1,
  }));
  const byBuilding = new Map<string, number>();
  for (const p of participants) if (p.residentId !== null) byBuilding.set(p.building, (byBuilding.get(p.building) ?? 0) + 1);
  return {
    ...toRow(db, m, today),
    content: m.content,
    residentId: m.resident_id,
    scope: m.scope,
    buildingIds: JSON.parse(m.building_ids) as number[],
    sourceKind: m.source_kind,
    sourceId: m.source_id,
    // The problem's or need's number, as it was when the matter was opened from it.
    sourceNumber: m.source_kind ? ((stmt(db, "SELECT note FROM consult_steps WHERE matter_id = ? AND step = 'propose'").get(id) as { note: string } | undefined)?.note ?? '') : '',
    review: m.review_on ? { on: m.review_on, agreed: m.review_agreed === 1, opinion: m.review_opinion, reviewer: m.reviewer } : null,
    participants,
    byBuilding: [...byBuilding].map(([building, n]) => ({ building, n })).sort((a, b) => a.building.localeCompare(b.building, 'zh-CN')),
    notice: m.notice_on ? { on: m.notice_on, meetingOn: m.meeting_on, meetingTime: m.meeting_time, place: m.notice_place, text: m.notice_text } : null,
    meeting: m.met_on
      ? {
          on: m.met_on,
          place: m.meet_place,
          host: m.host,
          recorder: m.recorder,
          decision: m.decision === 'vote' ? 'vote' : 'consensus',
          votes: m.votes_for === null ? null : { for: m.votes_for, against: m.votes_against ?? 0, abstain: m.votes_abstain ?? 0 },
          outcome: m.outcome,
          views: JSON.parse(m.views) as { who: string; view: string }[],
        }
      : null,
    publication: m.published_from ? { from: m.published_from, to: m.published_to, text: m.publish_text } : null,
    execution: m.assigned_on ? { assignedOn: m.assigned_on, executor: m.executor, task: m.task, dueBy: m.due_by, doneOn: m.done_on, done: m.done_text } : null,
    feedback: m.feedback_on ? { on: m.feedback_on, how: m.feedback_how, satisfied: m.satisfied, basic: m.basic, unsatisfied: m.unsatisfied, rate: satisfactionRate(m), note: m.feedback_note } : null,
    steps: stmt(db, 'SELECT step, date, actor, note FROM consult_steps WHERE matter_id = ? ORDER BY id').all(id) as MatterDetail['steps'],
  };
}

function logStep(ctx: CallContext, id: number, step: MatterStep | 'propose', date: string, note = ''): void {
  stmt(ctx.db, 'INSERT INTO consult_steps(matter_id, step, date, note, actor) VALUES (?, ?, ?, ?, ?)').run(id, step, date, note, ctx.actor);
}

/** The last day a step was taken on this matter: a later step cannot be dated before it. */
const lastStepDate = (db: Db, id: number) => (stmt(db, 'SELECT max(date) AS d FROM consult_steps WHERE matter_id = ?').get(id) as { d: string | null }).d ?? '';

/**
 * Every step goes through here: it must be the matter's next one (none skipped, none taken twice),
 * dated no earlier than the step before it and not in the future; then it is recorded with who took it.
 */
function takeStep(ctx: CallContext, id: number, step: MatterStep, date: string, today: string, columns: Record<string, string | number | null>, note = ''): MatterRecord {
  const m = record(ctx.db, id);
  const expected = nextStep(m.state, agreedOf(m));
  if (expected !== step) throw new AppError(expected ? 'consultation.notNextStep' : 'consultation.finished', { number: m.number, expected: expected ? `@consultation:step.${expected}` : '' });
  if (date > today) throw new AppError('validation.futureDate');
  const before = lastStepDate(ctx.db, id);
  if (date < before) throw new AppError('consultation.beforeLastStep', { date: before });
  const sets = Object.keys(columns).filter((c) => c !== 'state').map((c) => `${c} = @${c}`);
  stmt(ctx.db, `UPDATE consult_matters SET ${[...sets, 'state = @state'].join(', ')} WHERE id = @id`).run({ ...columns, state: columns.state ?? STATE_AFTER[step], id });
  logStep(ctx, id, step, date, note);
  return m;
}

export function propose(ctx: CallContext, input: Required<MatterInput> & { sourceKind?: 'problem' | 'need'; sourceId?: number; sourceNumber?: string }, today: string): { id: number; number: string } {
  if (input.date > today) throw new AppError('validation.futureDate');
  const buildings = buildingNames(ctx.db, input.buildingIds);
  if (buildings.length !== new Set(input.buildingIds).size) throw new AppError('consultation.unknownBuilding');
  const year = Number(input.date.slice(0, 4));
  const serial = nextSerial(ctx.db, 'consult_sequences', year);
  const number = matterNumber(year, serial);
  const id = Number(
    stmt(
      ctx.db,
      `INSERT INTO consult_matters(year, serial, number, title, content, source, raiser, resident_id, form, building_ids, scope, source_kind, source_id, proposed_on, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(year, serial, number, input.title, input.content, input.source, input.raiser, input.residentId, input.form, JSON.stringify(buildings.map((b) => b.id)), input.scope, input.sourceKind ?? null, input.sourceId ?? null, input.date, ctx.actor).lastInsertRowid,
  );
  logStep(ctx, id, 'propose', input.date, input.sourceNumber ?? '');
  return { id, number };
}

export function review(ctx: CallContext, input: ParsedInput<'consultation.review'>, today: string): void {
  takeStep(ctx, input.id, 'review', input.date, today, { review_on: input.date, review_agreed: input.agreed ? 1 : 0, review_opinion: input.opinion, reviewer: input.reviewer, state: input.agreed ? 'reviewed' : 'declined' }, input.opinion);
}

export function choose(ctx: CallContext, input: ParsedInput<'consultation.choose'>, today: string): void {
  const m = record(ctx.db, input.id);
  // Chosen again (someone added) until the notice is out; after that the list is what the notice named.
  const again = m.state === 'chosen';
  const brief = residentsBrief(
    ctx.db,
    input.participants.flatMap((p) => (p.residentId === null ? [] : [p.residentId])),
  );
  const rows = input.participants.map((p) => {
    if (p.residentId !== null) {
      const r = brief.get(p.residentId);
      if (!r) throw new AppError('resident.notFound', { id: p.residentId });
      if (!RESIDENT_KINDS.includes(p.kind)) throw new AppError('consultation.residentKind', { name: r.name });
      return { kind: p.kind, residentId: p.residentId, name: r.name, unit: p.unit, building: r.building };
    }
    if (RESIDENT_KINDS.includes(p.kind)) throw new AppError('consultation.residentFromLedger');
    if (!p.name) throw new AppError('consultation.participantName');
    return { kind: p.kind, residentId: null, name: p.name, unit: p.unit, building: '' };
  });
  const residentIds = rows.flatMap((r) => (r.residentId === null ? [] : [r.residentId]));
  if (new Set(residentIds).size !== residentIds.length) throw new AppError('consultation.participantTwice');
  if (!rows.some((r) => r.kind === 'party')) throw new AppError('consultation.partyNeeded');
  if (!residentIds.length) throw new AppError('consultation.residentsNeeded');
  const touched = buildingNames(ctx.db, JSON.parse(m.building_ids) as number[]).map((b) => b.name);
  const unheard = buildingsUnheard(touched, rows.flatMap((r) => (r.residentId === null ? [] : [r.building])));
  if (unheard.length) throw new AppError('consultation.buildingUnheard', { buildings: unheard.join('、') });
  if (again) {
    if (input.date > today) throw new AppError('validation.futureDate');
    stmt(ctx.db, 'DELETE FROM consult_participants WHERE matter_id = ?').run(input.id);
    stmt(ctx.db, 'UPDATE consult_matters SET chosen_on = ? WHERE id = ?').run(input.date, input.id);
    logStep(ctx, input.id, 'choose', input.date, String(rows.length));
  } else {
    takeStep(ctx, input.id, 'choose', input.date, today, { chosen_on: input.date }, String(rows.length));
  }
  const add = stmt(ctx.db, 'INSERT INTO consult_participants(matter_id, kind, resident_id, name, unit, building) VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of rows) add.run(input.id, r.kind, r.residentId, r.name, r.unit, r.building);
}

export function notice(ctx: CallContext, input: ParsedInput<'consultation.notice'>, today: string): void {
  const { noticeDays } = consultationSettings(ctx.db);
  if (!noticeEarlyEnough(input.date, input.meetingOn, noticeDays)) throw new AppError('consultation.noticeLate', { days: noticeDays });
  takeStep(ctx, input.id, 'notice', input.date, today, { notice_on: input.date, meeting_on: input.meetingOn, meeting_time: input.meetingTime, notice_place: input.place, notice_text: input.text });
}

export function meet(ctx: CallContext, input: ParsedInput<'consultation.meet'>, today: string): boolean {
  const m = record(ctx.db, input.id);
  const invited = new Set((stmt(ctx.db, 'SELECT id FROM consult_participants WHERE matter_id = ?').all(input.id) as { id: number }[]).map((p) => p.id));
  if (input.present.some((p) => !invited.has(p))) throw new AppError('consultation.notInvited');
  const present = new Set(input.present);
  // Held on the day the notice gave, or later (postponed); never before it.
  if (m.meeting_on && input.date < m.meeting_on) throw new AppError('consultation.beforeNoticedDay', { date: m.meeting_on });
  const result = meetingResult(input.decision, present.size, input.decision === 'vote' ? input.votes : null, input.consensus);
  if (!result.ok) throw new AppError(`consultation.${result.problem}`);
  const v = input.decision === 'vote' ? input.votes! : null;
  takeStep(ctx, input.id, 'meet', input.date, today, {
    met_on: input.date,
    meet_place: input.place,
    host: input.host,
    recorder: input.recorder,
    decision: input.decision,
    votes_for: v?.for ?? null,
    votes_against: v?.against ?? null,
    votes_abstain: v?.abstain ?? null,
    outcome: input.outcome,
    views: JSON.stringify(input.views),
    agreed: result.agreed ? 1 : 0,
  });
  const mark = stmt(ctx.db, 'UPDATE consult_participants SET present = ? WHERE id = ?');
  for (const p of invited) mark.run(present.has(p) ? 1 : 0, p);
  return result.agreed;
}

export function publish(ctx: CallContext, input: ParsedInput<'consultation.publish'>, today: string): void {
  const { publishDays } = consultationSettings(ctx.db);
  if (input.to < input.from) throw new AppError('consultation.publishBackwards');
  if (publishedDays(input.from, input.to) < publishDays) throw new AppError('consultation.publishShort', { days: publishDays });
  takeStep(ctx, input.id, 'publish', input.from, today, { published_from: input.from, published_to: input.to, publish_text: input.text });
}

export function assign(ctx: CallContext, input: ParsedInput<'consultation.assign'>, today: string): void {
  if (input.dueBy < input.date) throw new AppError('consultation.dueBeforeAssigned');
  takeStep(ctx, input.id, 'assign', input.date, today, { assigned_on: input.date, executor: input.executor, task: input.task, due_by: input.dueBy });
}

export function carryOut(ctx: CallContext, input: ParsedInput<'consultation.carryOut'>, today: string): void {
  takeStep(ctx, input.id, 'carryOut', input.date, today, { done_on: input.date, done_text: input.done });
}

export function feedback(ctx: CallContext, input: ParsedInput<'consultation.feedback'>, today: string): void {
  const m = record(ctx.db, input.id);
  // The residents are told once the 公示 is over: feedback during it would report on a result still open to objection.
  if (m.published_to && input.date < m.published_to) throw new AppError('consultation.feedbackDuringPublication', { date: m.published_to });
  takeStep(ctx, input.id, 'feedback', input.date, today, { feedback_on: input.date, feedback_how: input.how, satisfied: input.satisfied, basic: input.basic, unsatisfied: input.unsatisfied, feedback_note: input.note });
}

export function linked(db: Db, kind: 'problem' | 'need', recordId: number) {
  return (stmt(db, 'SELECT id, number, title, state, agreed, outcome FROM consult_matters WHERE source_kind = ? AND source_id = ? ORDER BY id').all(kind, recordId) as { id: number; number: string; title: string; state: MatterState; agreed: number | null; outcome: string }[]).map((m) => ({
    ...m,
    agreed: m.agreed === null ? null : m.agreed === 1,
  }));
}

/** The matters still waiting: results not published in time, execution past its day. */
export function pendingMatters(db: Db): { id: number; number: string; title: string; state: MatterState; met_on: string; due_by: string }[] {
  return stmt(db, "SELECT id, number, title, state, met_on, due_by FROM consult_matters WHERE state IN ('met', 'carrying') ORDER BY id").all() as { id: number; number: string; title: string; state: MatterState; met_on: string; due_by: string }[];
}

export function yearReport(db: Db, year: number, today: string) {
  const ids = (stmt(db, 'SELECT id FROM consult_matters WHERE year = ? ORDER BY serial').all(year) as { id: number }[]).map((r) => r.id);
  const details = ids.map((id) => matterDetail(db, id, today));
  const tally = (key: (d: MatterDetail) => string) => {
    const n = new Map<string, number>();
    for (const d of details) n.set(key(d), (n.get(key(d)) ?? 0) + 1);
    return [...n].map(([k, count]) => ({ key: k, n: count })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  };
  const outcome = (d: MatterDetail) => (d.state === 'declined' ? 'declined' : d.agreed === null ? 'pending' : d.agreed ? 'agreed' : 'notAgreed');
  const present = details.flatMap((d) => d.participants.filter((p) => p.present && p.residentId !== null).map((p) => p.residentId!));
  return {
    year,
    matters: details.map((d) => ({
      id: d.id,
      number: d.number,
      title: d.title,
      source: d.source,
      form: d.form,
      raiser: d.raiser,
      proposedOn: d.proposedOn,
      state: d.state,
      meetingOn: d.meetingOn,
      agreed: d.agreed,
      residents: d.residents,
      outcome: d.meeting?.outcome ?? (d.review && !d.review.agreed ? d.review.opinion : ''),
      publishedOn: d.publication?.from ?? '',
      doneOn: d.execution?.doneOn ?? '',
      rate: d.feedback ? d.feedback.rate : null,
    })),
    byForm: tally((d) => d.form),
    bySource: tally((d) => d.source),
    byOutcome: tally(outcome),
    residentsTookPart: new Set(present).size,
    attendances: present.length,
  };
}
