/** What other modules may use of the hosting module: connecting this PC to the office's host. */
export { ConnectDialog } from './ConnectDialog';
