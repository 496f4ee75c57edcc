/** What other modules may use of the mediation module; its tables and the rest are its own. */
export { openCase } from './cases';
export { caseStats } from './handlers';
