/** What other modules may use of the desk module: the shape of what they offer it. */
export { moduleReminder, type DeskProvider } from './providers';
