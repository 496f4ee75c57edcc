import type { Migration } from './index';
import { grantPermissions } from './grant';

/**
 * People's mediation (issue 7): cases with their parties and mediators, every change of state, the
 * session records, the outcome and the follow-up visits. A mediator sees the cases assigned to them;
 * `mediation.all` (the committee head) sees every case.
 */
export const m007: Migration = {
  version: 7,
  name: 'mediation: cases, parties, sessions, outcomes, follow-ups',
  up(db) {
    grantPermissions(db, 'admin', ['mediation.work', 'mediation.all']);
    grantPermissions(db, 'mediator', ['mediation.work']);
    db.exec(`
      CREATE TABLE mediation_cases (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL, serial INTEGER NOT NULL, number TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL DEFAULT 'accepted', dispute_type TEXT NOT NULL, source TEXT NOT NULL, source_detail TEXT NOT NULL DEFAULT '',
        facts TEXT NOT NULL, requests TEXT NOT NULL DEFAULT '', consent INTEGER NOT NULL,
        rights_notice_on TEXT NOT NULL DEFAULT '', accepted_on TEXT NOT NULL,
        outcome TEXT CHECK (outcome IN ('written', 'oral', 'failed')), outcome_on TEXT NOT NULL DEFAULT '',
        agreement_number TEXT UNIQUE, agreement_facts TEXT NOT NULL DEFAULT '', agreement_terms TEXT NOT NULL DEFAULT '',
        performance_terms TEXT NOT NULL DEFAULT '', money_fen INTEGER NOT NULL DEFAULT 0,
        routes_told TEXT NOT NULL DEFAULT '[]', failure_reason TEXT NOT NULL DEFAULT '',
        prevent_criminal INTEGER NOT NULL DEFAULT 0, prevent_petition INTEGER NOT NULL DEFAULT 0,
        archived_on TEXT NOT NULL DEFAULT '', filing_clerk TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')),
        UNIQUE (year, serial));
      CREATE TABLE mediation_parties (
        id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES mediation_cases(id),
        role TEXT NOT NULL CHECK (role IN ('applicant', 'respondent')), resident_id INTEGER REFERENCES residents(id),
        name TEXT NOT NULL, gender TEXT NOT NULL DEFAULT '', ethnicity TEXT NOT NULL DEFAULT '', birth_date TEXT NOT NULL DEFAULT '',
        occupation TEXT NOT NULL DEFAULT '', contact TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
        identity_checked INTEGER NOT NULL DEFAULT 0, agent TEXT NOT NULL DEFAULT '');
      CREATE INDEX mediation_parties_case ON mediation_parties(case_id);
      CREATE TABLE mediation_mediators (
        case_id INTEGER NOT NULL REFERENCES mediation_cases(id), user_id INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (case_id, user_id));
      CREATE TABLE mediation_events (
        id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES mediation_cases(id),
        from_state TEXT NOT NULL, to_state TEXT NOT NULL, date TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE TABLE mediation_sessions (
        id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES mediation_cases(id),
        date TEXT NOT NULL, place TEXT NOT NULL DEFAULT '', participants TEXT NOT NULL DEFAULT '',
        notices TEXT NOT NULL DEFAULT '', statements TEXT NOT NULL DEFAULT '', facts TEXT NOT NULL DEFAULT '',
        result TEXT NOT NULL DEFAULT '', recorder TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE TABLE mediation_followups (
        id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES mediation_cases(id),
        date TEXT NOT NULL, performed TEXT NOT NULL, satisfaction TEXT NOT NULL DEFAULT '', lawsuit TEXT NOT NULL DEFAULT '',
        risk TEXT NOT NULL DEFAULT '', measures TEXT NOT NULL DEFAULT '', visitor TEXT NOT NULL);
      -- Evidence, investigation records, identity papers …: kept inside the ledger (encrypted with it), each with its hash.
      CREATE TABLE mediation_attachments (
        id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES mediation_cases(id),
        kind TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, data BLOB NOT NULL,
        note TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX mediation_attachments_case ON mediation_attachments(case_id);
      CREATE TABLE mediation_sequences (kind TEXT NOT NULL, year INTEGER NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (kind, year));
    `);
  },
};
