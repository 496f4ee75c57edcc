/** What other modules may use of the visits module; its tables and the rest are its own. */
export { problemDetail, raise, visitSettings } from './problems';
export { logVisit } from './visits';
