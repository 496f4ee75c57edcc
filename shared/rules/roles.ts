/**
 * The built-in roles; an administrator can change what each may do (the matrix is stored in the ledger).
 * What each holds by default is said by each module beside its permissions (shared/contract/<module>.ts):
 * staff keep the ledger and the day's work; mediators and party secretaries see residents only through
 * their own modules; the volunteer coordinator (志愿服务协调员) the corps and the two lists.
 */
export const ROLES = ['admin', 'staff', 'mediator', 'secretary', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

export const MIN_PASSWORD = 8;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 10;
export const DEFAULT_IDLE_MINUTES = 10;
