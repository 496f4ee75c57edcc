/** What other modules may use of the retention module; its tables and the rest are its own. */
export { dueCount } from './handlers';
