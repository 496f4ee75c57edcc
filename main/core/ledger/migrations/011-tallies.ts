import type { Migration } from './index';
import { grantPermissions } from './grant';

/** The visit rules as they were when this step landed, for a ledger that never saved its own (written out, not imported). */
const DEFAULT_VISIT_RULES = [
  { tag: 'alone', days: 7 },
  { tag: 'disabled', days: 30 },
  { tag: 'dibao', days: 30 },
  { tag: 'tekun', days: 30 },
  { tag: 'child_hardship', days: 30 },
  { tag: 'left_behind', days: 30 },
];

/**
 * When the care-group household X is next due a visit, recomputed in one place for every trigger that
 * can change it: the strictest rule among its active members' tags, days after its last household visit
 * ('' = never visited: due now). Residents first: one household's few members, by its index.
 */
const refreshVisitDue = (x: string) => `
  DELETE FROM household_visit_due WHERE household_id = ${x};
  INSERT INTO household_visit_due(household_id, days, last, due)
    SELECT r.household_id, min(d.days), v.last, CASE WHEN v.last IS NULL THEN '' ELSE date(v.last, '+' || min(d.days) || ' days') END
    FROM residents r CROSS JOIN resident_tags t ON t.resident_id = r.id JOIN visit_rule_days d ON d.tag = t.tag
      JOIN (SELECT max(date) AS last FROM visits WHERE household_id = ${x}) v
    WHERE r.household_id = ${x} AND r.status = 'active' GROUP BY r.household_id;`;
const household = (resident: string) => `(SELECT household_id FROM residents WHERE id = ${resident})`;

