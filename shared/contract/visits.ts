import { z } from 'zod';
import { method, permissions } from './define';
import { id, isoDate, optionalText, phone, requiredText } from './fields';
import { PROBLEM_SOURCES, PROBLEM_STATES, SATISFACTION, VISIT_KINDS } from '../rules/visits';

const optionalDate = z.union([isoDate, z.literal('')]).optional().default('');

export const visitInput = z
  .object({
    date: isoDate,
    kind: z.enum(VISIT_KINDS),
    householdId: id.nullable().optional().default(null),
    buildingId: id.nullable().optional().default(null),
    place: optionalText(80),
    visitors: requiredText(80),
    met: optionalText(200),
    seen: optionalText(1000),
    words: optionalText(1000),
  })
  .strict();
export type VisitInput = z.input<typeof visitInput>;

export const visitRow = z.object({
  id,
  date: z.string(),
  kind: z.enum(VISIT_KINDS),
  householdId: id.nullable(),
  where: z.string(),
  grid: z.string(),
  visitors: z.string(),
  met: z.string(),
  seen: z.string(),
  words: z.string(),
  problems: z.number(),
  createdBy: z.string(),
});
export type VisitRow = z.infer<typeof visitRow>;

export const problemInput = z
  .object({
    source: z.enum(PROBLEM_SOURCES),
    hotlineTicket: optionalText(40),
    visitId: id.nullable().optional().default(null),
    residentId: id.nullable().optional().default(null),
    raiser: optionalText(40),
    anonymous: z.boolean().default(false),
    contact: phone.optional().default(''),
    gridId: id.nullable().optional().default(null),
    buildingId: id.nullable().optional().default(null),
    place: optionalText(80),
    category: requiredText(20),
    content: requiredText(2000),
    urgent: z.boolean().default(false),
    foundOn: isoDate,
    assigneeId: id.nullable().optional().default(null),
  })
  .strict();
export type ProblemInput = z.input<typeof problemInput>;

export const problemRow = z.object({
  id,
  number: z.string(),
  source: z.enum(PROBLEM_SOURCES),
  hotlineTicket: z.string(),
  category: z.string(),
  content: z.string(),
  raiser: z.string(),
  where: z.string(),
  grid: z.string(),
  urgent: z.boolean(),
  state: z.enum(PROBLEM_STATES),
  foundOn: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  assignee: z.string(),
  escalated: z.boolean(),
});
export type ProblemRow = z.infer<typeof problemRow>;

export const problemDetail = problemRow.extend({
  residentId: id.nullable(),
  householdId: id.nullable(),
  visitId: id.nullable(),
  anonymous: z.boolean(),
  contactMasked: z.string(),
  assigneeId: id.nullable(),
  acceptedOn: z.string(),
  resolvedOn: z.string(),
  resolution: z.string(),
  confirmedOn: z.string(),
  confirmation: z.string(),
  raiserConfirmed: z.boolean().nullable(),
  answeredOn: z.string(),
  answer: z.string(),
  satisfaction: z.enum(SATISFACTION).or(z.literal('')),
  closeReason: z.string(),
  mediationCaseId: id.nullable(),
  mediationCaseNumber: z.string(),
  mayMediate: z.boolean(),
  createdBy: z.string(),
  events: z.array(z.object({ from: z.string(), to: z.string(), date: z.string(), note: z.string(), actor: z.string() })),
  escalations: z.array(z.object({ id, date: z.string(), toWhom: z.string(), request: z.string(), deadline: z.string(), reply: z.string(), replyOn: z.string(), sentBy: z.string() })),
  next: z.array(z.enum(PROBLEM_STATES)),
});
export type ProblemDetail = z.infer<typeof problemDetail>;

export const visitSettings = z
  .object({
    categories: z.array(z.object({ name: requiredText(20), days: z.number().int().min(1).max(365), mediation: z.boolean().optional() }).strict()).min(1).max(50),
    visitRules: z.array(z.object({ tag: requiredText(20), days: z.number().int().min(1).max(365) }).strict()).max(20),
  })
  .strict();
export type VisitSettings = z.infer<typeof visitSettings>;

const board = z.object({
  date: z.string(),
  cameIn: z.array(problemRow),
  closed: z.array(problemRow),
  open: z.array(problemRow),
  byGrid: z.array(z.object({ name: z.string(), cameIn: z.number(), closed: z.number(), open: z.number(), overdue: z.number() })),
  byPerson: z.array(z.object({ name: z.string(), open: z.number(), overdue: z.number() })),
  visits: z.number(),
});
export type DailyBoard = z.infer<typeof board>;

const step = <T extends z.ZodRawShape>(shape: T) => z.object({ id, date: isoDate, ...shape }).strict();

/** Visits and the problems raised on them: community staff. The built-in roles that hold each by default; the administrator holds every permission. */
export const visitsPermissions = permissions({
  'visits.view': ['staff'],
  'visits.edit': ['staff'],
});

