/** What other modules may use of the visits module: a resident's visits, shown on their own page. */
export { ResidentVisitsCard } from './ResidentVisitsCard';
