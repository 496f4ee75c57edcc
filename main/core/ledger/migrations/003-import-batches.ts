import type { Migration } from './index';

/**
 * Imports commit in batches (issue: never lose a record): each run remembers the file it came from and
 * how many rows are in, so an import cut off by a crash or a cancel continues where it stopped.
 */
export const m003: Migration = {
  version: 3,
  name: 'import runs commit in batches and can resume',
  up(db) {
    db.exec(`
      ALTER TABLE import_runs ADD COLUMN file_hash TEXT;
      ALTER TABLE import_runs ADD COLUMN rows_done INTEGER NOT NULL DEFAULT 0;
      -- running (or cut off by a crash), stopped (cancelled by the user), done
      ALTER TABLE import_runs ADD COLUMN state TEXT NOT NULL DEFAULT 'done';
      UPDATE import_runs SET rows_done = rows;
      CREATE INDEX import_runs_file ON import_runs(file_hash) WHERE state <> 'done';
    `);
  },
};
