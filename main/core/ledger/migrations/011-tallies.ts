import type { Migration } from './index';
import { grantPermissions } from './grant';

/**
 * The dashboard (issue 10) opens in well under 300 ms on a million residents because it reads counts
 * kept up to date by triggers, never a scan of the residents: people by grid × status × gender × birth
 * year (the pyramid and every status count), and active people by grid × care tag. A resident's row
 * moves between tallies when their status, grid, gender or birth date changes; a tag follows its row.
 * Also the upper-level sheet templates (issue 10, part 4).
 */
export const m011: Migration = {
  version: 11,
  name: 'the desk: maintained tallies and upper-level sheet templates',
  up(db) {
    // Filling a sheet is an export of residents (residents.export); only setting one up is new.
    grantPermissions(db, 'admin', ['templates.manage']);
    db.exec(`
      -- A resident's tags by resident: the triggers below look them up on every change of a resident.
      CREATE INDEX resident_tags_resident ON resident_tags(resident_id);
      CREATE TABLE resident_tally (
        grid_id INTEGER NOT NULL, status TEXT NOT NULL, gender TEXT NOT NULL, birth_year INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (grid_id, status, gender, birth_year)) WITHOUT ROWID;
      CREATE TABLE tag_tally (
        grid_id INTEGER NOT NULL, tag TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (grid_id, tag)) WITHOUT ROWID;

      INSERT INTO resident_tally
        SELECT coalesce(grid_id, 0), status, gender, coalesce(CAST(substr(birth_date, 1, 4) AS INTEGER), 0), count(*)
        FROM residents GROUP BY 1, 2, 3, 4;
      INSERT INTO tag_tally
        SELECT coalesce(r.grid_id, 0), t.tag, count(*) FROM resident_tags t JOIN residents r ON r.id = t.resident_id
        WHERE r.status = 'active' GROUP BY 1, 2;

      CREATE TRIGGER resident_tally_insert AFTER INSERT ON residents BEGIN
        INSERT INTO resident_tally VALUES (coalesce(NEW.grid_id, 0), NEW.status, NEW.gender, coalesce(CAST(substr(NEW.birth_date, 1, 4) AS INTEGER), 0), 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER resident_tally_delete AFTER DELETE ON residents BEGIN
        UPDATE resident_tally SET n = n - 1
          WHERE grid_id = coalesce(OLD.grid_id, 0) AND status = OLD.status AND gender = OLD.gender AND birth_year = coalesce(CAST(substr(OLD.birth_date, 1, 4) AS INTEGER), 0);
      END;
      CREATE TRIGGER resident_tally_update AFTER UPDATE OF grid_id, status, gender, birth_date ON residents BEGIN
        UPDATE resident_tally SET n = n - 1
          WHERE grid_id = coalesce(OLD.grid_id, 0) AND status = OLD.status AND gender = OLD.gender AND birth_year = coalesce(CAST(substr(OLD.birth_date, 1, 4) AS INTEGER), 0);
        INSERT INTO resident_tally VALUES (coalesce(NEW.grid_id, 0), NEW.status, NEW.gender, coalesce(CAST(substr(NEW.birth_date, 1, 4) AS INTEGER), 0), 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        -- Care groups count active people only: leaving, dying or moving grid moves their tags too.
        UPDATE tag_tally SET n = n - 1
          WHERE OLD.status = 'active' AND grid_id = coalesce(OLD.grid_id, 0) AND tag IN (SELECT tag FROM resident_tags WHERE resident_id = OLD.id);
        INSERT INTO tag_tally SELECT coalesce(NEW.grid_id, 0), tag, 1 FROM resident_tags WHERE resident_id = NEW.id AND NEW.status = 'active'
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER tag_tally_insert AFTER INSERT ON resident_tags BEGIN
        INSERT INTO tag_tally SELECT coalesce(grid_id, 0), NEW.tag, 1 FROM residents WHERE id = NEW.resident_id AND status = 'active'
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER tag_tally_delete AFTER DELETE ON resident_tags BEGIN
        UPDATE tag_tally SET n = n - 1
          WHERE tag = OLD.tag AND grid_id = (SELECT coalesce(grid_id, 0) FROM residents WHERE id = OLD.resident_id AND status = 'active');
      END;

      -- Moves in and out by month, for the dashboard's trend.
      CREATE INDEX resident_events_kind_date ON resident_events(kind, date);
      CREATE INDEX mediation_cases_accepted ON mediation_cases(accepted_on);
      CREATE INDEX certificates_issued ON certificates(issued_at) WHERE status = 'issued';

      -- An upper department's spreadsheet: the file as sent, where its header row is, and which column takes which field.
      CREATE TABLE sheet_templates (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, department TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL, file BLOB NOT NULL, sheet TEXT NOT NULL, header_row INTEGER NOT NULL,
        columns TEXT NOT NULL, mapping TEXT NOT NULL DEFAULT '{}',
        created_by TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')), updated_at TEXT NOT NULL DEFAULT (datetime('now')));
    `);
  },
};
