import type { Handlers } from '../core/dispatch';
import { communityHandlers } from './community/handlers';
import { residentsHandlers } from './residents/handlers';
import { accountsHandlers } from './accounts/handlers';
import { backupsHandlers } from './backups/handlers';
import { retentionHandlers } from './retention/handlers';
import { partyHandlers } from './party/handlers';
import { certificatesHandlers } from './certificates/handlers';
import { mediationHandlers } from './mediation/handlers';
import { listsHandlers } from './lists/handlers';
import { visitsHandlers } from './visits/handlers';
import { deskHandlers } from './desk/handlers';
import { reportsHandlers } from './reports/handlers';
import { hostingHandlers } from './hosting/handlers';
import { consultationHandlers } from './consultation/handlers';
import { consultationDesk } from './consultation/desk';
import { residentsDesk } from './residents/desk';
import { partyDesk } from './party/desk';
import { mediationDesk } from './mediation/desk';
import { certificatesDesk } from './certificates/desk';
import { listsDesk } from './lists/desk';
import { visitsDesk } from './visits/desk';
import { retentionDesk } from './retention/desk';
import { volunteersHandlers } from './volunteers/handlers';
import { volunteersDesk } from './volunteers/desk';

/** Two modules claiming one method is an error at start: spreading one map over another would hide it. */
export function mergeHandlers(maps: readonly Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in merged) throw new Error(`the method ${name} has two handlers`);
      merged[name] = handler;
    }
  }
  return merged;
}

/** What modules offer the desk (reminders, the home screen, the one search box), each declared in its own desk.ts; search groups show in this order. */
const DESK_PROVIDERS = [residentsDesk, partyDesk, mediationDesk, certificatesDesk, listsDesk, visitsDesk, retentionDesk, consultationDesk, volunteersDesk] as const;

/** Every module's handlers, merged: the contract's type makes a missing method a compile error. */
const all = [accountsHandlers, communityHandlers, residentsHandlers, backupsHandlers, retentionHandlers, partyHandlers, certificatesHandlers, mediationHandlers, listsHandlers, visitsHandlers, deskHandlers(DESK_PROVIDERS), reportsHandlers, hostingHandlers, consultationHandlers, volunteersHandlers] as const;
type Merged = (typeof all)[number];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export const handlers: Handlers = mergeHandlers(all) as UnionToIntersection<Merged> satisfies Handlers;
