import { z } from 'zod';
import type { Role } from '../rules/roles';

/**
 * A module's permissions, each with the built-in roles that hold it by default (the administrator
 * holds every one); the app's list and the roles' defaults are made from the modules' (index.ts).
 */
export function permissions<const P extends Record<string, readonly Exclude<Role, 'admin'>[]>>(list: P): P {
  return list;
}

/** Every module's permissions, known once index.ts has read them: the accounts' own schemas take any of them. */
const known = new Set<string>();
export function knowPermissions(list: readonly string[]): void {
  for (const p of list) known.add(p);
}
// A string here, not the Permission type: that type is made from the modules, whose contracts use this.
export const permissionName = z.string().refine((p) => known.has(p), { error: 'validation.invalid' });

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, P extends string = string> {
  input: I;
  output: O;
  /**
   * A write runs in one transaction and leaves an audit entry. A job is a long write (an import) that
   * commits in batches, each all or nothing, so the caller can watch its progress and stop it.
   */
  kind: 'read' | 'write' | 'job';
  /** A permission of some module, or 'public' / 'signedIn' (Access, index.ts: checked there, as the modules' list is made). */
  permission: P;
}

export function method<I extends z.ZodType, O extends z.ZodType, const P extends string>(spec: MethodSpec<I, O, P>): MethodSpec<I, O, P> {
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
