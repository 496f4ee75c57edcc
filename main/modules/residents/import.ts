import { createHash, randomUUID } from 'node:crypto';
import type { ImportChoices, ImportIssue, ImportReport, ImportSheet } from '../../../shared/contract/residents';
import { residentFields } from '../../../shared/contract/residents';
import { CHILD_WORDS, closestCodes, codeFromText, type CodeListName } from '../../../shared/rules/codes';
import { translate, type Language } from '../../../shared/i18n/resources';
import { AppError } from '../../core/errors';
import { COLLECT_EVERY_ROWS, collectGarbage } from '../../core/memory';
import { plucked, stmt, type Db } from '../../core/ledger';
import { toInputIssues } from '../../core/dispatch';
import {
  cellText,
  cleanName,
  monthOrDate,
  findHeader,
  normaliseDate,
  openWorkbook,
  readSheetRows,
  recallMapping,
  skipReason,
  splitPhones,
  PackedRows,
  Staging,
  type Cell,
  type HeaderFound,
  type SheetRow,
  type SkippedRow,
} from '../../core/sheets';
import { INFORMATIONAL, RESIDENT_COLUMNS, RESIDENT_FRAGMENTS, headerOf, type ColumnKey } from './columns';
import { buildingName } from '../../../shared/rules/address';
import { householdGrouper, placeFinder, type At, type Place, type PlaceCells } from './importPlaces';
import type { ResidentFields } from './store';

/**
 * The resident import's dry run: every worksheet whose header Linli recognises, each row checked as
 * the form checks it, places matched to the community's buildings, households formed — nothing
 * written. The committing half is importCommit.ts.
 */
export interface ParsedRow {
  sheet: string;
  rowNumber: number;
  fields: ResidentFields;
  grid: string;
  buildingId: number | null;
  building: string;
  unit: string;
  room: string;
  householdNumber: string;
  /** A building new to the ledger: its 小区 and number as the sheet wrote them, for naming it. */
  fresh: { estate: string; number: string } | undefined;
  /** The household this row belongs to, and for a second household at an address, its head's name and ID. */
  household: string;
  nth: number;
  head: { name: string; idNumber: string } | null;
}

/** What the commit needs of a checked row. */
export type StagedRow = Omit<ParsedRow, 'sheet' | 'rowNumber' | 'fresh'>;

