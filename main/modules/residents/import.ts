import { createHash, randomUUID } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../core/excel';
import { readFirstSheet, type Cell, type SheetRow } from './xlsxReader';
import type { ImportIssue, ImportReport } from '../../../shared/contract/residents';
import { residentFields } from '../../../shared/contract/residents';
import { CARE_TAG, codeFromText, type CodeListName } from '../../../shared/rules/codes';
import { translate, type Language } from '../../../shared/i18n/resources';
import { AppError } from '../../core/errors';
import { stmt, type Db } from '../../core/ledger';
import { toInputIssues } from '../../core/dispatch';
import { indexResidents } from './indexing';
import type { CallContext } from '../../core/dispatch';
import { takeBackup } from '../../core/backups';
import { IMPORT_COLUMNS, columnForHeader, type ColumnKey } from './columns';
import { addEvent, cleanRoom, cleanUnit, createHousehold, existingByIdNumber, findOrCreateDwelling, householdPlace, insertResident, leaveHousehold, placeInHousehold, updateResident, type HouseholdPlace, type ResidentFields } from './store';

type RawRow = SheetRow;

interface ParsedRow {
  rowNumber: number;
  fields: ResidentFields;
  grid: string;
  building: string;
  unit: string;
  room: string;
  householdNumber: string;
}

interface Staged {
  fileName: string;
  fileHash: string;
  rows: ParsedRow[];
  report: ImportReport;
  lang: Language;
  expires: number;
}

const staged = new Map<string, Staged>();
const STAGE_MINUTES = 60;

// ---------- reading: xlsx (streaming) and csv ----------

/** Excel saves CSV in the system code page (GB18030 on Chinese Windows); UTF-8 with or without BOM otherwise. */
export function decodeCsv(buffer: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  const text = utf8.includes('\uFFFD') ? new TextDecoder('gb18030').decode(buffer) : utf8;
  return text.replace(/^\uFEFF/, '');
}

export function* csvRows(text: string): Generator<RawRow> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      yield { rowNumber: rowStart, cells: row };
      row = [];
      field = '';
      line++;
      rowStart = line;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    yield { rowNumber: rowStart, cells: row };
  }
}

// ---------- checking ----------

const text = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).normalize('NFKC').trim();
};

