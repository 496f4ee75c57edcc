import { mayReveal } from '../../core/session';
import { todayIso } from '../../../shared/rules/idNumber';
import type { ReportKind, SheetField, SheetTemplate } from '../../../shared/contract/reports';
import type { CallContext, HandlerMap } from '../../core/dispatch';
import { AppError } from '../../core/errors';
import { plucked, stmt } from '../../core/ledger';
import { buildReport, type ReportInput } from './reports';
import { reportFile } from './xlsx';
import { fillTemplate, guessField, readTemplate, sheetPeople } from './templates';
import { recallMapping, rememberMapping } from '../../core/sheets';

type Run = ReportInput & { xlsx: boolean; forPrint: boolean };

/** A report, and its xlsx when asked; printing or exporting one is written to the activity log. */
async function run(kind: ReportKind, input: Run, ctx: CallContext) {
  const report = buildReport(ctx.db, kind, input, input.forPrint || input.xlsx);
  const scope = JSON.stringify({ from: input.from, to: input.to, gridId: input.gridId, branchId: input.branchId });
  if (input.forPrint) ctx.audit('print', `report:${kind}`, scope);
  if (!input.xlsx) return report;
  ctx.audit('export', `report:${kind}`, scope);
  return { ...report, file: await reportFile(report, todayIso()) };
}

interface TemplateRecord {
  id: number;
  name: string;
  department: string;
  file_name: string;
  sheet: string;
  header_row: number;
  columns: string;
  mapping: string;
  updated_at: string;
}
const TEMPLATE = 'SELECT id, name, department, file_name, sheet, header_row, columns, mapping, updated_at FROM sheet_templates';
const toTemplate = (r: TemplateRecord): SheetTemplate => ({
  id: r.id,
  name: r.name,
  department: r.department,
  fileName: r.file_name,
  sheet: r.sheet,
  headerRow: r.header_row,
  columns: JSON.parse(r.columns) as SheetTemplate['columns'],
  mapping: JSON.parse(r.mapping) as SheetTemplate['mapping'],
  updatedAt: r.updated_at,
});
function template(ctx: CallContext, id: number): SheetTemplate {
  const r = stmt(ctx.db, `${TEMPLATE} WHERE id = ?`).get(id) as TemplateRecord | undefined;
  if (!r) throw new AppError('sheets.notFound');
  return toTemplate(r);
}

export const reportsHandlers: HandlerMap<
  'reports.population' | 'reports.party' | 'reports.mediation' | 'reports.certificates' | 'reports.lists' | 'reports.scopes' | 'sheets.list' | 'sheets.upload' | 'sheets.saveMapping' | 'sheets.remove' | 'sheets.fill'
> = {
  'reports.population': (input, ctx) => run('population', input, ctx),
  'reports.party': (input, ctx) => run('party', input, ctx),
  'reports.mediation': (input, ctx) => run('mediation', input, ctx),
  'reports.certificates': (input, ctx) => run('certificates', input, ctx),
  'reports.lists': (input, ctx) => run('lists', input, ctx),
  'reports.scopes': (_i, ctx) => ({
    grids: stmt(ctx.db, 'SELECT id, name FROM grids ORDER BY id').all() as { id: number; name: string }[],
    branches: stmt(ctx.db, 'SELECT id, name FROM party_branches ORDER BY id').all() as { id: number; name: string }[],
  }),
  'sheets.list': (_i, ctx) => (stmt(ctx.db, `${TEMPLATE} ORDER BY name`).all() as TemplateRecord[]).map(toTemplate),
  'sheets.upload': async ({ name, department, fileName, base64 }, ctx) => {
    if (!fileName.toLowerCase().endsWith('.xlsx')) throw new AppError('sheets.fileType');
    const file = Buffer.from(base64, 'base64');
    const read = await readTemplate(file);
    // The same form sent again (next month, or to another committee) comes mapped as it was last saved.
    const remembered = recallMapping(ctx.db, 'upper-sheet', read.columns.map((c) => c.header)) as Record<string, SheetField> | undefined;
    const mapping: Record<string, SheetField> = remembered ?? {};
    if (!remembered)
      for (const c of read.columns) {
        const field = guessField(c.header);
        if (field && !Object.values(mapping).includes(field)) mapping[String(c.index)] = field;
      }
    const id = ctx.batch(() => {
      if (stmt(ctx.db, 'SELECT 1 FROM sheet_templates WHERE name = ?').get(name)) throw new AppError('sheets.nameTaken', { name });
      const insert = stmt(ctx.db, 'INSERT INTO sheet_templates(name, department, file_name, file, sheet, header_row, columns, mapping, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      return Number(insert.run(name, department, fileName, file, read.sheet, read.headerRow, JSON.stringify(read.columns), JSON.stringify(mapping), ctx.actor).lastInsertRowid);
    });
    ctx.record(`sheet_template:${id}`);
    return template(ctx, id);
  },
  'sheets.saveMapping': ({ id, mapping }, ctx) => {
    const t = template(ctx, id);
    const known = new Set(t.columns.map((c) => String(c.index)));
    const stray = Object.keys(mapping).find((col) => !known.has(col));
    if (stray) throw new AppError('sheets.noSuchColumn', { column: stray });
    if (!Object.keys(mapping).length) throw new AppError('sheets.notMapped');
    stmt(ctx.db, "UPDATE sheet_templates SET mapping = ?, updated_at = datetime('now') WHERE id = ?").run(JSON.stringify(mapping), id);
    rememberMapping(ctx.db, 'upper-sheet', t.columns.map((c) => c.header), mapping);
    ctx.record(`sheet_template:${id}`);
    return template(ctx, id);
  },
  'sheets.remove': ({ id }, ctx) => {
    template(ctx, id);
    stmt(ctx.db, 'DELETE FROM sheet_templates WHERE id = ?').run(id);
    ctx.record(`sheet_template:${id}`);
    return { id };
  },
  'sheets.fill': async ({ id, filter, full }, ctx) => {
    // Full numbers leave the ledger only for someone who may see them, and only when asked for.
    if (full && !mayReveal(ctx.session)) throw new AppError('sheets.mayNotReveal');
    const t = template(ctx, id);
    if (filter.minAge !== undefined && filter.maxAge !== undefined && filter.minAge > filter.maxAge) throw new AppError('sheets.ageRange');
    const today = todayIso();
    const people = sheetPeople(ctx.db, filter, today);
    const file = plucked(ctx.db, 'SELECT file FROM sheet_templates WHERE id = ?').get(id) as Buffer;
    const filled = await fillTemplate(file, t, people, today, full);
    // Who took which residents, and whether with full numbers, is on record.
    ctx.audit(full ? 'reveal_export' : 'export', `sheet_template:${id}`, `${people.length} rows; ${full ? 'full ID numbers and phones' : 'masked'}; ${JSON.stringify(filter)}`);
    return { fileName: `${t.name}-${today}.xlsx`, base64: filled.toString('base64'), rows: people.length };
  },
};
