/** What other modules may use of the two lists module; its tables and the rest are its own. */
export { measures } from './measures';
export { needDetail } from './needs';
export { servicesGiven } from './services';
