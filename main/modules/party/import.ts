import { codeFromText, type CodeListName } from '../../../shared/rules/codes';
import { checkIdNumber } from '../../../shared/rules/idNumber';
import { checkPhone } from '../../../shared/rules/phone';
import { AppError } from '../../core/errors';
import { plucked, stmt, type Db } from '../../core/ledger';
import { cellText, monthOrDate, readTable, Staging, type SheetIssue } from '../../core/sheets';
import { requireBranch, saveMember, type MemberFields } from './members';

/** The roster's columns as branches keep them (党员花名册 / 信息采集表), with the spellings seen in practice. */
const COLUMNS = {
  name: ['姓名'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生日期', '出生年月'],
  idNumber: ['公民身份号码', '身份证号', '身份证号码'],
  education: ['学历', '文化程度'],
  joinDate: ['入党日期', '入党时间'],
  fullDate: ['转正日期', '转正时间'],
  category: ['党员类别', '类别'],
  partyGroup: ['党小组', '所在党小组'],
  employer: ['工作单位及职务', '工作单位'],
  phone: ['联系电话', '电话', '手机'],
  nativePlace: ['籍贯'],
  partyPost: ['党内职务'],
  note: ['备注'],
} as const;
type Column = keyof typeof COLUMNS;

const staged = new Staging<{ branchId: number; members: MemberFields[] }>();

/**
 * The dry run: every row checked as the member form would check it, nothing written. A member
 * whose ID number belongs to a resident is linked to that resident instead of copied.
 */
export async function checkMemberImport(db: Db, fileName: string, buffer: Buffer, branchId: number) {
  requireBranch(db, branchId);
  const table = await readTable(fileName, buffer, COLUMNS, 'name', 3, { maxRows: 20_000, tooManyKey: 'party.importTooMany' });
  if (!table) throw new AppError('party.importNoHeader');
  const { header } = table;
  const errors: SheetIssue[] = [];
  const warnings: SheetIssue[] = [];
  const members: MemberFields[] = [];
  const seen = new Map<string, number>();
  const residentByIdNumber = plucked(db, 'SELECT id FROM residents WHERE id_number = ?');
  const onRoster = stmt(db, 'SELECT 1 FROM party_members m LEFT JOIN residents r ON r.id = m.resident_id WHERE m.id_number = ? OR r.id_number = ?');
  let rows = 0;
  for (const raw of table.rows) {
    rows++;
    const cell = (k: Column) => (header.columns.has(k) ? raw.cells[header.columns.get(k)!] : null);
    const bad: SheetIssue[] = [];
    const issue = (k: Column, messageKey: string, params?: Record<string, string | number>) => bad.push({ row: raw.rowNumber, column: COLUMNS[k][0], messageKey, ...(params ? { params } : {}) });
    const code = (k: Column, list: CodeListName) => {
      const v = cellText(cell(k));
      if (!v) return '';
      const c = codeFromText(list, v);
      if (c === undefined) issue(k, 'validation.code');
      return c ?? '';
    };
    const date = (k: Column) => {
      const d = monthOrDate(cell(k) ?? null);
      if (d === null) issue(k, 'validation.date');
      return d ?? '';
    };
    const name = cellText(cell('name'));
    if (!name) issue('name', 'validation.required');
    let idNumber = '';
    if (cellText(cell('idNumber'))) {
      const r = checkIdNumber(cellText(cell('idNumber')));
      if (r.ok) idNumber = r.value;
      else issue('idNumber', r.problem);
    }
    let phone = '';
    if (cellText(cell('phone'))) {
      const r = checkPhone(cellText(cell('phone')));
      if (r.ok) phone = r.value;
      else issue('phone', r.problem);
    }
    const categoryText = cellText(cell('category'));
    const fullDate = date('fullDate');
    const category = categoryText ? (categoryText.includes('预备') ? 'probationary' : categoryText.includes('正式') ? 'full' : null) : fullDate ? 'full' : 'probationary';
    if (category === null) issue('category', 'validation.code');
    const joinDate = date('joinDate');
    if (!joinDate && !bad.some((b) => b.column === COLUMNS.joinDate[0])) issue('joinDate', 'validation.required');
    if (idNumber) {
      const first = seen.get(idNumber);
      if (first !== undefined) issue('idNumber', 'import.duplicateInFile', { first });
      else if (onRoster.get(idNumber, idNumber)) issue('idNumber', 'party.alreadyOnRoster');
      seen.set(idNumber, raw.rowNumber);
    }
    if (bad.length) {
      errors.push(...bad);
      continue;
    }
    const residentId = idNumber ? ((residentByIdNumber.get(idNumber) as number | undefined) ?? null) : null;
    if (residentId !== null) warnings.push({ row: raw.rowNumber, column: COLUMNS.idNumber[0], messageKey: 'party.importLinked' });
    members.push({
      residentId,
      name,
      gender: code('gender', 'gender'),
      ethnicity: code('ethnicity', 'ethnicity'),
      birthDate: date('birthDate'),
      idNumber,
      phone,
      address: '',
      nativePlace: cellText(cell('nativePlace')),
      education: code('education', 'education'),
      workStart: '',
      employer: cellText(cell('employer')),
      branchId,
      partyGroup: cellText(cell('partyGroup')),
      category: category!,
      joinDate,
      fullDate: category === 'full' ? fullDate : '',
      introducers: '',
      transferInDate: '',
      partyPost: cellText(cell('partyPost')),
      duesKind: 'employed',
      duesBase: 0,
      duesFixed: 0,
      rewards: '',
      note: cellText(cell('note')),
    });
  }
  return { token: staged.put({ branchId, members }), rows, valid: members.length, errors, warnings };
}

/** Writes the checked members in one transaction (a roster is hundreds of rows): all of them or none. */
export function commitMemberImport(db: Db, token: string): number {
  const { members } = staged.get(token);
  for (const m of members) saveMember(db, m);
  staged.drop(token);
  return members.length;
}