// A staged row is kept as one string, not an object of strings: a 100,000-row file then waits in
// ~30 MB instead of ~150 MB, and the collector has that much less to walk while the batches are written.
const FIELD_ORDER = ['name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'phone', 'hukouAddress', 'relation', 'residenceType', 'political', 'education', 'marital', 'occupation', 'note'] as const;
const SEP = '\u0000';
// Cell text never holds the separator (cellText drops NUL): the pack only has to join.

export function packRow(r: ParsedRow): string {
  return [
    ...FIELD_ORDER.map((k) => r.fields[k]),
    r.fields.tags.join(' '),
    r.grid,
    r.buildingId ?? '',
    r.building,
    r.unit,
    r.room,
    r.householdNumber,
    r.household,
    r.nth,
    r.head ? '1' : '',
    r.head?.name ?? '',
    r.head?.idNumber ?? '',
  ]
    .map(String)
    .join(SEP);
}

/** The ID number of a packed row (FIELD_ORDER's second), without unpacking the rest. */
export function packedIdNumber(packed: string): string {
  const start = packed.indexOf(SEP) + 1;
  return packed.slice(start, packed.indexOf(SEP, start));
}

export function unpackRow(packed: string, buildingNames: Map<string, string>): StagedRow {
  const v = packed.split(SEP);
  const fields = {} as Record<string, unknown>;
  for (let i = 0; i < FIELD_ORDER.length; i++) fields[FIELD_ORDER[i]!] = v[i]!;
  let i = FIELD_ORDER.length;
  fields.tags = v[i++] ? v[i - 1]!.split(' ') : [];
  const grid = v[i++]!;
  const buildingId = v[i++] ? Number(v[i - 1]) : null;
  const [packedBuilding, unit, room, householdNumber, household] = [v[i++]!, v[i++]!, v[i++]!, v[i++]!, v[i++]!];
  const building = buildingNames.get(packedBuilding) ?? packedBuilding;
  const nth = Number(v[i++]);
  const head = v[i++] ? { name: v[i]!, idNumber: v[i + 1]! } : null;
  return { fields: fields as unknown as ResidentFields, grid, buildingId, building, unit, room, householdNumber, household, nth, head };
}

export interface StagedImport {
  fileName: string;
  fileHash: string;
  buffer: Buffer;
  choices: ImportChoices;
  /** The header words of each sheet with its final mapping, remembered when the import is committed. */
  mappings: { headers: string[]; mapping: Record<string, string> }[];
  /** Packed rows (packRow), heads first so that a household's members find their head in place. */
  rows: PackedRows;
  /** The names of buildings new to the ledger, settled once every row was read (packed rows hold a key). */
  buildingNames: Map<string, string>;
  report: ImportReport;
  lang: Language;
}

export const imports = new Staging<StagedImport>(60);

type Issue = Omit<ImportIssue, 'message'>;

const CODE_COLUMNS: [ColumnKey, CodeListName][] = [
  ['gender', 'gender'],
  ['ethnicity', 'ethnicity'],
  ['relation', 'relation'],
  ['residenceType', 'residenceType'],
  ['political', 'political'],
  ['education', 'education'],
  ['marital', 'marital'],
];
/** "7号楼", "7栋", "12幢", "A座": a sheet named as a building. */
const SHEET_IS_BUILDING = /^(?:.{0,12}?)(?:\d+|[一二三四五六七八九十]+|[A-Za-z])(?:号楼|栋|幢|座|号)$/;
const NOTHING = new Set(['无', '暂无', '没有', '/', '／', '-', '－', '—', '--', '——', '空', 'N/A', 'n/a']);
const NOT_LIVING_HERE = /^(已迁出|迁出|已故|死亡|注销|已注销|moved out|deceased)$/i;

/** What the sheet's columns are: the user's choice, else what was remembered for these headers, else the guess. */
function mappingFor(header: HeaderFound<ColumnKey>, db: Db, chosen: Record<string, string> | undefined): { columns: Map<ColumnKey, number>; source: ImportSheet['mapping'] } {
  const fromRecord = (m: Record<string, string>) => {
    const columns = new Map<ColumnKey, number>();
    for (const [index, field] of Object.entries(m)) if (field && field in RESIDENT_COLUMNS && !columns.has(field as ColumnKey)) columns.set(field as ColumnKey, Number(index));
    return columns;
  };
  if (chosen) return { columns: fromRecord(chosen), source: 'chosen' };
  const remembered = recallMapping(db, 'residents', header.headers);
  if (remembered) return { columns: fromRecord(remembered), source: 'remembered' };
  return { columns: header.columns, source: 'guessed' };
}

interface SheetCheck {
  at: (row: number) => At;
  columns: Map<ColumnKey, number>;
  headers: string[];
  /** The sheet's name when it names a building (one sheet per building, no building column). */
  building: string;
  /** The place and household number of the row above: members written under their 户主 with those cells left blank. */
  above: { place?: PlaceCells; householdNumber: string };
}

function rowChecker(db: Db, lang: Language) {
  const places = placeFinder(db);
  const findPlace = places.find;
  const group = householdGrouper();
  // Where each ID number was first seen: the sheet by its index, and the row (kept small: one entry a person).
  const sheetNames: string[] = [];
  const seenIds = new Map<string, number>();
  const heads = new Map<string, At>();
  const groupHeads = new Map<string, { name: string; idNumber: string }>();

  const check = (raw: SheetRow, s: SheetCheck, errors: Issue[], warnings: Issue[]): ParsedRow | undefined => {
    const at = s.at(raw.rowNumber);
    const bad: Issue[] = [];
    const cell = (k: ColumnKey): Cell => {
      const i = s.columns.get(k);
      const c = i === undefined ? null : (raw.cells[i] ?? null);
      // "无", "/", "—" are how a sheet says "nothing here"; the code lists keep their own 无 (群众, 其他).
      return typeof c === 'string' && NOTHING.has(c.trim()) && !CODE_COLUMNS.some(([col]) => col === k) ? null : c;
    };
    const header = (k: ColumnKey) => {
      const i = s.columns.get(k);
      return (i !== undefined && s.headers[i]) || headerOf(k);
    };
    const issue = (list: Issue[], k: ColumnKey, code: string, params?: Record<string, string | number>) => list.push({ ...at, column: header(k), code, ...(params ? { params } : {}) });

    const idCell = cell('idNumber');
    // A leading ' is how Excel is told "text" when the number is typed; some exports keep it.
    let idText = cellText(idCell).replace(/\s+/g, '').replace(/^['‘’`]/, '');
    // A number cell of 16+ digits has lost its last digits inside Excel: never guess them.
    const mangled = typeof idCell === 'number' && idCell >= 1e15;
    if (mangled) issue(bad, 'idNumber', 'id.excelMangled');
    else if (idText.includes('*')) issue(bad, 'idNumber', 'import.maskedId');
    // "1.10105E+17": the same loss, written out as text by a CSV saved from Excel.
    else if (/^\d(\.\d+)?E\+?\d+$/i.test(idText)) issue(bad, 'idNumber', 'id.excelMangled');
    else if (/^\d{15}$/.test(idText)) issue(warnings, 'idNumber', 'id.upgraded', { old: idText });
    if (mangled || idText.includes('*') || /E\+?\d+$/i.test(idText)) idText = '';

    const coded: Partial<Record<ColumnKey, string>> = {};
    for (const [k, list] of CODE_COLUMNS) {
      const t = cellText(cell(k));
      if (!t) continue;
      // 户主之妻, 户主的儿子: the word after it is the relation.
      if (k === 'relation' && /^户主(之|的)./.test(t)) {
        const rest = t.replace(/^户主(之|的)/, '');
        const v = CHILD_WORDS.has(rest) ? undefined : codeFromText('relation', rest);
        if (v) {
          coded.relation = v;
          continue;
        }
      }
      if (k === 'relation' && CHILD_WORDS.has(t.replace(/^户主(之|的)/, ''))) {
        // 子女: the ID number says son or daughter; without one, the gender column does.
        const g = /^\d{17}[\dX]$/i.test(idText) ? (Number(idText[16]) % 2 ? '1' : '2') : codeFromText('gender', cellText(cell('gender')));
        if (g === '1' || g === '2') coded.relation = g === '1' ? '20' : '30';
        else issue(bad, k, 'import.childWhich', { value: t });
        continue;
      }
      const v = codeFromText(list, t);
      if (v === undefined) issue(bad, k, 'import.unknownValue', { value: t, closest: closestCodes(list, t).join('、') || '—' });
      // In a household sheet 本人 is the row the others relate to: the 户主.
      else coded[k] = k === 'relation' && v === '01' ? '02' : v;
    }
    let birth = normaliseDate(cell('birthDate'));
    // 出生年月 is often the month alone ("1956.03", or a date cell shown as yyyy.mm, stored as the 1st):
    // with an ID number of that month it says the same, and the ID gives the day.
    const idBirth = /^\d{17}[\dX]$/i.test(idText) ? `${idText.slice(6, 10)}-${idText.slice(10, 12)}` : '';
    const month = birth === null ? monthOrDate(cell('birthDate')) : birth;
    if (idBirth && month && month.endsWith('-01') && month.slice(0, 7) === idBirth) birth = '';
    if (birth === null) issue(bad, 'birthDate', month ? 'import.monthOnly' : 'import.badDate', { value: cellText(cell('birthDate')) });
    const tags: string[] = [];
    for (const part of cellText(cell('tags')).split(/[,，、;；\s]+/).filter(Boolean)) {
      const tag = codeFromText('careTag', part);
      if (tag) tags.push(tag);
      else issue(bad, 'tags', 'import.unknownValue', { value: part, closest: closestCodes('careTag', part).join('、') || '—' });
    }
    const phones = splitPhones(cell('phone'));
    let note = cellText(cell('note'));
    // "王芳（儿媳）", "张三(已故)": the name, and the words beside it kept in the note.
    const fullName = cleanName(cell('name'));
    const aside = /^(.+?)\s*[(（]([^)）]*)[)）]$/.exec(fullName);
    const nameAlone = aside ? aside[1]! : fullName;
    if (aside?.[2]) note = [note, aside[2]].filter(Boolean).join('；');
    if (phones.others.length) note = [note, translate(lang, 'residents:import.otherPhones', { phones: phones.others.join('、') })].filter(Boolean).join('；');

    const isHeadRow = coded.relation === '02';
    let cells: PlaceCells = {
      grid: cellText(cell('grid')),
      estate: cellText(cell('estate')),
      building: cellText(cell('building')) || s.building,
      unit: cellText(cell('unit')),
      room: cellText(cell('room')),
      address: cellText(cell('address')),
    };
    // A member row with no place of its own lives where the row above does (the sheet's way of saying "same").
    if (!isHeadRow && !cells.room && !cells.address && !cellText(cell('building')) && s.above.place) cells = s.above.place;
    s.above.place = cells;
    const place: Place = findPlace(cells);
    if (!place.ok) issue(bad, place.column, place.code, place.params);

    // The form's schema is the single rule for the fields: the same messages, the same normalising.
    const result = residentFields.safeParse({
      name: nameAlone,
      idNumber: idText,
      gender: coded.gender || (idText ? '0' : ''),
      birthDate: birth ?? '',
      ethnicity: coded.ethnicity ?? '',
      phone: phones.first,
      hukouAddress: cellText(cell('hukouAddress')),
      relation: coded.relation || '',
      residenceType: coded.residenceType || 'registered',
      political: coded.political ?? '',
      education: coded.education ?? '',
      marital: coded.marital ?? '',
      occupation: cellText(cell('occupation')),
      tags,
      note,
    });
    if (!result.success) {
      for (const i of toInputIssues(result.error)) {
        const key = i.path.split('.')[0] as ColumnKey;
        if (bad.some((e) => e.column === header(key))) continue; // one message per cell
        if (i.messageKey === 'resident.birthDateNeeded' && bad.some((e) => e.code === 'import.maskedId' || e.code === 'id.excelMangled')) continue;
        // "Choose from the list" is the form's word; in a sheet an empty required cell is simply missing.
        const empty = i.messageKey === 'validation.code' && !cellText(cell(key));
        issue(bad, key, empty ? 'validation.required' : i.messageKey, empty ? undefined : i.params);
      }
    }
    if (bad.length || !result.success || !place.ok) {
      errors.push(...bad);
      return undefined;
    }
    const fields = result.data;
    if (fields.gender === '0' && fields.idNumber) fields.gender = Number(fields.idNumber[16]) % 2 ? '1' : '2';
    if (fields.idNumber) {
      const first = seenIds.get(fields.idNumber);
      if (first !== undefined) {
        issue(errors, 'idNumber', 'import.duplicateInFile', { first: first % 10_000_000, firstSheet: sheetNames[Math.floor(first / 10_000_000)]! });
        return undefined;
      }
      if (sheetNames[sheetNames.length - 1] !== at.sheet) sheetNames.push(at.sheet);
      seenIds.set(fields.idNumber, (sheetNames.length - 1) * 10_000_000 + at.row);
    }
    // 户号 written on the 户主 row only: the members under it belong to it.
    let householdNumber = cellText(cell('householdNumber'));
    const isHead = fields.relation === '02';
    if (!householdNumber && !isHead && s.columns.has('householdNumber')) householdNumber = s.above.householdNumber;
    s.above.householdNumber = householdNumber;
    // New buildings are grouped by number (and 小区 where the row gives one): their names are settled at the end.
    const g = group(place.fresh ? { ...place, building: `${place.fresh.estate}\u0001${place.fresh.number}` } : place, householdNumber, isHead, at);
    if (isHead) {
      const first = heads.get(g.key);
      if (first) {
        issue(errors, 'relation', 'import.twoHeads', { first: first.row, firstSheet: first.sheet });
        return undefined;
      }
      heads.set(g.key, at);
      if (g.nth > 0) groupHeads.set(g.key, { name: fields.name, idNumber: fields.idNumber });
      if (g.secondOf) issue(warnings, 'relation', 'import.secondHousehold', { first: g.secondOf.row, firstSheet: g.secondOf.sheet });
    }
    // One literal of fixed shape (no spreads): spread literals are built the slow way, 100,000 times.
    return {
      sheet: at.sheet,
      rowNumber: at.row,
      fields,
      grid: place.grid,
      buildingId: place.buildingId,
      building: place.building,
      unit: place.unit,
      room: place.room,
      householdNumber,
      fresh: place.fresh,
      household: g.key,
      nth: g.nth,
      head: g.nth > 0 ? (groupHeads.get(g.key) ?? null) : null,
    };
  };
  return { check, namesCarryEstate: places.namesCarryEstate };
}

/**
 * The checked rows as they will wait for the commit: packed at once (a 100,000-row sheet never sits in
 * memory as objects), heads first, only rows whose building is known or has a grid. A building new to
 * the ledger is packed under a key and named at the end, when every row's 小区 has been seen.
 */
function stagedRows(namesCarryEstate: boolean, ledgerHasResidents: boolean) {
  const heads = new PackedRows();
  const members = new PackedRows();
  // The ID numbers to look up for "will update": none to look up in an empty ledger (the first import).
  const ids: string[] = [];
  const households = new Set<string>();
  let waiting = 0;
  const fresh = new Map<string, { grid: string; estate: string; number: string; rows: number }>();
  const estates = new Map<string, Set<string>>();
  const withoutEstate: { at: At; list: PackedRows; index: number; numberKey: string }[] = [];
  return {
    add(r: ParsedRow) {
      let key = '';
      if (r.fresh) {
        key = `\u0002${r.grid}\u0001${r.fresh.estate}\u0001${r.fresh.number}`;
        const f = fresh.get(key) ?? { grid: r.grid, estate: r.fresh.estate, number: r.fresh.number, rows: 0 };
        f.rows++;
        fresh.set(key, f);
        const numberKey = `${r.grid}\u0001${r.fresh.number}`;
        const seen = estates.get(numberKey) ?? new Set<string>();
        if (r.fresh.estate) seen.add(r.fresh.estate);
        estates.set(numberKey, seen);
      }
      // A new building without a grid: its rows wait for the step that adds it to one.
      if (r.buildingId === null && !r.grid) {
        waiting++;
        return;
      }
      const list = r.fields.relation === '02' ? heads : members;
      list.push(packRow(key ? { ...r, building: key } : r));
      if (r.fresh && !r.fresh.estate) withoutEstate.push({ at: { sheet: r.sheet, row: r.rowNumber }, list, index: list.length - 1, numberKey: `${r.grid}\u0001${r.fresh.number}` });
      if (r.fields.idNumber && ledgerHasResidents) ids.push(r.fields.idNumber);
      households.add(r.household);
    },
    finish() {
      const buildingNames = new Map<string, string>();
      const named = new Map<string, { name: string; grid: string; rows: number }>();
      for (const [key, f] of fresh) {
        const seen = estates.get(`${f.grid}\u0001${f.number}`)!;
        // Named as the ledger names its buildings; with the 小区 only where the sheet has one number in two.
        const keepEstate = namesCarryEstate || seen.size > 1;
        const name = buildingName(keepEstate ? f.estate || (seen.size === 1 ? [...seen][0]! : '') : '', f.number);
        buildingNames.set(key, name);
        const n = named.get(`${f.grid}\u0001${name}`) ?? { name, grid: f.grid, rows: 0 };
        n.rows += f.rows;
        named.set(`${f.grid}\u0001${name}`, n);
      }
      // A row with no 小区 for a number two 小区 share cannot be placed.
      const unplaced: At[] = [];
      const leftOut = new Map<PackedRows, Set<number>>([
        [heads, new Set()],
        [members, new Set()],
      ]);
      for (const w of withoutEstate) {
        if ((estates.get(w.numberKey)?.size ?? 0) < 2) continue;
        unplaced.push(w.at);
        leftOut.get(w.list)!.add(w.index);
      }
      const rows = new PackedRows();
      for (const list of [heads, members]) {
        for (let i = 0; i < list.length; i++) if (!leftOut.get(list)!.has(i)) rows.push(list.at(i));
        list.clear();
      }
      return { rows, buildingNames, newBuildings: [...named.values()].sort((a, b) => b.rows - a.rows), waiting, ids, households: households.size, unplaced };
    },
  };
}

const withMessage = (lang: Language) => (i: Issue): ImportIssue => ({
  ...i,
  message: translate(lang, `errors:${i.code}`, { ...(i.params ?? {}), sheet: i.sheet }),
});

/** Checks a workbook: every sheet with a recognised header, unless the user left it out. Nothing is written. */
export async function checkImport(
  db: Db,
  fileName: string,
  buffer: Buffer,
  lang: Language = 'zh-CN',
  choices: ImportChoices = { leaveOut: [], columns: {}, headerRows: {} },
  token: string = randomUUID(),
): Promise<ImportReport> {
  const workbook = openWorkbook(fileName, buffer);
  const { check, namesCarryEstate } = rowChecker(db, lang);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const skipped: SkippedRow[] = [];
  const staged = stagedRows(namesCarryEstate, !!stmt(db, 'SELECT 1 FROM residents LIMIT 1').get());
  const sheets: ImportSheet[] = [];
  const mappings: StagedImport['mappings'] = [];
  let count = 0;
  for (const sheet of workbook) {
    const samples = new Map<number, string[]>();
    let rows = 0;
    let columns = new Map<ColumnKey, number>();
    let source: ImportSheet['mapping'] = 'guessed';
    const included = !choices.leaveOut.includes(sheet.name);
    const at = (row: number): At => ({ sheet: sheet.name, row });
    let sheetCheck: SheetCheck | undefined;
    const header = await readSheetRows(
      sheet,
      (head) => {
        const h = findHeader(head, RESIDENT_COLUMNS, 'name', 3, RESIDENT_FRAGMENTS, choices.headerRows[sheet.name]);
        if (h) ({ columns, source } = mappingFor(h, db, choices.columns[sheet.name]));
        return h;
      },
      (raw, h) => {
        const reason = skipReason(raw, h.headers, columns.get('name'));
        const status = columns.has('status') ? cellText(raw.cells[columns.get('status')!]) : '';
        if (reason || NOT_LIVING_HERE.test(status)) {
          if (reason !== 'blank') skipped.push({ sheet: sheet.name, row: raw.rowNumber, reason: reason ?? 'notLiving', text: raw.cells.map(cellText).filter(Boolean).join(' ').slice(0, 80) });
          return;
        }
        rows++;
        if (rows <= 50) {
          raw.cells.forEach((c, i) => {
            const t = cellText(c);
            const list = samples.get(i) ?? [];
            if (t && list.length < 3) samples.set(i, [...list, t.slice(0, 40)]);
          });
        }
        if (!included) return;
        // A large sheet's reading garbage collected as it goes (memory.ts), not left for V8 to let pile up.
        if (++count % COLLECT_EVERY_ROWS === 0) collectGarbage();
        sheetCheck ??= { at, columns, headers: h.headers, building: !columns.has('building') && !columns.has('address') && SHEET_IS_BUILDING.test(sheet.name.trim()) ? sheet.name.trim() : '', above: { householdNumber: '' } };
        const r = check(raw, sheetCheck, errors, warnings);
        if (r) staged.add(r);
      },
    );
    const fieldOf = new Map([...columns].map(([k, i]) => [i, k]));
    sheets.push({
      name: sheet.name,
      headerRow: header?.rowNumber ?? null,
      rows,
      included: !!header && included,
      mapping: source,
      columns: header
        ? header.headers.map((h, index) => ({ index, header: h, field: fieldOf.get(index) ?? null, samples: samples.get(index) ?? [] })).filter((c) => c.header || c.field || c.samples.length)
        : [],
    });
    // Only a mapping the user put right is remembered: a guess is made again, with whatever words Linli knows by then.
    if (header && included && source !== 'guessed') mappings.push({ headers: header.headers, mapping: Object.fromEntries([...columns].filter(([k]) => !INFORMATIONAL.includes(k)).map(([k, i]) => [String(i), k])) });
  }
  if (!sheets.some((s) => s.headerRow !== null)) throw new AppError('import.noHeader');
  if (count === 0) throw new AppError('import.empty');

  const { rows, buildingNames, newBuildings, waiting, ids, households, unplaced } = staged.finish();
  for (const at of unplaced) errors.push({ ...at, column: headerOf('address'), code: 'import.estateNeeded' });
  // One read transaction for all the look-ups: outside one, each read pays for its own snapshot.
  const byId = plucked(db, 'SELECT 1 FROM residents WHERE id_number = ?');
  const toUpdate = db.transaction(() => ids.filter((id) => byId.get(id)).length)();
  // The file, and the user's choices when there are any: the same file read another way is another run.
  const chose = choices.leaveOut.length > 0 || Object.keys(choices.columns).length > 0 || Object.keys(choices.headerRows).length > 0;
  const fileHash = createHash('sha256').update(buffer).update(chose ? JSON.stringify(choices) : '').digest('hex');
  const resume = stmt(db, "SELECT id AS runId, rows_done AS rowsDone FROM import_runs WHERE file_hash = ? AND state <> 'done' AND rows = ? ORDER BY id DESC LIMIT 1").get(fileHash, rows.length) as
    | { runId: number; rowsDone: number }
    | undefined;
  const report: ImportReport = {
    token,
    fileName,
    sheets,
    rows: count,
    valid: rows.length,
    invalid: new Set(errors.map((e) => `${e.sheet}\u0001${e.row}`)).size,
    toUpdate,
    households,
    newBuildings,
    waiting,
    ...(resume ? { resume } : {}),
    skipped,
    errors: errors.map(withMessage(lang)),
    warnings: warnings.map(withMessage(lang)),
  };
  imports.put({ fileName, fileHash, buffer, choices, mappings, rows, buildingNames, report, lang }, token);
  return report;
}

/** The staged file checked again: with the user's choices, or after buildings were added. */
export function recheckImport(db: Db, token: string, lang: Language, choices?: ImportChoices): Promise<ImportReport> {
  const s = imports.get(token);
  return checkImport(db, s.fileName, s.buffer, lang, choices ?? s.choices, token);
}

/** The dry run's new buildings without a grid, added to the one the user picked. */
export function addImportBuildings(db: Db, token: string, gridId: number): string[] {
  const s = imports.get(token);
  if (!stmt(db, 'SELECT 1 FROM grids WHERE id = ?').get(gridId)) throw new AppError('grid.notFound', { id: gridId });
  const names = s.report.newBuildings.filter((b) => !b.grid).map((b) => b.name);
  const add = stmt(db, 'INSERT INTO buildings(grid_id, name) VALUES (?, ?) ON CONFLICT(grid_id, name) DO NOTHING');
  for (const name of names) add.run(gridId, name);
  return names;
}
