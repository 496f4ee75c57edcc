import type { Migration } from './index';

/** The administrator keeps the backups (issue: never lose a record): a permission of its own. */
export const m004: Migration = {
  version: 4,
  name: 'administrators manage backups',
  up(db) {
    const row = db.prepare("SELECT permissions FROM roles WHERE name = 'admin'").pluck().get() as string | undefined;
    if (row === undefined) return;
    const permissions = JSON.parse(row) as string[];
    if (!permissions.includes('backups.manage')) db.prepare("UPDATE roles SET permissions = ? WHERE name = 'admin'").run(JSON.stringify([...permissions, 'backups.manage']));
  },
};