/** 1949/12/31, 1949.12.31, 19491231, 1949年12月31日 and date cells → 1949-12-31. */
export function normaliseDate(c: Cell | undefined): string | null {
  if (c === null || c === undefined || c === '') return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const s = String(c).normalize('NFKC').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

function codeCell(list: CodeListName, c: Cell | undefined): string | null {
  const t = text(c);
  if (t === '') return '';
  return codeFromText(list, t) ?? null;
}

interface RowCheck {
  parsed?: ParsedRow;
  errors: Omit<ImportIssue, 'message'>[];
  warnings: Omit<ImportIssue, 'message'>[];
}

function checkRow(raw: RawRow, columns: Map<ColumnKey, { index: number; header: string }>): RowCheck {
  const errors: RowCheck['errors'] = [];
  const warnings: RowCheck['warnings'] = [];
  const cell = (k: ColumnKey) => {
    const col = columns.get(k);
    return col ? raw.cells[col.index] ?? null : null;
  };
  const header = (k: ColumnKey) => columns.get(k)?.header ?? IMPORT_COLUMNS.find((c) => c.key === k)!.header;
  const bad = (k: ColumnKey, code: string, params?: Record<string, string | number>) =>
    errors.push({ row: raw.rowNumber, column: header(k), code, ...(params ? { params } : {}) });

  let idText = text(cell('idNumber'));
  const idCell = cell('idNumber');
  // A number cell of 16+ digits has lost its last digits inside Excel: never guess them.
  if (typeof idCell === 'number' && idCell >= 1e15) bad('idNumber', 'id.excelMangled');
  else if (/^\d{15}$/.test(idText)) warnings.push({ row: raw.rowNumber, column: header('idNumber'), code: 'id.upgraded', params: { old: idText } });

  const codes: [ColumnKey, CodeListName][] = [
    ['gender', 'gender'],
    ['ethnicity', 'ethnicity'],
    ['relation', 'relation'],
    ['residenceType', 'residenceType'],
    ['political', 'political'],
    ['education', 'education'],
    ['marital', 'marital'],
  ];
  const coded: Partial<Record<ColumnKey, string>> = {};
  for (const [k, list] of codes) {
    const v = codeCell(list, cell(k));
    if (v === null) bad(k, 'import.unknownValue', { value: text(cell(k)) });
    else coded[k] = v;
  }
  const birth = normaliseDate(cell('birthDate'));
  if (birth === null) bad('birthDate', 'validation.date');
  const tags: string[] = [];
  for (const part of text(cell('tags')).split(/[,，、;；\s]+/).filter(Boolean)) {
    const tag = codeFromText('careTag', part);
    if (tag) tags.push(tag);
    else bad('tags', 'import.unknownValue', { value: part });
  }
  const building = text(cell('building'));
  const room = cleanRoom(text(cell('room')));
  if (!building) bad('building', 'validation.required');
  if (!room) bad('room', 'validation.required');
  if (errors.some((e) => e.code === 'id.excelMangled')) idText = '';

  // The form's schema is the single rule for the fields: the same messages, the same normalising.
  const result = residentFields.safeParse({
    name: text(cell('name')),
    idNumber: errors.some((e) => e.code === 'id.excelMangled') ? '' : idText,
    gender: coded.gender || (idText ? '0' : ''),
    birthDate: birth ?? '',
    ethnicity: coded.ethnicity ?? '',
    phone: text(cell('phone')),
    hukouAddress: text(cell('hukouAddress')),
    relation: coded.relation || '',
    residenceType: coded.residenceType || 'registered',
    political: coded.political ?? '',
    education: coded.education ?? '',
    marital: coded.marital ?? '',
    occupation: text(cell('occupation')),
    tags,
    note: text(cell('note')),
  });
  if (!result.success) {
    for (const issue of toInputIssues(result.error)) {
      const key = issue.path.split('.')[0] as ColumnKey;
      if (errors.some((e) => e.column === header(key))) continue; // one message per cell
      if (issue.messageKey === 'resident.birthDateNeeded' && errors.some((e) => e.code === 'id.excelMangled')) continue;
      bad(key, issue.messageKey, issue.params);
    }
  }
  if (errors.length || !result.success) return { errors, warnings };
  const fields = result.data;
  if (fields.gender === '0' && fields.idNumber) fields.gender = Number(fields.idNumber[16]) % 2 ? '1' : '2';
  return {
    errors,
    warnings,
    parsed: {
      rowNumber: raw.rowNumber,
      fields,
      grid: text(cell('grid')),
      building,
      unit: cleanUnit(text(cell('unit'))),
      room,
      householdNumber: text(cell('householdNumber')),
    },
  };
}

function findHeader(first: RawRow[]): { index: number; columns: Map<ColumnKey, { index: number; header: string }> } | undefined {
  // Title rows and merged cells sit above the header: the header is the first row naming a name column and two more.
  for (let i = 0; i < first.length; i++) {
    const columns = new Map<ColumnKey, { index: number; header: string }>();
    first[i]!.cells.forEach((c, index) => {
      const key = columnForHeader(text(c));
      if (key && !columns.has(key)) columns.set(key, { index, header: text(c) });
    });
    if (columns.has('name') && columns.size >= 3) return { index: i, columns };
  }
  return undefined;
}

const withMessage = (lang: Language) => (i: Omit<ImportIssue, 'message'>): ImportIssue => ({
  ...i,
  message: translate(lang, `errors:${i.code}`, i.params ?? {}),
});

export async function checkImport(db: Db, fileName: string, buffer: Buffer, lang: Language = 'zh-CN'): Promise<ImportReport> {
  const lower = fileName.toLowerCase();
  let rows: AsyncIterable<RawRow> | Iterable<RawRow>;
  if (lower.endsWith('.xlsx')) {
    rows = readFirstSheet(buffer);
  } else if (lower.endsWith('.csv')) rows = csvRows(decodeCsv(buffer));
  else throw new AppError('import.fileType');

  const head: RawRow[] = [];
  let header: ReturnType<typeof findHeader>;
  const errors: Omit<ImportIssue, 'message'>[] = [];
  const warnings: Omit<ImportIssue, 'message'>[] = [];
  const parsed: ParsedRow[] = [];
  const seenIds = new Map<string, number>();
  const heads = new Map<string, number>();
  let count = 0;
  const consume = (raw: RawRow) => {
    if (raw.cells.every((c) => text(c) === '')) return; // blank rows are not rows
    count++;
    const r = checkRow(raw, header!.columns);
    errors.push(...r.errors);
    warnings.push(...r.warnings);
    if (!r.parsed) return;
    const { fields } = r.parsed;
    if (fields.idNumber) {
      const first = seenIds.get(fields.idNumber);
      if (first !== undefined) {
        errors.push({ row: raw.rowNumber, column: header!.columns.get('idNumber')!.header, code: 'import.duplicateInFile', params: { first } });
        return;
      }
      seenIds.set(fields.idNumber, raw.rowNumber);
    }
    if (fields.relation === '02') {
      const key = r.parsed.householdNumber || `${r.parsed.grid}|${r.parsed.building}|${r.parsed.unit}|${r.parsed.room}`;
      const first = heads.get(key);
      if (first !== undefined) {
        errors.push({ row: raw.rowNumber, column: header!.columns.get('relation')?.header ?? '与户主关系', code: 'import.twoHeads', params: { first } });
        return;
      }
      heads.set(key, raw.rowNumber);
    }
    if (!r.parsed.grid && !uniqueBuilding(db, r.parsed.building)) {
      errors.push({ row: raw.rowNumber, column: header!.columns.get('grid')?.header ?? '网格', code: 'import.gridNeeded', params: { building: r.parsed.building } });
      return;
    }
    parsed.push(r.parsed);
  };
  for await (const raw of rows) {
    if (!header) {
      head.push(raw);
      if (head.length <= 30) {
        header = findHeader([raw]);
        if (header) header.index = head.length - 1;
        continue;
      }
      throw new AppError('import.noHeader');
    }
    consume(raw);
  }
  if (!header) throw new AppError('import.noHeader');
  if (count === 0) throw new AppError('import.empty');

  // One read transaction for all the look-ups: outside one, each read pays for its own snapshot.
  const toUpdate = db.transaction(() => parsed.filter((r) => r.fields.idNumber && existingByIdNumber(db, r.fields.idNumber)).length)();
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const fileHash = createHash('sha256').update(buffer).digest('hex');
  const resume = stmt(db, "SELECT id AS runId, rows_done AS rowsDone FROM import_runs WHERE file_hash = ? AND state <> 'done' AND rows = ? ORDER BY id DESC LIMIT 1").get(
    fileHash,
    parsed.length,
  ) as { runId: number; rowsDone: number } | undefined;
  const token = randomUUID();
  const report: ImportReport = {
    token,
    rows: count,
    valid: parsed.length,
    invalid: invalidRows,
    toUpdate,
    ...(resume ? { resume } : {}),
    errors: errors.map(withMessage(lang)),
    warnings: warnings.map(withMessage(lang)),
  };
  for (const [k, s] of staged) if (s.expires < Date.now()) staged.delete(k);
  staged.set(token, { fileName, fileHash, rows: parsed, report, lang, expires: Date.now() + STAGE_MINUTES * 60_000 });
  return report;
}

function uniqueBuilding(db: Db, name: string): boolean {
  return (stmt(db, 'SELECT count(*) AS n FROM buildings WHERE name = ?').get(name) as { n: number }).n === 1;
}

function takeStaged(token: string): Staged {
  const s = staged.get(token);
  if (!s || s.expires < Date.now()) throw new AppError('import.expired');
  return s;
}

interface Running {
  rowsDone: number;
  rows: number;
  stop: boolean;
}
/** The import in hand: one at a time, so two runs never interleave their households. */
const running = new Map<string, Running>();

export function importProgress(token: string): { rowsDone: number; rows: number; running: boolean } {
  const r = running.get(token);
  if (r) return { rowsDone: r.rowsDone, rows: r.rows, running: true };
  const s = takeStaged(token);
  return { rowsDone: 0, rows: s.rows.length, running: false };
}

export function cancelImport(token: string): void {
  const r = running.get(token);
  if (r) r.stop = true;
  else staged.delete(token);
}

// ---------- committing ----------

/** Rows per transaction. Each batch is all or nothing; a crash keeps every batch before it. */
const batchRows = () => Number(process.env.LINLI_IMPORT_BATCH_ROWS) || 2000;
/** SQLite's default log size before a checkpoint, and the import's: 64 MB between checkpoints instead of 4. */
const DEFAULT_CHECKPOINT_PAGES = 1000;
const IMPORT_CHECKPOINT_PAGES = 16384;

/**
 * Commits the checked rows in batches, each one transaction tagged with the run id and its rows counted
 * in `import_runs.rows_done`. A run cut off (crash, power cut, Stop) continues from there when the
 * same file is checked and committed again; the order of rows is fixed, so the same rows come next.
 */
export async function commitImport(ctx: CallContext, token: string) {
  const { db } = ctx;
  const s = takeStaged(token);
  if (running.size) throw new AppError('import.busy');
  const resumeFrom = s.report.resume;
  // A checked copy first (once per run), so a wrong import can be undone from the backups screen.
  if (!resumeFrom && stmt(db, 'SELECT 1 FROM residents LIMIT 1').get()) await takeBackup(ctx.vault, 'before-import');
  const runId = resumeFrom
    ? resumeFrom.runId
    : Number(
        ctx.batch(() => stmt(db, "INSERT INTO import_runs(file_name, rows, file_hash, state) VALUES (?, ?, ?, 'running')").run(s.fileName, s.rows.length, s.fileHash).lastInsertRowid),
      );
  ctx.record(`import_run:${runId}`);
  const progress: Running = { rowsDone: resumeFrom?.rowsDone ?? 0, rows: s.rows.length, stop: false };
  running.set(token, progress);
  // Fewer, larger checkpoints while the batches pour in (each copies every changed page from the log to the file).
  db.pragma(`wal_autocheckpoint = ${IMPORT_CHECKPOINT_PAGES}`);
  try {
    const importer = rowImporter(db, s.fileName, runId);
    // Heads first, so that a household's members find their head already in place. A stable sort of
    // the same file gives the same order, which is what lets a cut-off run continue.
    const ordered = [...s.rows].sort((a, b) => Number(b.fields.relation === '02') - Number(a.fields.relation === '02'));
    while (progress.rowsDone < ordered.length && !progress.stop) {
      const from = progress.rowsDone;
      const to = Math.min(from + batchRows(), ordered.length);
      ctx.batch(() => {
        importer.newBatch();
        const touched = ordered.slice(from, to).map(importer.put);
        indexResidents(db, touched);
        stmt(db, `UPDATE import_runs SET rows_done = ?, created = created + ?, updated = updated + ?, state = ? WHERE id = ?`).run(
          to,
          importer.created,
          importer.updated,
          to === ordered.length ? 'done' : 'running',
          runId,
        );
      });
      progress.rowsDone = to;
      // Let the progress and Stop calls in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const stopped = progress.rowsDone < ordered.length;
    if (stopped) ctx.batch(() => stmt(db, "UPDATE import_runs SET state = 'stopped' WHERE id = ?").run(runId));
    else staged.delete(token);
    const totals = stmt(db, 'SELECT created, updated FROM import_runs WHERE id = ?').get(runId) as { created: number; updated: number };
    if (stopped) s.report.resume = { runId, rowsDone: progress.rowsDone };
    return { runId, ...totals, rowsDone: progress.rowsDone, rows: ordered.length, stopped };
  } catch (err) {
    // The disk filled (or failed) after some batches had committed: those rows are kept, and saying
    // "nothing was saved" would be false. Say how many, and that the same file continues from there.
    const code = String((err as { code?: unknown }).code ?? '');
    if (progress.rowsDone > 0 && (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR'))) {
      throw new AppError(code === 'SQLITE_FULL' ? 'import.fullPartly' : 'import.ioErrorPartly', { done: progress.rowsDone, rows: s.rows.length, next: progress.rowsDone + 1 });
    }
    throw err;
  } finally {
    db.pragma(`wal_autocheckpoint = ${DEFAULT_CHECKPOINT_PAGES}`);
    running.delete(token);
  }
}

/** Writes one checked row: a new resident, or the update of the one with the same ID number. */
function rowImporter(db: Db, fileName: string, runId: number) {
  const grids = new Map<string, number>();
  const buildings = new Map<string, number>();
  const gridId = (name: string) => {
    let id = grids.get(name);
    if (id === undefined) {
      id = (stmt(db, 'SELECT id FROM grids WHERE name = ?').get(name) as { id: number } | undefined)?.id;
      id ??= Number(stmt(db, 'INSERT INTO grids(name) VALUES (?)').run(name).lastInsertRowid);
      grids.set(name, id);
    }
    return id;
  };
  const buildingId = (grid: string, name: string) => {
    const key = `${grid}|${name}`;
    let id = buildings.get(key);
    if (id === undefined) {
      if (grid) {
        const g = gridId(grid);
        id = (stmt(db, 'SELECT id FROM buildings WHERE grid_id = ? AND name = ?').get(g, name) as { id: number } | undefined)?.id;
        id ??= Number(stmt(db, 'INSERT INTO buildings(grid_id, name) VALUES (?, ?)').run(g, name).lastInsertRowid);
      } else id = (stmt(db, 'SELECT id FROM buildings WHERE name = ?').get(name) as { id: number }).id;
      buildings.set(key, id);
    }
    return id;
  };
  // Households found within one batch are remembered for that batch only: a batch that rolled back
  // must not leave a household id behind, and between batches the staff may have changed a head.
  const places = new Map<string, HouseholdPlace & { headId: number | null }>();
  const placeOf = (r: ParsedRow) => {
    const dwelling = findOrCreateDwelling(db, buildingId(r.grid, r.building), r.unit, r.room);
    const key = r.householdNumber ? `n:${r.householdNumber}` : `d:${dwelling}`;
    let p = places.get(key);
    if (!p) {
      const existing = r.householdNumber
        ? (stmt(db, 'SELECT id, head_id FROM households WHERE number = ?').get(r.householdNumber) as { id: number; head_id: number | null } | undefined)
        : (stmt(db, 'SELECT id, head_id FROM households WHERE dwelling_id = ? ORDER BY id LIMIT 1').get(dwelling) as { id: number; head_id: number | null } | undefined);
      const id = existing?.id ?? createHousehold(db, dwelling, r.householdNumber);
      places.set(key, (p = { ...householdPlace(db, id), headId: existing?.head_id ?? null }));
    }
    return p;
  };
  const today = new Date().toISOString().slice(0, 10);
  const setHead = stmt(db, 'UPDATE households SET head_id = ? WHERE id = ?');
  const importer = {
    created: 0,
    updated: 0,
    newBatch() {
      grids.clear();
      buildings.clear();
      places.clear();
      importer.created = importer.updated = 0;
    },
    put(r: ParsedRow): number {
      const p = placeOf(r);
      // A second 户主 for a household whose head the ledger already has: the ledger's head stays, the row becomes 其他亲属.
      let relation = r.fields.relation;
      const existing = existingByIdNumber(db, r.fields.idNumber);
      if (relation === '02' && p.headId !== null && p.headId !== existing?.id) relation = '97';
      if (existing) {
        const changed = updateResident(db, existing.id, r.fields, runId);
        const current = stmt(db, 'SELECT household_id, relation FROM residents WHERE id = ?').get(existing.id) as { household_id: number | null; relation: string };
        if (current.household_id !== p.householdId || current.relation !== relation) {
          if (current.household_id !== p.householdId) leaveHousehold(db, existing.id);
          placeInHousehold(db, existing.id, p.householdId, relation);
          changed.push('household');
        }
        if (changed.length) addEvent(db, existing.id, 'updated', today, '', changed.join(','), runId);
        if (relation === '02') {
          if (p.headId === null) setHead.run(existing.id, p.householdId);
          p.headId = existing.id;
        }
        importer.updated++;
        return existing.id;
      }
      const id = insertResident(db, r.fields, runId, { at: p, relation });
      addEvent(db, id, 'imported', today, fileName, relation === r.fields.relation ? '' : 'relation', runId);
      if (relation === '02') {
        setHead.run(id, p.householdId);
        p.headId = id;
      }
      importer.created++;
      return id;
    },
  };
  return importer;
}

// ---------- files out: the template and the report ----------

async function toBase64(wb: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export async function importTemplate(): Promise<{ fileName: string; base64: string }> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('居民信息');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col, i) => {
    col.width = i === 1 ? 22 : 12;
    col.numFmt = '@'; // text cells: Excel must not turn ID numbers into 1.10105E+17
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '说明']);
  help.addRow(['公民身份号码', '18位，单元格设为文本格式；15位旧号码会自动升位。']);
  help.addRow(['性别 / 民族', '可填"男""女"，"汉"或"汉族"；有身份证号时可不填性别与出生日期。']);
  help.addRow(['与户主关系', '户主、配偶、子、女、父母、孙子女、兄弟姐妹、其他亲属、非亲属 等。']);
  help.addRow(['人员类型', '户籍人口、常住人口、流动人口、人在户不在、户在人不在。']);
  help.addRow(['特殊人群', CARE_TAG.map((t) => t.zh).join('、') + '；多个用顿号分隔。']);
  help.addRow(['网格 / 楼栋 / 单元 / 房号', '同一房号的居民归为一户；有户号时按户号归户。']);
  help.addRow(['示例', '张三丰, 11010519491231002X, 男, , 汉族, 13800138000, 第一网格, 3号楼, 2, 301, , 户主, 户籍人口']);
  help.getColumn(1).width = 24;
  help.getColumn(2).width = 90;
  return { fileName: '居民信息导入模板.xlsx', base64: await toBase64(wb) };
}

export async function importErrorsWorkbook(token: string): Promise<{ fileName: string; base64: string }> {
  const s = takeStaged(token);
  const t = (k: string) => translate(s.lang, `residents:import.report.${k}`);
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(t('sheet'));
  ws.addRow([t('row'), t('column'), t('problem'), t('kind')]);
  ws.getRow(1).font = { bold: true };
  for (const e of s.report.errors) ws.addRow([e.row, e.column, e.message, t('error')]);
  for (const w of s.report.warnings) ws.addRow([w.row, w.column, w.message, t('warning')]);
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 70;
  return { fileName: `${t('fileName')}-${s.fileName.replace(/\.[^.]+$/, '')}.xlsx`, base64: await toBase64(wb) };
}
