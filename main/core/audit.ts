import { createHash } from 'node:crypto';
import { plucked, stmt, type Db } from './ledger';
import { maskIdNumber, maskPhone } from '../../shared/rules/mask';

export interface AuditEntry {
  actor: string;
  userId: number | null;
  /** write, reveal, export, print, import, login, login_failed, lock, unlock, logout, refused … */
  action: string;
  method: string;
  record?: string;
  /** Never a plain ID number or phone: masked values or field names only. */
  detail?: string;
  /** The desk the person was at, when not at the host itself. */
  desk?: string;
}

export function entryHash(prev: string, at: string, e: AuditEntry): string {
  return createHash('sha256')
    // The desk joins the hashed fields only when there is one: entries from before desks keep their hashes.
    .update([prev, at, e.actor, e.userId ?? '', e.action, e.method, e.record ?? '', e.detail ?? '', ...(e.desk ? [e.desk] : [])].join('\u001f'))
    .digest('hex');
}

/**
 * Appends to the chained, append-only audit log: each entry carries the hash of the one before, so a
 * changed or deleted entry breaks the chain at that point. Call inside the caller's transaction, or alone.
 */
export function appendAudit(db: Db, e: AuditEntry): void {
  db.transaction(() => appendInTransaction(db, e)).immediate();
}

/**
 * The log never holds a plain ID number or phone, whatever a caller passed (a search typed as an
 * export filter, a name field holding digits): every run of six or more digits standing on its own is
 * masked — an ID as 110105********002X, a mobile as 138****5678, anything else as stars. Runs joined to
 * a dash, dot, colon or underscore (dates, times, file names of backups) are left as they are.
 */
export function scrubDigits(text: string): string {
  return text.replace(/(?<![\d\-_.:])\d{6,}[\dXx]*(?![\d\-_.:])/g, (run) => {
    if (run.length === 18 || run.length === 15) return maskIdNumber(run);
    if (run.length === 11 && run.startsWith('1')) return maskPhone(run);
    return '*'.repeat(run.length);
  });
}

function appendInTransaction(db: Db, raw: AuditEntry): void {
  const e: AuditEntry = { ...raw, actor: scrubDigits(raw.actor), record: raw.record && scrubDigits(raw.record), detail: raw.detail && scrubDigits(raw.detail) };
  const prev = (plucked(db, 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as string | undefined) ?? '';
  const at = new Date().toISOString();
  const hash = entryHash(prev, at, e);
  stmt(db, 'INSERT INTO audit_log(at, actor, user_id, action, method, record, detail, desk, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    at,
    e.actor,
    e.userId,
    e.action,
    e.method,
    e.record ?? '',
    e.detail ?? '',
    e.desk ?? '',
    prev,
    hash,
  );
  stmt(db, "INSERT INTO settings(key, value) VALUES ('audit_last_hash', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(hash);
}

/** Walks the chain; the first entry whose hash or link does not hold is where it was broken. */
export function verifyAudit(db: Db): { ok: boolean; entries: number; brokenAt: number | null } {
  let prev = '';
  let entries = 0;
  const rows = stmt(db, 'SELECT id, at, actor, user_id, action, method, record, detail, desk, prev_hash, hash FROM audit_log ORDER BY id').iterate() as Iterable<{
    id: number;
    at: string;
    actor: string;
    user_id: number | null;
    action: string;
    method: string;
    record: string;
    detail: string;
    desk: string;
    prev_hash: string;
    hash: string;
  }>;
  let lastId = 0;
  for (const r of rows) {
    entries++;
    const expected = entryHash(prev, r.at, { actor: r.actor, userId: r.user_id, action: r.action, method: r.method, record: r.record, detail: r.detail, desk: r.desk });
    // A gap in the ids is a deleted entry.
    if (r.prev_hash !== prev || r.hash !== expected || (lastId && r.id !== lastId + 1)) return { ok: false, entries, brokenAt: r.id };
    prev = r.hash;
    lastId = r.id;
  }
  const last = plucked(db, "SELECT value FROM settings WHERE key = 'audit_last_hash'").get() as string | undefined;
  // The newest entry's hash is also kept aside, so that cutting entries off the end is noticed too.
  if (last !== undefined && last !== prev) return { ok: false, entries, brokenAt: lastId + 1 };
  return { ok: true, entries, brokenAt: null };
}
