import type { Migration } from './index';

export const m001: Migration = {
  version: 1,
  name: 'community, households and residents',
  up(db) {
    db.exec(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE grids (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, leader TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE TABLE buildings (
        id INTEGER PRIMARY KEY, grid_id INTEGER NOT NULL REFERENCES grids(id), name TEXT NOT NULL,
        leader TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT (datetime('now')),
        UNIQUE (grid_id, name));
      CREATE TABLE dwellings (
        id INTEGER PRIMARY KEY, building_id INTEGER NOT NULL REFERENCES buildings(id),
        unit TEXT NOT NULL DEFAULT '', room TEXT NOT NULL, UNIQUE (building_id, unit, room));
      CREATE TABLE households (
        id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, dwelling_id INTEGER NOT NULL REFERENCES dwellings(id),
        head_id INTEGER, created_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX households_dwelling ON households(dwelling_id);

      CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY, file_name TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')),
        rows INTEGER NOT NULL, created INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0);

      CREATE TABLE residents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        id_number TEXT,
        gender TEXT NOT NULL,
        birth_date TEXT NOT NULL DEFAULT '',
        ethnicity TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        hukou_address TEXT NOT NULL DEFAULT '',
        household_id INTEGER REFERENCES households(id),
        relation TEXT NOT NULL DEFAULT '',
        residence_type TEXT NOT NULL DEFAULT 'registered',
        political TEXT NOT NULL DEFAULT '',
        education TEXT NOT NULL DEFAULT '',
        marital TEXT NOT NULL DEFAULT '',
        occupation TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'moved_out', 'deceased')),
        -- Denormalised from household → dwelling → building → grid so filters and sorts use one index.
        grid_id INTEGER, building_id INTEGER, address TEXT NOT NULL DEFAULT '', address_key TEXT NOT NULL DEFAULT '',
        name_pinyin TEXT NOT NULL DEFAULT '', name_initials TEXT NOT NULL DEFAULT '',
        import_run_id INTEGER REFERENCES import_runs(id),
        created_at TEXT NOT NULL DEFAULT (datetime('now')),
        updated_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE UNIQUE INDEX residents_id_number ON residents(id_number) WHERE id_number IS NOT NULL;
      CREATE INDEX residents_phone ON residents(phone);
      CREATE INDEX residents_household ON residents(household_id);
      CREATE INDEX residents_status_address ON residents(status, address_key);
      CREATE INDEX residents_status_pinyin ON residents(status, name_pinyin);
      CREATE INDEX residents_status_birth ON residents(status, birth_date);
      CREATE INDEX residents_initials ON residents(name_initials);
      CREATE INDEX residents_pinyin ON residents(name_pinyin);
      CREATE INDEX residents_grid ON residents(grid_id, status);
      CREATE INDEX residents_building ON residents(building_id, status);

      CREATE TABLE resident_tags (
        tag TEXT NOT NULL, resident_id INTEGER NOT NULL REFERENCES residents(id),
        PRIMARY KEY (tag, resident_id)) WITHOUT ROWID;

      -- History, not deletion: every move, death and change is a row on the resident's timeline.
      CREATE TABLE resident_events (
        id INTEGER PRIMARY KEY, resident_id INTEGER NOT NULL REFERENCES residents(id),
        kind TEXT NOT NULL, date TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '',
        import_run_id INTEGER REFERENCES import_runs(id),
        at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX resident_events_resident ON resident_events(resident_id);

      -- Substrings of 3+ characters (names, addresses, ID and phone fragments).
      CREATE VIRTUAL TABLE resident_fts USING fts5(name, address, idn, phone,
        tokenize = 'trigram', content = '', contentless_delete = 1);
      -- Trigram cannot answer 1-2 characters: app-generated single characters and pairs of names.
      CREATE VIRTUAL TABLE resident_short USING fts5(grams,
        tokenize = 'unicode61', content = '', contentless_delete = 1, detail = 'none');

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL DEFAULT (datetime('now')), actor TEXT NOT NULL,
        method TEXT NOT NULL, record TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '');
    `);
  },
};
