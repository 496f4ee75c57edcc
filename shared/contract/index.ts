import type { z } from 'zod';
import { ROLES, type Role } from '../rules/roles';
import { knowPermissions, type MethodSpec } from './define';
import { communityContract, communityPermissions } from './community';
import { residentsContract, residentsPermissions } from './residents';
import { authContract, authPermissions } from './auth';
import { backupsContract, backupsPermissions } from './backups';
import { retentionContract, retentionPermissions } from './retention';
import { partyContract, partyPermissions } from './party';
import { certificatesContract, certificatesPermissions } from './certificates';
import { mediationContract, mediationPermissions } from './mediation';
import { listsContract, listsPermissions } from './lists';
import { visitsContract, visitsPermissions } from './visits';
import { deskContract, deskPermissions } from './desk';
import { reportsContract, reportsPermissions } from './reports';
import { hostingContract, hostingPermissions } from './hosting';
import { consultationContract, consultationPermissions } from './consultation';
import { volunteersContract, volunteersPermissions } from './volunteers';

/**
 * The app's modules as the shared side knows them: each one's methods and permissions, declared in its
 * own file. The contract, the permission list and the built-in roles' defaults are made from this list.
 */
const MODULES = [
  { name: 'community', contract: communityContract, permissions: communityPermissions },
  { name: 'residents', contract: residentsContract, permissions: residentsPermissions },
  { name: 'accounts', contract: authContract, permissions: authPermissions },
  { name: 'backups', contract: backupsContract, permissions: backupsPermissions },
  { name: 'retention', contract: retentionContract, permissions: retentionPermissions },
  { name: 'party', contract: partyContract, permissions: partyPermissions },
  { name: 'certificates', contract: certificatesContract, permissions: certificatesPermissions },
  { name: 'mediation', contract: mediationContract, permissions: mediationPermissions },
  { name: 'lists', contract: listsContract, permissions: listsPermissions },
  { name: 'visits', contract: visitsContract, permissions: visitsPermissions },
  { name: 'desk', contract: deskContract, permissions: deskPermissions },
  { name: 'reports', contract: reportsContract, permissions: reportsPermissions },
  { name: 'hosting', contract: hostingContract, permissions: hostingPermissions },
  { name: 'consultation', contract: consultationContract, permissions: consultationPermissions },
  { name: 'volunteers', contract: volunteersContract, permissions: volunteersPermissions },
] as const;

type Modules = typeof MODULES;
type Merged<T extends readonly { contract: object }[]> = T extends readonly [infer First extends { contract: object }, ...infer Rest extends readonly { contract: object }[]] ? First['contract'] & Merged<Rest> : unknown;

interface SharedModule {
  name: string;
  contract: Record<string, MethodSpec>;
  permissions: Record<string, readonly string[]>;
}

/**
 * The contract, each method's module, the permission list and the built-in roles' defaults made from
 * the modules. Two modules of one name, or claiming one method or one permission, or a method asking for a permission no module
 * declares, stop the app at start (a spread of the contracts would keep the last one silently).
 */
export function fromModules(list: readonly SharedModule[]) {
  const methods: Record<string, MethodSpec> = {};
  const owners: Record<string, string> = {};
  const permissions: string[] = [];
  for (const m of list) {
    if (list.filter((other) => other.name === m.name).length > 1) throw new Error(`two modules are named ${m.name}`);
    for (const [name, spec] of Object.entries(m.contract)) {
      if (name in methods) throw new Error(`two modules declare the method ${name}`);
      methods[name] = spec;
      owners[name] = m.name;
    }
    for (const p of Object.keys(m.permissions)) {
      if (permissions.includes(p)) throw new Error(`two modules declare the permission ${p}`);
      permissions.push(p);
    }
  }
  for (const [name, spec] of Object.entries(methods)) {
    if (spec.permission !== 'public' && spec.permission !== 'signedIn' && !permissions.includes(spec.permission)) throw new Error(`${name} asks for ${spec.permission}, which no module declares`);
  }
  const defaults = Object.fromEntries(ROLES.map((role) => [role, role === 'admin' ? permissions : list.flatMap((m) => Object.entries(m.permissions).filter(([, roles]) => roles.includes(role)).map(([p]) => p))])) as Record<Role, string[]>;
  return { methods, owners, permissions, defaults };
}
const made = fromModules(MODULES);

/** Every method of the app. */
export const contract = made.methods as unknown as Merged<Modules>;

/**
 * The module a method belongs to ('volunteers' for teams.save): what a write changes, for the windows and
 * desks to refresh (main/core/office.ts, renderer/api/hooks.ts), and the area the audit log names.
 */
export function moduleOf(method: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(made.owners, method) ? made.owners[method] : undefined;
}

/** Every permission a role can be granted, module by module, in the modules' order. */
type PermissionsOf<M> = M extends { permissions: infer P } ? keyof P & string : never;
export type Permission = PermissionsOf<Modules[number]>;
/** 'public': callable before signing in (the login itself); 'signedIn': any signed-in user, even while locked. */
export type Access = Permission | 'public' | 'signedIn';
export const PERMISSIONS = made.permissions as Permission[];
knowPermissions(PERMISSIONS);
// Every method names a permission some module declares: a typo fails to compile here (and fromModules says so at start).
const _methodsAskKnownPermissions: [Contract[MethodName]['permission']] extends [Access] ? true : never = true;

/** What each built-in role holds before an administrator changes it: the administrator everything. */
export const DEFAULT_PERMISSIONS = made.defaults as Record<Role, readonly Permission[]>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
export const methodNames = Object.keys(contract) as MethodName[];
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
export * from './define';
