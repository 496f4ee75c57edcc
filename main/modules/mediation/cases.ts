import type { CaseDetail, CaseRow, PartyInput } from '../../../shared/contract/mediation';
import { canMove, caseNumber, followUpDue, judicialDeadline, missingItems, nextStates, overdueOpen, type CaseSource, type CaseState } from '../../../shared/rules/mediation';
import { todayIso } from '../../../shared/rules/idNumber';
import { AppError } from '../../core/errors';
import { type Db, nextSerial, recordMove, stmt } from '../../core/ledger';
import { mediationSettings } from './files';
import type { CallContext } from '../../core/dispatch';

interface CaseRecord {
  id: number;
  number: string;
  state: CaseState;
  dispute_type: string;
  source: CaseSource;
  source_detail: string;
  facts: string;
  requests: string;
  consent: number;
  rights_notice_on: string;
  accepted_on: string;
  outcome: 'written' | 'oral' | 'failed' | null;
  outcome_on: string;
  agreement_number: string | null;
  agreement_facts: string;
  agreement_terms: string;
  performance_terms: string;
  money_fen: number;
  routes_told: string;
  failure_reason: string;
  prevent_criminal: number;
  prevent_petition: number;
  archived_on: string;
  filing_clerk: string;
  parties: string | null;
  mediators: string | null;
}

const CASE_SELECT = `SELECT c.*,
  (SELECT group_concat(p.name, '、') FROM mediation_parties p WHERE p.case_id = c.id) AS parties,
  (SELECT group_concat(u.display_name, '、') FROM mediation_mediators m JOIN users u ON u.id = m.user_id WHERE m.case_id = c.id) AS mediators
  FROM mediation_cases c`;

/** The committee's short name in case numbers: set by the head, else the community's first character. */
const shortName = (db: Db) => mediationSettings(db).shortName;

/** Need-to-know (第15条): a mediator reaches only the cases assigned to them; the committee head reaches all. */
export function mayReach(ctx: CallContext, caseId: number): void {
  if (ctx.session.permissions.has('mediation.all')) return;
  const mine = stmt(ctx.db, 'SELECT 1 FROM mediation_mediators WHERE case_id = ? AND user_id = ?').get(caseId, ctx.session.user?.id ?? 0);
  if (!mine) throw new AppError('mediation.notYours');
}

/** Months from the agreement to the follow-up visit: the committee's setting, one by default. */
const followUpMonths = (db: Db) => mediationSettings(db).followUpMonths;

function toRow(c: CaseRecord, today: string, months: number): CaseRow {
  const open = !['agreed', 'failed', 'followedUp', 'performed', 'urged', 'judicial', 'sued', 'archived'].includes(c.state);
  return {
    id: c.id,
    number: c.number,
    state: c.state,
    disputeType: c.dispute_type,
    source: c.source,
    acceptedOn: c.accepted_on,
    parties: c.parties ?? '',
    mediators: c.mediators ?? '',
    overdue: open && overdueOpen(c.accepted_on, today),
    followUpDue: c.state === 'agreed' && c.outcome_on ? followUpDue(c.outcome_on, months) : null,
  };
}

export function caseList(ctx: CallContext, openOnly: boolean): CaseRow[] {
  const all = ctx.session.permissions.has('mediation.all');
  const where = [all ? '' : 'c.id IN (SELECT case_id FROM mediation_mediators WHERE user_id = @user)', openOnly ? "c.state <> 'archived'" : ''].filter(Boolean);
  const rows = stmt(ctx.db, `${CASE_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC`).all({ user: ctx.session.user?.id ?? 0 }) as CaseRecord[];
  const today = todayIso();
  const months = followUpMonths(ctx.db);
  return rows.map((c) => toRow(c, today, months));
}

/** A mediator who lives in a party's household or building: a warning, for the head to decide. Matched by name. */
function conflicts(db: Db, caseId: number) {
  return stmt(
    db,
    `SELECT u.display_name AS mediator, p.name AS party, iif(r.household_id = pr.household_id, 'household', 'building') AS reason
     FROM mediation_mediators m JOIN users u ON u.id = m.user_id
     JOIN residents r ON r.name = u.display_name AND r.status = 'active'
     JOIN mediation_parties p ON p.case_id = m.case_id JOIN residents pr ON pr.id = p.resident_id
     WHERE m.case_id = ? AND r.id <> pr.id AND (r.household_id = pr.household_id OR r.building_id = pr.building_id)
     GROUP BY u.id, p.id`,
  ).all(caseId) as CaseDetail['conflicts'];
}

