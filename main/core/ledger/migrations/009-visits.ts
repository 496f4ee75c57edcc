import type { Migration } from './index';
import { grantPermissions } from './grant';

/**
 * Visits and problems (issue 9): the visit log, problems from found to answered with every change on
 * record, escalations to the street or a department with their replies. Categories with their
 * deadlines and the visit rules are settings (problem_categories, visit_rules).
 */
export const m009: Migration = {
  version: 9,
  name: 'visits and problems: visit log, problems, escalations',
  up(db) {
    grantPermissions(db, 'admin', ['visits.view', 'visits.edit']);
    grantPermissions(db, 'staff', ['visits.view', 'visits.edit']);
    db.exec(`
      CREATE TABLE visits (
        id INTEGER PRIMARY KEY, date TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('household', 'building', 'place')),
        household_id INTEGER REFERENCES households(id), building_id INTEGER REFERENCES buildings(id), place TEXT NOT NULL DEFAULT '',
        grid_id INTEGER REFERENCES grids(id), visitors TEXT NOT NULL, met TEXT NOT NULL DEFAULT '', seen TEXT NOT NULL DEFAULT '',
        words TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX visits_household ON visits(household_id, date);
      CREATE INDEX visits_date ON visits(date);
      CREATE TABLE problems (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL, serial INTEGER NOT NULL, number TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL CHECK (source IN ('visit', 'walkin', 'phone', 'hotline')), hotline_ticket TEXT NOT NULL DEFAULT '',
        visit_id INTEGER REFERENCES visits(id), resident_id INTEGER REFERENCES residents(id), raiser TEXT NOT NULL DEFAULT '',
        anonymous INTEGER NOT NULL DEFAULT 0, contact TEXT NOT NULL DEFAULT '',
        grid_id INTEGER REFERENCES grids(id), building_id INTEGER REFERENCES buildings(id), place TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL, content TEXT NOT NULL, urgent INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'found', found_on TEXT NOT NULL, deadline TEXT NOT NULL,
        assignee_id INTEGER REFERENCES users(id), accepted_on TEXT NOT NULL DEFAULT '', resolved_on TEXT NOT NULL DEFAULT '',
        resolution TEXT NOT NULL DEFAULT '', confirmed_on TEXT NOT NULL DEFAULT '', confirmation TEXT NOT NULL DEFAULT '',
        raiser_confirmed INTEGER, answered_on TEXT NOT NULL DEFAULT '', answer TEXT NOT NULL DEFAULT '',
        satisfaction TEXT NOT NULL DEFAULT '', closed_on TEXT NOT NULL DEFAULT '', close_reason TEXT NOT NULL DEFAULT '',
        mediation_case_id INTEGER REFERENCES mediation_cases(id), created_by TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')),
        UNIQUE (year, serial));
      CREATE INDEX problems_state ON problems(state, deadline);
      CREATE INDEX problems_found ON problems(found_on);
      CREATE INDEX problems_closed ON problems(closed_on);
      CREATE INDEX problems_resident ON problems(resident_id);
      CREATE TABLE problem_events (
        id INTEGER PRIMARY KEY, problem_id INTEGER NOT NULL REFERENCES problems(id), from_state TEXT NOT NULL, to_state TEXT NOT NULL,
        date TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX problem_events_problem ON problem_events(problem_id);
      -- 吹哨: sent up to the street or a department; the community still confirms with the raiser and answers.
      CREATE TABLE problem_escalations (
        id INTEGER PRIMARY KEY, problem_id INTEGER NOT NULL REFERENCES problems(id), date TEXT NOT NULL, to_whom TEXT NOT NULL,
        request TEXT NOT NULL, deadline TEXT NOT NULL DEFAULT '', reply TEXT NOT NULL DEFAULT '', reply_on TEXT NOT NULL DEFAULT '',
        sent_by TEXT NOT NULL);
      CREATE INDEX problem_escalations_problem ON problem_escalations(problem_id);
      CREATE TABLE problem_sequences (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
    `);
  },
};
