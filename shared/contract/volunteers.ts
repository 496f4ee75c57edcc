import { z } from 'zod';
import { method, permissions } from './define';
import { id, isoDate, optionalText, phone, requiredText } from './fields';
import { ACTIVITY_STATES, TEAM_KINDS, VOLUNTEER_ORIGINS } from '../rules/volunteers';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' });
const year = z.number().int().min(2000).max(2100);
const hours = z.number().min(0).max(24);

export const volunteerInput = z
  .object({
    origin: z.enum(VOLUNTEER_ORIGINS),
    residentId: id.nullable().optional().default(null),
    name: optionalText(40),
    phone: phone.optional().default(''),
    unit: optionalText(60),
    skills: optionalText(200),
    freeTime: optionalText(100),
    joinedOn: isoDate,
  })
  .strict();
export type VolunteerInput = z.input<typeof volunteerInput>;

export const volunteerRow = z.object({
  id,
  origin: z.enum(VOLUNTEER_ORIGINS),
  name: z.string(),
  phoneMasked: z.string(),
  unit: z.string(),
  skills: z.string(),
  freeTime: z.string(),
  teams: z.string(),
  joinedOn: z.string(),
  active: z.boolean(),
  hours: z.number(),
  stars: z.number(),
});
export type VolunteerRow = z.infer<typeof volunteerRow>;

const hoursLine = z.object({ date: z.string(), what: z.string(), hours: z.number(), kind: z.enum(['activity', 'service', 'patrol']) });

export const volunteerDetail = volunteerRow.extend({
  residentId: id.nullable(),
  leftOn: z.string(),
  leftReason: z.string(),
  year: z.number(),
  activityHours: z.number(),
  serviceHours: z.number(),
  points: z.number(),
  lines: z.array(hoursLine),
  patrols: z.array(z.object({ id, date: z.string(), route: z.string(), seen: z.string(), problemNumber: z.string(), problemId: id.nullable() })),
  certificates: z.array(z.object({ id, number: z.string(), year: z.number(), hours: z.number(), issuedOn: z.string() })),
});
export type VolunteerDetail = z.infer<typeof volunteerDetail>;

export const activityRow = z.object({
  id,
  number: z.string(),
  title: z.string(),
  place: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  wanted: z.number(),
  signedUp: z.number(),
  present: z.number(),
  team: z.string(),
  state: z.enum(ACTIVITY_STATES),
  hours: z.number(),
});
export type ActivityRow = z.infer<typeof activityRow>;

export const volunteerSettings = z
  .object({
    pointsPerHour: z.number().min(0).max(100),
    starHours: z.array(z.number().int().min(1).max(10_000)).length(5),
  })
  .strict();

export const teamInput = z
  .object({
    id: id.optional(),
    name: requiredText(40),
    kind: z.enum(TEAM_KINDS),
    leaderId: id.nullable().optional().default(null),
    memberIds: z.array(id).max(500).default([]),
  })
  .strict();

const hoursRow = z.object({ id, name: z.string(), origin: z.enum(VOLUNTEER_ORIGINS), unit: z.string(), teams: z.string(), activities: z.number(), activityHours: z.number(), serviceHours: z.number(), hours: z.number(), points: z.number(), stars: z.number() });

/** The volunteer corps: staff and the coordinator (志愿服务协调员); the party branch sees it. The built-in roles that hold each by default; the administrator holds every permission. */
export const volunteersPermissions = permissions({
  'volunteers.view': ['staff', 'secretary', 'coordinator'],
  'volunteers.edit': ['staff', 'coordinator'],
});

