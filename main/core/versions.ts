import { stmt, type Db } from './ledger';
import { AppError } from './errors';

/** Who last wrote a record, at which desk and when: from the activity log, which every write leaves. */
export function lastChange(db: Db, record: string): { by: string; desk: string; at: string } | undefined {
  const row = stmt(
    db,
    `SELECT coalesce(u.display_name, a.actor) AS by, a.desk, a.at FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     WHERE a.record = ? AND a.action = 'write' ORDER BY a.id DESC LIMIT 1`,
  ).get(record) as { by: string; desk: string; at: string } | undefined;
  return row && { ...row, at: localTime(row.at) };
}

/** 2026-12-02 09:05, in this PC's time: what a person reads, not an ISO stamp. */
const localTime = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

/**
 * Two people, one record: a save must name the version it was opened at. A newer one means someone
 * else saved in between; the save is refused with who and when, and the form keeps what was typed.
 * (Odoo checks a record's last write the same way.) The caller's table has a `version` column that
 * every write raises.
 */
export function checkVersion(db: Db, table: 'residents', id: number, opened: number | undefined, record: string): void {
  if (opened === undefined) return; // imports and the command line hold no screen that could be stale
  const now = stmt(db, `SELECT version FROM ${table} WHERE id = ?`).get(id) as { version: number } | undefined;
  if (!now || now.version === opened) return;
  const who = lastChange(db, record);
  throw new AppError('record.stale', { by: who?.by ?? '?', desk: who?.desk || '-', at: who?.at ?? '', version: now.version });
}
