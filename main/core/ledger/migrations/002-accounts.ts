import type { Migration } from './index';
import { entryHash } from '../../audit';

/**
 * The built-in roles as they were when this step landed, written out (not imported): the code's role
 * defaults have grown since, and each later module grants its own permissions in its own migration.
 */
const ROLES_THEN: Record<string, string[]> = {
  admin: ['community.edit', 'residents.view', 'residents.edit', 'residents.import', 'residents.export', 'residents.print', 'residents.reveal', 'users.manage', 'audit.view'],
  staff: ['community.edit', 'residents.view', 'residents.edit', 'residents.import', 'residents.export', 'residents.print', 'residents.reveal'],
  mediator: [],
  secretary: [],
};

/** Accounts, roles with their permissions, and the audit log chained by hash (issue: protection). */
export const m002: Migration = {
  version: 2,
  name: 'accounts, roles and the chained audit log',
  up(db) {
    db.exec(`
      CREATE TABLE roles (name TEXT PRIMARY KEY, permissions TEXT NOT NULL, builtin INTEGER NOT NULL DEFAULT 1);
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL REFERENCES roles(name),
        password_hash TEXT NOT NULL,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT NOT NULL DEFAULT '',
        disabled INTEGER NOT NULL DEFAULT 0,
        must_change_password INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT (datetime('now')));

      -- The v1 log becomes the start of the chain: each entry carries the hash of the one before.
      ALTER TABLE audit_log ADD COLUMN user_id INTEGER;
      ALTER TABLE audit_log ADD COLUMN action TEXT NOT NULL DEFAULT 'write';
      ALTER TABLE audit_log ADD COLUMN detail TEXT NOT NULL DEFAULT '';
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
      ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_actor ON audit_log(actor, at);
      -- Append-only: the app never changes or removes an entry; verify finds what others do.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash <> '' BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    `);
    const addRole = db.prepare('INSERT INTO roles(name, permissions) VALUES (?, ?)');
    for (const [role, permissions] of Object.entries(ROLES_THEN)) addRole.run(role, JSON.stringify(permissions));
    let prev = '';
    const rows = db.prepare('SELECT id, at, actor, method, record FROM audit_log ORDER BY id').all() as { id: number; at: string; actor: string; method: string; record: string }[];
    const chain = db.prepare("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?");
    for (const r of rows) {
      const hash = entryHash(prev, r.at, { actor: r.actor, userId: null, action: 'write', method: r.method, record: r.record, detail: '' });
      chain.run(prev, hash, r.id);
      prev = hash;
    }
    db.prepare("INSERT INTO settings(key, value) VALUES ('audit_last_hash', ?)").run(prev);
  },
};
