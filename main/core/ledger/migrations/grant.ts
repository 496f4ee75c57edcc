import type Database from 'better-sqlite3-multiple-ciphers';

/** Adds permissions to a built-in role's stored set (a ledger without that role is left as it is). */
export function grantPermissions(db: Database.Database, role: string, added: string[]): void {
  const row = db.prepare('SELECT permissions FROM roles WHERE name = ?').pluck().get(role) as string | undefined;
  if (row === undefined) return;
  const permissions = JSON.parse(row) as string[];
  const missing = added.filter((p) => !permissions.includes(p));
  if (missing.length) db.prepare('UPDATE roles SET permissions = ? WHERE name = ?').run(JSON.stringify([...permissions, ...missing]), role);
}
