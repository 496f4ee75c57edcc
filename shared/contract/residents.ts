import { z } from 'zod';
import { method, permissions } from './define';
import { code, id, idNumber, isoDate, optionalCode, optionalText, pageArgs, phone, requiredText, text } from './fields';
import { checkIdNumber, todayIso } from '../rules/idNumber';
import { LANGUAGES } from '../i18n/languages';

const lang = z.enum(LANGUAGES).default('zh-CN');

/** The fields a person at the desk types in; the same schema checks the form and the main process. */
export const residentFieldsShape = {
  name: requiredText(50),
  idNumber,
  gender: code('gender'),
  birthDate: isoDate.or(z.literal('')).default(''),
  ethnicity: optionalCode('ethnicity'),
  phone: phone.optional().default(''),
  hukouAddress: optionalText(200),
  relation: code('relation'),
  residenceType: code('residenceType'),
  political: optionalCode('political'),
  education: optionalCode('education'),
  marital: optionalCode('marital'),
  occupation: optionalText(100),
  tags: z.array(code('careTag')).max(20).default([]),
  note: optionalText(1000),
};

type FieldsOut = { idNumber: string; birthDate: string; gender: string };
/** Birth date and gender come from the ID number; a form that disagrees is an error, not a guess. */
export function checkAgainstId(v: FieldsOut, ctx: z.RefinementCtx): void {
  // Nobody is born tomorrow: with or without an ID number, on every path that takes these fields.
  if (v.birthDate !== '' && v.birthDate > todayIso()) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'id.futureDate' });
  if (v.idNumber === '') {
    if (v.birthDate === '') ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'resident.birthDateNeeded' });
    return;
  }
  const r = checkIdNumber(v.idNumber);
  if (!r.ok) return;
  if (v.birthDate !== '' && v.birthDate !== r.birthDate)
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'id.birthMismatch', params: { fromId: r.birthDate } });
  if ((v.gender === '1' || v.gender === '2') && v.gender !== r.gender)
    ctx.addIssue({ code: 'custom', path: ['gender'], message: 'id.genderMismatch' });
}

export const residentFields = z.object(residentFieldsShape).strict().superRefine(checkAgainstId);
export type ResidentFieldsInput = z.input<typeof residentFields>;

export const placement = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), householdId: id }).strict(),
  z
    .object({ kind: z.literal('new'), buildingId: id, unit: text(20).default(''), room: requiredText(20), number: optionalText(30) })
    .strict(),
]);

const searchFilters = {
  q: text(100).optional().default(''),
  gridId: id.optional(),
  buildingId: id.optional(),
  status: z.enum(['active', 'moved_out', 'deceased', 'all']).default('active'),
  tags: z.array(z.string().max(30)).max(10).default([]),
  ageMin: z.number().int().min(0).max(150).optional(),
  ageMax: z.number().int().min(0).max(150).optional(),
  gender: z.enum(['1', '2']).optional(),
  residenceType: z.string().max(20).optional(),
  sort: z.enum(['entry', 'name', 'age', 'address']).default('address'),
  order: z.enum(['asc', 'desc']).default('asc'),
};
export const residentFilters = z.object(searchFilters).strict();
export type ResidentFilters = z.input<typeof residentFilters>;

/** A list row: ID number and phone already masked in the main process. */
export const residentRow = z.object({
  id,
  name: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  age: z.number().nullable(),
  ethnicity: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  address: z.string(),
  gridName: z.string(),
  relation: z.string(),
  residenceType: z.string(),
  political: z.string(),
  status: z.string(),
  tags: z.array(z.string()),
  householdId: id.nullable(),
});
export type ResidentRow = z.infer<typeof residentRow>;

export const residentEvent = z.object({ id, kind: z.string(), date: z.string(), reason: z.string(), detail: z.string(), at: z.string() });
/** Full ID numbers and phones are never in a detail: they come one at a time through residents.reveal, with a reason. */
export const residentDetail = residentRow.extend({
  hasIdNumber: z.boolean(),
  hukouAddress: z.string(),
  education: z.string(),
  marital: z.string(),
  occupation: z.string(),
  note: z.string(),
  /** Raised by every save: the form sends back the one it opened (two people, one record). */
  version: z.number(),
  events: z.array(residentEvent),
});
export type ResidentDetail = z.infer<typeof residentDetail>;

