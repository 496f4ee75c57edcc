import { z } from 'zod';
import { method, permissions } from './define';
import { code, id, isoDate, optionalText, phone, requiredText } from './fields';
import { CAPACITY_PERIODS, NEED_FOR, NEED_STATES, PROVIDER_KINDS, URGENCIES } from '../rules/lists';

const optionalDate = z.union([isoDate, z.literal('')]).optional().default('');
const file = z.object({ fileName: z.string(), base64: z.string() });

const reason = z.object({ key: z.string(), points: z.number(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export type ReasonRow = z.infer<typeof reason>;

export const category = z.object({ id, parentId: id.nullable(), name: z.string(), sort: z.number(), active: z.boolean() });
export type Category = z.infer<typeof category>;

export const needInput = z
  .object({
    id: id.optional(),
    forKind: z.enum(NEED_FOR),
    residentId: id.nullable().optional().default(null),
    householdId: id.nullable().optional().default(null),
    groupTag: z.union([code('careTag'), z.literal('')]).optional().default(''),
    /** Who it is for in words, where no resident is linked (a group, the community, someone not in the ledger). */
    beneficiary: optionalText(60),
    categoryId: id,
    content: requiredText(500),
    urgency: z.enum(URGENCIES).default('normal'),
    wantedBy: optionalDate,
    gridId: id.nullable().optional().default(null),
    raisedOn: isoDate,
    wish: z.boolean().default(false),
    /** 微心愿 are small: the budget in yuan, up to 10,000. */
    budget: z.number().min(0).max(10_000).optional().default(0),
    contact: phone.optional().default(''),
  })
  .strict();
export type NeedInput = z.input<typeof needInput>;

export const needRow = z.object({
  id,
  number: z.string(),
  forKind: z.enum(NEED_FOR),
  beneficiary: z.string(),
  /** For the notice board: the surname and stars. */
  beneficiaryMasked: z.string(),
  categoryId: id,
  category: z.string(),
  content: z.string(),
  urgency: z.enum(URGENCIES),
  wantedBy: z.string(),
  overdue: z.boolean(),
  gridId: id.nullable(),
  grid: z.string(),
  raisedOn: z.string(),
  wish: z.boolean(),
  budgetFen: z.number(),
  state: z.enum(NEED_STATES),
  provider: z.string(),
});
export type NeedRow = z.infer<typeof needRow>;

const service = z.object({ id, date: z.string(), hours: z.number(), content: z.string(), byWhom: z.string(), recordedBy: z.string() });
export const needDetail = needRow.extend({
  residentId: id.nullable(),
  householdId: id.nullable(),
  groupTag: z.string(),
  contactMasked: z.string(),
  address: z.string(),
  withdrawnReason: z.string(),
  doneOn: z.string(),
  createdBy: z.string(),
  match: z
    .object({
      id,
      resourceId: id,
      provider: z.string(),
      providerKind: z.enum(PROVIDER_KINDS),
      resourceContent: z.string(),
      contact: z.string(),
      score: z.number(),
      reasons: z.array(reason),
      confirmedBy: z.string(),
      confirmedOn: z.string(),
      claimedBy: z.string(),
      claimedOn: z.string(),
      dueOn: z.string(),
      completedOn: z.string(),
      satisfaction: z.number().nullable(),
      comment: z.string(),
      feedbackOn: z.string(),
      services: z.array(service),
      hours: z.number(),
    })
    .nullable(),
  events: z.array(z.object({ from: z.string(), to: z.string(), date: z.string(), note: z.string(), actor: z.string() })),
  next: z.array(z.enum(NEED_STATES)),
});
export type NeedDetail = z.infer<typeof needDetail>;

export const resourceInput = z
  .object({
    id: id.optional(),
    providerKind: z.enum(PROVIDER_KINDS),
    provider: requiredText(60),
    /** A reporting party member (在职党员报到) who offers the service: their hours count in the party record. */
    reporterId: id.nullable().optional().default(null),
    categoryId: id,
    content: requiredText(300),
    capacity: z.number().int().min(1, { error: 'lists.capacityAtLeastOne' }).max(10_000),
    capacityPeriod: z.enum(CAPACITY_PERIODS).default('month'),
    /** 1 = Monday … 7 = Sunday; empty for any day. */
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    times: optionalText(60),
    availableFrom: optionalDate,
    availableTo: optionalDate,
    /** Empty: the whole community. */
    gridIds: z.array(id).max(200).default([]),
    contact: optionalText(40),
    phone: phone.optional().default(''),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((r) => !r.availableFrom || !r.availableTo || r.availableFrom <= r.availableTo, { error: 'lists.dateRange', path: ['availableTo'] });
export type ResourceInput = z.input<typeof resourceInput>;

export const resourceRow = z.object({
  id,
  providerKind: z.enum(PROVIDER_KINDS),
  provider: z.string(),
  reporterId: id.nullable(),
  categoryId: id,
  category: z.string(),
  content: z.string(),
  capacity: z.number(),
  capacityPeriod: z.enum(CAPACITY_PERIODS),
  used: z.number(),
  weekdays: z.array(z.number()),
  times: z.string(),
  availableFrom: z.string(),
  availableTo: z.string(),
  gridIds: z.array(id),
  grids: z.string(),
  contact: z.string(),
  phoneMasked: z.string(),
  active: z.boolean(),
  finished: z.number(),
  hours: z.number(),
  satisfaction: z.number().nullable(),
});
export type ResourceRow = z.infer<typeof resourceRow>;

const importIssue = z.object({ row: z.number(), column: z.string(), messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
const needFilters = z
  .object({
    state: z.enum(['waiting', 'active', 'fulfilled', 'withdrawn', 'all']).default('all'),
    categoryId: id.optional(),
    gridId: id.optional(),
    wish: z.boolean().optional(),
    forPrint: z.boolean().optional().default(false),
  })
  .strict();

/** The two lists: staff and the party branch keep them; the volunteer coordinator sees the needs their services answer. The built-in roles that hold each by default; the administrator holds every permission. */
export const listsPermissions = permissions({
  'lists.view': ['staff', 'secretary', 'coordinator'],
  'lists.edit': ['staff', 'secretary'],
});

export const listsContract = {
  'lists.categories': method({ input: z.object({}).strict(), output: z.array(category), kind: 'read', permission: 'lists.view' }),
  'lists.saveCategory': method({
    input: z.object({ id: id.optional(), parentId: id.nullable().default(null), name: requiredText(20), active: z.boolean().default(true) }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'lists.edit',
  }),
  'lists.needs': method({ input: needFilters, output: z.array(needRow), kind: 'read', permission: 'lists.view' }),
  'lists.need': method({ input: z.object({ id, forPrint: z.boolean().optional().default(false) }).strict(), output: needDetail, kind: 'read', permission: 'lists.view' }),
  'lists.saveNeed': method({ input: needInput, output: z.object({ id, number: z.string() }), kind: 'write', permission: 'lists.edit' }),
  'lists.withdraw': method({ input: z.object({ id, reason: requiredText(200) }).strict(), output: z.object({ id }), kind: 'write', permission: 'lists.edit' }),
  'lists.resources': method({
    input: z.object({ activeOnly: z.boolean().default(false), categoryId: id.optional(), forPrint: z.boolean().optional().default(false) }).strict(),
    output: z.array(resourceRow),
    kind: 'read',
    permission: 'lists.view',
  }),
  'lists.saveResource': method({ input: resourceInput, output: z.object({ id }), kind: 'write', permission: 'lists.edit' }),
  /** For one need: every resource that can serve it, best first, each with its score and reasons. */
  'lists.candidates': method({
    input: z.object({ needId: id }).strict(),
    output: z.array(z.object({ resourceId: id, provider: z.string(), content: z.string(), category: z.string(), capacityLeft: z.number(), score: z.number(), reasons: z.array(reason) })),
    kind: 'read',
    permission: 'lists.view',
  }),
  /** For one resource: the open needs it could meet, best first. */
  'lists.needsFor': method({
    input: z.object({ resourceId: id }).strict(),
    output: z.array(z.object({ needId: id, number: z.string(), content: z.string(), beneficiary: z.string(), category: z.string(), wantedBy: z.string(), urgency: z.enum(URGENCIES), score: z.number(), reasons: z.array(reason) })),
    kind: 'read',
    permission: 'lists.view',
  }),
  /** "Match all open needs": a proposal within every capacity, for staff to confirm or change. Nothing is written. */
  'lists.proposeAll': method({
    input: z.object({}).strict(),
    output: z.object({
      proposals: z.array(z.object({ needId: id, number: z.string(), content: z.string(), beneficiary: z.string(), category: z.string(), urgency: z.enum(URGENCIES), wantedBy: z.string(), overdue: z.boolean(), resourceId: id, provider: z.string(), resourceContent: z.string(), score: z.number(), reasons: z.array(reason) })),
      unmatched: z.array(z.object({ needId: id, number: z.string(), content: z.string(), category: z.string() })),
    }),
    kind: 'read',
    permission: 'lists.view',
  }),
  /** Staff confirm matches (派单): each pair checked again against the rules and the capacity left, all or none. */
  'lists.confirm': method({
    input: z.object({ items: z.array(z.object({ needId: id, resourceId: id }).strict()).min(1).max(20_000), date: isoDate }).strict(),
    output: z.object({ confirmed: z.number() }),
    kind: 'write',
    permission: 'lists.edit',
  }),
  /** Undo a confirmed or claimed match before service starts: the need is open again. */
  'lists.cancelMatch': method({ input: z.object({ needId: id, reason: requiredText(200) }).strict(), output: z.object({ id }), kind: 'write', permission: 'lists.edit' }),
  /** 接单: the member or unit takes the matched need, or an open need directly with the resource they offer. */
  'lists.claim': method({
    input: z.object({ needId: id, resourceId: id.optional(), claimedBy: requiredText(40), date: isoDate, dueOn: optionalDate }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'lists.edit',
  }),
  'lists.addService': method({
    input: z.object({ needId: id, date: isoDate, hours: z.number().min(0.5, { error: 'lists.hoursRange' }).max(24, { error: 'lists.hoursRange' }), content: requiredText(300), byWhom: requiredText(60) }).strict(),
    output: z.object({ serviceId: id }),
    kind: 'write',
    permission: 'lists.edit',
  }),
  'lists.complete': method({ input: z.object({ needId: id, date: isoDate }).strict(), output: z.object({ id }), kind: 'write', permission: 'lists.edit' }),
  /** The resident's word on the service: 1 (very unsatisfied) to 5 (very satisfied). */
  'lists.feedback': method({
    input: z.object({ needId: id, date: isoDate, satisfaction: z.number().int().min(1).max(5), comment: optionalText(300) }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'lists.edit',
  }),
  'lists.measures': method({
    input: z.object({ from: isoDate, to: isoDate }).strict(),
    output: z.object({
      raised: z.number(),
      fulfilled: z.number(),
      rate: z.number(),
      wishes: z.number(),
      wishesFulfilled: z.number(),
      wishRate: z.number(),
      meanDays: z.number().nullable(),
      openByCategory: z.array(z.object({ name: z.string(), count: z.number() })),
      openByGrid: z.array(z.object({ name: z.string(), count: z.number() })),
      unusedResources: z.array(z.object({ id, provider: z.string(), content: z.string() })),
      hoursByProvider: z.array(z.object({ provider: z.string(), services: z.number(), hours: z.number(), member: z.boolean() })),
    }),
    kind: 'read',
    permission: 'lists.view',
  }),
  'lists.findResidents': method({
    input: z.object({ q: requiredText(40) }).strict(),
    output: z.array(z.object({ id, name: z.string(), gender: z.string(), birthDate: z.string(), idMasked: z.string(), address: z.string(), householdId: id.nullable(), gridId: id.nullable() })),
    kind: 'read',
    permission: 'lists.view',
  }),
  /** Reporting party members and grids, for the forms' pickers. */
  'lists.choices': method({
    input: z.object({}).strict(),
    output: z.object({ reporters: z.array(z.object({ id, name: z.string(), employer: z.string() })), grids: z.array(z.object({ id, name: z.string() })) }),
    kind: 'read',
    permission: 'lists.view',
  }),
  'lists.export': method({ input: z.object({ list: z.enum(['needs', 'resources']) }).strict(), output: file, kind: 'read', permission: 'lists.view' }),
  /** The dry run of a needs or resources sheet: what would be imported, every problem by row and column. */
  'lists.importCheck': method({
    input: z.object({ list: z.enum(['needs', 'resources']), fileName: requiredText(200), base64: z.string().max(20_000_000, { error: 'import.tooLarge' }) }).strict(),
    output: z.object({ token: z.string(), rows: z.number(), valid: z.number(), errors: z.array(importIssue), warnings: z.array(importIssue) }),
    kind: 'read',
    permission: 'lists.edit',
  }),
  'lists.importCommit': method({ input: z.object({ token: z.string().regex(/^[0-9a-f]{32}$/) }).strict(), output: z.object({ created: z.number() }), kind: 'write', permission: 'lists.edit' }),
};
