import type ExcelJS from 'exceljs';
import { loadExcel } from '../../core/excel';
import { CARE_TAG } from '../../../shared/rules/codes';
import { translate, type Language } from '../../../shared/i18n/resources';
import { AppError } from '../../core/errors';
import { generation, plucked, stmt, type Db } from '../../core/ledger';
import { deferIndexes, restoreDeferred } from '../../core/ledger/bulk';
import { rememberMapping } from '../../core/sheets';
import type { CallContext } from '../../core/dispatch';
import { takeBackup } from '../../core/backups';
import { COLLECT_EVERY_ROWS, collectGarbage } from '../../core/memory';
import { deferSearchIndex, indexResidents } from './indexing';
import { TEMPLATE_COLUMNS, headerOf } from './columns';
import { imports, packedIdNumber, unpackRow, type StagedRow } from './import';
import { addEvent, createHousehold, findOrCreateDwelling, householdPlace, insertResident, leaveHousehold, placeInHousehold, updateResident, type HouseholdPlace } from './store';

/**
 * The resident import's committing half: the checked rows written in batches, each one transaction,
 * resumable after a crash; the template and the problem report as files.
 */
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
  const s = imports.get(token);
  return { rowsDone: 0, rows: s.rows.length, running: false };
}

export function cancelImport(token: string): void {
  const r = running.get(token);
  if (r) r.stop = true;
  else imports.drop(token);
}

// ---------- committing ----------

/** Rows per transaction. Each batch is all or nothing; a crash keeps every batch before it. */
const batchRows = () => Number(process.env.LINLI_IMPORT_BATCH_ROWS) || 2000;
/** SQLite's default log size before a checkpoint, and the import's: 64 MB between checkpoints instead of 4. */
const DEFAULT_CHECKPOINT_PAGES = 1000;
const IMPORT_CHECKPOINT_PAGES = 16384;
/** From this many rows the indexes are cheaper built once than kept row by row (measured: see tests/bench/RESULTS.md). */
const DEFER_INDEXES_ROWS = 5000;

/**
 * Commits the checked rows in batches, each one transaction tagged with the run id and its rows counted
 * in `import_runs.rows_done`. A run cut off (crash, power cut, Stop) continues from there when the
 * same file is checked and committed again; the order of rows is fixed, so the same rows come next.
 */
