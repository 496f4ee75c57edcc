import type { Migration } from './index';
import { grantPermissions } from './grant';

/** The categories a new ledger starts with (written out: a migration never changes with the code). */
const DEFAULT_CATEGORIES: { name: string; children: string[] }[] = [
  { name: '养老服务', children: ['助餐', '助洁助浴', '陪诊陪护', '探访关爱'] },
  { name: '儿童关爱', children: ['课业辅导', '看护托管'] },
  { name: '维修服务', children: ['水电维修', '家电维修'] },
  { name: '法律服务', children: ['法律咨询'] },
  { name: '医疗健康', children: ['义诊', '健康讲座'] },
  { name: '就业帮扶', children: ['岗位推荐', '技能培训'] },
  { name: '文化活动', children: [] },
  { name: '环境整治', children: [] },
  { name: '微心愿', children: [] },
];

/**
 * 两张清单 (issue 8): the need list and the resource list, the matches between them with the reasons
 * they were proposed, claims, service records and feedback. A service given by a reporting party
 * member is also written to party_services (linked back), so it counts in the member's yearly record.
 */
export const m008: Migration = {
  version: 8,
  name: 'two lists: needs, resources, matches, services',
  up(db) {
    grantPermissions(db, 'admin', ['lists.view', 'lists.edit']);
    grantPermissions(db, 'staff', ['lists.view', 'lists.edit']);
    grantPermissions(db, 'secretary', ['lists.view', 'lists.edit']);
    db.exec(`
      CREATE TABLE list_categories (
        id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES list_categories(id), name TEXT NOT NULL UNIQUE,
        sort INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 1);
      CREATE TABLE list_needs (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL, serial INTEGER NOT NULL, number TEXT NOT NULL UNIQUE,
        for_kind TEXT NOT NULL CHECK (for_kind IN ('resident', 'household', 'group', 'community')),
        resident_id INTEGER REFERENCES residents(id), household_id INTEGER REFERENCES households(id), group_tag TEXT NOT NULL DEFAULT '',
        beneficiary TEXT NOT NULL DEFAULT '', category_id INTEGER NOT NULL REFERENCES list_categories(id),
        content TEXT NOT NULL, urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent')), wanted_by TEXT NOT NULL DEFAULT '',
        grid_id INTEGER REFERENCES grids(id), raised_on TEXT NOT NULL, wish INTEGER NOT NULL DEFAULT 0, budget_fen INTEGER NOT NULL DEFAULT 0,
        contact TEXT NOT NULL DEFAULT '', state TEXT NOT NULL DEFAULT 'open', withdrawn_reason TEXT NOT NULL DEFAULT '',
        done_on TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')),
        UNIQUE (year, serial));
      CREATE INDEX list_needs_state ON list_needs(state, category_id);
      CREATE INDEX list_needs_resident ON list_needs(resident_id);
      CREATE INDEX list_needs_raised ON list_needs(raised_on);
      CREATE TABLE list_resources (
        id INTEGER PRIMARY KEY, provider_kind TEXT NOT NULL CHECK (provider_kind IN ('unit', 'organisation', 'volunteer', 'member')),
        provider TEXT NOT NULL, reporter_id INTEGER REFERENCES party_reporters(id), category_id INTEGER NOT NULL REFERENCES list_categories(id),
        content TEXT NOT NULL, capacity INTEGER NOT NULL, capacity_period TEXT NOT NULL CHECK (capacity_period IN ('week', 'month', 'year', 'total')),
        weekdays TEXT NOT NULL DEFAULT '[]', times TEXT NOT NULL DEFAULT '', available_from TEXT NOT NULL DEFAULT '', available_to TEXT NOT NULL DEFAULT '',
        grid_ids TEXT NOT NULL DEFAULT '[]', contact TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX list_resources_category ON list_resources(active, category_id);
      -- A need's match with the resource that serves it: proposed (and why), confirmed, claimed, served, done.
      CREATE TABLE list_matches (
        id INTEGER PRIMARY KEY, need_id INTEGER NOT NULL REFERENCES list_needs(id), resource_id INTEGER NOT NULL REFERENCES list_resources(id),
        score INTEGER NOT NULL, reasons TEXT NOT NULL DEFAULT '[]', confirmed_by TEXT NOT NULL, confirmed_on TEXT NOT NULL,
        claimed_by TEXT NOT NULL DEFAULT '', claimed_on TEXT NOT NULL DEFAULT '', due_on TEXT NOT NULL DEFAULT '',
        completed_on TEXT NOT NULL DEFAULT '', satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5), comment TEXT NOT NULL DEFAULT '',
        feedback_on TEXT NOT NULL DEFAULT '', cancelled_on TEXT NOT NULL DEFAULT '', cancel_reason TEXT NOT NULL DEFAULT '');
      CREATE INDEX list_matches_need ON list_matches(need_id);
      CREATE INDEX list_matches_resource ON list_matches(resource_id, confirmed_on);
      CREATE TABLE list_services (
        id INTEGER PRIMARY KEY, match_id INTEGER NOT NULL REFERENCES list_matches(id), date TEXT NOT NULL, hours REAL NOT NULL,
        content TEXT NOT NULL, by_whom TEXT NOT NULL, recorded_by TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX list_services_match ON list_services(match_id);
      CREATE TABLE list_need_events (
        id INTEGER PRIMARY KEY, need_id INTEGER NOT NULL REFERENCES list_needs(id), from_state TEXT NOT NULL, to_state TEXT NOT NULL,
        date TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')));
      CREATE INDEX list_need_events_need ON list_need_events(need_id);
      CREATE TABLE list_sequences (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
      ALTER TABLE party_services ADD COLUMN list_service_id INTEGER REFERENCES list_services(id);
    `);
    const add = db.prepare('INSERT INTO list_categories(parent_id, name, sort) VALUES (?, ?, ?)');
    DEFAULT_CATEGORIES.forEach((top, i) => {
      const parent = Number(add.run(null, top.name, i * 100).lastInsertRowid);
      top.children.forEach((child, j) => add.run(parent, child, i * 100 + j + 1));
    });
  },
};