export const householdCard = z.object({
  id,
  number: z.string(),
  gridName: z.string(),
  buildingName: z.string(),
  unit: z.string(),
  room: z.string(),
  address: z.string(),
  headId: id.nullable(),
  members: z.array(residentDetail.omit({ events: true })),
});
export type HouseholdCard = z.infer<typeof householdCard>;

const lifeEvent = z.object({ id, date: isoDate, reason: requiredText(200) }).strict();
const file = z.object({ fileName: requiredText(200), base64: z.string().max(80_000_000, { error: 'import.tooLarge' }) }).strict();
export const fileOut = z.object({ fileName: z.string(), base64: z.string() });

const token = z.string().max(64);

export const importIssue = z.object({
  sheet: z.string(),
  row: z.number(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportIssue = z.infer<typeof importIssue>;
/** A worksheet of the workbook: whether its header was found, its columns as guessed or chosen, and its row count. */
export const importSheet = z.object({
  name: z.string(),
  headerRow: z.number().nullable(),
  rows: z.number(),
  included: z.boolean(),
  /** Where the column mapping came from: Linli's guess, the one remembered for these headers, or the user's. */
  mapping: z.enum(['guessed', 'remembered', 'chosen']),
  columns: z.array(z.object({ index: z.number(), header: z.string(), field: z.string().nullable(), samples: z.array(z.string()) })),
});
export type ImportSheet = z.infer<typeof importSheet>;
export const importReport = z.object({
  token: z.string(),
  fileName: z.string(),
  sheets: z.array(importSheet),
  rows: z.number(),
  valid: z.number(),
  invalid: z.number(),
  toUpdate: z.number(),
  households: z.number(),
  /** Buildings named by the rows that the ledger does not have yet; those without a grid wait for one. */
  newBuildings: z.array(z.object({ name: z.string(), grid: z.string(), rows: z.number() })),
  waiting: z.number(),
  /** The same file was partly imported before (a crash or a cancel): committing continues after these rows. */
  resume: z.object({ runId: z.number(), rowsDone: z.number() }).optional(),
  skipped: z.array(z.object({ sheet: z.string(), row: z.number(), reason: z.string(), text: z.string() })),
  errors: z.array(importIssue),
  warnings: z.array(importIssue),
});
/** What the user changed in the dry run: sheets left out, and columns mapped by hand (index → field, '' for none). */
export const importChoices = z
  .object({
    leaveOut: z.array(z.string().max(100)).max(200).default([]),
    columns: z.record(z.string().max(100), z.record(z.string().regex(/^\d{1,4}$/), z.string().max(40))).default({}),
    /** The header row (Excel's number) of a sheet where Linli found none, as the user named it. */
    headerRows: z.record(z.string().max(100), z.number().int().min(1).max(1000)).default({}),
  })
  .strict();
export type ImportChoices = z.output<typeof importChoices>;
export type ImportReport = z.infer<typeof importReport>;

/** Community staff keep the resident ledger; they may see a full ID number when they give a reason (logged). The built-in roles that hold each by default; the administrator holds every permission. */
export const residentsPermissions = permissions({
  'residents.view': ['staff'],
  'residents.edit': ['staff'],
  'residents.import': ['staff'],
  'residents.export': ['staff'],
  'residents.print': ['staff'],
  'residents.reveal': ['staff'],
});

export const residentsContract = {
  'residents.search': method({
    input: residentFilters.extend(pageArgs),
    output: z.object({ total: z.number(), totalCapped: z.boolean(), rows: z.array(residentRow) }),
    kind: 'read',
    permission: 'residents.view',
  }),
  'residents.get': method({ input: z.object({ id }).strict(), output: residentDetail, kind: 'read', permission: 'residents.view' }),
  'residents.reveal': method({
    input: z.object({ id, reason: requiredText(200) }).strict(),
    output: z.object({ idNumber: z.string(), phone: z.string() }),
    kind: 'read',
    permission: 'residents.reveal',
  }),
  'residents.findById': method({
    input: z.object({ idNumber: z.string().max(40) }).strict(),
    output: z.object({ id, name: z.string() }).nullable(),
    kind: 'read',
    permission: 'residents.view',
  }),
  'residents.create': method({
    input: z
      .object({ ...residentFieldsShape, placement, moveInDate: isoDate.optional(), moveInReason: optionalText(200) })
      .strict()
      .superRefine(checkAgainstId),
    output: z.object({ id, householdId: id }),
    kind: 'write',
    permission: 'residents.edit',
  }),
  'residents.update': method({
    // keepIdNumber / keepPhone: the form never held the full values (need-to-know), so "unchanged" is said, not sent.
    input: z
      .object({ id, ...residentFieldsShape, keepIdNumber: z.boolean().default(false), keepPhone: z.boolean().default(false), version: z.number().int().optional() })
      .strict()
      .superRefine((v, ctx) => (v.keepIdNumber ? undefined : checkAgainstId(v, ctx))),
    output: z.object({ id }),
    kind: 'write',
    permission: 'residents.edit',
  }),
  'residents.moveOut': method({ input: lifeEvent, output: z.object({ id }), kind: 'write', permission: 'residents.edit' }),
  'residents.recordDeath': method({ input: lifeEvent, output: z.object({ id }), kind: 'write', permission: 'residents.edit' }),
  'residents.moveBackIn': method({
    input: lifeEvent.extend({ placement, relation: code('relation') }),
    output: z.object({ id }),
    kind: 'write',
    permission: 'residents.edit',
  }),
  // forPrint: the printed card goes into the activity log as a print.
  'households.card': method({ input: z.object({ id, forPrint: z.boolean().default(false) }).strict(), output: householdCard, kind: 'read', permission: 'residents.view' }),
  'households.find': method({
    input: z.object({ q: text(50) }).strict(),
    output: z.array(z.object({ id, number: z.string(), address: z.string(), headName: z.string(), members: z.number() })),
    kind: 'read',
    permission: 'residents.view',
  }),
  /** The households list: every household with people living in it, in address order, filtered by grid or by a person, number or address. */
  'households.list': method({
    input: z.object({ q: text(50).default(''), gridId: id.optional(), ...pageArgs }).strict(),
    output: z.object({ total: z.number(), rows: z.array(z.object({ id, number: z.string(), address: z.string(), headName: z.string(), members: z.number(), gridName: z.string() })) }),
    kind: 'read',
    permission: 'residents.view',
  }),
  'households.moveMember': method({
    input: z.object({ residentId: id, householdId: id, relation: code('relation') }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'residents.edit',
  }),
  'households.setHead': method({
    input: z.object({ householdId: id, residentId: id }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'residents.edit',
  }),
  'residents.roster': method({
    input: residentFilters.extend({ limit: z.number().int().min(1).max(50_000).default(20_000) }),
    output: z.object({ total: z.number(), rows: z.array(residentRow) }),
    kind: 'read',
    permission: 'residents.print',
  }),
  'residents.importTemplate': method({ input: z.object({ lang }).strict(), output: fileOut, kind: 'read', permission: 'residents.import' }),
  'residents.importCheck': method({ input: file.extend({ lang }), output: importReport, kind: 'read', permission: 'residents.import' }),
  /** The same file checked again with the user's choices: sheets left out, columns mapped by hand. */
  'residents.importRecheck': method({ input: z.object({ token, lang, choices: importChoices }).strict(), output: importReport, kind: 'read', permission: 'residents.import' }),
  /** The dry run's new buildings that have no grid yet, added to the grid the user picked; then checked again. */
  'residents.importAddBuildings': method({ input: z.object({ token, lang, gridId: id }).strict(), output: importReport, kind: 'job', permission: 'residents.import' }),
  'residents.importReportFile': method({ input: z.object({ token }).strict(), output: fileOut, kind: 'read', permission: 'residents.import' }),
  'residents.importCommit': method({
    input: z.object({ token }).strict(),
    output: z.object({ runId: id, created: z.number(), updated: z.number(), rowsDone: z.number(), rows: z.number(), stopped: z.boolean() }),
    kind: 'job',
    permission: 'residents.import',
  }),
  'residents.importProgress': method({
    input: z.object({ token }).strict(),
    output: z.object({ rowsDone: z.number(), rows: z.number(), running: z.boolean() }),
    kind: 'read',
    permission: 'residents.import',
  }),
  /** Stops a running import after the batch in hand; without one running, forgets the checked file. */
  'residents.importCancel': method({ input: z.object({ token }).strict(), output: z.object({}), kind: 'read', permission: 'residents.import' }),
  /** full: the whole ID numbers and phones, for a copy to import again; only for a role that may reveal, and logged. */
  'residents.export': method({ input: residentFilters.extend({ lang, full: z.boolean().default(false) }), output: fileOut, kind: 'read', permission: 'residents.export' }),
};