/**
 * The dashboard (issue 10) opens in well under 300 ms on a million residents because it reads counts
 * kept up to date by triggers, never a scan of the residents: people by grid × status × gender × birth
 * year (the pyramid and every status count), and active people by grid × care tag. A resident's row
 * moves between tallies when their status, grid, gender or birth date changes; a tag follows its row.
 * The reminders likewise read kept dates through an index: each care-group household's next visit
 * due, and the day each resident left (for the retention rule).
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
        status TEXT NOT NULL, gender TEXT NOT NULL, birth_year INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (status, gender, birth_year)) WITHOUT ROWID;
      CREATE TABLE tag_tally (
        grid_id INTEGER NOT NULL, tag TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (grid_id, tag)) WITHOUT ROWID;

      INSERT INTO resident_tally
        SELECT status, gender, coalesce(CAST(substr(birth_date, 1, 4) AS INTEGER), 0), count(*) FROM residents GROUP BY 1, 2, 3;
      INSERT INTO tag_tally
        SELECT coalesce(r.grid_id, 0), t.tag, count(*) FROM resident_tags t CROSS JOIN residents r ON r.id = t.resident_id
        WHERE r.status = 'active' GROUP BY 1, 2;

      CREATE TRIGGER resident_tally_insert AFTER INSERT ON residents BEGIN
        INSERT INTO resident_tally VALUES (NEW.status, NEW.gender, coalesce(CAST(substr(NEW.birth_date, 1, 4) AS INTEGER), 0), 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER resident_tally_delete AFTER DELETE ON residents BEGIN
        UPDATE resident_tally SET n = n - 1
          WHERE status = OLD.status AND gender = OLD.gender AND birth_year = coalesce(CAST(substr(OLD.birth_date, 1, 4) AS INTEGER), 0);
      END;
      -- Fired only by a real change (an edit saves every column), and the tags' part only for people who have tags.
      CREATE TRIGGER resident_tally_update AFTER UPDATE OF status, gender, birth_date ON residents
        WHEN OLD.status IS NOT NEW.status OR OLD.gender IS NOT NEW.gender OR OLD.birth_date IS NOT NEW.birth_date BEGIN
        UPDATE resident_tally SET n = n - 1
          WHERE status = OLD.status AND gender = OLD.gender AND birth_year = coalesce(CAST(substr(OLD.birth_date, 1, 4) AS INTEGER), 0);
        INSERT INTO resident_tally VALUES (NEW.status, NEW.gender, coalesce(CAST(substr(NEW.birth_date, 1, 4) AS INTEGER), 0), 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      -- Care groups count active people only: leaving, dying or moving grid moves their tags too.
      CREATE TRIGGER tag_tally_resident_update AFTER UPDATE OF grid_id, status ON residents
        WHEN (OLD.status IS NOT NEW.status OR OLD.grid_id IS NOT NEW.grid_id) AND EXISTS (SELECT 1 FROM resident_tags WHERE resident_id = NEW.id) BEGIN
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

      CREATE TABLE ledger_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO ledger_counts SELECT 'households', count(*) FROM households;
      CREATE TRIGGER households_count_insert AFTER INSERT ON households BEGIN UPDATE ledger_counts SET n = n + 1 WHERE name = 'households'; END;
      CREATE TRIGGER households_count_delete AFTER DELETE ON households BEGIN UPDATE ledger_counts SET n = n - 1 WHERE name = 'households'; END;

      -- The day a resident last moved out or died, kept on the row: the retention rule reads it through an index.
      ALTER TABLE residents ADD COLUMN left_on TEXT;
      UPDATE residents SET left_on = (SELECT max(e.date) FROM resident_events e WHERE e.resident_id = residents.id AND e.kind IN ('moved_out', 'died'))
        WHERE status <> 'active';
      CREATE INDEX residents_left ON residents(status, left_on, birth_date) WHERE left_on IS NOT NULL;
      CREATE TRIGGER resident_left AFTER INSERT ON resident_events WHEN NEW.kind IN ('moved_out', 'died') BEGIN
        UPDATE residents SET left_on = NEW.date WHERE id = NEW.resident_id AND (left_on IS NULL OR left_on < NEW.date);
      END;

      -- Visit rules as rows (the settings page writes both), and each care-group household's next visit.
      CREATE TABLE visit_rule_days (tag TEXT PRIMARY KEY, days INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE household_visit_due (household_id INTEGER PRIMARY KEY, days INTEGER NOT NULL, last TEXT, due TEXT NOT NULL);
      CREATE INDEX household_visit_due_due ON household_visit_due(due);

      -- Moves in and out by month, for the dashboard's trend. Date first: a per-resident lookup
      -- (resident_id = ? AND kind IN …) must keep using the resident's own index, never scan by kind.
      CREATE INDEX resident_events_date ON resident_events(date, kind);
      CREATE INDEX mediation_cases_accepted ON mediation_cases(accepted_on);
      CREATE INDEX certificates_issued ON certificates(issued_at) WHERE status = 'issued';

      -- An upper department's spreadsheet: the file as sent, where its header row is, and which column takes which field.
      CREATE TABLE sheet_templates (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, department TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL, file BLOB NOT NULL, sheet TEXT NOT NULL, header_row INTEGER NOT NULL,
        columns TEXT NOT NULL, mapping TEXT NOT NULL DEFAULT '{}',
        created_by TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')), updated_at TEXT NOT NULL DEFAULT (datetime('now')));
    `);
    const stored = db.prepare("SELECT value FROM settings WHERE key = 'visit_settings'").pluck().get() as string | undefined;
    const rules = stored ? (JSON.parse(stored) as { visitRules: { tag: string; days: number }[] }).visitRules : DEFAULT_VISIT_RULES;
    const addRule = db.prepare('INSERT INTO visit_rule_days(tag, days) VALUES (?, ?) ON CONFLICT(tag) DO UPDATE SET days = min(days, excluded.days)');
    for (const r of rules) addRule.run(r.tag, r.days);
    db.exec(`
      INSERT INTO household_visit_due(household_id, days, last, due)
        SELECT r.household_id, min(d.days), (SELECT max(date) FROM visits v WHERE v.household_id = r.household_id) AS last, ''
        FROM visit_rule_days d JOIN resident_tags t ON t.tag = d.tag CROSS JOIN residents r ON r.id = t.resident_id
        WHERE r.status = 'active' AND r.household_id IS NOT NULL GROUP BY r.household_id;
      UPDATE household_visit_due SET due = date(last, '+' || days || ' days') WHERE last IS NOT NULL;

      CREATE TRIGGER visit_due_visit_insert AFTER INSERT ON visits WHEN NEW.household_id IS NOT NULL BEGIN ${refreshVisitDue('NEW.household_id')} END;
      CREATE TRIGGER visit_due_visit_delete AFTER DELETE ON visits WHEN OLD.household_id IS NOT NULL BEGIN ${refreshVisitDue('OLD.household_id')} END;
      CREATE TRIGGER visit_due_visit_update AFTER UPDATE OF household_id, date ON visits BEGIN
        ${refreshVisitDue('OLD.household_id')} ${refreshVisitDue('NEW.household_id')}
      END;
      CREATE TRIGGER visit_due_tag_insert AFTER INSERT ON resident_tags BEGIN ${refreshVisitDue(household('NEW.resident_id'))} END;
      CREATE TRIGGER visit_due_tag_delete AFTER DELETE ON resident_tags BEGIN ${refreshVisitDue(household('OLD.resident_id'))} END;
      CREATE TRIGGER visit_due_resident_update AFTER UPDATE OF status, household_id ON residents
        WHEN (OLD.status IS NOT NEW.status OR OLD.household_id IS NOT NEW.household_id) AND EXISTS (SELECT 1 FROM resident_tags WHERE resident_id = NEW.id) BEGIN
        ${refreshVisitDue('OLD.household_id')} ${refreshVisitDue('NEW.household_id')}
      END;
      CREATE TRIGGER visit_due_resident_delete AFTER DELETE ON residents BEGIN ${refreshVisitDue('OLD.household_id')} END;
    `);
  },
};
