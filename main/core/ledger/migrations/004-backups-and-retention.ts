import type { Migration } from './index';

/**
 * The administrator keeps the backups (issue: never lose a record) and purges records past their
 * retention (issue: protection): two permissions of their own, and the log of every purge.
 */
export const m004: Migration = {
  version: 4,
  name: 'backups and retention: permissions and the purge log',
  up(db) {
    const row = db.prepare("SELECT permissions FROM roles WHERE name = 'admin'").pluck().get() as string | undefined;
    if (row !== undefined) {
      const permissions = JSON.parse(row) as string[];
      const added = ['backups.manage', 'records.purge'].filter((p) => !permissions.includes(p));
      if (added.length) db.prepare("UPDATE roles SET permissions = ? WHERE name = 'admin'").run(JSON.stringify([...permissions, ...added]));
    }
    db.exec(`
      -- What was purged, when, by whom and under which rule: the records are gone, this stays.
      CREATE TABLE purge_log (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL DEFAULT (datetime('now')), actor TEXT NOT NULL,
        rule TEXT NOT NULL, records INTEGER NOT NULL, reason TEXT NOT NULL,
        -- the purged records' keys, as keyed hashes: enough to answer "was this person's record purged?"
        refs TEXT NOT NULL);
    `);
  },
};
