import { maskIdNumber, maskPhone, shownBirthDate } from '../../../shared/rules/mask';
import type ExcelJS from 'exceljs';
import type { SheetField, SheetTemplate } from '../../../shared/contract/reports';
import { codeName, type CodeListName } from '../../../shared/rules/codes';
import { ageOn } from '../../../shared/rules/idNumber';
import { AppError } from '../../core/errors';
import { loadExcel } from '../../core/excel';
import { stmt, type Db } from '../../core/ledger';
import { guessColumn } from '../../core/sheets';
import { RESIDENT_COLUMNS, RESIDENT_FRAGMENTS, type ColumnKey } from '../residents/api';

/**
 * 一表通 ("one ledger, many forms"): an upper department's own spreadsheet, kept as sent. The
 * administrator says once which column takes which ledger field; afterwards the sheet is filled from
 * the ledger for any filter, written under the department's header into their own file, so titles,
 * widths, merged cells and the sign-off lines at the bottom stay as they made them.
 */

/** Header names the departments use for fields the resident import does not know by these words. */
const FROM_IMPORT: Partial<Record<ColumnKey, SheetField | null>> = { tags: 'careTags', unit: 'address', room: 'address', estate: 'address', headName: null };

/** What a header most likely asks for (the same words the resident import knows), so most columns come mapped. */
export function guessField(header: string): SheetField | undefined {
  const k = guessColumn(header, RESIDENT_COLUMNS, RESIDENT_FRAGMENTS);
  if (!k) return undefined;
  const f = k in FROM_IMPORT ? FROM_IMPORT[k] : (k as SheetField);
  return f ?? undefined;
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
};

async function workbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('sheets.unreadable');
  }
  return wb;
}

/**
 * The sheet with the template, and its header: among the first ten rows, the one with the most
 * filled cells (a title above it is one merged cell; notes under it are shorter).
 */
export async function readTemplate(file: Buffer): Promise<{ sheet: string; headerRow: number; columns: { index: number; header: string }[] }> {
  const wb = await workbook(file);
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw new AppError('sheets.empty');
  let best: { row: number; columns: { index: number; header: string }[] } | undefined;
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const columns: { index: number; header: string }[] = [];
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, index) => {
      // A merged title counts once, not once per column it covers.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const header = text(cell.value);
      if (header) columns.push({ index, header });
    });
    if (columns.length >= 2 && (!best || columns.length > best.columns.length)) best = { row: r, columns };
  }
  if (!best) throw new AppError('sheets.noHeader');
  return { sheet: ws.name, headerRow: best.row, columns: best.columns };
}

export interface SheetFilter {
  gridId?: number;
  tag?: string;
  minAge?: number;
  maxAge?: number;
  status: 'active' | 'moved_out' | 'deceased';
}

interface Person {
  id: number;
  name: string;
  gender: string;
  id_number: string | null;
  birth_date: string;
  ethnicity: string;
  phone: string;
  address: string;
  grid: string | null;
  building: string | null;
  household: string | null;
  relation: string;
  residence_type: string;
  political: string;
  education: string;
  marital: string;
  occupation: string;
  hukou_address: string;
  tags: string;
  status: string;
  note: string;
}

/** Born on or before this day, someone is at least `age` on `today`. */
const bornBy = (today: string, age: number) => `${Number(today.slice(0, 4)) - age}${today.slice(4)}`;

export function sheetPeople(db: Db, f: SheetFilter, today: string): Person[] {
  const where = ['r.status = @status'];
  if (f.gridId) where.push('r.grid_id = @grid');
  if (f.tag) where.push('r.id IN (SELECT resident_id FROM resident_tags WHERE tag = @tag)');
  if (f.minAge !== undefined) where.push("r.birth_date != '' AND r.birth_date <= @oldest");
  if (f.maxAge !== undefined) where.push('r.birth_date > @youngest');
  return stmt(
    db,
    `SELECT r.id, r.name, r.gender, r.id_number, r.birth_date, r.ethnicity, r.phone, r.address, g.name AS grid, b.name AS building, h.number AS household,
       r.relation, r.residence_type, r.political, r.education, r.marital, r.occupation, r.hukou_address, r.tags, r.status, r.note
     FROM residents r LEFT JOIN grids g ON g.id = r.grid_id LEFT JOIN buildings b ON b.id = r.building_id LEFT JOIN households h ON h.id = r.household_id
     WHERE ${where.join(' AND ')} ORDER BY r.address_key, r.id`,
  ).all({
    status: f.status,
    grid: f.gridId ?? null,
    tag: f.tag ?? null,
    oldest: f.minAge !== undefined ? bornBy(today, f.minAge) : null,
    youngest: f.maxAge !== undefined ? bornBy(today, f.maxAge + 1) : null,
  }) as Person[];
}

