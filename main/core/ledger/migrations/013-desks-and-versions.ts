import type { Migration } from './index';
import { grantPermissions } from './grant';

/**
 * Many desks on one ledger: the activity log names the desk a person was at, and a resident carries a
 * version that every save raises, so a save over someone else's newer change is caught, not lost.
 */
export const m013: Migration = {
  version: 13,
  name: 'desks and record versions',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN desk TEXT NOT NULL DEFAULT '';
      ALTER TABLE residents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    `);
    grantPermissions(db, 'admin', ['hosting.manage']);
  },
};
