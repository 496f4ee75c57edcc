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

/** Every module's handlers, merged: the contract's type makes a missing method a compile error. */
export const handlers: Handlers = { ...accountsHandlers, ...communityHandlers, ...residentsHandlers, ...backupsHandlers, ...retentionHandlers, ...partyHandlers, ...certificatesHandlers, ...mediationHandlers, ...listsHandlers, ...visitsHandlers, ...deskHandlers, ...reportsHandlers, ...hostingHandlers };