const code = (list: CodeListName, value: string) => codeName(list, value) || value;

/** A resident's value for a field, as the department's form wants it: words, not codes. */
function value(p: Person, field: SheetField, serial: number, today: string, full: boolean): string | number {
  switch (field) {
    case 'serial':
      return serial;
    case 'name':
      return p.name;
    case 'gender':
      return code('gender', p.gender);
    case 'idNumber':
      return full ? (p.id_number ?? '') : maskIdNumber(p.id_number);
    case 'birthDate':
      return shownBirthDate(p.birth_date, !!p.id_number, full);
    case 'age':
      return p.birth_date ? ageOn(p.birth_date, today) : '';
    case 'ethnicity':
      return code('ethnicity', p.ethnicity);
    case 'phone':
      return full ? p.phone : maskPhone(p.phone);
    case 'address':
      return p.address;
    case 'grid':
      return p.grid ?? '';
    case 'building':
      return p.building ?? '';
    case 'householdNumber':
      return p.household ?? '';
    case 'relation':
      return code('relation', p.relation);
    case 'residenceType':
      return code('residenceType', p.residence_type);
    case 'political':
      return code('political', p.political);
    case 'education':
      return code('education', p.education);
    case 'marital':
      return code('marital', p.marital);
    case 'occupation':
      return p.occupation;
    case 'hukouAddress':
      return p.hukou_address;
    case 'careTags':
      return p.tags
        .split(' ')
        .filter(Boolean)
        .map((t) => code('careTag', t))
        .join('、');
    case 'status':
      return code('status', p.status);
    case 'note':
      return p.note;
  }
}

/**
 * Writes the people under the template's header, one row each, in the department's own file. Blank
 * rows the template left for filling in are used first; anything below them (totals, 填表人, 审核人)
 * moves down and stays.
 */
export async function fillTemplate(file: Buffer, t: Pick<SheetTemplate, 'sheet' | 'headerRow' | 'mapping'>, people: Person[], today: string, full: boolean): Promise<Buffer> {
  const wb = await workbook(file);
  const ws = wb.getWorksheet(t.sheet);
  if (!ws) throw new AppError('sheets.sheetGone', { sheet: t.sheet });
  const mapping = Object.entries(t.mapping).map(([col, field]) => [Number(col), field] as const);
  if (!mapping.length) throw new AppError('sheets.notMapped');
  const width = Math.max(...mapping.map(([c]) => c), ws.getRow(t.headerRow).cellCount);
  const isBlank = (r: number) => {
    let blank = true;
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => (blank &&= text(cell.value) === ''));
    return blank;
  };
  let blanks = 0;
  while (t.headerRow + blanks + 1 <= ws.rowCount && isBlank(t.headerRow + blanks + 1)) blanks++;
  const extra = people.length - blanks;
  if (extra > 0) ws.spliceRows(t.headerRow + blanks + 1, 0, ...Array.from({ length: extra }, () => []));
  const header = ws.getRow(t.headerRow);
  people.forEach((p, i) => {
    const row = ws.getRow(t.headerRow + 1 + i);
    for (let c = 1; c <= width; c++) row.getCell(c).border = header.getCell(c).border ?? {};
    for (const [col, field] of mapping) {
      const cell = row.getCell(col);
      cell.value = value(p, field, i + 1, today, full);
      // ID numbers and phones stay text: a spreadsheet would turn 18 digits into 1.1E+17.
      if (field === 'idNumber' || field === 'phone') cell.numFmt = '@';
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
