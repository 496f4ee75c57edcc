/** What other modules may use of the party module; its tables and the rest are its own. */
export { branchStats } from './members';
export { reportersForCorps, reporterServices } from './reporting';
