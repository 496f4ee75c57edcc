import { z } from 'zod';
import { method, permissions } from './define';
import { id, isoDate, requiredText } from './fields';
import { LANGUAGES } from '../i18n/languages';

export const REPORT_KINDS = ['population', 'party', 'mediation', 'certificates', 'lists'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
/** Who may run each report: the module's own permission (mediation statistics are the committee head's). */
export const REPORT_PERMISSION = {
  population: 'residents.view',
  party: 'party.view',
  mediation: 'mediation.all',
  certificates: 'certificates.issue',
  lists: 'lists.view',
} as const satisfies Record<ReportKind, string>;

const file = z.object({ fileName: z.string(), base64: z.string() });
const cell = z.union([z.string(), z.number()]);

/**
 * A report as it is printed and exported: words already in the user's language (the xlsx is made in
 * the main process from the very same tables, so paper and sheet cannot disagree).
 */
export const report = z.object({
  title: z.string(),
  /** Period and scope in words: 2026-11-01 至 2026-11-30 · 第1网格. */
  subtitle: z.string(),
  figures: z.array(z.object({ label: z.string(), value: cell })),
  tables: z.array(z.object({ title: z.string(), columns: z.array(z.string()), rows: z.array(z.array(cell)) })),
  file: file.optional(),
});
export type Report = z.infer<typeof report>;

const reportInput = z
  .object({
    from: isoDate,
    to: isoDate,
    gridId: id.optional(),
    branchId: id.optional(),
    language: z.enum(LANGUAGES).default('zh-CN'),
    /** Also make the xlsx; printing and exporting are written to the activity log. */
    xlsx: z.boolean().default(false),
    forPrint: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.from <= r.to, { error: 'reports.period', path: ['to'] });

const reportMethod = (kind: ReportKind) => method({ input: reportInput, output: report, kind: 'read', permission: REPORT_PERMISSION[kind] });

/** What a template column can be filled with: a ledger field of the resident (code lists in words). */
export const SHEET_FIELDS = [
  'serial',
  'name',
  'gender',
  'idNumber',
  'birthDate',
  'age',
  'ethnicity',
  'phone',
  'address',
  'grid',
  'building',
  'householdNumber',
  'relation',
  'residenceType',
  'political',
  'education',
  'marital',
  'occupation',
  'hukouAddress',
  'careTags',
  'status',
  'note',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

const template = z.object({
  id,
  name: z.string(),
  department: z.string(),
  fileName: z.string(),
  sheet: z.string(),
  headerRow: z.number(),
  /** The template's header cells, left to right (column letters A, B …). */
  columns: z.array(z.object({ index: z.number(), header: z.string() })),
  /** Column index → field; columns left out stay empty. */
  mapping: z.record(z.string(), z.enum(SHEET_FIELDS)),
  updatedAt: z.string(),
});
export type SheetTemplate = z.infer<typeof template>;

/** Which residents go into a filled sheet. */
const sheetFilter = z
  .object({
    gridId: id.optional(),
    tag: z.string().max(20).optional(),
    minAge: z.number().int().min(0).max(150).optional(),
    maxAge: z.number().int().min(0).max(150).optional(),
    status: z.enum(['active', 'moved_out', 'deceased']).default('active'),
  })
  .strict();

/** Report templates and upper-level sheets: the administrator's. The built-in roles that hold each by default; the administrator holds every permission. */
export const reportsPermissions = permissions({
  'templates.manage': [],
});

export const reportsContract = {
  'reports.population': reportMethod('population'),
  'reports.party': reportMethod('party'),
  'reports.mediation': reportMethod('mediation'),
  'reports.certificates': reportMethod('certificates'),
  'reports.lists': reportMethod('lists'),
  /** Grids and branches for the scope pickers. */
  'reports.scopes': method({
    input: z.object({}).strict(),
    output: z.object({ grids: z.array(z.object({ id, name: z.string() })), branches: z.array(z.object({ id, name: z.string() })) }),
    kind: 'read',
    permission: 'desk.view',
  }),
  'sheets.list': method({ input: z.object({}).strict(), output: z.array(template), kind: 'read', permission: 'residents.export' }),
  /** Reads an upper department's xlsx: its header row (the row with the most filled cells near the top) and columns. */
  'sheets.upload': method({
    input: z.object({ name: requiredText(60), department: z.string().max(60).default(''), fileName: requiredText(200), base64: z.string().min(1).max(14_000_000) }).strict(),
    output: template,
    // Reading the workbook is asynchronous: the one insert that follows is the job's single batch.
    kind: 'job',
    permission: 'templates.manage',
  }),
  'sheets.saveMapping': method({
    input: z.object({ id, mapping: z.record(z.string().regex(/^\d+$/), z.enum(SHEET_FIELDS)) }).strict(),
    output: template,
    kind: 'write',
    permission: 'templates.manage',
  }),
  'sheets.remove': method({ input: z.object({ id }).strict(), output: z.object({ id }), kind: 'write', permission: 'templates.manage' }),
  /** The template filled from the ledger: the department's own file, its rows written under the header. */
  /** `full`: ID numbers and phones as they are (only for those who may reveal them, and on record); masked otherwise. */
  'sheets.fill': method({
    input: z.object({ id, filter: sheetFilter, full: z.boolean().default(false) }).strict(),
    output: file.extend({ rows: z.number() }),
    kind: 'read',
    permission: 'residents.export',
  }),
};
