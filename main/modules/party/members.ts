import type { MemberFilters, MemberInput, MemberRow } from '../../../shared/contract/party';
import { ageOn, checkIdNumber, genderWithId, todayIso } from '../../../shared/rules/idNumber';
import { maskIdNumber, maskPhone } from '../../../shared/rules/mask';
import { MIN_APPLICANT_AGE, monthlyDues, type DuesKind } from '../../../shared/rules/party';
import { AppError } from '../../core/errors';
import { type Db, insertRow, plucked, stmt, updateRow } from '../../core/ledger';

/** A member who lives here reads name, ID, birth, phone and address from the resident record. */
const own = (col: string) => `iif(r.id IS NULL, m.${col}, coalesce(r.${col}, ''))`;
export const MEMBER_SELECT = `SELECT m.*, b.name AS branch_name,
  ${own('name')} AS p_name, ${own('gender')} AS p_gender, ${own('ethnicity')} AS p_ethnicity, ${own('birth_date')} AS p_birth_date,
  ${own('id_number')} AS p_id_number, ${own('phone')} AS p_phone, ${own('address')} AS p_address
  FROM party_members m JOIN party_branches b ON b.id = m.branch_id LEFT JOIN residents r ON r.id = m.resident_id`;

export interface MemberRecord {
  id: number;
  resident_id: number | null;
  p_name: string;
  p_gender: string;
  p_ethnicity: string;
  p_birth_date: string;
  p_id_number: string | null;
  p_phone: string;
  p_address: string;
  native_place: string;
  education: string;
  work_start: string;
  employer: string;
  branch_id: number;
  branch_name: string;
  party_group: string;
  category: 'full' | 'probationary';
  join_date: string;
  full_date: string;
  introducers: string;
  transfer_in_date: string;
  party_post: string;
  status: MemberRow['status'];
  dues_kind: DuesKind;
  dues_base_fen: number;
  dues_fixed_fen: number;
  rewards: string;
  note: string;
}

export const duesOf = (m: Pick<MemberRecord, 'dues_kind' | 'dues_base_fen' | 'dues_fixed_fen'>) =>
  monthlyDues({ kind: m.dues_kind, baseFen: m.dues_base_fen, fixedFen: m.dues_fixed_fen });

export function toMemberRow(m: MemberRecord, today = todayIso()): MemberRow {
  return {
    id: m.id,
    residentId: m.resident_id,
    name: m.p_name,
    gender: m.p_gender,
    ethnicity: m.p_ethnicity,
    birthDate: m.p_birth_date,
    age: m.p_birth_date ? ageOn(m.p_birth_date, today) : null,
    idMasked: maskIdNumber(m.p_id_number),
    phoneMasked: maskPhone(m.p_phone),
    education: m.education,
    employer: m.employer,
    branchId: m.branch_id,
    branchName: m.branch_name,
    partyGroup: m.party_group,
    category: m.category,
    joinDate: m.join_date,
    fullDate: m.full_date,
    status: m.status,
    partyPost: m.party_post,
    duesFen: duesOf(m).fen,
  };
}

export function memberRecords(db: Db, f: MemberFilters): MemberRecord[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...p: (string | number)[]) => {
    where.push(sql);
    params.push(...p);
  };
  if (f.branchId) add('m.branch_id = ?', f.branchId);
  if (f.status && f.status !== 'all') add('m.status = ?', f.status);
  if (f.category) add('m.category = ?', f.category);
  if (f.q) add(`(${own('name')} LIKE ? OR m.employer LIKE ?)`, `%${f.q}%`, `%${f.q}%`);
  // The roster's order: branch, then party group, then seniority in the party.
  const sql = `${MEMBER_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.branch_id, m.party_group, m.join_date, m.id`;
  return stmt(db, sql).all(...params) as MemberRecord[];
}

export function memberRecord(db: Db, id: number): MemberRecord {
  const m = stmt(db, `${MEMBER_SELECT} WHERE m.id = ?`).get(id) as MemberRecord | undefined;
  if (!m) throw new AppError('party.memberNotFound', { id });
  return m;
}

export function memberInputOf(m: MemberRecord): Required<MemberInput> & { id: number } {
  return {
    id: m.id,
    residentId: m.resident_id,
    name: m.p_name,
    gender: m.p_gender,
    ethnicity: m.p_ethnicity,
    birthDate: m.p_birth_date,
    idNumber: m.p_id_number ?? '',
    phone: m.p_phone,
    address: m.p_address,
    nativePlace: m.native_place,
    education: m.education,
    workStart: m.work_start,
    employer: m.employer,
    branchId: m.branch_id,
    partyGroup: m.party_group,
    category: m.category,
    joinDate: m.join_date,
    fullDate: m.full_date,
    introducers: m.introducers,
    transferInDate: m.transfer_in_date,
    partyPost: m.party_post,
    duesKind: m.dues_kind,
    duesBase: m.dues_base_fen / 100,
    duesFixed: m.dues_fixed_fen / 100,
    rewards: m.rewards,
    note: m.note,
  };
}

export function requireBranch(db: Db, id: number): void {
  if (!stmt(db, 'SELECT 1 FROM party_branches WHERE id = ?').get(id)) throw new AppError('party.branchNotFound', { id });
}

/** Create or update a member; a resident of the community is linked, their personal fields never copied. */
/** The member form's fields, every one present (the contract fills defaults). */
export type MemberFields = Required<Omit<MemberInput, 'id'>> & { id?: number };

