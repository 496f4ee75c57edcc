import type { Migration } from './index';
import { grantPermissions } from './grant';

/** The desk's reminders (issue 10, first part): computed from the modules, only the snoozes are kept. */
export const m010: Migration = {
  version: 10,
  name: 'the desk: reminder snoozes',
  up(db) {
    for (const role of ['admin', 'staff', 'mediator', 'secretary']) grantPermissions(db, role, ['desk.view']);
    db.exec(`
      CREATE TABLE reminder_snoozes (
        user_id INTEGER NOT NULL, key TEXT NOT NULL, until TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')),
        PRIMARY KEY (user_id, key));
    `);
  },
};
