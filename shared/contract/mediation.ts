import { z } from 'zod';
import { method, permissions } from './define';
import { id, isoDate, optionalCode, optionalText, requiredText } from './fields';
import { CASE_SOURCES, CASE_STATES, FILE_ITEMS, ROUTES } from '../rules/mediation';

const optionalDate = z.union([isoDate, z.literal('')]).optional().default('');

export const partyInput = z
  .object({
    role: z.enum(['applicant', 'respondent']),
    residentId: id.nullable().optional().default(null),
    name: requiredText(40),
    gender: optionalCode('gender'),
    ethnicity: optionalCode('ethnicity'),
    birthDate: optionalDate,
    occupation: optionalText(40),
    contact: optionalText(40),
    address: optionalText(120),
    identityChecked: z.boolean().default(false),
    agent: optionalText(60),
  })
  .strict();
export type PartyInput = z.input<typeof partyInput>;

const caseRow = z.object({
  id,
  number: z.string(),
  state: z.enum(CASE_STATES),
  disputeType: z.string(),
  source: z.enum(CASE_SOURCES),
  acceptedOn: z.string(),
  parties: z.string(),
  mediators: z.string(),
  overdue: z.boolean(),
  followUpDue: z.string().nullable(),
});
export type CaseRow = z.infer<typeof caseRow>;

const fileItemKeys = FILE_ITEMS.map((i) => i.key) as [string, ...string[]];

export const caseDetail = caseRow.extend({
  sourceDetail: z.string(),
  facts: z.string(),
  requests: z.string(),
  consent: z.boolean(),
  rightsNoticeOn: z.string(),
  outcome: z.enum(['written', 'oral', 'failed']).nullable(),
  outcomeOn: z.string(),
  agreementNumber: z.string().nullable(),
  agreementFacts: z.string(),
  agreementTerms: z.string(),
  performanceTerms: z.string(),
  moneyFen: z.number(),
  routesTold: z.array(z.enum(ROUTES)),
  failureReason: z.string(),
  preventCriminal: z.number(),
  preventPetition: z.number(),
  archivedOn: z.string(),
  filingClerk: z.string(),
  judicialDeadline: z.string().nullable(),
  partyList: z.array(partyInput.extend({ id })),
  mediatorList: z.array(z.object({ id, name: z.string() })),
  conflicts: z.array(z.object({ mediator: z.string(), party: z.string(), reason: z.enum(['household', 'building']) })),
  events: z.array(z.object({ from: z.string(), to: z.string(), date: z.string(), note: z.string(), actor: z.string() })),
  sessions: z.array(
    z.object({ id, date: z.string(), place: z.string(), participants: z.string(), notices: z.string(), statements: z.string(), facts: z.string(), result: z.string(), recorder: z.string() }),
  ),
  followUps: z.array(z.object({ id, date: z.string(), performed: z.string(), satisfaction: z.string(), lawsuit: z.string(), risk: z.string(), measures: z.string(), visitor: z.string() })),
  missing: z.array(z.enum(fileItemKeys)),
  next: z.array(z.enum(CASE_STATES)),
});
export type CaseDetail = z.infer<typeof caseDetail>;

/** What an attached file is, by the case file's items it belongs to. */
export const ATTACHMENT_KINDS = ['identity', 'authorisation', 'investigation', 'evidence', 'performance', 'judicial', 'note'] as const;
/** A file kept inside the ledger: 10 MB (a phone photo or a scanned page is far less). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const mediationSettings = z
  .object({
    followUpMonths: z.number().int().min(1).max(12),
    shortName: requiredText(4),
    /** 保管期限 per dispute type, in years (0 = permanent). */
    retentionYears: z.record(z.string().max(20), z.number().int().min(0).max(100)),
  })
  .strict();
export type MediationSettings = z.infer<typeof mediationSettings>;

/** Mediators work their own cases; every case is the administrator's. The built-in roles that hold each by default; the administrator holds every permission. */
export const mediationPermissions = permissions({
  'mediation.work': ['mediator'],
  'mediation.all': [],
});

