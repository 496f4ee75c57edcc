import { z } from 'zod';
import { method, permissions } from './define';
import { id, isoDate, requiredText, text } from './fields';

export const CERT_STATUSES = ['draft', 'approved', 'issued', 'void', 'refused'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];

export const certItem = z.object({
  id,
  name: z.string(),
  basis: z.string(),
  purposes: z.array(z.string()),
  checks: z.array(z.string()),
  needsApproval: z.boolean(),
  fullId: z.boolean(),
  template: z.string(),
  active: z.boolean(),
});
export type CertItem = z.infer<typeof certItem>;

export const certificate = z.object({
  id,
  status: z.enum(CERT_STATUSES),
  number: z.string().nullable(),
  verifyCode: z.string().nullable(),
  itemId: id.nullable(),
  itemName: z.string(),
  residentId: id.nullable(),
  personName: z.string(),
  purpose: z.string(),
  checks: z.array(z.string()),
  title: z.string(),
  body: z.string(),
  handler: z.string(),
  approver: z.string(),
  requested: z.string(),
  refusal: z.string(),
  reissueOf: id.nullable(),
  reissueOfNumber: z.string().nullable(),
  reissuedAs: z.string().nullable(),
  voidReason: z.string(),
  createdAt: z.string(),
  issuedAt: z.string(),
  voidedAt: z.string(),
  needsApproval: z.boolean(),
});
export type Certificate = z.infer<typeof certificate>;

const registerFilters = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    itemName: text(60).optional(),
    handler: text(40).optional(),
    status: z.enum(CERT_STATUSES).optional(),
  })
  .strict();
export type RegisterFilters = z.input<typeof registerFilters>;

/** A kind the committee must not certify: the national ones (fixed) and the province's or city's (the administrator's). */
export const refusalKind = z.object({
  key: z.string(),
  name: z.string(),
  basis: z.string(),
  instead: z.string(),
  /** The words it is also known by: the shipped ones and the administrator's. */
  synonyms: z.array(z.string()),
  /** Only the administrator's own words, which can be changed. */
  localWords: z.array(z.string()),
  shipped: z.boolean(),
});
export type RefusalKind = z.infer<typeof refusalKind>;

/** Staff issue certificates; approving and the certificate kinds are the administrator's. The built-in roles that hold each by default; the administrator holds every permission. */
export const certificatesPermissions = permissions({
  'certificates.issue': ['staff'],
  'certificates.approve': [],
  'certificates.manage': [],
});

export const certificatesContract = {
  'certs.refusals': method({ input: z.object({}).strict(), output: z.array(refusalKind), kind: 'read', permission: 'certificates.issue' }),
  /** A local kind (new, or changed), or more words for any kind; a national kind keeps its name, basis and office. */
  'certs.saveRefusal': method({
    input: z
      .object({
        key: text(40).optional(),
        name: requiredText(40),
        basis: requiredText(200),
        instead: requiredText(200),
        words: z.array(requiredText(20)).max(50).default([]),
      })
      .strict(),
    output: z.object({ key: z.string() }),
    kind: 'write',
    permission: 'certificates.manage',
  }),
  'certs.removeRefusal': method({ input: z.object({ key: requiredText(40) }).strict(), output: z.object({ key: z.string() }), kind: 'write', permission: 'certificates.manage' }),
  'certs.findResidents': method({
    input: z.object({ q: requiredText(40) }).strict(),
    output: z.array(z.object({ id, name: z.string(), gender: z.string(), birthDate: z.string(), idMasked: z.string(), address: z.string() })),
    kind: 'read',
    permission: 'certificates.issue',
  }),
  'certs.items': method({ input: z.object({ all: z.boolean().optional().default(false) }).strict(), output: z.array(certItem), kind: 'read', permission: 'certificates.issue' }),
  'certs.saveItem': method({
    input: z
      .object({
        id: id.optional(),
        name: requiredText(60),
        basis: requiredText(300),
        purposes: z.array(requiredText(40)).max(20),
        checks: z.array(requiredText(80)).max(10),
        needsApproval: z.boolean(),
        fullId: z.boolean(),
        template: requiredText(3000),
        active: z.boolean(),
      })
      .strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'certificates.manage',
  }),
  /** What the counter is asked for, as typed: an abolished kind is refused, with the rule, and the refusal registered. */
  'certs.request': method({
    input: z.object({ requested: requiredText(60), residentId: id.nullable().optional().default(null) }).strict(),
    output: z.object({ refused: z.boolean(), name: z.string(), instead: z.string(), itemId: id.nullable(), registerId: id.nullable() }),
    kind: 'write',
    permission: 'certificates.issue',
  }),
  /** A draft filled from the ledger: what staff verified is recorded with it; nothing is numbered yet. */
  'certs.draft': method({
    // livingSince: the move-in date checked on the applicant's papers, when the ledger has none.
    input: z.object({ itemId: id, residentId: id, purpose: requiredText(60), checks: z.array(text(80)).max(10), reissueOf: id.optional(), livingSince: isoDate.optional() }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'certificates.issue',
  }),
  'certs.approve': method({ input: z.object({ id }).strict(), output: z.object({ id }), kind: 'write', permission: 'certificates.approve' }),
  /** Numbers the certificate in the same transaction: no number is shared, none skipped. */
  'certs.issue': method({ input: z.object({ id }).strict(), output: z.object({ number: z.string(), verifyCode: z.string() }), kind: 'write', permission: 'certificates.issue' }),
  'certs.void': method({ input: z.object({ id, reason: requiredText(200) }).strict(), output: z.object({ id }), kind: 'write', permission: 'certificates.issue' }),
  'certs.get': method({ input: z.object({ id, forPrint: z.boolean().optional().default(false) }).strict(), output: certificate, kind: 'read', permission: 'certificates.issue' }),
  /** Whether a paper presented later is one of ours and unchanged: its number and the code printed beside it. */
  'certs.verify': method({
    input: z.object({ number: requiredText(20), code: requiredText(12) }).strict(),
    output: z.object({ genuine: z.boolean(), certificate: certificate.nullable() }),
    kind: 'read',
    permission: 'certificates.issue',
  }),
  'certs.register': method({ input: registerFilters, output: z.array(certificate), kind: 'read', permission: 'certificates.issue' }),
  'certs.exportRegister': method({ input: registerFilters, output: z.object({ fileName: z.string(), base64: z.string() }), kind: 'read', permission: 'certificates.issue' }),
  /** Issued certificates per item per month of a year. */
  'certs.stats': method({
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    output: z.array(z.object({ itemName: z.string(), months: z.array(z.number()), total: z.number() })),
    kind: 'read',
    permission: 'certificates.issue',
  }),
};

