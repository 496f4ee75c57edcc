import type { Migration } from './index';

/** Indexes set aside during a bulk load, kept here so that a crash part-way cannot lose them (see ledger/bulk.ts). */
export const m012: Migration = {
  version: 12,
  name: 'deferred indexes',
  up(db) {
    db.exec(`CREATE TABLE deferred_indexes (name TEXT PRIMARY KEY, sql TEXT NOT NULL) WITHOUT ROWID;`);
  },
};