export const mediationContract = {
  'mediation.settings': method({ input: z.object({}).strict(), output: mediationSettings, kind: 'read', permission: 'mediation.work' }),
  'mediation.setSettings': method({ input: mediationSettings, output: mediationSettings, kind: 'write', permission: 'mediation.all' }),
  'mediation.attach': method({
    input: z
      .object({ id, kind: z.enum(ATTACHMENT_KINDS), fileName: requiredText(120), base64: z.string().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, { error: 'mediation.fileTooLarge' }), note: optionalText(200) })
      .strict(),
    output: z.object({ attachmentId: id, sha256: z.string() }),
    kind: 'write',
    permission: 'mediation.work',
  }),
  /** A party's identity checked against a paper in the file, at any time before archiving (a case from a problem starts unchecked). */
  'mediation.confirmIdentity': method({ input: z.object({ id, partyId: id, attachmentId: id }).strict(), output: z.object({ id }), kind: 'write', permission: 'mediation.work' }),
  'mediation.attachments': method({
    input: z.object({ id }).strict(),
    output: z.array(z.object({ id, kind: z.enum(ATTACHMENT_KINDS), name: z.string(), size: z.number(), sha256: z.string(), note: z.string(), addedBy: z.string(), at: z.string() })),
    kind: 'read',
    permission: 'mediation.work',
  }),
  /** One attachment's content; opening it leaves a trace in the activity log. */
  'mediation.attachment': method({ input: z.object({ attachmentId: id }).strict(), output: z.object({ fileName: z.string(), base64: z.string() }), kind: 'read', permission: 'mediation.work' }),
  'mediation.exportStats': method({ input: z.object({ from: isoDate, to: isoDate }).strict(), output: z.object({ fileName: z.string(), base64: z.string() }), kind: 'read', permission: 'mediation.all' }),
  /** Accounts that may be assigned to a case. */
  'mediation.mediators': method({ input: z.object({}).strict(), output: z.array(z.object({ id, name: z.string() })), kind: 'read', permission: 'mediation.work' }),
  /** The cases this user may see: their own, or all for the committee head. */
  'mediation.cases': method({ input: z.object({ open: z.boolean().optional().default(false) }).strict(), output: z.array(caseRow), kind: 'read', permission: 'mediation.work' }),
  'mediation.findResidents': method({
    input: z.object({ q: requiredText(40) }).strict(),
    output: z.array(z.object({ id, name: z.string(), gender: z.string(), birthDate: z.string(), idMasked: z.string(), address: z.string() })),
    kind: 'read',
    permission: 'mediation.work',
  }),
  /** Intake (受理): on a party's application or the committee's initiative, with consent recorded. */
  'mediation.open': method({
    input: z
      .object({
        disputeType: requiredText(20),
        source: z.enum(CASE_SOURCES),
        sourceDetail: optionalText(80),
        facts: requiredText(3000),
        requests: optionalText(2000),
        consent: z.literal(true, { error: 'mediation.consentNeeded' }),
        acceptedOn: isoDate,
        parties: z.array(partyInput).min(2).max(20),
        mediatorIds: z.array(id).min(1).max(5),
      })
      .strict(),
    output: z.object({ id, number: z.string() }),
    kind: 'write',
    permission: 'mediation.work',
  }),
  'mediation.get': method({ input: z.object({ id }).strict(), output: caseDetail, kind: 'read', permission: 'mediation.work' }),
  /** 权利义务告知书 given to every party. */
  'mediation.rightsNotice': method({ input: z.object({ id, date: isoDate }).strict(), output: z.object({ id }), kind: 'write', permission: 'mediation.work' }),
  /** 调解笔录: one per session; the first one starts the mediation. */
  'mediation.addSession': method({
    input: z
      .object({
        id,
        date: isoDate,
        place: optionalText(80),
        participants: requiredText(300),
        notices: optionalText(500),
        statements: requiredText(5000),
        facts: optionalText(3000),
        result: optionalText(1000),
        recorder: optionalText(20),
      })
      .strict(),
    output: z.object({ sessionId: id }),
    kind: 'write',
    permission: 'mediation.work',
  }),
  /** The outcome: a written agreement (numbered), an oral one (registered), or failure with the routes told. */
  'mediation.conclude': method({
    input: z
      .object({
        id,
        outcome: z.enum(['written', 'oral', 'failed']),
        date: isoDate,
        agreementFacts: optionalText(3000),
        agreementTerms: optionalText(3000),
        performanceTerms: optionalText(1000),
        money: z.number().min(0).max(100_000_000).optional().default(0),
        routesTold: z.array(z.enum(ROUTES)).optional().default([]),
        failureReason: optionalText(500),
        preventCriminal: z.number().int().min(0).max(10_000).optional().default(0),
        preventPetition: z.number().int().min(0).max(10_000).optional().default(0),
      })
      .strict(),
    output: z.object({ agreementNumber: z.string().nullable() }),
    kind: 'write',
    permission: 'mediation.work',
  }),
  /** 回访: what became of the agreement; the case moves to the performance state found. */
  'mediation.followUp': method({
    input: z
      .object({
        id,
        date: isoDate,
        performed: requiredText(200),
        satisfaction: optionalText(100),
        lawsuit: optionalText(300),
        risk: optionalText(300),
        measures: optionalText(500),
        status: z.enum(['performed', 'urged', 'judicial', 'sued']),
      })
      .strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'mediation.work',
  }),
  /** 归档: refused while a required item of the case file is missing, naming it. */
  'mediation.archive': method({ input: z.object({ id, date: isoDate, clerk: requiredText(20) }).strict(), output: z.object({ id }), kind: 'write', permission: 'mediation.work' }),
  'mediation.stats': method({
    input: z.object({ from: isoDate, to: isoDate }).strict(),
    output: z.object({
      accepted: z.number(),
      succeeded: z.number(),
      rate: z.number(),
      moneyFen: z.number(),
      preventCriminalCases: z.number(),
      preventCriminalPersons: z.number(),
      preventPetitionCases: z.number(),
      preventPetitionPersons: z.number(),
      byType: z.array(z.object({ key: z.string(), accepted: z.number(), succeeded: z.number(), rate: z.number() })),
      bySource: z.array(z.object({ key: z.string(), accepted: z.number(), succeeded: z.number(), rate: z.number() })),
    }),
    kind: 'read',
    permission: 'mediation.all',
  }),
};
