/** What the app's frame uses of the community module: the first-run setup page. */
export { SetupPage } from './SetupPage';
