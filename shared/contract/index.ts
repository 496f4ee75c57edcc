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
  { contract: communityContract, permissions: communityPermissions },
  { contract: residentsContract, permissions: residentsPermissions },
  { contract: authContract, permissions: authPermissions },
  { contract: backupsContract, permissions: backupsPermissions },
  { contract: retentionContract, permissions: retentionPermissions },
  { contract: partyContract, permissions: partyPermissions },
  { contract: certificatesContract, permissions: certificatesPermissions },
  { contract: mediationContract, permissions: mediationPermissions },
  { contract: listsContract, permissions: listsPermissions },
  { contract: visitsContract, permissions: visitsPermissions },
  { contract: deskContract, permissions: deskPermissions },
  { contract: reportsContract, permissions: reportsPermissions },
  { contract: hostingContract, permissions: hostingPermissions },
  { contract: consultationContract, permissions: consultationPermissions },
  { contract: volunteersContract, permissions: volunteersPermissions },
] as const;

type Modules = typeof MODULES;
type Merged<T extends readonly { contract: object }[]> = T extends readonly [infer First extends { contract: object }, ...infer Rest extends readonly { contract: object }[]] ? First['contract'] & Merged<Rest> : unknown;

interface SharedModule {
  contract: Record<string, MethodSpec>;
  permissions: Record<string, readonly string[]>;
}

/**
 * The contract, the permission list and the built-in roles' defaults made from the modules. Two
 * modules claiming one method or one permission, or a method asking for a permission no module
 * declares, stop the app at start (a spread of the contracts would keep the last one silently).
 */
export function fromModules(list: readonly SharedModule[]) {
  const methods: Record<string, MethodSpec> = {};
  const permissions: string[] = [];
  for (const m of list) {
    for (const [name, spec] of Object.entries(m.contract)) {
      if (name in methods) throw new Error(`two modules declare the method ${name}`);
      methods[name] = spec;
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
  return { methods, permissions, defaults };
}
const made = fromModules(MODULES);

/** Every method of the app. */
export const contract = made.methods as unknown as Merged<Modules>;

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
