import { z } from 'zod';
import { method, permissions } from './define';
import { id, requiredText } from './fields';

/** How long records are kept once their purpose has ended (PIPL 第19条); under-14s have their own rule. */
export const retentionRules = z.object({
  /** Residents who moved out or died: years after that date. */
  leftYears: z.number().int().min(1).max(100),
  /** Those who were under 14 when they moved out or died. */
  minorLeftYears: z.number().int().min(0).max(100),
});
export type RetentionRules = z.infer<typeof retentionRules>;

export const dueRecord = z.object({
  id,
  name: z.string(),
  /** Masked, as everywhere. */
  idNumber: z.string(),
  status: z.enum(['moved_out', 'deceased']),
  leftOn: z.string(),
  minorWhenLeft: z.boolean(),
  dueSince: z.string(),
});
export type DueRecord = z.infer<typeof dueRecord>;

/** Purging records past their keeping time: the administrator's alone. The built-in roles that hold each by default; the administrator holds every permission. */
export const retentionPermissions = permissions({
  'records.purge': [],
});

export const retentionContract = {
  'retention.rules': method({
    input: z.object({}).strict(),
    output: retentionRules.extend({ auditYears: z.number() }),
    kind: 'read',
    permission: 'records.purge',
  }),
  'retention.setRules': method({ input: retentionRules.strict(), output: retentionRules, kind: 'write', permission: 'records.purge' }),
  /** Records past their period, oldest first: what the administrator may purge. */
  'retention.due': method({ input: z.object({}).strict(), output: z.object({ rows: z.array(dueRecord) }), kind: 'read', permission: 'records.purge' }),
  'retention.purge': method({
    input: z.object({ ids: z.array(id).min(1).max(5000), reason: requiredText(200) }).strict(),
    output: z.object({ purged: z.number() }),
    kind: 'write',
    permission: 'records.purge',
  }),
  'retention.log': method({
    input: z.object({}).strict(),
    output: z.array(z.object({ id, at: z.string(), actor: z.string(), rule: z.string(), records: z.number(), reason: z.string() })),
    kind: 'read',
    permission: 'records.purge',
  }),
};
