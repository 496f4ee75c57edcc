import type { Migration } from './index';
import { grantPermissions } from './grant';

/**
 * The party branch's records (issue 5): organisations, the member roster with its history, the
 * development files and their 25 steps, meetings with attendance, and dues by month. Money in fen.
 */
export const m005: Migration = {
  version: 5,
  name: 'party: branches, members, development files, meetings, dues, in-service members reporting',
  up(db) {
    grantPermissions(db, 'admin', ['party.view', 'party.edit', 'party.export']);
    grantPermissions(db, 'secretary', ['party.view', 'party.edit', 'party.export']);
    db.exec(`
      CREATE TABLE party_branches (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('committee', 'general', 'branch')),
        parent_id INTEGER REFERENCES party_branches(id),
        secretary TEXT NOT NULL DEFAULT '', committee TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (datetime('now')));

      -- A member who lives here points at the resident: name, ID, birth, phone and address are read
      -- from there (never typed twice); the own columns hold them for members who do not live here.
      CREATE TABLE party_members (
        id INTEGER PRIMARY KEY,
        resident_id INTEGER UNIQUE REFERENCES residents(id),
        name TEXT NOT NULL DEFAULT '', gender TEXT NOT NULL DEFAULT '', ethnicity TEXT NOT NULL DEFAULT '',
        birth_date TEXT NOT NULL DEFAULT '', id_number TEXT UNIQUE, phone TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
        native_place TEXT NOT NULL DEFAULT '', education TEXT NOT NULL DEFAULT '', work_start TEXT NOT NULL DEFAULT '',
        employer TEXT NOT NULL DEFAULT '',
        branch_id INTEGER NOT NULL REFERENCES party_branches(id), party_group TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL CHECK (category IN ('full', 'probationary')),
        join_date TEXT NOT NULL DEFAULT '', full_date TEXT NOT NULL DEFAULT '', introducers TEXT NOT NULL DEFAULT '',
        transfer_in_date TEXT NOT NULL DEFAULT '', party_post TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'mobile', 'transferred_out', 'deceased', 'stopped')),
        dues_kind TEXT NOT NULL DEFAULT 'employed', dues_base_fen INTEGER NOT NULL DEFAULT 0, dues_fixed_fen INTEGER NOT NULL DEFAULT 0,
        rewards TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (datetime('now')), updated_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX party_members_branch ON party_members(branch_id, status);

      -- Status, category and branch changes, kept as history (流动 with its 活动证, 转出 with its destination …).
      CREATE TABLE party_member_events (
        id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES party_members(id),
        kind TEXT NOT NULL, date TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}',
        actor TEXT NOT NULL DEFAULT '', at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX party_member_events_member ON party_member_events(member_id);

      -- A person's development file (发展党员): from application to files archived.
      CREATE TABLE party_files (
        id INTEGER PRIMARY KEY,
        resident_id INTEGER REFERENCES residents(id),
        name TEXT NOT NULL DEFAULT '', gender TEXT NOT NULL DEFAULT '', birth_date TEXT NOT NULL DEFAULT '', id_number TEXT,
        phone TEXT NOT NULL DEFAULT '', employer TEXT NOT NULL DEFAULT '',
        branch_id INTEGER NOT NULL REFERENCES party_branches(id),
        extension_months INTEGER NOT NULL DEFAULT 0,
        member_id INTEGER REFERENCES party_members(id),
        closed TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE TABLE party_steps (
        file_id INTEGER NOT NULL REFERENCES party_files(id), step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 25),
        date TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}', note TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL DEFAULT '', at TEXT NOT NULL DEFAULT (datetime('now')),
        PRIMARY KEY (file_id, step));

      CREATE TABLE party_meetings (
        id INTEGER PRIMARY KEY, branch_id INTEGER NOT NULL REFERENCES party_branches(id),
        kind TEXT NOT NULL, date TEXT NOT NULL, place TEXT NOT NULL DEFAULT '',
        host TEXT NOT NULL DEFAULT '', recorder TEXT NOT NULL DEFAULT '', topic TEXT NOT NULL,
        content TEXT NOT NULL DEFAULT '', resolutions TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (datetime('now')), updated_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX party_meetings_branch ON party_meetings(branch_id, date);
      CREATE TABLE party_attendance (
        meeting_id INTEGER NOT NULL REFERENCES party_meetings(id), member_id INTEGER NOT NULL REFERENCES party_members(id),
        present INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (meeting_id, member_id));

      -- 在职党员进社区报到 (双报到): members employed elsewhere who report where they live, and the service they give.
      CREATE TABLE party_reporters (
        id INTEGER PRIMARY KEY, resident_id INTEGER REFERENCES residents(id),
        name TEXT NOT NULL, gender TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
        employer TEXT NOT NULL, employer_org TEXT NOT NULL DEFAULT '', employer_contact TEXT NOT NULL DEFAULT '',
        posts TEXT NOT NULL DEFAULT '[]', reported_on TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE TABLE party_services (
        id INTEGER PRIMARY KEY, reporter_id INTEGER NOT NULL REFERENCES party_reporters(id),
        date TEXT NOT NULL, post TEXT NOT NULL, hours REAL NOT NULL, content TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX party_services_reporter ON party_services(reporter_id, date);

      -- One row per member and month once paid: what was due (base, rate, amount) is kept as it was then.
      CREATE TABLE party_dues (
        member_id INTEGER NOT NULL REFERENCES party_members(id), month TEXT NOT NULL,
        base_fen INTEGER NOT NULL, per_mille INTEGER, due_fen INTEGER NOT NULL, paid_fen INTEGER NOT NULL,
        paid_on TEXT NOT NULL, collector TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (member_id, month));
    `);
  },
};
