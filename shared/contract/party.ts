import { z } from 'zod';
import { method, permissions } from './define';
import { id, idNumber, isoDate, optionalCode, optionalText, phone, requiredText, text } from './fields';
import { DUES_KINDS, STAGES } from '../rules/party';

export const BRANCH_KINDS = ['committee', 'general', 'branch'] as const;
export const MEMBER_STATUSES = ['normal', 'mobile', 'transferred_out', 'deceased', 'stopped'] as const;
export const MEMBER_CATEGORIES = ['full', 'probationary'] as const;
/** 三会一课 and organisational life, with how often each is required (local defaults of the domain file). */
export const MEETING_KINDS = {
  general: 'quarter', // 支部党员大会
  committee: 'month', // 支部委员会
  group: 'month', // 党小组会
  lecture: 'quarter', // 党课
  themeDay: 'month', // 主题党日
  life: 'year', // 组织生活会
  appraisal: 'year', // 民主评议党员
} as const;
export type MeetingKind = keyof typeof MEETING_KINDS;
const meetingKind = z.enum(Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]]);

const optionalDate = z.union([isoDate, z.literal('')]).optional().default('');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.month' });
/** Money typed in 元 with at most two decimals; stored in fen. */
const yuanAmount = z.number().min(0).max(10_000_000).refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: 'validation.money' });

export const branch = z.object({
  id,
  name: z.string(),
  kind: z.enum(BRANCH_KINDS),
  parentId: id.nullable(),
  secretary: z.string(),
  committee: z.string(),
  members: z.number(),
});
export type Branch = z.infer<typeof branch>;

/** What maskIdNumber shows: six digits, stars, the last four. */
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;

/** What a member record holds; for a resident of the community the personal fields come from the resident. */
const memberFields = {
  residentId: id.nullable().optional().default(null),
  name: text(40).optional().default(''),
  gender: optionalCode('gender'),
  ethnicity: optionalCode('ethnicity'),
  birthDate: optionalDate,
  // An edit sends back the masked number it was shown (110105********002X): that means "unchanged".
  idNumber: idNumber.or(z.string().regex(MASKED_ID, { error: 'id.badChars' })).optional().default(''),
  phone: phone.optional().default(''),
  address: optionalText(120),
  nativePlace: optionalText(40),
  education: optionalCode('education'),
  workStart: optionalDate,
  employer: optionalText(80),
  branchId: id,
  partyGroup: optionalText(40),
  category: z.enum(MEMBER_CATEGORIES),
  joinDate: optionalDate,
  fullDate: optionalDate,
  introducers: optionalText(60),
  transferInDate: optionalDate,
  partyPost: optionalText(40),
  duesKind: z.enum(DUES_KINDS).optional().default('employed'),
  duesBase: yuanAmount.optional().default(0),
  duesFixed: yuanAmount.optional().default(0),
  rewards: optionalText(500),
  note: optionalText(500),
};
export const memberInput = z.object({ id: id.optional(), ...memberFields }).strict();
export type MemberInput = z.input<typeof memberInput>;

