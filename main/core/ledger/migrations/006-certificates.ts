import type { Migration } from './index';
import { grantPermissions } from './grant';

/** The first item's wording as it landed (written out: a migration never changes with the code). */
const RESIDENCE_TEMPLATE =
  '兹证明{{姓名}}（性别：{{性别}}，公民身份号码：{{身份证号}}）自{{居住起始日期}}起居住在本社区{{住址}}，至今仍在此居住。\n\n此证明仅用于{{用途}}，不作他用。\n\n特此证明。';

/**
 * Certificates the committee issues (issue 6): the items it may issue, every certificate and refusal
 * in one register, and the number sequence (one per year, advanced in the issuing transaction).
 */
export const m006: Migration = {
  version: 6,
  name: 'certificates: items, register, number sequence',
  up(db) {
    grantPermissions(db, 'admin', ['certificates.issue', 'certificates.approve', 'certificates.manage']);
    grantPermissions(db, 'staff', ['certificates.issue']);
    db.exec(`
      CREATE TABLE cert_items (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, basis TEXT NOT NULL DEFAULT '',
        purposes TEXT NOT NULL DEFAULT '[]', checks TEXT NOT NULL DEFAULT '[]',
        needs_approval INTEGER NOT NULL DEFAULT 1, full_id INTEGER NOT NULL DEFAULT 1,
        template TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL DEFAULT (datetime('now')));

      -- Every certificate and every refusal: drafts, approvals, issues and voids are states of one row.
      CREATE TABLE certificates (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'issued', 'void', 'refused')),
        year INTEGER, serial INTEGER, number TEXT UNIQUE, verify_code TEXT,
        item_id INTEGER REFERENCES cert_items(id), item_name TEXT NOT NULL,
        resident_id INTEGER REFERENCES residents(id), person_name TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL DEFAULT '', checks TEXT NOT NULL DEFAULT '[]',
        title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',
        handler TEXT NOT NULL, approver TEXT NOT NULL DEFAULT '',
        requested TEXT NOT NULL DEFAULT '', refusal TEXT NOT NULL DEFAULT '',
        reissue_of INTEGER REFERENCES certificates(id), void_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (datetime('now')), issued_at TEXT NOT NULL DEFAULT '', voided_at TEXT NOT NULL DEFAULT '',
        UNIQUE (year, serial));
      CREATE INDEX certificates_created ON certificates(created_at);

      CREATE TABLE cert_sequences (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
    `);
    db.prepare('INSERT INTO cert_items(name, basis, purposes, checks, needs_approval, full_id, template) VALUES (?, ?, ?, ?, 1, 1, ?)').run(
      '居住证明',
      '《中华人民共和国城市居民委员会组织法》第三条；本社区证明事项清单',
      JSON.stringify(['办理居住证', '子女入学', '办理社会保险', '办理公积金', '申请补贴']),
      JSON.stringify(['核验本人身份证', '核验户口簿或房屋租赁合同', '经入户走访或网格员核实确在本社区居住']),
      RESIDENCE_TEMPLATE,
    );
  },
};