export const visitsContract = {
  'visits.settings': method({ input: z.object({}).strict(), output: visitSettings, kind: 'read', permission: 'visits.view' }),
  'visits.setSettings': method({ input: visitSettings, output: visitSettings, kind: 'write', permission: 'visits.edit' }),
  /** A grid's buildings and their households, to pick from when logging a round. */
  'visits.places': method({
    input: z.object({}).strict(),
    output: z.array(z.object({ gridId: id, grid: z.string(), buildings: z.array(z.object({ id, name: z.string(), households: z.array(z.object({ id, label: z.string() })) })) })),
    kind: 'read',
    permission: 'visits.view',
  }),
  'visits.log': method({ input: visitInput, output: z.object({ id }), kind: 'write', permission: 'visits.edit' }),
  'visits.list': method({ input: z.object({ from: isoDate, to: isoDate, householdId: id.optional() }).strict(), output: z.array(visitRow), kind: 'read', permission: 'visits.view' }),
  /** Residents whose visit rule says they are due (or overdue), most overdue first. */
  'visits.due': method({
    input: z.object({ within: z.number().int().min(0).max(60).default(0) }).strict(),
    output: z.array(z.object({ residentId: id, name: z.string(), householdId: id.nullable(), address: z.string(), grid: z.string(), tag: z.string(), days: z.number(), lastVisit: z.string(), due: z.string(), overdueDays: z.number() })),
    kind: 'read',
    permission: 'visits.view',
  }),
  'visits.forResident': method({
    input: z.object({ residentId: id }).strict(),
    output: z.object({ visits: z.array(visitRow), problems: z.array(problemRow) }),
    kind: 'read',
    permission: 'visits.view',
  }),
  'problems.raise': method({ input: problemInput, output: z.object({ id, number: z.string() }), kind: 'write', permission: 'visits.edit' }),
  'problems.list': method({
    input: z.object({ open: z.boolean().default(true), gridId: id.optional(), assigneeId: id.optional() }).strict(),
    output: z.array(problemRow),
    kind: 'read',
    permission: 'visits.view',
  }),
  'problems.get': method({ input: z.object({ id, forPrint: z.boolean().optional().default(false) }).strict(), output: problemDetail, kind: 'read', permission: 'visits.view' }),
  'problems.accept': method({ input: step({ assigneeId: id.nullable().optional().default(null), note: optionalText(300) }), output: z.object({ id }), kind: 'write', permission: 'visits.edit' }),
  'problems.work': method({ input: step({ note: requiredText(500) }), output: z.object({ id }), kind: 'write', permission: 'visits.edit' }),
  'problems.resolve': method({ input: step({ resolution: requiredText(1000) }), output: z.object({ id }), kind: 'write', permission: 'visits.edit' }),
  /** 确认: the raiser says it is solved (or not: back to work), or the reason their word could not be had. */
  'problems.confirm': method({
    input: step({ outcome: z.enum(['confirmed', 'notSolved', 'unreachable']), note: optionalText(500), satisfaction: z.enum(SATISFACTION).or(z.literal('')).optional().default('') }),
    output: z.object({ id }),
    kind: 'write',
    permission: 'visits.edit',
  }),
  'problems.answer': method({ input: step({ answer: requiredText(500) }), output: z.object({ id }), kind: 'write', permission: 'visits.edit' }),
  'problems.close': method({ input: step({ how: z.enum(['referred', 'rejected']), reason: requiredText(500) }), output: z.object({ id }), kind: 'write', permission: 'visits.edit' }),
  /** 吹哨: sent up to the street or a department, with the date, whom, what is asked and by when. */
  'problems.escalate': method({ input: step({ toWhom: requiredText(60), request: requiredText(1000), deadline: optionalDate }), output: z.object({ escalationId: id }), kind: 'write', permission: 'visits.edit' }),
  'problems.reply': method({ input: z.object({ escalationId: id, date: isoDate, reply: requiredText(1000) }).strict(), output: z.object({ id }), kind: 'write', permission: 'visits.edit' }),
  /** A neighbour conflict becomes a people's mediation case in one step (for those who may open cases). */
  'problems.toMediation': method({
    input: z.object({ id, date: isoDate, otherParty: requiredText(40), mediatorIds: z.array(id).min(1).max(5), consent: z.literal(true, { error: 'mediation.consentNeeded' }) }).strict(),
    output: z.object({ caseId: id, number: z.string() }),
    kind: 'write',
    permission: 'mediation.work',
  }),
  /** 日销账: what came in, what closed, what is still open and whose, for the morning meeting. */
  'problems.board': method({ input: z.object({ date: isoDate, forPrint: z.boolean().optional().default(false) }).strict(), output: board, kind: 'read', permission: 'visits.view' }),
  'problems.rates': method({
    input: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, { error: 'validation.date' }) }).strict(),
    output: z.object({ total: z.number(), responded: z.number(), responseRate: z.number(), owned: z.number(), resolved: z.number(), resolutionRate: z.number(), rated: z.number(), satisfied: z.number(), satisfactionRate: z.number() }),
    kind: 'read',
    permission: 'visits.view',
  }),
  'visits.findResidents': method({
    input: z.object({ q: requiredText(40) }).strict(),
    output: z.array(z.object({ id, name: z.string(), gender: z.string(), birthDate: z.string(), idMasked: z.string(), address: z.string() })),
    kind: 'read',
    permission: 'visits.view',
  }),
  'problems.staff': method({ input: z.object({}).strict(), output: z.array(z.object({ id, name: z.string() })), kind: 'read', permission: 'visits.view' }),
};
