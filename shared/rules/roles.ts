import { PERMISSIONS, type Permission } from '../contract/define';

/** The built-in roles; an administrator can change what each may do (the matrix is stored in the ledger). */
export const ROLES = ['admin', 'staff', 'mediator', 'secretary', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

export const DEFAULT_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // Community staff keep the resident ledger; they may see a full ID when they give a reason.
  staff: ['community.edit', 'residents.view', 'residents.edit', 'residents.import', 'residents.export', 'residents.print', 'residents.reveal', 'certificates.issue', 'lists.view', 'lists.edit', 'visits.view', 'visits.edit', 'desk.view', 'consultation.view', 'consultation.edit', 'volunteers.view', 'volunteers.edit'],
  // Mediators and party secretaries see residents only through their own modules: nothing of the ledger itself.
  mediator: ['mediation.work', 'desk.view'],
  // The party organisation reviews every matter put to consultation (党组织审核).
  secretary: ['party.view', 'party.edit', 'party.export', 'lists.view', 'lists.edit', 'desk.view', 'consultation.view', 'consultation.review', 'volunteers.view'],
  // 志愿服务协调员: the corps, its activities and hours, and the two lists its services answer; nothing of the ledger itself.
  coordinator: ['volunteers.view', 'volunteers.edit', 'lists.view', 'desk.view'],
};

export const MIN_PASSWORD = 8;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 10;
export const DEFAULT_IDLE_MINUTES = 10;