export const memberRow = z.object({
  id,
  residentId: id.nullable(),
  name: z.string(),
  gender: z.string(),
  ethnicity: z.string(),
  birthDate: z.string(),
  age: z.number().nullable(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  education: z.string(),
  employer: z.string(),
  branchId: id,
  branchName: z.string(),
  partyGroup: z.string(),
  category: z.enum(MEMBER_CATEGORIES),
  joinDate: z.string(),
  fullDate: z.string(),
  status: z.enum(MEMBER_STATUSES),
  partyPost: z.string(),
  duesFen: z.number(),
});
export type MemberRow = z.infer<typeof memberRow>;

export const memberEvent = z.object({ id, kind: z.string(), date: z.string(), detail: z.record(z.string(), z.string()), actor: z.string() });

const memberFilters = z
  .object({
    branchId: id.optional(),
    status: z.enum([...MEMBER_STATUSES, 'all']).optional().default('normal'),
    category: z.enum(MEMBER_CATEGORIES).optional(),
    q: text(40).optional().default(''),
  })
  .strict();
export type MemberFilters = z.input<typeof memberFilters>;

export const stepInput = z
  .object({
    fileId: id,
    step: z.number().int().min(1).max(25),
    date: isoDate,
    people: z.array(text(20)).max(4).optional(),
    trainingDays: z.number().int().min(0).max(365).optional(),
    trainingHours: z.number().int().min(0).max(2000).optional(),
    present: z.number().int().min(0).max(10_000).optional(),
    inFavour: z.number().int().min(0).max(10_000).optional(),
    note: optionalText(300),
  })
  .strict();
export type StepInputFields = z.input<typeof stepInput>;

const nextStep = z.object({ step: z.number(), earliest: z.string().optional(), due: z.string().optional() }).nullable();
export const fileRow = z.object({
  id,
  name: z.string(),
  branchId: id,
  branchName: z.string(),
  stage: z.enum(STAGES),
  lastStep: z.number(),
  lastDate: z.string(),
  next: nextStep,
  overdue: z.boolean(),
  waiting: z.boolean(),
  memberId: id.nullable(),
  probationEnd: z.string().nullable(),
});
export type FileRow = z.infer<typeof fileRow>;

export const attendance = z.object({ memberId: id, present: z.boolean(), reason: optionalText(60) }).strict();
export const meetingInput = z
  .object({
    id: id.optional(),
    branchId: id,
    kind: meetingKind,
    date: isoDate,
    place: optionalText(60),
    host: optionalText(20),
    recorder: optionalText(20),
    topic: requiredText(120),
    content: optionalText(5000),
    resolutions: optionalText(2000),
    attendance: z.array(attendance).max(2000),
  })
  .strict();
export type MeetingInput = z.input<typeof meetingInput>;
export const meeting = z.object({
  id,
  branchId: id,
  branchName: z.string(),
  kind: meetingKind,
  date: z.string(),
  place: z.string(),
  host: z.string(),
  recorder: z.string(),
  topic: z.string(),
  content: z.string(),
  resolutions: z.string(),
  attendance: z.array(z.object({ memberId: id, name: z.string(), present: z.boolean(), reason: z.string() })),
});
export type Meeting = z.infer<typeof meeting>;

export const duesLine = z.object({
  memberId: id,
  name: z.string(),
  kind: z.enum(DUES_KINDS),
  baseFen: z.number(),
  perMille: z.number().nullable(),
  dueFen: z.number(),
  paidFen: z.number().nullable(),
  paidOn: z.string(),
  collector: z.string(),
});
export type DuesLine = z.infer<typeof duesLine>;

/** Service posts an in-service member can claim (local practice: about eight); the committee may change the list. */
export const DEFAULT_SERVICE_POSTS = ['政策宣传', '环境整治', '治安巡逻', '关爱帮扶', '文明实践', '矛盾调解', '应急服务', '志愿服务'];
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, { error: 'validation.quarter' });

export const reporterInput = z
  .object({
    id: id.optional(),
    residentId: id.nullable().optional().default(null),
    name: requiredText(40),
    gender: optionalCode('gender'),
    phone: phone.optional().default(''),
    employer: requiredText(80),
    employerOrg: optionalText(80),
    employerContact: optionalText(60),
    posts: z.array(requiredText(20)).max(8).default([]),
    reportedOn: optionalDate,
    note: optionalText(300),
  })
  .strict();
export type ReporterInput = z.input<typeof reporterInput>;
export const reporterRow = z.object({
  id,
  residentId: id.nullable(),
  name: z.string(),
  gender: z.string(),
  phoneMasked: z.string(),
  employer: z.string(),
  employerOrg: z.string(),
  employerContact: z.string(),
  posts: z.array(z.string()),
  reportedOn: z.string(),
  note: z.string(),
  /** This year's service: how many times and how many hours. */
  services: z.number(),
  hours: z.number(),
});
export type ReporterRow = z.infer<typeof reporterRow>;

