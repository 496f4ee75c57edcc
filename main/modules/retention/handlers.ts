import { createHmac, randomBytes } from 'node:crypto';
import type { DueRecord, RetentionRules } from '../../../shared/contract/retention';
import { maskIdNumber, maskName } from '../../../shared/rules/mask';
import { AppError } from '../../core/errors';
import { getSetting, setSetting, stmt, type Db } from '../../core/ledger';
import type { HandlerMap } from '../../core/dispatch';

const DEFAULT_RULES: RetentionRules = { leftYears: 5, minorLeftYears: 1 };
/** The activity log is kept whole (its hash chain cannot lose its start); the law asks for at least three years. */
const AUDIT_YEARS = 3;
const MINOR_AGE = 14;

function rules(db: Db): RetentionRules {
  const stored = getSetting(db, 'retention');
  return stored ? { ...DEFAULT_RULES, ...(JSON.parse(stored) as Partial<RetentionRules>) } : DEFAULT_RULES;
}

const addYears = (iso: string, years: number) => `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;

function ageOn(birth: string, day: string): number {
  return Number(day.slice(0, 4)) - Number(birth.slice(0, 4)) - (day.slice(5) < birth.slice(5) ? 1 : 0);
}

/** Left as a minor: under 14 on the day they left (their record is kept for a shorter time). */
const minorWhenLeft = (birth: string | null, leftOn: string) => !!birth && ageOn(birth, leftOn) < MINOR_AGE;

/**
 * Who has left long enough ago that the rule may apply: by the kept day they left (residents.left_on,
 * migration 011), through its index, never a look at every departed resident's history.
 */
function candidates(db: Db, today: string, columns: string) {
  const r = rules(db);
  const latest = addYears(today, -Math.min(r.leftYears, r.minorLeftYears));
  return { r, rows: stmt(db, `SELECT ${columns} FROM residents r WHERE r.status IN ('moved_out', 'deceased') AND r.left_on IS NOT NULL AND r.left_on <= ?`).all(latest) };
}

/** People who moved out or died and are past their keeping time (records with no leaving date are never purged by rule). */
export function dueRecords(db: Db, today = new Date().toISOString().slice(0, 10)): (DueRecord & { rawId: string | null })[] {
  const { r, rows } = candidates(db, today, 'r.id, r.name, r.id_number, r.birth_date, r.status, r.left_on');
  const due: (DueRecord & { rawId: string | null })[] = [];
  for (const p of rows as { id: number; name: string; id_number: string | null; birth_date: string | null; status: 'moved_out' | 'deceased'; left_on: string }[]) {
    const minor = minorWhenLeft(p.birth_date, p.left_on);
    const dueSince = addYears(p.left_on, minor ? r.minorLeftYears : r.leftYears);
    if (dueSince > today) continue;
    due.push({ id: p.id, name: p.name, idNumber: maskIdNumber(p.id_number), rawId: p.id_number, status: p.status, leftOn: p.left_on, minorWhenLeft: minor, dueSince });
  }
  return due.sort((a, b) => a.dueSince.localeCompare(b.dueSince) || a.id - b.id);
}

/** The reminder's figure: how many are due and since when, from the index alone. */
export function dueCount(db: Db, today: string): { count: number; first: string } {
  const { r, rows } = candidates(db, today, 'r.birth_date, r.left_on');
  let count = 0;
  let first = today;
  for (const p of rows as { birth_date: string | null; left_on: string }[]) {
    const since = addYears(p.left_on, minorWhenLeft(p.birth_date, p.left_on) ? r.minorLeftYears : r.leftYears);
    if (since > today) continue;
    count++;
    if (since < first) first = since;
  }
  return { count, first };
}

/** A keyed hash of an ID number: answers "was this person's record purged?" without keeping the number. */
function purgeRef(db: Db, idNumber: string | null, id: number): string {
  let salt = getSetting(db, 'purge_salt');
  if (!salt) setSetting(db, 'purge_salt', (salt = randomBytes(32).toString('hex')));
  return createHmac('sha256', Buffer.from(salt, 'hex')).update(idNumber ?? `resident:${id}`).digest('hex').slice(0, 24);
}

/**
 * The modules' records of a purged resident stay (a case file, a certificate register, a need served
 * must keep their history), no longer linked to the person: where the record read the name from the
 * ledger or shows it on lists, it keeps the surname and stars only.
 */
function unlinkRecords(db: Db, residentId: number, name: string): void {
  const masked = maskName(name);
  stmt(db, 'UPDATE party_members SET name = ?, resident_id = NULL WHERE resident_id = ?').run(masked, residentId);
  stmt(db, 'UPDATE mediation_parties SET resident_id = NULL WHERE resident_id = ?').run(residentId);
  stmt(db, 'UPDATE certificates SET resident_id = NULL WHERE resident_id = ?').run(residentId);
  stmt(db, 'UPDATE party_reporters SET resident_id = NULL WHERE resident_id = ?').run(residentId);
  stmt(db, 'UPDATE party_files SET name = ?, resident_id = NULL WHERE resident_id = ?').run(masked, residentId);
  stmt(db, 'UPDATE list_needs SET beneficiary = ?, resident_id = NULL, contact = \'\' WHERE resident_id = ?').run(masked, residentId);
  stmt(db, 'UPDATE problems SET raiser = ?, resident_id = NULL, contact = \'\' WHERE resident_id = ?').run(masked, residentId);
}

export const retentionHandlers: HandlerMap<'retention.rules' | 'retention.setRules' | 'retention.due' | 'retention.purge' | 'retention.log'> = {
  'retention.rules': (_i, ctx) => ({ ...rules(ctx.db), auditYears: AUDIT_YEARS }),
  'retention.setRules': (input, ctx) => {
    setSetting(ctx.db, 'retention', JSON.stringify(input));
    ctx.record('settings:retention');
    return input;
  },
  'retention.due': (_i, ctx) => ({ rows: dueRecords(ctx.db).map(({ rawId: _r, ...row }) => row) }),
  'retention.purge': ({ ids, reason }, ctx) => {
    const db = ctx.db;
    const due = new Map(dueRecords(db).map((r) => [r.id, r]));
    // Only what is due at this moment: a list left open on screen cannot purge someone who came back.
    const notDue = ids.filter((i) => !due.has(i));
    if (notDue.length) throw new AppError('retention.notDue', { count: notDue.length });
    const refs: string[] = [];
    for (const i of ids) {
      const r = due.get(i)!;
      refs.push(purgeRef(db, r.rawId, i));
      stmt(db, 'UPDATE households SET head_id = NULL WHERE head_id = ?').run(i);
      unlinkRecords(db, i, r.name);
      stmt(db, 'DELETE FROM resident_tags WHERE resident_id = ?').run(i);
      stmt(db, 'DELETE FROM resident_events WHERE resident_id = ?').run(i);
      stmt(db, 'DELETE FROM resident_fts WHERE rowid = ?').run(i);
      stmt(db, 'DELETE FROM resident_short WHERE rowid = ?').run(i);
      stmt(db, 'DELETE FROM residents WHERE id = ?').run(i);
    }
    const minors = ids.filter((i) => due.get(i)!.minorWhenLeft).length;
    const rule = minors === ids.length ? 'minorLeft' : minors ? 'left+minorLeft' : 'left';
    const logId = Number(
      stmt(db, 'INSERT INTO purge_log(actor, rule, records, reason, refs) VALUES (?, ?, ?, ?, ?)').run(ctx.session.user?.username ?? '', rule, ids.length, reason, JSON.stringify(refs))
        .lastInsertRowid,
    );
    ctx.record(`purge:${logId}`);
    ctx.audit('purge', `purge:${logId}`, `${ids.length} residents; ${reason}`);
    return { purged: ids.length };
  },
  'retention.log': (_i, ctx) =>
    stmt(ctx.db, 'SELECT id, at, actor, rule, records, reason FROM purge_log ORDER BY id DESC').all() as {
      id: number;
      at: string;
      actor: string;
      rule: string;
      records: number;
      reason: string;
    }[],
};
