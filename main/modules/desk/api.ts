/** What other modules may use of the desk module: the shape of what they offer it, and its helpers. */
export { byMonth, contains, moduleReminder, PER_GROUP, type DeskProvider } from './providers';
