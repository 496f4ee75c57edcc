import { randomBytes } from 'node:crypto';
import { codeFromText, type CodeListName } from '../../../shared/rules/codes';
import { checkIdNumber } from '../../../shared/rules/idNumber';
import { checkPhone } from '../../../shared/rules/phone';
import { AppError } from '../../core/errors';
import { stmt, type Db } from '../../core/ledger';
import { csvRows, decodeCsv, normaliseDate } from '../residents/import';
import { readFirstSheet, type Cell, type SheetRow } from '../residents/xlsxReader';
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

export interface MemberImportIssue {
  row: number;
  column: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

interface Staged {
  branchId: number;
  members: MemberFields[];
  at: number;
}
const staged = new Map<string, Staged>();
const STAGE_MINUTES = 30;

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).normalize('NFKC').trim());

/** 2010-07-01, 2010.07, 2010年7月 …: a month alone is taken as its first day. */
function dateCell(c: Cell | undefined): string | null {
  const full = normaliseDate(c);
  if (full !== null) return full;
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text(c));
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-01` : null;
}

function findHeader(rows: SheetRow[]): { index: number; columns: Map<Column, number> } | undefined {
  for (const [index, row] of rows.entries()) {
    const columns = new Map<Column, number>();
    row.cells.forEach((c, i) => {
      const h = text(c).replace(/\s+/g, '');
      const key = (Object.keys(COLUMNS) as Column[]).find((k) => (COLUMNS[k] as readonly string[]).includes(h));
      if (key && !columns.has(key)) columns.set(key, i);
    });
    if (columns.has('name') && columns.size >= 3) return { index, columns };
  }
  return undefined;
}

/**
 * The dry run: every row checked as the member form would check it, nothing written. A member
 * whose ID number belongs to a resident is linked to that resident instead of copied.
 */
export async function checkMemberImport(db: Db, fileName: string, buffer: Buffer, branchId: number) {
  requireBranch(db, branchId);
  const lower = fileName.toLowerCase();
  const source: AsyncIterable<SheetRow> | Iterable<SheetRow> = lower.endsWith('.xlsx') ? readFirstSheet(buffer) : lower.endsWith('.csv') ? csvRows(decodeCsv(buffer)) : [];
  if (!lower.endsWith('.xlsx') && !lower.endsWith('.csv')) throw new AppError('import.fileType');
  const all: SheetRow[] = [];
  for await (const r of source) {
    all.push(r);
    if (all.length > 20_000) throw new AppError('party.importTooMany', { max: 20_000 });
  }
  const header = findHeader(all.slice(0, 10));
  if (!header) throw new AppError('party.importNoHeader');
  const errors: MemberImportIssue[] = [];
  const warnings: MemberImportIssue[] = [];
  const members: MemberFields[] = [];
  const seen = new Map<string, number>();
  const residentByIdNumber = stmt(db, 'SELECT id FROM residents WHERE id_number = ?').pluck();
  const onRoster = stmt(db, 'SELECT 1 FROM party_members m LEFT JOIN residents r ON r.id = m.resident_id WHERE m.id_number = ? OR r.id_number = ?');
  let rows = 0;
  for (const raw of all.slice(header.index + 1)) {
    if (raw.cells.every((c) => text(c) === '')) continue;
    rows++;
    const cell = (k: Column) => (header.columns.has(k) ? raw.cells[header.columns.get(k)!] : null);
    const bad: MemberImportIssue[] = [];
    const issue = (k: Column, messageKey: string, params?: Record<string, string | number>) => bad.push({ row: raw.rowNumber, column: COLUMNS[k][0], messageKey, ...(params ? { params } : {}) });
    const code = (k: Column, list: CodeListName) => {
      const v = text(cell(k));
      if (!v) return '';
      const c = codeFromText(list, v);
      if (c === undefined) issue(k, 'validation.code');
      return c ?? '';
    };
    const date = (k: Column) => {
      const d = dateCell(cell(k) ?? null);
      if (d === null) issue(k, 'validation.date');
      return d ?? '';
    };
    const name = text(cell('name'));
    if (!name) issue('name', 'validation.required');
    let idNumber = '';
    if (text(cell('idNumber'))) {
      const r = checkIdNumber(text(cell('idNumber')));
      if (r.ok) idNumber = r.value;
      else issue('idNumber', r.problem);
    }
    let phone = '';
    if (text(cell('phone'))) {
      const r = checkPhone(text(cell('phone')));
      if (r.ok) phone = r.value;
      else issue('phone', r.problem);
    }
    const categoryText = text(cell('category'));
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
      nativePlace: text(cell('nativePlace')),
      education: code('education', 'education'),
      workStart: '',
      employer: text(cell('employer')),
      branchId,
      partyGroup: text(cell('partyGroup')),
      category: category!,
      joinDate,
      fullDate: category === 'full' ? fullDate : '',
      introducers: '',
      transferInDate: '',
      partyPost: text(cell('partyPost')),
      duesKind: 'employed',
      duesBase: 0,
      duesFixed: 0,
      rewards: '',
      note: text(cell('note')),
    });
  }
  const now = Date.now();
  for (const [k, s] of staged) if (now - s.at > STAGE_MINUTES * 60_000) staged.delete(k);
  const token = randomBytes(16).toString('hex');
  staged.set(token, { branchId, members, at: now });
  return { token, rows, valid: members.length, errors, warnings };
}

/** Writes the checked members in one transaction (a roster is hundreds of rows): all of them or none. */
export function commitMemberImport(db: Db, token: string): number {
  const s = staged.get(token);
  if (!s) throw new AppError('import.expired');
  for (const m of s.members) saveMember(db, m);
  staged.delete(token);
  return s.members.length;
}
