/** What the app's frame uses of the desk module: the search box in the header. */
export { GlobalSearch } from './GlobalSearch';
