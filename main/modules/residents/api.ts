/** What other modules may use of the residents module; its tables and the rest are its own. */
export { findResidentsToLink, findResidentsWithBuilding, residentsBrief } from './search';
export { RESIDENT_COLUMNS, RESIDENT_FRAGMENTS, type ColumnKey } from './columns';
export { prng } from './seed';
export { refreshPlaces } from './store';
