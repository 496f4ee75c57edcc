import { z } from 'zod';
import { method, permissionName, permissions } from './define';
import { id, isoDate, pageArgs, requiredText, text } from './fields';
import { MIN_PASSWORD, ROLES } from '../rules/roles';
import { isWeakPassword } from '../rules/passwords';
import { LANGUAGES } from '../i18n/languages';

const username = z
  .string()
  .trim()
  .min(2, { error: 'auth.usernameShort' })
  .max(32, { error: 'validation.tooLong' })
  .regex(/^[\p{L}\p{N}._-]+$/u, { error: 'auth.usernameChars' });
const password = z
  .string()
  .min(MIN_PASSWORD, { error: 'auth.passwordShort' })
  .max(200, { error: 'validation.tooLong' })
  .refine((p) => !isWeakPassword(p), { error: 'auth.passwordWeak' });
const role = z.enum(ROLES);

export const currentUser = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  permissions: z.array(permissionName),
  mustChangePassword: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUser>;

export const userRow = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string(),
  createdAt: z.string(),
  /** No key slot yet (the ledger was encrypted after this password was set): the administrator must reset it. */
  needsReset: z.boolean(),
});
/** Given once, when the ledger is created or encrypted: the code that opens it when every password is lost. */
const signedInWithCode = currentUser.extend({ recoveryCode: z.string().optional() });
export const auditRow = z.object({ id, at: z.string(), actor: z.string(), actorName: z.string(), action: z.string(), method: z.string(), record: z.string(), detail: z.string(), desk: z.string() });
export type AuditRow = z.infer<typeof auditRow>;

const auditFilters = { actor: text(32).optional(), action: text(40).optional(), record: text(60).optional(), from: isoDate.optional(), to: isoDate.optional() };

/** Accounts, roles and the audit log: the administrator's alone. The built-in roles that hold each by default; the administrator holds every permission. */
export const authPermissions = permissions({
  'users.manage': [],
  'audit.view': [],
});

export const authContract = {
  'auth.status': method({
    input: z.object({}).strict(),
    output: z.object({ hasUsers: z.boolean(), user: currentUser.nullable(), locked: z.boolean(), idleMinutes: z.number() }),
    kind: 'read',
    permission: 'public',
  }),
  'auth.createAdmin': method({
    input: z.object({ username, displayName: requiredText(40), password }).strict(),
    output: signedInWithCode,
    kind: 'read', // writes its own row and audit entry: it must also sign the session in
    permission: 'public',
  }),
  'auth.login': method({ input: z.object({ username: text(32), password: z.string().max(200) }).strict(), output: signedInWithCode, kind: 'read', permission: 'public' }),
  /** Every password forgotten: the recovery code from setup opens the ledger and sets this user's new password. */
  'auth.recover': method({
    input: z.object({ username: text(32), recoveryCode: z.string().max(100), password }).strict(),
    output: currentUser,
    kind: 'read',
    permission: 'public',
  }),
  'auth.logout': method({ input: z.object({}).strict(), output: z.object({}), kind: 'read', permission: 'signedIn' }),
  'auth.lock': method({ input: z.object({}).strict(), output: z.object({}), kind: 'read', permission: 'signedIn' }),
  'auth.unlock': method({ input: z.object({ password: z.string().max(200) }).strict(), output: currentUser, kind: 'read', permission: 'signedIn' }),
  'auth.changePassword': method({
    input: z.object({ current: z.string().max(200), next: password }).strict(),
    output: z.object({}),
    kind: 'read',
    permission: 'signedIn',
  }),
  'roles.list': method({
    input: z.object({}).strict(),
    output: z.array(z.object({ name: z.string(), permissions: z.array(permissionName) })),
    kind: 'read',
    permission: 'users.manage',
  }),
  /** The permission matrix, one role at a time; people signed in get the change at their next sign-in. */
  'roles.setPermissions': method({
    input: z.object({ role, permissions: z.array(permissionName).max(200) }).strict(),
    output: z.object({ role: z.string() }),
    kind: 'write',
    permission: 'users.manage',
  }),
  'users.list': method({ input: z.object({}).strict(), output: z.array(userRow), kind: 'read', permission: 'users.manage' }),
  'users.create': method({
    input: z.object({ username, displayName: requiredText(40), role, password }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'users.manage',
  }),
  'users.resetPassword': method({ input: z.object({ id, password }).strict(), output: z.object({ id }), kind: 'write', permission: 'users.manage' }),
  'users.setDisabled': method({ input: z.object({ id, disabled: z.boolean() }).strict(), output: z.object({ id }), kind: 'write', permission: 'users.manage' }),
  'audit.list': method({
    input: z.object({ ...auditFilters, ...pageArgs }).strict(),
    output: z.object({ total: z.number(), rows: z.array(auditRow) }),
    kind: 'read',
    permission: 'audit.view',
  }),
  /** The filtered log as a spreadsheet, for an inspection or the street office; the export is logged too. */
  'audit.export': method({
    input: z.object({ ...auditFilters, lang: z.enum(LANGUAGES) }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    kind: 'read',
    permission: 'audit.view',
  }),
  'audit.verify': method({
    input: z.object({}).strict(),
    output: z.object({ ok: z.boolean(), entries: z.number(), brokenAt: z.number().nullable() }),
    kind: 'read',
    permission: 'audit.view',
  }),
};
