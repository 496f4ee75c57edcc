import { PERMISSIONS, type Permission } from '../../shared/contract';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
  mustChangePassword: boolean;
}

/** Who is at the desk, per window: set by signing in, checked by dispatch on every call. */
export interface Session {
  user: SessionUser | null;
  permissions: ReadonlySet<Permission>;
  locked: boolean;
  lastSeen: number;
  /** The desk (another PC of the office) this window is on; undefined on the host's own windows. */
  desk?: string;
}

export function newSession(): Session {
  return { user: null, permissions: new Set(), locked: false, lastSeen: Date.now() };
}

/**
 * For trusted code in the same process only (unit tests, benchmarks, migrations of data): every
 * permission, never locked. No transport ever hands this to a window.
 */
export function systemSession(): Session {
  return {
    user: { id: 0, username: 'system', displayName: 'system', role: 'admin', mustChangePassword: false },
    permissions: new Set(PERMISSIONS),
    locked: false,
    lastSeen: Number.POSITIVE_INFINITY,
  };
}

/** May this session see full ID numbers and phones (and so search by their fragments)? */
export const mayReveal = (s: Session): boolean => s.permissions.has('residents.reveal');
