import { z } from 'zod';
import { method, permissions } from './define';
import { id, isoDate, optionalText, requiredText } from './fields';
import { MATTER_FORMS, MATTER_SOURCES, MATTER_STATES, MATTER_STEPS, PARTICIPANT_KINDS } from '../rules/consultation';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' });
const count = z.number().int().min(0).max(100_000);

export const matterInput = z
  .object({
    date: isoDate,
    title: requiredText(60),
    content: requiredText(2000),
    source: z.enum(MATTER_SOURCES),
    raiser: requiredText(60),
    residentId: id.nullable().optional().default(null),
    form: z.enum(MATTER_FORMS),
    buildingIds: z.array(id).max(50).default([]),
    scope: optionalText(200),
  })
  .strict();
export type MatterInput = z.input<typeof matterInput>;

export const participantInput = z
  .object({
    kind: z.enum(PARTICIPANT_KINDS),
    residentId: id.nullable().optional().default(null),
    name: optionalText(40),
    unit: optionalText(60),
  })
  .strict();

export const matterRow = z.object({
  id,
  number: z.string(),
  title: z.string(),
  source: z.enum(MATTER_SOURCES),
  form: z.enum(MATTER_FORMS),
  raiser: z.string(),
  proposedOn: z.string(),
  state: z.enum(MATTER_STATES),
  next: z.enum(MATTER_STEPS).nullable(),
  meetingOn: z.string(),
  agreed: z.boolean().nullable(),
  dueBy: z.string(),
  overdue: z.boolean(),
  residents: z.number(),
  buildings: z.string(),
});
export type MatterRow = z.infer<typeof matterRow>;

const participant = z.object({ id, kind: z.enum(PARTICIPANT_KINDS), residentId: id.nullable(), name: z.string(), unit: z.string(), building: z.string(), present: z.boolean() });

export const matterDetail = matterRow.extend({
  content: z.string(),
  residentId: id.nullable(),
  scope: z.string(),
  buildingIds: z.array(id),
  sourceKind: z.enum(['problem', 'need']).nullable(),
  sourceId: id.nullable(),
  sourceNumber: z.string(),
  review: z.object({ on: z.string(), agreed: z.boolean(), opinion: z.string(), reviewer: z.string() }).nullable(),
  participants: z.array(participant),
  byBuilding: z.array(z.object({ building: z.string(), n: z.number() })),
  notice: z.object({ on: z.string(), meetingOn: z.string(), meetingTime: z.string(), place: z.string(), text: z.string() }).nullable(),
  meeting: z
    .object({ on: z.string(), place: z.string(), host: z.string(), recorder: z.string(), decision: z.enum(['consensus', 'vote']), votes: z.object({ for: z.number(), against: z.number(), abstain: z.number() }).nullable(), outcome: z.string(), views: z.array(z.object({ who: z.string(), view: z.string() })) })
    .nullable(),
  publication: z.object({ from: z.string(), to: z.string(), text: z.string() }).nullable(),
  execution: z.object({ assignedOn: z.string(), executor: z.string(), task: z.string(), dueBy: z.string(), doneOn: z.string(), done: z.string() }).nullable(),
  feedback: z.object({ on: z.string(), how: z.string(), satisfied: z.number(), basic: z.number(), unsatisfied: z.number(), rate: z.number(), note: z.string() }).nullable(),
  steps: z.array(z.object({ step: z.string(), date: z.string(), actor: z.string(), note: z.string() })),
});
export type MatterDetail = z.infer<typeof matterDetail>;

export const consultationSettings = z
  .object({
    noticeDays: z.number().int().min(0).max(30),
    publishDays: z.number().int().min(1).max(60),
    publishWithin: z.number().int().min(1).max(60),
  })
  .strict();

const step = <T extends z.ZodRawShape>(shape: T) => z.object({ id, date: isoDate, ...shape }).strict();
const written = { output: z.object({ id }), kind: 'write' as const, permission: 'consultation.edit' as const };
const year = z.number().int().min(2000).max(2100);
const tally = z.array(z.object({ key: z.string(), n: z.number() }));

/** Consultation: staff run the matters; the party organisation reviews each one (党组织审核). The built-in roles that hold each by default; the administrator holds every permission. */
export const consultationPermissions = permissions({
  'consultation.view': ['staff', 'secretary'],
  'consultation.edit': ['staff'],
  'consultation.review': ['secretary'],
});

