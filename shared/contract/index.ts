import type { z } from 'zod';
import { communityContract } from './community';
import { residentsContract } from './residents';
import { authContract } from './auth';
import { backupsContract } from './backups';
import { retentionContract } from './retention';
import { partyContract } from './party';
import { certificatesContract } from './certificates';
import { mediationContract } from './mediation';
import { listsContract } from './lists';
import { visitsContract } from './visits';
import { deskContract } from './desk';
import { reportsContract } from './reports';
import { hostingContract } from './hosting';
import { consultationContract } from './consultation';
import { volunteersContract } from './volunteers';

/** Every method of the app, merged from the per-module contracts. */
export const contract = { ...authContract, ...communityContract, ...residentsContract, ...backupsContract, ...retentionContract, ...partyContract, ...certificatesContract, ...mediationContract, ...listsContract, ...visitsContract, ...deskContract, ...reportsContract, ...hostingContract, ...consultationContract, ...volunteersContract };
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