const importIssue = z.object({ row: z.number(), column: z.string(), messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

/** The party branch's rosters and records: its secretaries'. The built-in roles that hold each by default; the administrator holds every permission. */
export const partyPermissions = permissions({
  'party.view': ['secretary'],
  'party.edit': ['secretary'],
  'party.export': ['secretary'],
});

export const partyContract = {
  'party.branches': method({ input: z.object({}).strict(), output: z.array(branch), kind: 'read', permission: 'party.view' }),
  'party.saveBranch': method({
    input: z
      .object({ id: id.optional(), name: requiredText(60), kind: z.enum(BRANCH_KINDS), parentId: id.nullable().optional().default(null), secretary: optionalText(20), committee: optionalText(200) })
      .strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'party.edit',
  }),
  /** Residents to link a member or an applicant to, found by name or ID; the ID comes back masked. */
  'party.findResidents': method({
    input: z.object({ q: requiredText(40) }).strict(),
    output: z.array(z.object({ id, name: z.string(), gender: z.string(), birthDate: z.string(), idMasked: z.string(), address: z.string() })),
    kind: 'read',
    permission: 'party.edit',
  }),
  'party.members': method({ input: memberFilters, output: z.array(memberRow), kind: 'read', permission: 'party.view' }),
  'party.member': method({
    input: z.object({ id }).strict(),
    output: z.object({ member: memberInput.extend({ id, idNumber: z.string() }), row: memberRow, events: z.array(memberEvent) }),
    kind: 'read',
    permission: 'party.view',
  }),
  'party.saveMember': method({ input: memberInput, output: z.object({ id }), kind: 'write', permission: 'party.edit' }),
  /** 流动 (with the 活动证 and the host organisation), 转出 (with destination), 去世, 停止党籍, back to 正常. */
  'party.changeStatus': method({
    input: z
      .object({ id, status: z.enum(MEMBER_STATUSES), date: isoDate, certificate: optionalText(40), organisation: optionalText(80), reason: optionalText(200) })
      .strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'party.edit',
  }),
  /** The branch in figures: age bands, gender, education, years of membership (members in good standing). */
  'party.stats': method({
    input: z.object({ branchId: id.optional() }).strict(),
    output: z.object({
      total: z.number(),
      full: z.number(),
      probationary: z.number(),
      byAge: z.array(z.object({ band: z.string(), count: z.number() })),
      byGender: z.array(z.object({ code: z.string(), count: z.number() })),
      byEducation: z.array(z.object({ code: z.string(), count: z.number() })),
      byYears: z.array(z.object({ band: z.string(), count: z.number() })),
    }),
    kind: 'read',
    permission: 'party.view',
  }),
  /** The roster to print or export: the export leaves a trace in the activity log. */
  'party.roster': method({ input: memberFilters, output: z.object({ rows: z.array(memberRow) }), kind: 'read', permission: 'party.export' }),
  'party.exportRoster': method({
    input: memberFilters,
    output: z.object({ fileName: z.string(), base64: z.string(), rows: z.number() }),
    kind: 'read',
    permission: 'party.export',
  }),

  'party.files': method({ input: z.object({ includeClosed: z.boolean().optional().default(false) }).strict(), output: z.array(fileRow), kind: 'read', permission: 'party.view' }),
  'party.file': method({
    input: z.object({ id }).strict(),
    output: z.object({
      file: fileRow.extend({ birthDate: z.string(), idMasked: z.string(), extensionMonths: z.number(), entitledVoters: z.number() }),
      steps: z.array(z.object({ step: z.number(), date: z.string(), detail: z.record(z.string(), z.unknown()), note: z.string(), actor: z.string() })),
    }),
    kind: 'read',
    permission: 'party.view',
  }),
  'party.openFile': method({
    input: z
      .object({ residentId: id.nullable().optional().default(null), name: text(40).optional().default(''), gender: optionalCode('gender'), birthDate: optionalDate, idNumber: idNumber.optional().default(''), phone: phone.optional().default(''), employer: optionalText(80), branchId: id })
      .strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'party.edit',
  }),
  'party.recordStep': method({ input: stepInput, output: z.object({ memberId: id.nullable() }), kind: 'write', permission: 'party.edit' }),
  /** Once, by 6 to 12 months, while the probation runs. */
  'party.extendProbation': method({
    input: z.object({ fileId: id, months: z.number().int().min(6).max(12), reason: requiredText(200) }).strict(),
    output: z.object({ probationEnd: z.string() }),
    kind: 'write',
    permission: 'party.edit',
  }),

  'party.meetings': method({
    input: z.object({ branchId: id.optional(), year: z.number().int().min(2000).max(2100) }).strict(),
    output: z.object({
      rows: z.array(meeting.omit({ content: true, resolutions: true, attendance: true }).extend({ present: z.number(), expected: z.number() })),
      /** Per required kind and period (month, quarter or year) of the year: held, missing, or not yet due. */
      calendar: z.array(z.object({ kind: meetingKind, period: z.string(), state: z.enum(['held', 'missing', 'open']) })),
    }),
    kind: 'read',
    permission: 'party.view',
  }),
  'party.meeting': method({ input: z.object({ id }).strict(), output: meeting, kind: 'read', permission: 'party.view' }),
  'party.saveMeeting': method({ input: meetingInput, output: z.object({ id }), kind: 'write', permission: 'party.edit' }),

  /** The month's collection sheet for a branch: every member in good standing, what is due and what was paid. */
  'party.dues': method({ input: z.object({ branchId: id, month }).strict(), output: z.array(duesLine), kind: 'read', permission: 'party.view' }),
  'party.payDues': method({
    input: z.object({ memberId: id, month, paid: yuanAmount, paidOn: isoDate, collector: optionalText(20) }).strict(),
    output: z.object({ dueFen: z.number() }),
    kind: 'write',
    permission: 'party.edit',
  }),
  'party.servicePosts': method({ input: z.object({}).strict(), output: z.array(z.string()), kind: 'read', permission: 'party.view' }),
  'party.setServicePosts': method({ input: z.object({ posts: z.array(requiredText(20)).min(1).max(20) }).strict(), output: z.array(z.string()), kind: 'write', permission: 'party.edit' }),
  'party.reporters': method({ input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(), output: z.array(reporterRow), kind: 'read', permission: 'party.view' }),
  'party.saveReporter': method({ input: reporterInput, output: z.object({ id }), kind: 'write', permission: 'party.edit' }),
  'party.addService': method({
    input: z.object({ reporterId: id, date: isoDate, post: requiredText(20), hours: z.number().min(0.5).max(24), content: requiredText(300) }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'party.edit',
  }),
  /** 服务记录单: one employer's members and what each did in a quarter, to send back to the employer. */
  'party.serviceSummary': method({
    input: z.object({ employer: requiredText(80), quarter }).strict(),
    output: z.object({
      employer: z.string(),
      employerOrg: z.string(),
      quarter: z.string(),
      members: z.array(z.object({ name: z.string(), posts: z.array(z.string()), services: z.array(z.object({ date: z.string(), post: z.string(), hours: z.number(), content: z.string() })), hours: z.number() })),
    }),
    kind: 'read',
    permission: 'party.view',
  }),
  /** 报到回执: the slip returned to the member's employer. */
  'party.reporter': method({ input: z.object({ id }).strict(), output: reporterRow, kind: 'read', permission: 'party.view' }),

  /** The dry run of a roster spreadsheet: what would be imported, every problem by row and column; nothing written. */
  'party.importCheck': method({
    input: z.object({ fileName: requiredText(200), base64: z.string().max(20_000_000, { error: 'import.tooLarge' }), branchId: id }).strict(),
    output: z.object({
      token: z.string(),
      rows: z.number(),
      valid: z.number(),
      errors: z.array(importIssue),
      warnings: z.array(importIssue),
    }),
    kind: 'read',
    permission: 'party.edit',
  }),
  'party.importCommit': method({ input: z.object({ token: z.string().regex(/^[0-9a-f]{32}$/) }).strict(), output: z.object({ created: z.number() }), kind: 'write', permission: 'party.edit' }),
  /** A member's year: each month since joining, what was due and what was paid (the yearly statement). */
  'party.duesYear': method({
    input: z.object({ memberId: id, year: z.number().int().min(2000).max(2100) }).strict(),
    output: z.object({
      name: z.string(),
      branchName: z.string(),
      months: z.array(z.object({ month: z.string(), dueFen: z.number(), paidFen: z.number().nullable(), paidOn: z.string(), collector: z.string() })),
    }),
    kind: 'read',
    permission: 'party.view',
  }),
  /** Members who owe: months of the year so far (from their join date) with nothing paid. */
  'party.arrears': method({
    input: z.object({ branchId: id.optional(), upTo: month }).strict(),
    output: z.array(z.object({ memberId: id, name: z.string(), branchName: z.string(), months: z.array(z.string()), owedFen: z.number() })),
    kind: 'read',
    permission: 'party.view',
  }),
};