export const consultationContract = {
  'consultation.settings': method({ input: z.object({}).strict(), output: consultationSettings, kind: 'read', permission: 'consultation.view' }),
  'consultation.setSettings': method({ input: consultationSettings, output: consultationSettings, kind: 'write', permission: 'consultation.edit' }),
  'consultation.list': method({ input: z.object({ year: year.optional(), open: z.boolean().default(false) }).strict(), output: z.array(matterRow), kind: 'read', permission: 'consultation.view' }),
  /** A print names every participant: the print goes into the activity log. */
  'consultation.get': method({ input: z.object({ id, forPrint: z.boolean().optional().default(false) }).strict(), output: matterDetail, kind: 'read', permission: 'consultation.view' }),
  'consultation.propose': method({ input: matterInput, output: z.object({ id, number: z.string() }), kind: 'write', permission: 'consultation.edit' }),
  /** The party organisation's review (党组织审核): agreed, or declined with its opinion. */
  'consultation.review': method({ input: step({ agreed: z.boolean(), opinion: requiredText(500), reviewer: requiredText(40) }), ...written, permission: 'consultation.review' }),
  /** The participants (协商主体), residents picked from the ledger among them; chosen again until the notice is out. */
  'consultation.choose': method({ input: step({ participants: z.array(participantInput).min(2).max(300) }), ...written }),
  /** 协商公告: published at least the settings' days before the meeting. */
  'consultation.notice': method({ input: step({ meetingOn: isoDate, meetingTime: time, place: requiredText(80), text: requiredText(2000) }), ...written }),
  /** The meeting: who came, each view, consensus or the vote, what was decided. */
  'consultation.meet': method({
    input: step({
      place: requiredText(80),
      host: requiredText(40),
      recorder: requiredText(40),
      present: z.array(id).max(300),
      views: z.array(z.object({ who: requiredText(40), view: requiredText(500) }).strict()).min(1).max(100),
      decision: z.enum(['consensus', 'vote']),
      consensus: z.boolean().optional().default(false),
      votes: z.object({ for: count, against: count, abstain: count }).strict().nullable().optional().default(null),
      outcome: requiredText(2000),
    }),
    ...written,
  }),
  /** 结果公示: its first and last day, and its text. */
  'consultation.publish': method({ input: z.object({ id, from: isoDate, to: isoDate, text: requiredText(2000) }).strict(), ...written }),
  /** Who carries it out, what, by when. */
  'consultation.assign': method({ input: step({ executor: requiredText(60), task: requiredText(1000), dueBy: isoDate }), ...written }),
  'consultation.carryOut': method({ input: step({ done: requiredText(1000) }), ...written }),
  /** 反馈与评议: how the residents were told, and what they think of it. */
  'consultation.feedback': method({ input: step({ how: requiredText(200), satisfied: count, basic: count, unsatisfied: count, note: optionalText(500) }), ...written }),
  /** A problem (走访与诉求) or a need (两张清单) becomes a matter in one step; its page links back. */
  'consultation.fromRecord': method({
    input: z.object({ kind: z.enum(['problem', 'need']), recordId: id, date: isoDate, title: requiredText(60), form: z.enum(MATTER_FORMS) }).strict(),
    output: z.object({ id, number: z.string() }),
    kind: 'write',
    permission: 'consultation.edit',
  }),
  /** The matters a problem or need was sent to, with their results. */
  'consultation.linked': method({
    input: z.object({ kind: z.enum(['problem', 'need']), recordId: id }).strict(),
    output: z.array(z.object({ id, number: z.string(), title: z.string(), state: z.enum(MATTER_STATES), agreed: z.boolean().nullable(), outcome: z.string() })),
    kind: 'read',
    permission: 'consultation.view',
  }),
  /** 议事协商台账 and the year's figures: matters by form, source and outcome, residents who took part. */
  'consultation.report': method({
    input: z.object({ year, forPrint: z.boolean().optional().default(false) }).strict(),
    output: z.object({
      year: z.number(),
      matters: z.array(matterDetail.pick({ id: true, number: true, title: true, source: true, form: true, raiser: true, proposedOn: true, state: true, meetingOn: true, agreed: true, residents: true }).extend({ outcome: z.string(), publishedOn: z.string(), doneOn: z.string(), rate: z.number().nullable() })),
      byForm: tally,
      bySource: tally,
      byOutcome: tally,
      residentsTookPart: z.number(),
      attendances: z.number(),
    }),
    kind: 'read',
    permission: 'consultation.view',
  }),
  'consultation.findResidents': method({
    input: z.object({ q: requiredText(40) }).strict(),
    output: z.array(z.object({ id, name: z.string(), gender: z.string(), birthDate: z.string(), idMasked: z.string(), address: z.string(), building: z.string(), registered: z.boolean() })),
    kind: 'read',
    permission: 'consultation.edit',
  }),
};
