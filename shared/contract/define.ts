import type { z } from 'zod';

/** Every permission a role can be granted, per operation. */
export const PERMISSIONS = [
  'community.edit',
  'residents.view',
  'residents.edit',
  'residents.import',
  'residents.export',
  'residents.print',
  'residents.reveal',
  'users.manage',
  'backups.manage',
  'records.purge',
  'audit.view',
  'party.view',
  'party.edit',
  'party.export',
  'certificates.issue',
  'certificates.approve',
  'certificates.manage',
  'mediation.work',
  'mediation.all',
  'lists.view',
  'lists.edit',
  'visits.view',
  'visits.edit',
  'desk.view',
  'templates.manage',
  'hosting.manage',
  'consultation.view',
  'consultation.edit',
  'consultation.review',
  'volunteers.view',
  'volunteers.edit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
/** 'public': callable before signing in (the login itself); 'signedIn': any signed-in user, even while locked. */
export type Access = Permission | 'public' | 'signedIn';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /**
   * A write runs in one transaction and leaves an audit entry. A job is a long write (an import) that
   * commits in batches, each all or nothing, so the caller can watch its progress and stop it.
   */
  kind: 'read' | 'write' | 'job';
  permission: Access;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

/** One issue of a rejected input, translated by the renderer: errors:<messageKey>. */
export interface InputIssue {
  path: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

const ZOD_KEYS: Record<string, string> = {
  invalid_type: 'validation.type',
  too_big: 'validation.tooLong',
  too_small: 'validation.required',
  unrecognized_keys: 'validation.unknownField',
  invalid_union: 'validation.invalid',
  invalid_value: 'validation.invalid',
  invalid_format: 'validation.invalid',
};

/**
 * A zod issue as a message key (errors namespace) with its parameters, the same in the main process
 * and in a form: our own messages are keys already, zod's built-in ones get a generic key, and a text
 * over its limit says the limit.
 */
export function issueMessage(issue: z.core.$ZodIssue): { key: string; params?: Record<string, string | number> } {
  const own = /^[a-zA-Z]+\.[a-zA-Z.]+$/.test(issue.message) ? issue.message : undefined;
  const key = own ?? ZOD_KEYS[issue.code] ?? 'validation.invalid';
  const params = (issue as { params?: Record<string, string | number> }).params;
  if (key === 'validation.tooLong' && issue.code === 'too_big' && issue.origin === 'string') return { key: 'validation.tooLongMax', params: { ...params, max: Number(issue.maximum) } };
  return params ? { key, params } : { key };
}

export type CallFailure = {
  ok: false;
  code: string;
  messageKey: string;
  params?: Record<string, string | number>;
  issues?: InputIssue[];
};
export type CallResult<T> = { ok: true; value: T } | CallFailure;