export function saveMember(db: Db, input: MemberFields): number {
  requireBranch(db, input.branchId);
  const linked = input.residentId !== null;
  if (linked && !stmt(db, 'SELECT 1 FROM residents WHERE id = ?').get(input.residentId)) throw new AppError('resident.notFound', { id: input.residentId! });
  if (!linked && !input.name) throw new AppError('party.nameNeeded');
  if (input.category === 'full' && input.joinDate && input.fullDate && input.fullDate < input.joinDate) throw new AppError('party.fullBeforeJoin');
  // 党章第一条: 年满十八岁. A joining date before that is a slip of the pen (a year typed wrong), said before it is kept.
  const id = input.idNumber ? checkIdNumber(input.idNumber) : undefined;
  const born = linked ? (plucked(db, 'SELECT birth_date FROM residents WHERE id = ?').get(input.residentId) as string) : input.birthDate || (id?.ok ? id.birthDate : '');
  if (born?.length === 10 && input.joinDate && ageOn(born, input.joinDate) < MIN_APPLICANT_AGE) throw new AppError('party.joinedUnderAge', { join: input.joinDate, born, min: MIN_APPLICANT_AGE });
  if (linked) {
    const other = plucked(db, 'SELECT id FROM party_members WHERE resident_id = ? AND id IS NOT ?').get(input.residentId, input.id ?? null);
    if (other) throw new AppError('party.alreadyMember', { id: other as number });
  } else if (input.idNumber) {
    const other = plucked(db, 'SELECT id FROM party_members WHERE id_number = ? AND id IS NOT ?').get(input.idNumber, input.id ?? null);
    if (other) throw new AppError('party.alreadyMember', { id: other as number });
  }
  const row = {
    resident_id: input.residentId,
    name: linked ? '' : input.name,
    gender: linked ? '' : genderWithId(input.gender, input.idNumber),
    ethnicity: linked ? '' : input.ethnicity,
    birth_date: linked ? '' : input.birthDate,
    id_number: linked || !input.idNumber ? null : input.idNumber,
    phone: linked ? '' : input.phone,
    address: linked ? '' : input.address,
    native_place: input.nativePlace,
    education: input.education,
    work_start: input.workStart,
    employer: input.employer,
    branch_id: input.branchId,
    party_group: input.partyGroup,
    category: input.category,
    join_date: input.joinDate,
    full_date: input.category === 'full' ? input.fullDate : '',
    introducers: input.introducers,
    transfer_in_date: input.transferInDate,
    party_post: input.partyPost,
    dues_kind: input.duesKind,
    dues_base_fen: Math.round(input.duesBase * 100),
    dues_fixed_fen: Math.round(input.duesFixed * 100),
    rewards: input.rewards,
    note: input.note,
  };
  if (input.id === undefined) return insertRow(db, 'party_members', row);
  const before = memberRecord(db, input.id);
  updateRow(db, 'party_members', input.id, row, { touch: true });
  if (before.branch_id !== input.branchId) addEvent(db, input.id, 'branch', todayIso(), { from: before.branch_name, to: String(input.branchId) });
  return input.id;
}

export function addEvent(db: Db, memberId: number, kind: string, date: string, detail: Record<string, string>, actor = ''): void {
  stmt(db, 'INSERT INTO party_member_events(member_id, kind, date, detail, actor) VALUES (?, ?, ?, ?, ?)').run(memberId, kind, date, JSON.stringify(detail), actor);
}

/** Full members in good standing vote at the 支部大会; those who are away (流动) are not counted as expected to attend. */
export function entitledVoters(db: Db, branchId: number): number {
  return plucked(db, "SELECT count(*) FROM party_members WHERE branch_id = ? AND category = 'full' AND status = 'normal'").get(branchId) as number;
}

const AGE_BANDS: [string, number][] = [
  ['≤30', 30],
  ['31–40', 40],
  ['41–50', 50],
  ['51–60', 60],
  ['61–70', 70],
  ['≥71', Infinity],
];
const YEAR_BANDS: [string, number][] = [
  ['<5', 4],
  ['5–9', 9],
  ['10–19', 19],
  ['20–29', 29],
  ['30–49', 49],
  ['≥50', Infinity],
];

function bands(values: number[], edges: [string, number][]) {
  return edges.map(([band, upTo], i) => ({ band, count: values.filter((v) => v <= upTo && (i === 0 || v > edges[i - 1]![1])).length }));
}
function countBy(values: string[]) {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]).map(([code, count]) => ({ code, count }));
}

export function branchStats(db: Db, branchId?: number) {
  const today = todayIso();
  const ms = memberRecords(db, { branchId, status: 'normal' }).concat(memberRecords(db, { branchId, status: 'mobile' }));
  return {
    total: ms.length,
    full: ms.filter((m) => m.category === 'full').length,
    probationary: ms.filter((m) => m.category === 'probationary').length,
    byAge: bands(ms.filter((m) => m.p_birth_date).map((m) => ageOn(m.p_birth_date, today)), AGE_BANDS),
    byGender: countBy(ms.map((m) => m.p_gender)),
    byEducation: countBy(ms.map((m) => m.education)),
    byYears: bands(ms.filter((m) => m.join_date).map((m) => ageOn(m.join_date, today)), YEAR_BANDS),
  };
}
