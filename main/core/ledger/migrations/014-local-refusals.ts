import type { Migration } from './index';

/**
 * Provinces and cities add kinds of certificate a committee must not issue (Guangdong lists 23 + 4):
 * the administrator keeps them here, with their basis and who issues them instead, and may add words
 * for any kind, national or local, as people in the area say them.
 */
export const m014: Migration = {
  version: 14,
  name: 'local refusal kinds',
  up(db) {
    db.exec(`
      CREATE TABLE cert_refusal_kinds (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        basis TEXT NOT NULL,
        instead TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (datetime('now'))
      ) WITHOUT ROWID;
      CREATE TABLE cert_refusal_words (
        kind TEXT NOT NULL,
        word TEXT NOT NULL,
        PRIMARY KEY (kind, word)
      ) WITHOUT ROWID;
    `);
  },
};
