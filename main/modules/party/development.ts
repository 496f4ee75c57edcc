import type { FileRow, StepInputFields } from '../../../shared/contract/party';
import { todayIso } from '../../../shared/rules/idNumber';
import { maskIdNumber } from '../../../shared/rules/mask';
import { addMonths, checkStep, fileStatus, probationEnd, STEP, type FileFacts, type RecordedStep } from '../../../shared/rules/party';
import { AppError } from '../../core/errors';
import { stmt, type Db } from '../../core/ledger';
import { addEvent, entitledVoters, requireBranch } from './members';

interface FileRecord {
  id: number;
  resident_id: number | null;
  p_name: string;
  p_gender: string;
  p_birth_date: string;
  p_id_number: string | null;
  p_phone: string;
  employer: string;
  branch_id: number;
  branch_name: string;
  extension_months: number;
  member_id: number | null;
  closed: string;
}

const own = (col: string) => `iif(r.id IS NULL, f.${col}, coalesce(r.${col}, ''))`;
const FILE_SELECT = `SELECT f.*, b.name AS branch_name, ${own('name')} AS p_name, ${own('gender')} AS p_gender,
  ${own('birth_date')} AS p_birth_date, ${own('id_number')} AS p_id_number, ${own('phone')} AS p_phone
  FROM party_files f JOIN party_branches b ON b.id = f.branch_id LEFT JOIN residents r ON r.id = f.resident_id`;

function fileRecord(db: Db, id: number): FileRecord {
  const f = stmt(db, `${FILE_SELECT} WHERE f.id = ?`).get(id) as FileRecord | undefined;
  if (!f) throw new AppError('party.fileNotFound', { id });
  return f;
}

function stepsOf(db: Db, fileId: number): (RecordedStep & { detail: string; note: string; actor: string })[] {
  return stmt(db, 'SELECT step, date, detail, note, actor FROM party_steps WHERE file_id = ? ORDER BY step').all(fileId) as (RecordedStep & { detail: string; note: string; actor: string })[];
}

function toFileRow(f: FileRecord, steps: RecordedStep[], today: string): FileRow {
  const facts = { steps, extensionMonths: f.extension_months };
  const status = fileStatus(facts, today);
  const last = steps[steps.length - 1];
  return {
    id: f.id,
    name: f.p_name,
    branchId: f.branch_id,
    branchName: f.branch_name,
    stage: status.stage,
    lastStep: last?.step ?? 0,
    lastDate: last?.date ?? '',
    next: status.next,
    overdue: status.overdue,
    waiting: status.waiting,
    memberId: f.member_id,
    probationEnd: probationEnd(facts) ?? null,
  };
}

/** The board: every open file with its stage, next step and what is due; overdue first, then by due date. */
export function fileBoard(db: Db, includeClosed: boolean): FileRow[] {
  const today = todayIso();
  const files = stmt(db, `${FILE_SELECT} ${includeClosed ? '' : "WHERE f.closed = ''"} ORDER BY f.id`).all() as FileRecord[];
  const all = stmt(db, 'SELECT file_id, step, date FROM party_steps ORDER BY file_id, step').all() as { file_id: number; step: number; date: string }[];
  const byFile = new Map<number, RecordedStep[]>();
  for (const s of all) (byFile.get(s.file_id) ?? byFile.set(s.file_id, []).get(s.file_id)!).push({ step: s.step, date: s.date });
  const rows = files.map((f) => toFileRow(f, byFile.get(f.id) ?? [], today));
  const when = (r: FileRow) => r.next?.due ?? r.next?.earliest ?? '9999';
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || when(a).localeCompare(when(b)) || a.id - b.id);
}

export function fileDetail(db: Db, id: number) {
  const f = fileRecord(db, id);
  const steps = stepsOf(db, id);
  return {
    file: {
      ...toFileRow(f, steps, todayIso()),
      birthDate: f.p_birth_date,
      idMasked: maskIdNumber(f.p_id_number),
      extensionMonths: f.extension_months,
      entitledVoters: entitledVoters(db, f.branch_id),
    },
    steps: steps.map((s) => ({ step: s.step, date: s.date, detail: JSON.parse(s.detail) as Record<string, unknown>, note: s.note, actor: s.actor })),
  };
}

