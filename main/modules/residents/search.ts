import type { ResidentFilters, ResidentRow } from '../../../shared/contract/residents';
import { ageOn, todayIso } from '../../../shared/rules/idNumber';
import { maskIdNumber, maskPhone } from '../../../shared/rules/mask';
import { HIGH_AGE } from '../../../shared/rules/codes';
import { stmt, type Db } from '../../core/ledger';

type Filters = Required<Pick<ResidentFilters, 'q' | 'status' | 'tags' | 'sort' | 'order'>> & ResidentFilters;

/** An FTS5 string literal: the user's text can never become FTS syntax. */
const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Each term is routed by kind and length so that none falls back to a table scan:
 * 18-character ID → unique index; digits → trigram over ID, phone and address; latin letters →
 * B-tree ranges over pinyin initials and full pinyin; 3+ other characters → trigram over name and
 * address; 1–2 characters → the table of name characters and pairs.
 */
export function termCondition(term: string): { sql: string; params: (string | number)[] } | null {
  const t = term.normalize('NFKC').toLowerCase();
  if (/^\d{17}[\dx]$/.test(t)) return { sql: 'r.id_number = ?', params: [t.toUpperCase()] };
  if (/^[\dx]+$/.test(t)) {
    if (t.length < 3) return null;
    return { sql: 'r.id IN (SELECT rowid FROM resident_fts WHERE resident_fts MATCH ?)', params: [`{idn phone address}: ${phrase(t.toUpperCase())}`] };
  }
  if (/^[a-z]+$/.test(t)) {
    const end = t + '\u007f';
    return {
      sql: 'r.id IN (SELECT id FROM residents WHERE name_initials >= ? AND name_initials < ? UNION SELECT id FROM residents WHERE name_pinyin >= ? AND name_pinyin < ?)',
      params: [t, end, t, end],
    };
  }
  const length = Array.from(t).length;
  if (length >= 3) return { sql: 'r.id IN (SELECT rowid FROM resident_fts WHERE resident_fts MATCH ?)', params: [`{name address}: ${phrase(t)}`] };
  return { sql: 'r.id IN (SELECT rowid FROM resident_short WHERE resident_short MATCH ?)', params: [phrase(t)] };
}

function yearsBefore(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;
}

export function whereClause(f: Filters, today = todayIso()): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...p: (string | number)[]) => {
    parts.push(sql);
    params.push(...p);
  };
  if (f.status !== 'all') add('r.status = ?', f.status);
  for (const term of f.q.split(/\s+/).filter(Boolean)) {
    const c = termCondition(term);
    if (c) add(c.sql, ...c.params);
  }
  if (f.gridId) add('r.grid_id = ?', f.gridId);
  if (f.buildingId) add('r.building_id = ?', f.buildingId);
  if (f.gender) add('r.gender = ?', f.gender);
  if (f.residenceType) add('r.residence_type = ?', f.residenceType);
  for (const tag of f.tags) {
    if (tag === 'elderly') add("r.birth_date <> '' AND r.birth_date <= ?", yearsBefore(today, HIGH_AGE));
    else add('r.id IN (SELECT resident_id FROM resident_tags WHERE tag = ?)', tag);
  }
  // Age in whole years: born on or before today-min years, and after today-(max+1) years.
  if (f.ageMin !== undefined) add("r.birth_date <> '' AND r.birth_date <= ?", yearsBefore(today, f.ageMin));
  if (f.ageMax !== undefined) add('r.birth_date > ?', yearsBefore(today, f.ageMax + 1));
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const ORDER: Record<Filters['sort'], [string, string]> = {
  entry: ['r.id ASC', 'r.id DESC'],
  name: ['r.name_pinyin ASC, r.id ASC', 'r.name_pinyin DESC, r.id DESC'],
  age: ['r.birth_date DESC, r.id ASC', 'r.birth_date ASC, r.id DESC'],
  address: ['r.address_key ASC, r.id ASC', 'r.address_key DESC, r.id DESC'],
};

export const ROW_COLUMNS = `r.id, r.name, r.gender, r.birth_date, r.ethnicity, r.id_number, r.phone, r.address,
  coalesce(g.name, '') AS grid_name, r.relation, r.residence_type, r.political, r.status, r.tags, r.household_id`;

export interface RowRecord {
  id: number;
  name: string;
  gender: string;
  birth_date: string;
  ethnicity: string;
  id_number: string | null;
  phone: string;
  address: string;
  grid_name: string;
  relation: string;
  residence_type: string;
  political: string;
  status: string;
  tags: string;
  household_id: number | null;
}

export function toRow(r: RowRecord, today = todayIso()): ResidentRow {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    age: r.birth_date ? ageOn(r.birth_date, today) : null,
    ethnicity: r.ethnicity,
    idMasked: maskIdNumber(r.id_number),
    phoneMasked: maskPhone(r.phone),
    address: r.address,
    gridName: r.grid_name,
    relation: r.relation,
    residenceType: r.residence_type,
    political: r.political,
    status: r.status,
    tags: r.tags ? r.tags.split(' ') : [],
    householdId: r.household_id,
  };
}

export function searchResidents(db: Db, f: Filters, offset: number, limit: number): { total: number; rows: ResidentRow[] } {
  const today = todayIso();
  const where = whereClause(f, today);
  const order = ORDER[f.sort][f.order === 'desc' ? 1 : 0];
  const total = (stmt(db, `SELECT count(*) AS n FROM residents r ${where.sql}`).get(...where.params) as { n: number }).n;
  const records = stmt(
    db,
    `SELECT ${ROW_COLUMNS} FROM residents r LEFT JOIN grids g ON g.id = r.grid_id ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
  ).all(...where.params, limit, offset) as RowRecord[];
  return { total, rows: records.map((r) => toRow(r, today)) };
}

/** Rows for a roster or an export, in the list's order, with the full ID kept for the caller to mask or not. */
export function* iterateResidents(db: Db, f: Filters, limit: number): Generator<RowRecord> {
  const where = whereClause(f);
  const order = ORDER[f.sort][f.order === 'desc' ? 1 : 0];
  yield* stmt(db, `SELECT ${ROW_COLUMNS} FROM residents r LEFT JOIN grids g ON g.id = r.grid_id ${where.sql} ORDER BY ${order} LIMIT ?`).iterate(
    ...where.params,
    limit,
  ) as Iterable<RowRecord>;
}