export const volunteersContract = {
  'volunteers.settings': method({ input: z.object({}).strict(), output: volunteerSettings, kind: 'read', permission: 'volunteers.view' }),
  'volunteers.setSettings': method({ input: volunteerSettings, output: volunteerSettings, kind: 'write', permission: 'volunteers.edit' }),
  'volunteers.list': method({ input: z.object({ all: z.boolean().optional().default(false), q: optionalText(40), teamId: id.optional() }).strict(), output: z.array(volunteerRow), kind: 'read', permission: 'volunteers.view' }),
  'volunteers.get': method({ input: z.object({ id, year: year.optional() }).strict(), output: volunteerDetail, kind: 'read', permission: 'volunteers.view' }),
  'volunteers.add': method({ input: volunteerInput, output: z.object({ id }), kind: 'write', permission: 'volunteers.edit' }),
  'volunteers.update': method({ input: z.object({ id, phone: phone.optional().default(''), unit: optionalText(60), skills: optionalText(200), freeTime: optionalText(100) }).strict(), output: z.object({ id }), kind: 'write', permission: 'volunteers.edit' }),
  'volunteers.leave': method({ input: z.object({ id, date: isoDate, reason: requiredText(200) }).strict(), output: z.object({ id }), kind: 'write', permission: 'volunteers.edit' }),
  /** In-service party members reporting to the community (在职党员报到) join the corps in one step. */
  'volunteers.addReporters': method({ input: z.object({ date: isoDate }).strict(), output: z.object({ added: z.number() }), kind: 'write', permission: 'volunteers.edit' }),
  'volunteers.findResidents': method({
    input: z.object({ q: requiredText(40) }).strict(),
    output: z.array(z.object({ id, name: z.string(), gender: z.string(), birthDate: z.string(), idMasked: z.string(), address: z.string(), building: z.string(), registered: z.boolean() })),
    kind: 'read',
    permission: 'volunteers.edit',
  }),

  'teams.list': method({ input: z.object({}).strict(), output: z.array(z.object({ id, name: z.string(), kind: z.enum(TEAM_KINDS), leaderId: id.nullable(), leader: z.string(), memberIds: z.array(id), members: z.number() })), kind: 'read', permission: 'volunteers.view' }),
  'teams.save': method({ input: teamInput, output: z.object({ id }), kind: 'write', permission: 'volunteers.edit' }),

  'activities.list': method({ input: z.object({ year: year.optional() }).strict(), output: z.array(activityRow), kind: 'read', permission: 'volunteers.view' }),
  'activities.get': method({
    input: z.object({ id, forPrint: z.boolean().optional().default(false) }).strict(),
    output: activityRow.extend({ content: z.string(), teamId: id.nullable(), cancelReason: z.string(), people: z.array(z.object({ volunteerId: id, name: z.string(), phoneMasked: z.string(), present: z.boolean(), hours: z.number() })) }),
    kind: 'read',
    permission: 'volunteers.view',
  }),
  'activities.plan': method({
    input: z.object({ title: requiredText(60), content: optionalText(1000), place: requiredText(80), date: isoDate, start: time, end: time, wanted: z.number().int().min(1).max(1000), teamId: id.nullable().optional().default(null) }).strict(),
    output: z.object({ id, number: z.string() }),
    kind: 'write',
    permission: 'volunteers.edit',
  }),
  'activities.signUp': method({ input: z.object({ id, volunteerIds: z.array(id).min(1).max(500) }).strict(), output: z.object({ id, signedUp: z.number() }), kind: 'write', permission: 'volunteers.edit' }),
  /** After the day: who came and the hours each served; the activity is held from then on. */
  'activities.attend': method({
    input: z.object({ id, people: z.array(z.object({ volunteerId: id, present: z.boolean(), hours }).strict()).min(1).max(500) }).strict(),
    output: z.object({ id, present: z.number(), hours: z.number() }),
    kind: 'write',
    permission: 'volunteers.edit',
  }),
  'activities.cancel': method({ input: z.object({ id, reason: requiredText(200) }).strict(), output: z.object({ id }), kind: 'write', permission: 'volunteers.edit' }),

  /** The problem categories of 走访与诉求, for a round that finds one (a coordinator sees no problems themselves). */
  'patrols.categories': method({ input: z.object({}).strict(), output: z.array(z.string()), kind: 'read', permission: 'volunteers.edit' }),
  /** 小巷管家's round: where they went, what they saw; a problem found goes to 走访与诉求 with them named. */
  'patrols.log': method({
    input: z
      .object({
        volunteerId: id,
        date: isoDate,
        route: requiredText(120),
        seen: optionalText(1000),
        hours: hours.optional().default(0),
        problem: z.object({ category: requiredText(20), content: requiredText(2000), urgent: z.boolean().default(false) }).strict().nullable().optional().default(null),
      })
      .strict(),
    output: z.object({ id, problemId: id.nullable(), problemNumber: z.string() }),
    kind: 'write',
    permission: 'volunteers.edit',
  }),

  /** Hours per volunteer in a year: activities, services for the two lists' needs, patrols; points and stars by the committee's rule. */
  'volunteers.hours': method({ input: z.object({ year, forPrint: z.boolean().optional().default(false) }).strict(), output: z.object({ year: z.number(), rows: z.array(hoursRow) }), kind: 'read', permission: 'volunteers.view' }),
  /** The roster and hours sheet for the upper level, as an .xlsx file. */
  'volunteers.export': method({ input: z.object({ year }).strict(), output: z.object({ fileName: z.string(), base64: z.string(), rows: z.number() }), kind: 'read', permission: 'volunteers.view' }),
  /** 志愿服务时长证明: numbered and registered, then printed. */
  'volunteers.issueCertificate': method({ input: z.object({ volunteerId: id, year }).strict(), output: z.object({ id, number: z.string() }), kind: 'write', permission: 'volunteers.edit' }),
  'volunteers.certificate': method({
    input: z.object({ id }).strict(),
    output: z.object({ number: z.string(), name: z.string(), year: z.number(), hours: z.number(), activities: z.number(), stars: z.number(), points: z.number(), joinedOn: z.string(), issuedOn: z.string(), teams: z.string(), lines: z.array(hoursLine) }),
    kind: 'read',
    permission: 'volunteers.view',
  }),
};