export async function commitImport(ctx: CallContext, token: string) {
  const { db } = ctx;
  const s = imports.get(token);
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
  // The mapping used is remembered, so the next sheet with these headers comes mapped the same way.
  ctx.batch(() => {
    for (const m of s.mappings) rememberMapping(db, 'residents', m.headers, m.mapping);
  });
  const progress: Running = { rowsDone: resumeFrom?.rowsDone ?? 0, rows: s.rows.length, stop: false };
  running.set(token, progress);
  // Fewer, larger checkpoints while the batches pour in (each copies every changed page from the log to the file).
  db.pragma(`wal_autocheckpoint = ${IMPORT_CHECKPOINT_PAGES}`);
  // A large load sets the residents' secondary indexes aside and builds them once at the end (bulk.ts).
  const deferred = s.rows.length - progress.rowsDone >= DEFER_INDEXES_ROWS && ctx.batch(() => deferIndexes(db, 'residents') + deferIndexes(db, 'resident_events')) > 0;
  try {
    const importer = rowImporter(db, s.fileName, runId);
    const ordered = s.rows;
    while (progress.rowsDone < ordered.length && !progress.stop) {
      const from = progress.rowsDone;
      const to = Math.min(from + batchRows(), ordered.length);
      ctx.batch(() => {
        importer.newBatch();
        const batch = ordered.slice(from, to);
        importer.lookUp(batch.map(packedIdNumber));
        // Unpacked one at a time: a whole batch of row objects would outlive a collection or two and be promoted.
        const touched = batch.map((packed) => importer.put(unpackRow(packed, s.buildingNames)));
        importer.writeEvents();
        if (deferred && importer.inserted.size) {
          // New rows get their search entries at the end, in one pass; updated ones now.
          indexResidents(db, touched.filter((id) => !importer.inserted.has(id)));
          deferSearchIndex(db, Math.min(...importer.inserted), Math.max(...importer.inserted));
        } else indexResidents(db, touched, importer.inserted);
        stmt(db, `UPDATE import_runs SET rows_done = ?, created = created + ?, updated = updated + ?, state = ? WHERE id = ?`).run(
          to,
          importer.created,
          importer.updated,
          to === ordered.length ? 'done' : 'running',
          runId,
        );
      });
      progress.rowsDone = to;
      importer.committed();
      if (Math.floor(to / COLLECT_EVERY_ROWS) > Math.floor(from / COLLECT_EVERY_ROWS)) collectGarbage();
      // Let the progress and Stop calls in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const stopped = progress.rowsDone < progress.rows;
    if (stopped) ctx.batch(() => stmt(db, "UPDATE import_runs SET state = 'stopped' WHERE id = ?").run(runId));
    else {
      imports.drop(token);
      // Every row is in: the staged copy goes before the indexes are built (their sort wants the memory).
      ordered.clear();
    }
    const totals = stmt(db, 'SELECT created, updated FROM import_runs WHERE id = ?').get(runId) as { created: number; updated: number };
    if (stopped) s.report.resume = { runId, rowsDone: progress.rowsDone };
    return { runId, ...totals, rowsDone: progress.rowsDone, rows: progress.rows, stopped };
  } catch (err) {
    // The disk filled (or failed) after some batches had committed: those rows are kept, and saying
    // "nothing was saved" would be false. Say how many, and that the same file continues from there.
    const code = String((err as { code?: unknown }).code ?? '');
    if (progress.rowsDone > 0 && (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR'))) {
      throw new AppError(code === 'SQLITE_FULL' ? 'import.fullPartly' : 'import.ioErrorPartly', { done: progress.rowsDone, rows: progress.rows, next: progress.rowsDone + 1 });
    }
    throw err;
  } finally {
    if (deferred) {
      collectGarbage();
      ctx.batch(() => restoreDeferred(db));
    }
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
  const buildingId = (r: StagedRow) => {
    if (r.buildingId !== null) return r.buildingId;
    // A building new to the ledger, in the grid its rows named (the check let no other row through).
    const key = `${r.grid}\u0001${r.building}`;
    let id = buildings.get(key);
    if (id === undefined) {
      const g = gridId(r.grid);
      id = (stmt(db, 'SELECT id FROM buildings WHERE grid_id = ? AND name = ?').get(g, r.building) as { id: number } | undefined)?.id;
      id ??= Number(stmt(db, 'INSERT INTO buildings(grid_id, name) VALUES (?, ?)').run(g, r.building).lastInsertRowid);
      buildings.set(key, id);
    }
    return id;
  };
  const byNumber = stmt(db, 'SELECT id, head_id FROM households WHERE number = ?');
  const headOf = plucked(db, 'SELECT head_id FROM households WHERE id = ?');
  const firstAt = stmt(db, 'SELECT id, head_id FROM households WHERE dwelling_id = ? ORDER BY id LIMIT 1');
  const headedAt = stmt(
    db,
    "SELECT h.id, h.head_id FROM households h JOIN residents r ON r.id = h.head_id WHERE h.dwelling_id = ? AND r.name = ? AND coalesce(r.id_number, '') = ? ORDER BY h.id LIMIT 1",
  );
  // Households found in committed batches are remembered while nothing else writes to the ledger (a desk's
  // write in between, which may move or merge one, forgets them all); one found in the batch under way is
  // remembered with it only, since a batch that rolled back must not leave a household id behind. Their heads
  // are asked for again in each batch: between batches the staff may have changed one.
  let settled = new Map<string, HouseholdPlace>();
  let settledAt = '';
  const places = new Map<string, HouseholdPlace & { headId: number | null | undefined }>();
  const placeOf = (r: StagedRow) => {
    let p = places.get(r.household);
    if (p) return p;
    const known = settled.get(r.household);
    if (known) {
      places.set(r.household, (p = { ...known, headId: undefined }));
      return p;
    }
    const dwelling = findOrCreateDwelling(db, buildingId(r), r.unit, r.room);
    // The first household at an address is the one the ledger has there; a second one (一址多户) is found by its head.
    const existing = (
      r.householdNumber ? byNumber.get(r.householdNumber) : r.nth === 0 ? firstAt.get(dwelling) : r.head ? headedAt.get(dwelling, r.head.name, r.head.idNumber) : undefined
    ) as { id: number; head_id: number | null } | undefined;
    const id = existing?.id ?? createHousehold(db, dwelling, r.householdNumber);
    places.set(r.household, (p = { ...householdPlace(db, id), headId: existing?.head_id ?? null }));
    return p;
  };
  const headIdOf = (p: HouseholdPlace & { headId: number | null | undefined }) => (p.headId === undefined ? (p.headId = (headOf.get(p.householdId) as number | null | undefined) ?? null) : p.headId);
  // The batch's residents already in the ledger, found in one query instead of one a row.
  let inLedger = new Map<string, { id: number; name: string }>();
  const byIds = stmt(db, 'SELECT id_number AS idNumber, id, name FROM residents WHERE id_number IN (SELECT value FROM json_each(?))');
  // The batch's "imported" events, written in one statement at its end.
  let events: [number, string][] = [];
  const today = new Date().toISOString().slice(0, 10);
  const setHead = stmt(db, 'UPDATE households SET head_id = ? WHERE id = ?');
  const importer = {
    created: 0,
    updated: 0,
    /** The ids inserted in this batch (not updated): nothing of theirs to take out of the search index. */
    inserted: new Set<number>(),
    newBatch() {
      importer.inserted.clear();
      grids.clear();
      buildings.clear();
      places.clear();
      events = [];
      importer.created = importer.updated = 0;
      if (settledAt !== generation(db)) settled = new Map();
    },
    lookUp(idNumbers: string[]) {
      const ids = idNumbers.filter(Boolean);
      inLedger = new Map((byIds.all(JSON.stringify(ids)) as { idNumber: string; id: number; name: string }[]).map((r) => [r.idNumber, r]));
    },
    writeEvents() {
      stmt(
        db,
        `INSERT INTO resident_events(resident_id, kind, date, reason, detail, import_run_id)
         SELECT value ->> 0, 'imported', ?, ?, value ->> 1, ? FROM json_each(?)`,
      ).run(today, fileName, runId, JSON.stringify(events));
    },
    /** The batch is in the ledger: its households are remembered for the batches after it. */
    committed() {
      for (const [key, { headId: _, ...place }] of places) settled.set(key, place);
      settledAt = generation(db);
    },
    put(r: StagedRow): number {
      const p = placeOf(r);
      // A second 户主 for a household whose head the ledger already has: the ledger's head stays, the row becomes 其他亲属.
      let relation = r.fields.relation;
      const existing = r.fields.idNumber ? inLedger.get(r.fields.idNumber) : undefined;
      const headId = relation === '02' ? headIdOf(p) : null;
      if (relation === '02' && headId !== null && headId !== existing?.id) relation = '97';
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
          if (headId === null) setHead.run(existing.id, p.householdId);
          p.headId = existing.id;
        }
        importer.updated++;
        return existing.id;
      }
      const id = insertResident(db, r.fields, runId, { at: p, relation, newIdNumber: true });
      importer.inserted.add(id);
      events.push([id, relation === r.fields.relation ? '' : 'relation']);
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

/** The template: the header row in the import's own words (the columns are Chinese in every language), help in the user's. */
export async function importTemplate(lang: Language): Promise<{ fileName: string; base64: string }> {
  const t = (k: string, params?: Record<string, string>) => translate(lang, `residents:import.templateSheet.${k}`, params);
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('居民信息');
  ws.addRow(TEMPLATE_COLUMNS.map(headerOf));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col, i) => {
    col.width = i === 1 ? 22 : 12;
    col.numFmt = '@'; // text cells: Excel must not turn ID numbers into 1.10105E+17
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet(t('sheet'));
  help.addRow([t('headColumn'), t('headText')]).font = { bold: true };
  const tags = CARE_TAG.map((tag) => tag.zh).join('、');
  for (const row of TEMPLATE_HELP_ROWS) help.addRow([t(`rows.${row}.column`), t(`rows.${row}.text`, { tags })]);
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 90;
  return { fileName: `${t('fileName')}.xlsx`, base64: await toBase64(wb) };
}
const TEMPLATE_HELP_ROWS = ['idNumber', 'genderEthnicity', 'relation', 'residenceType', 'birthDate', 'phone', 'address', 'tags', 'place', 'example'];

export async function importErrorsWorkbook(token: string): Promise<{ fileName: string; base64: string }> {
  const s = imports.get(token);
  const t = (k: string) => translate(s.lang, `residents:import.report.${k}`);
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(t('sheet'));
  ws.addRow([t('sheetName'), t('row'), t('column'), t('problem'), t('kind')]);
  ws.getRow(1).font = { bold: true };
  for (const e of s.report.errors) ws.addRow([e.sheet, e.row, e.column, e.message, t('error')]);
  for (const w of s.report.warnings) ws.addRow([w.sheet, w.row, w.column, w.message, t('warning')]);
  for (const k of s.report.skipped) ws.addRow([k.sheet, k.row, '', `${translate(s.lang, `residents:import.skip.${k.reason}`)}：${k.text}`, t('skipped')]);
  ws.getColumn(1).width = 16;
  ws.getColumn(3).width = 16;
  ws.getColumn(4).width = 70;
  return { fileName: `${t('fileName')}-${s.fileName.replace(/\.[^.]+$/, '')}.xlsx`, base64: await toBase64(wb) };
}