export function openCase(
  ctx: CallContext,
  input: { disputeType: string; source: CaseSource; sourceDetail: string; facts: string; requests: string; acceptedOn: string; parties: Required<PartyInput>[]; mediatorIds: number[] },
): { id: number; number: string } {
  const db = ctx.db;
  if (input.acceptedOn > todayIso()) throw new AppError('validation.futureDate');
  if (!input.parties.some((p) => p.role === 'applicant') || !input.parties.some((p) => p.role === 'respondent')) throw new AppError('mediation.bothSides');
  const mediators = new Set(mediatorAccounts(db).map((m) => m.id));
  const stranger = input.mediatorIds.find((m) => !mediators.has(m));
  if (stranger !== undefined) throw new AppError('mediation.notMediator', { id: stranger });
  const year = Number(input.acceptedOn.slice(0, 4));
  const serial = nextSerial(db, 'mediation_sequences', year, 'case');
  const number = caseNumber(year, shortName(db), serial);
  const id = Number(
    stmt(
      db,
      `INSERT INTO mediation_cases(year, serial, number, dispute_type, source, source_detail, facts, requests, consent, accepted_on, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    ).run(year, serial, number, input.disputeType, input.source, input.sourceDetail, input.facts, input.requests, input.acceptedOn, ctx.actor).lastInsertRowid,
  );
  const addParty = stmt(
    db,
    `INSERT INTO mediation_parties(case_id, role, resident_id, name, gender, ethnicity, birth_date, occupation, contact, address, identity_checked, agent)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of input.parties) {
    if (p.residentId !== null && !stmt(db, 'SELECT 1 FROM residents WHERE id = ?').get(p.residentId)) throw new AppError('resident.notFound', { id: p.residentId });
    addParty.run(id, p.role, p.residentId, p.name, p.gender, p.ethnicity, p.birthDate, p.occupation, p.contact, p.address, p.identityChecked ? 1 : 0, p.agent);
  }
  for (const m of new Set(input.mediatorIds)) stmt(db, 'INSERT INTO mediation_mediators(case_id, user_id) VALUES (?, ?)').run(id, m);
  stmt(db, "INSERT INTO mediation_events(case_id, from_state, to_state, date, actor) VALUES (?, '', 'accepted', ?, ?)").run(id, input.acceptedOn, ctx.actor);
  return { id, number };
}

export function mediatorAccounts(db: Db): { id: number; name: string }[] {
  const roles = (stmt(db, 'SELECT name, permissions FROM roles').all() as { name: string; permissions: string }[]).filter((r) => (JSON.parse(r.permissions) as string[]).includes('mediation.work')).map((r) => r.name);
  if (!roles.length) return [];
  return stmt(db, `SELECT id, display_name AS name FROM users WHERE disabled = 0 AND role IN (${roles.map(() => '?').join(', ')}) ORDER BY id`).all(...roles) as { id: number; name: string }[];
}

function caseRecord(db: Db, id: number): CaseRecord {
  const c = stmt(db, `${CASE_SELECT} WHERE c.id = ?`).get(id) as CaseRecord | undefined;
  if (!c) throw new AppError('mediation.notFound', { id });
  return c;
}

/** Every change of state goes through here: dated, attributed, and only along the procedure. */
export function move(ctx: CallContext, id: number, to: CaseState, date: string, note = ''): void {
  const c = caseRecord(ctx.db, id);
  if (!canMove(c.state, to)) throw new AppError('mediation.illegalMove', { from: c.state, to });
  if (date > todayIso()) throw new AppError('validation.futureDate');
  recordMove(ctx.db, { table: 'mediation_cases', events: 'mediation_events', idColumn: 'case_id', id, from: c.state, to, date, note, actor: ctx.actor });
}

export function caseDetail(ctx: CallContext, id: number): CaseDetail {
  const db = ctx.db;
  const c = caseRecord(db, id);
  const today = todayIso();
  const parties = stmt(db, 'SELECT * FROM mediation_parties WHERE case_id = ? ORDER BY role, id').all(id) as {
    id: number;
    role: 'applicant' | 'respondent';
    resident_id: number | null;
    name: string;
    gender: string;
    ethnicity: string;
    birth_date: string;
    occupation: string;
    contact: string;
    address: string;
    identity_checked: number;
    agent: string;
  }[];
  const sessions = stmt(db, 'SELECT id, date, place, participants, notices, statements, facts, result, recorder FROM mediation_sessions WHERE case_id = ? ORDER BY date, id').all(id) as CaseDetail['sessions'];
  const outcome = c.outcome;
  return {
    ...toRow(c, today, followUpMonths(db)),
    sourceDetail: c.source_detail,
    facts: c.facts,
    requests: c.requests,
    consent: !!c.consent,
    rightsNoticeOn: c.rights_notice_on,
    outcome,
    outcomeOn: c.outcome_on,
    agreementNumber: c.agreement_number,
    agreementFacts: c.agreement_facts,
    agreementTerms: c.agreement_terms,
    performanceTerms: c.performance_terms,
    moneyFen: c.money_fen,
    routesTold: JSON.parse(c.routes_told) as CaseDetail['routesTold'],
    failureReason: c.failure_reason,
    preventCriminal: c.prevent_criminal,
    preventPetition: c.prevent_petition,
    archivedOn: c.archived_on,
    filingClerk: c.filing_clerk,
    judicialDeadline: outcome === 'written' || outcome === 'oral' ? judicialDeadline(c.outcome_on) : null,
    partyList: parties.map((p) => ({
      id: p.id,
      role: p.role,
      residentId: p.resident_id,
      name: p.name,
      gender: p.gender,
      ethnicity: p.ethnicity,
      birthDate: p.birth_date,
      occupation: p.occupation,
      contact: p.contact,
      address: p.address,
      identityChecked: !!p.identity_checked,
      agent: p.agent,
    })),
    mediatorList: stmt(db, 'SELECT u.id, u.display_name AS name FROM mediation_mediators m JOIN users u ON u.id = m.user_id WHERE m.case_id = ? ORDER BY u.id').all(id) as { id: number; name: string }[],
    conflicts: conflicts(db, id),
    events: stmt(db, 'SELECT from_state AS "from", to_state AS "to", date, note, actor FROM mediation_events WHERE case_id = ? ORDER BY id').all(id) as CaseDetail['events'],
    sessions,
    followUps: stmt(db, 'SELECT id, date, performed, satisfaction, lawsuit, risk, measures, visitor FROM mediation_followups WHERE case_id = ? ORDER BY date, id').all(id) as CaseDetail['followUps'],
    missing: missingItems({
      state: c.state,
      outcome,
      hasApplication: true, // intake is the 受理登记表 itself
      rightsNoticeGiven: !!c.rights_notice_on,
      partiesIdentified: parties.every((p) => p.identity_checked),
      sessions: sessions.length,
    }),
    next: [...nextStates(c.state)],
  };
}

/** Confirms a party's identity against an identity paper attached to the same case. */
export function confirmIdentity(ctx: CallContext, id: number, partyId: number, attachmentId: number): void {
  const c = caseRecord(ctx.db, id);
  if (c.state === 'archived') throw new AppError('mediation.archivedAlready');
  if (!stmt(ctx.db, 'SELECT 1 FROM mediation_parties WHERE id = ? AND case_id = ?').get(partyId, id)) throw new AppError('mediation.partyNotFound');
  if (!stmt(ctx.db, "SELECT 1 FROM mediation_attachments WHERE id = ? AND case_id = ? AND kind = 'identity'").get(attachmentId, id)) throw new AppError('mediation.identityPaperNeeded');
  stmt(ctx.db, 'UPDATE mediation_parties SET identity_checked = 1 WHERE id = ?').run(partyId);
}

export function rightsNotice(ctx: CallContext, id: number, date: string): void {
  const c = caseRecord(ctx.db, id);
  if (date < c.accepted_on || date > todayIso()) throw new AppError('mediation.dateOutOfCase', { from: c.accepted_on });
  stmt(ctx.db, 'UPDATE mediation_cases SET rights_notice_on = ? WHERE id = ?').run(date, id);
}

export function addSession(ctx: CallContext, input: { id: number; date: string; place: string; participants: string; notices: string; statements: string; facts: string; result: string; recorder: string }): number {
  const c = caseRecord(ctx.db, input.id);
  if (c.state !== 'accepted' && c.state !== 'mediating') throw new AppError('mediation.notMediating');
  if (input.date < c.accepted_on || input.date > todayIso()) throw new AppError('mediation.dateOutOfCase', { from: c.accepted_on });
  if (c.state === 'accepted') move(ctx, input.id, 'mediating', input.date);
  return Number(
    stmt(ctx.db, 'INSERT INTO mediation_sessions(case_id, date, place, participants, notices, statements, facts, result, recorder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      input.id,
      input.date,
      input.place,
      input.participants,
      input.notices,
      input.statements,
      input.facts,
      input.result,
      input.recorder,
    ).lastInsertRowid,
  );
}

export function conclude(
  ctx: CallContext,
  input: {
    id: number;
    outcome: 'written' | 'oral' | 'failed';
    date: string;
    agreementFacts: string;
    agreementTerms: string;
    performanceTerms: string;
    money: number;
    routesTold: string[];
    failureReason: string;
    preventCriminal: number;
    preventPetition: number;
  },
): string | null {
  const c = caseRecord(ctx.db, input.id);
  if (input.date < c.accepted_on) throw new AppError('mediation.dateOutOfCase', { from: c.accepted_on });
  if (input.outcome === 'failed') {
    // 第26条: the parties are told of arbitration, administrative and court routes.
    if (input.routesTold.length === 0) throw new AppError('mediation.routesNeeded');
    move(ctx, input.id, 'failed', input.date, input.failureReason);
  } else {
    if (!input.agreementTerms.trim()) throw new AppError('mediation.termsNeeded');
    if (c.state !== 'mediating') throw new AppError('mediation.illegalMove', { from: c.state, to: 'agreed' });
    move(ctx, input.id, 'agreed', input.date);
  }
  const year = Number(input.date.slice(0, 4));
  const agreementNumber = input.outcome === 'written' ? `（${year}）${shortName(ctx.db)}人调协字第${nextSerial(ctx.db, 'mediation_sequences', year, 'agreement')}号` : null;
  stmt(
    ctx.db,
    `UPDATE mediation_cases SET outcome = ?, outcome_on = ?, agreement_number = ?, agreement_facts = ?, agreement_terms = ?, performance_terms = ?,
       money_fen = ?, routes_told = ?, failure_reason = ?, prevent_criminal = ?, prevent_petition = ? WHERE id = ?`,
  ).run(
    input.outcome,
    input.date,
    agreementNumber,
    input.agreementFacts,
    input.agreementTerms,
    input.performanceTerms,
    Math.round(input.money * 100),
    JSON.stringify(input.routesTold),
    input.failureReason,
    input.preventCriminal,
    input.preventPetition,
    input.id,
  );
  return agreementNumber;
}

export function followUp(
  ctx: CallContext,
  input: { id: number; date: string; performed: string; satisfaction: string; lawsuit: string; risk: string; measures: string; status: 'performed' | 'urged' | 'judicial' | 'sued' },
): number {
  const c = caseRecord(ctx.db, input.id);
  if (c.outcome_on && input.date < c.outcome_on) throw new AppError('mediation.dateOutOfCase', { from: c.outcome_on });
  if (c.state === 'agreed') move(ctx, input.id, 'followedUp', input.date);
  const now = caseRecord(ctx.db, input.id).state;
  if (now !== input.status) move(ctx, input.id, input.status, input.date);
  return Number(
    stmt(ctx.db, 'INSERT INTO mediation_followups(case_id, date, performed, satisfaction, lawsuit, risk, measures, visitor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      input.id,
      input.date,
      input.performed,
      input.satisfaction,
      input.lawsuit,
      input.risk,
      input.measures,
      ctx.actor,
    ).lastInsertRowid,
  );
}

export function archive(ctx: CallContext, id: number, date: string, clerk: string): void {
  const c = caseRecord(ctx.db, id);
  if (!canMove(c.state, 'archived')) throw new AppError('mediation.illegalMove', { from: c.state, to: 'archived' });
  const missing = caseDetail(ctx, id).missing;
  // Named, not counted: the clerk must know which papers to find.
  if (missing.length) throw new AppError('mediation.fileIncomplete', { count: missing.length, items: missing.map((k) => `@mediation:file.${k}`).join('|') });
  move(ctx, id, 'archived', date);
  stmt(ctx.db, 'UPDATE mediation_cases SET archived_on = ?, filing_clerk = ? WHERE id = ?').run(date, clerk, id);
}
