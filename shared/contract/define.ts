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

export type CallFailure = {
  ok: false;
  code: string;
  messageKey: string;
  params?: Record<string, string | number>;
  issues?: InputIssue[];
};
export type CallResult<T> = { ok: true; value: T } | CallFailure;