export function openFile(
  db: Db,
  input: { residentId: number | null; name: string; gender: string; birthDate: string; idNumber: string; phone: string; employer: string; branchId: number },
): number {
  requireBranch(db, input.branchId);
  const linked = input.residentId !== null;
  if (linked && !stmt(db, 'SELECT 1 FROM residents WHERE id = ?').get(input.residentId)) throw new AppError('resident.notFound', { id: input.residentId! });
  if (!linked && !input.name) throw new AppError('party.nameNeeded');
  // The ID number says birth date and gender (the 17th digit: odd for men) when they were left empty.
  const id = input.idNumber;
  const birth = linked ? '' : input.birthDate || (id ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : '');
  const gender = linked ? '' : input.gender || (id ? (Number(id[16]) % 2 ? '1' : '2') : '');
  const info = stmt(
    db,
    'INSERT INTO party_files(resident_id, name, gender, birth_date, id_number, phone, employer, branch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(input.residentId, linked ? '' : input.name, gender, birth, linked || !input.idNumber ? null : input.idNumber, linked ? '' : input.phone, input.employer, input.branchId);
  return Number(info.lastInsertRowid);
}

/**
 * Records one step after the rules allow it. Step ⑮ (the 支部大会) makes the person a 预备党员 on
 * the roster with that day as 入党日期; step ㉔ makes them 正式 from the day the probation ended.
 */
export function recordStep(db: Db, input: StepInputFields & { note: string }, actor: string): number | null {
  const f = fileRecord(db, input.fileId);
  const steps = stepsOf(db, f.id);
  const facts: FileFacts = { birthDate: f.p_birth_date, steps, extensionMonths: f.extension_months, entitledVoters: entitledVoters(db, f.branch_id) };
  const today = todayIso();
  const breach = checkStep(facts, input, today);
  if (breach) throw new AppError(`party.rule.${breach.rule}`, breach.params);
  const detail: Record<string, unknown> = {};
  if (input.people) detail.people = input.people.filter((p) => p.trim());
  if (input.trainingDays !== undefined) detail.trainingDays = input.trainingDays;
  if (input.trainingHours !== undefined) detail.trainingHours = input.trainingHours;
  if (input.step === STEP.branchVote || input.step === STEP.fullVote) Object.assign(detail, { entitled: facts.entitledVoters, present: input.present, inFavour: input.inFavour });
  // Late but lawful (a talk after the month): recorded, and the lateness kept with it.
  const due = input.step === STEP.talk ? addMonths(steps[0]!.date, 1) : input.step === STEP.approval ? addMonths(steps.find((s) => s.step === STEP.branchVote)!.date, 3) : undefined;
  if (due && input.date > due) detail.lateAfter = due;
  stmt(db, 'INSERT INTO party_steps(file_id, step, date, detail, note, actor) VALUES (?, ?, ?, ?, ?, ?)').run(f.id, input.step, input.date, JSON.stringify(detail), input.note, actor);

  let memberId = f.member_id;
  if (input.step === STEP.branchVote) {
    const introducers = (JSON.parse(steps.find((s) => s.step === STEP.introducers)?.detail ?? '{}') as { people?: string[] }).people ?? [];
    const linked = f.resident_id !== null;
    memberId = Number(
      stmt(
        db,
        `INSERT INTO party_members(resident_id, name, gender, birth_date, id_number, phone, employer, branch_id, category, join_date, introducers)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'probationary', ?, ?)`,
      ).run(f.resident_id, linked ? '' : f.p_name, linked ? '' : f.p_gender, linked ? '' : f.p_birth_date, linked ? null : f.p_id_number, linked ? '' : f.p_phone, f.employer, f.branch_id, input.date, introducers.join('、'))
        .lastInsertRowid,
    );
    stmt(db, 'UPDATE party_files SET member_id = ? WHERE id = ?').run(memberId, f.id);
    addEvent(db, memberId, 'joined', input.date, { file: String(f.id) }, actor);
  }
  if (input.step === STEP.fullApproval && memberId) {
    const end = probationEnd({ steps, extensionMonths: f.extension_months })!;
    stmt(db, "UPDATE party_members SET category = 'full', full_date = ?, updated_at = datetime('now') WHERE id = ?").run(end, memberId);
    addEvent(db, memberId, 'full', end, { approved: input.date }, actor);
  }
  if (input.step === 25) stmt(db, 'UPDATE party_files SET closed = ? WHERE id = ?').run(input.date, f.id);
  return memberId;
}

export function extendProbation(db: Db, fileId: number, months: number, reason: string, actor: string): string {
  const f = fileRecord(db, fileId);
  const steps = stepsOf(db, fileId);
  const last = steps.reduce((m, s) => Math.max(m, s.step), 0);
  if (last < STEP.branchVote || last >= STEP.fullVote) throw new AppError('party.rule.extensionWhen');
  if (f.extension_months > 0) throw new AppError('party.rule.extensionOnce');
  stmt(db, 'UPDATE party_files SET extension_months = ? WHERE id = ?').run(months, fileId);
  const end = probationEnd({ steps, extensionMonths: months })!;
  if (f.member_id) addEvent(db, f.member_id, 'extended', todayIso(), { months: String(months), until: end, reason }, actor);
  return end;
}
