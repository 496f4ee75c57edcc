import type { Migration } from './index';
import { grantPermissions } from './grant';

/**
 * 议事协商 and 志愿者 (issue 24). A matter keeps each step of its procedure in its own columns (dated,
 * by whom in consult_steps); its participants are rows, residents of the ledger among them. The corps:
 * volunteers (a resident, someone from outside, or a reporting party member), teams, activities with
 * sign-up and hours, 小巷管家 rounds (a problem found is raised in 走访与诉求), numbered hours
 * certificates. Frozen: the permission names are written out, not imported.
 */
export const m015: Migration = {
  version: 15,
  name: 'consultation and volunteers',
  up(db) {
    grantPermissions(db, 'admin', ['consultation.view', 'consultation.edit', 'consultation.review', 'volunteers.view', 'volunteers.edit']);
    grantPermissions(db, 'staff', ['consultation.view', 'consultation.edit', 'volunteers.view', 'volunteers.edit']);
    grantPermissions(db, 'secretary', ['consultation.view', 'consultation.review', 'volunteers.view']);
    db.prepare('INSERT OR IGNORE INTO roles(name, permissions) VALUES (?, ?)').run('coordinator', JSON.stringify(['volunteers.view', 'volunteers.edit', 'lists.view', 'desk.view']));
    db.exec(`
      CREATE TABLE consult_matters (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL, serial INTEGER NOT NULL, number TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL, content TEXT NOT NULL, source TEXT NOT NULL, raiser TEXT NOT NULL, resident_id INTEGER REFERENCES residents(id),
        form TEXT NOT NULL, building_ids TEXT NOT NULL DEFAULT '[]', scope TEXT NOT NULL DEFAULT '',
        source_kind TEXT CHECK (source_kind IN ('problem', 'need')), source_id INTEGER,
        proposed_on TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'proposed', agreed INTEGER,
        review_on TEXT NOT NULL DEFAULT '', review_agreed INTEGER, review_opinion TEXT NOT NULL DEFAULT '', reviewer TEXT NOT NULL DEFAULT '',
        chosen_on TEXT NOT NULL DEFAULT '',
        notice_on TEXT NOT NULL DEFAULT '', meeting_on TEXT NOT NULL DEFAULT '', meeting_time TEXT NOT NULL DEFAULT '', notice_place TEXT NOT NULL DEFAULT '', notice_text TEXT NOT NULL DEFAULT '',
        met_on TEXT NOT NULL DEFAULT '', meet_place TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '', recorder TEXT NOT NULL DEFAULT '',
        decision TEXT NOT NULL DEFAULT '', votes_for INTEGER, votes_against INTEGER, votes_abstain INTEGER, outcome TEXT NOT NULL DEFAULT '', views TEXT NOT NULL DEFAULT '[]',
        published_from TEXT NOT NULL DEFAULT '', published_to TEXT NOT NULL DEFAULT '', publish_text TEXT NOT NULL DEFAULT '',
        assigned_on TEXT NOT NULL DEFAULT '', executor TEXT NOT NULL DEFAULT '', task TEXT NOT NULL DEFAULT '', due_by TEXT NOT NULL DEFAULT '',
        done_on TEXT NOT NULL DEFAULT '', done_text TEXT NOT NULL DEFAULT '',
        feedback_on TEXT NOT NULL DEFAULT '', feedback_how TEXT NOT NULL DEFAULT '', satisfied INTEGER NOT NULL DEFAULT 0, basic INTEGER NOT NULL DEFAULT 0,
        unsatisfied INTEGER NOT NULL DEFAULT 0, feedback_note TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')), UNIQUE (year, serial));
      CREATE INDEX consult_matters_state ON consult_matters(state, due_by);
      CREATE INDEX consult_matters_source ON consult_matters(source_kind, source_id);
      CREATE TABLE consult_participants (
        id INTEGER PRIMARY KEY, matter_id INTEGER NOT NULL REFERENCES consult_matters(id), kind TEXT NOT NULL,
        resident_id INTEGER REFERENCES residents(id), name TEXT NOT NULL, unit TEXT NOT NULL DEFAULT '', building TEXT NOT NULL DEFAULT '',
        present INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX consult_participants_matter ON consult_participants(matter_id);
      CREATE TABLE consult_steps (
        id INTEGER PRIMARY KEY, matter_id INTEGER NOT NULL REFERENCES consult_matters(id), step TEXT NOT NULL, date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX consult_steps_matter ON consult_steps(matter_id);
      CREATE TABLE consult_sequences (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);

      CREATE TABLE volunteers (
        id INTEGER PRIMARY KEY, origin TEXT NOT NULL CHECK (origin IN ('resident', 'outside', 'reporter')),
        resident_id INTEGER REFERENCES residents(id), reporter_id INTEGER REFERENCES party_reporters(id),
        name TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '', unit TEXT NOT NULL DEFAULT '', skills TEXT NOT NULL DEFAULT '', free_time TEXT NOT NULL DEFAULT '',
        joined_on TEXT NOT NULL, left_on TEXT NOT NULL DEFAULT '', left_reason TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE UNIQUE INDEX volunteers_resident ON volunteers(resident_id) WHERE resident_id IS NOT NULL AND left_on = '';
      CREATE UNIQUE INDEX volunteers_reporter ON volunteers(reporter_id) WHERE reporter_id IS NOT NULL;
      CREATE TABLE volunteer_teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, leader_id INTEGER REFERENCES volunteers(id));
      CREATE TABLE volunteer_team_members (team_id INTEGER NOT NULL REFERENCES volunteer_teams(id), volunteer_id INTEGER NOT NULL REFERENCES volunteers(id), PRIMARY KEY (team_id, volunteer_id));
      CREATE TABLE volunteer_activities (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL, serial INTEGER NOT NULL, number TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL, content TEXT NOT NULL DEFAULT '', place TEXT NOT NULL, date TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
        wanted INTEGER NOT NULL, team_id INTEGER REFERENCES volunteer_teams(id), state TEXT NOT NULL DEFAULT 'planned',
        cancel_reason TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')), UNIQUE (year, serial));
      CREATE INDEX volunteer_activities_date ON volunteer_activities(date);
      CREATE TABLE volunteer_signups (
        activity_id INTEGER NOT NULL REFERENCES volunteer_activities(id), volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
        present INTEGER NOT NULL DEFAULT 0, hours REAL NOT NULL DEFAULT 0, PRIMARY KEY (activity_id, volunteer_id));
      CREATE INDEX volunteer_signups_volunteer ON volunteer_signups(volunteer_id);
      CREATE TABLE volunteer_patrols (
        id INTEGER PRIMARY KEY, volunteer_id INTEGER NOT NULL REFERENCES volunteers(id), date TEXT NOT NULL, route TEXT NOT NULL,
        seen TEXT NOT NULL DEFAULT '', hours REAL NOT NULL DEFAULT 0, problem_id INTEGER REFERENCES problems(id), problem_number TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX volunteer_patrols_volunteer ON volunteer_patrols(volunteer_id, date);
      CREATE TABLE volunteer_certificates (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL, serial INTEGER NOT NULL, number TEXT NOT NULL UNIQUE, volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
        for_year INTEGER NOT NULL, hours REAL NOT NULL, activities INTEGER NOT NULL, stars INTEGER NOT NULL, points REAL NOT NULL,
        issued_on TEXT NOT NULL, issued_by TEXT NOT NULL, UNIQUE (year, serial));
      CREATE TABLE volunteer_activity_sequences (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
      CREATE TABLE volunteer_certificate_sequences (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
    `);
  },
};
