import type { ResidentFilters, ResidentRow } from '../../../shared/contract/residents';
import { ageOn, todayIso } from '../../../shared/rules/idNumber';
import { maskIdNumber, maskPhone, shownBirthDate } from '../../../shared/rules/mask';
import { HIGH_AGE } from '../../../shared/rules/codes';
import { plucked, generation, stmt, type Db } from '../../core/ledger';

/**
 * `reveal`: the viewer may see full ID numbers and phones. Without it, digits find a person only by the
 * whole ID number or phone (or a room number in the address): fragments would let anyone rebuild a
 * number by asking digit by digit.
 */
type Filters = Required<Pick<ResidentFilters, 'q' | 'status' | 'tags' | 'sort' | 'order'>> & ResidentFilters & { reveal?: boolean };
type Params = (string | number)[];
interface Sql {
  sql: string;
  params: Params;
}

/** A search term matches at most this many people before the box says "more than" instead of counting on. */
export const SEARCH_CAP = 500;

/** An FTS5 string literal: the user's text can never become FTS syntax. */
const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Each term becomes the set of resident ids it matches, routed by kind and length so that none
 * falls back to a table scan: a whole ID → the unique index; digits → trigram over ID, phone and
 * address; latin letters → B-tree ranges over pinyin initials and full pinyin; 3+ other characters →
 * trigram over name and address; 1–2 characters → the table of name characters and pairs.
 */
export function termSet(db: Db, term: string, fragments = true): Sql | null {
  const t = term.normalize('NFKC').toLowerCase();
  if (/^\d{17}[\dx]$/.test(t)) return { sql: 'SELECT id FROM residents WHERE id_number = ?', params: [t.toUpperCase()] };
  if (/^[\dx]+$/.test(t)) {
    if (t.length < 3) return null;
    if (!fragments) {
      if (/^1\d{10}$/.test(t)) return { sql: 'SELECT id FROM residents WHERE phone = ?', params: [t] };
      return { sql: 'SELECT rowid AS id FROM resident_fts WHERE resident_fts MATCH ?', params: [`{address}: ${phrase(t.toUpperCase())}`] };
    }
    // 8+ digits that start someone's ID (region + birth year) or phone: one B-tree range, which streams,
    // where trigram would intersect huge lists for such common fragments.
    const p = t.toUpperCase();
    const range = [p, `${p}\u007f`];
    if (p.length >= 8) {
      for (const col of ['id_number', 'phone']) {
        const sql = `SELECT id FROM residents WHERE ${col} >= ? AND ${col} < ?`;
        if (stmt(db, `${sql} LIMIT 1`).get(...range)) return { sql, params: range };
      }
    }
    return { sql: 'SELECT rowid AS id FROM resident_fts WHERE resident_fts MATCH ?', params: [`{idn phone address}: ${phrase(t.toUpperCase())}`] };
  }
  if (/^[a-z]+$/.test(t)) {
    const end = t + '\u007f';
    // One letter: initials and full pinyin start alike, so one range says it all.
    if (t.length === 1) return { sql: 'SELECT id FROM residents WHERE name_initials >= ? AND name_initials < ?', params: [t, end] };
    // OR over two indexes streams (SQLite's multi-index OR), so a capped count can stop early; a UNION would not.
    return {
      sql: 'SELECT id FROM residents WHERE (name_initials >= ? AND name_initials < ?) OR (name_pinyin >= ? AND name_pinyin < ?)',
      params: [t, end, t, end],
    };
  }
  if (Array.from(t).length >= 3) return { sql: 'SELECT rowid AS id FROM resident_fts WHERE resident_fts MATCH ?', params: [`{name address}: ${phrase(t)}`] };
  return { sql: 'SELECT rowid AS id FROM resident_short WHERE resident_short MATCH ?', params: [phrase(t)] };
}

/** The ids every term matches (null when the box is empty). */
export function candidates(db: Db, q: string, fragments = true): Sql | null {
  const sets = q.split(/\s+/).filter(Boolean).map((term) => termSet(db, term, fragments)).filter((s): s is Sql => s !== null);
  if (!sets.length) return null;
  return { sql: sets.map((s) => `SELECT id FROM (${s.sql})`).join(' INTERSECT '), params: sets.flatMap((s) => s.params) };
}

function yearsBefore(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;
}

/** The filters (not the search terms) as conditions on `r`. */
export function filterConditions(f: Filters, today = todayIso()): Sql {
  const parts: string[] = [];
  const params: Params = [];
  const add = (sql: string, ...p: Params) => {
    parts.push(sql);
    params.push(...p);
  };
  // With a grid or building, its index is the narrow one. The unary + keeps SQLite off the wide indexes (walking
  // status + address in order to skip a sort cost 585 ms at 1,000,000; the grid index and a sort take 0.7 ms),
  // and care tags are checked per row (EXISTS) instead of driving from every tagged person in the ledger.
  const narrow = !!(f.gridId || f.buildingId);
  const birth = narrow ? '+r.birth_date' : 'r.birth_date';
  if (f.status !== 'all') add(narrow ? '+r.status = ?' : 'r.status = ?', f.status);
  if (f.gridId) add('r.grid_id = ?', f.gridId);
  if (f.buildingId) add('r.building_id = ?', f.buildingId);
  if (f.gender) add('r.gender = ?', f.gender);
  if (f.residenceType) add('r.residence_type = ?', f.residenceType);
  for (const tag of f.tags) {
    if (tag === 'elderly') add(`${birth} <> '' AND ${birth} <= ?`, yearsBefore(today, HIGH_AGE));
    else if (narrow) add('EXISTS (SELECT 1 FROM resident_tags t WHERE t.tag = ? AND t.resident_id = r.id)', tag);
    else add('r.id IN (SELECT resident_id FROM resident_tags WHERE tag = ?)', tag);
  }
  // Age in whole years: born on or before today-min years, and after today-(max+1) years.
  if (f.ageMin !== undefined) add(`${birth} <> '' AND ${birth} <= ?`, yearsBefore(today, f.ageMin));
  if (f.ageMax !== undefined) add(`${birth} > ?`, yearsBefore(today, f.ageMax + 1));
  return { sql: parts.join(' AND '), params };
}

const where = (...conds: string[]) => {
  const c = conds.filter(Boolean);
  return c.length ? `WHERE ${c.join(' AND ')}` : '';
};

/** Every sort key is followed by id in the same direction, so that a page boundary is one row value. */
const ORDER: Record<Filters['sort'], { key: string; asc: string; desc: string }> = {
  entry: { key: 'r.id', asc: 'r.id ASC', desc: 'r.id DESC' },
  name: { key: 'r.name_pinyin', asc: 'r.name_pinyin ASC, r.id ASC', desc: 'r.name_pinyin DESC, r.id DESC' },
  // Oldest first is "age desc": birth date ascending.
  age: { key: 'r.birth_date', asc: 'r.birth_date DESC, r.id DESC', desc: 'r.birth_date ASC, r.id ASC' },
  address: { key: 'r.address_key', asc: 'r.address_key ASC, r.id ASC', desc: 'r.address_key DESC, r.id DESC' },
};
const orderBy = (f: Filters) => ORDER[f.sort][f.order];
const ascending = (f: Filters) => (f.sort === 'age' ? f.order === 'desc' : f.order === 'asc');

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

export function toRow(r: RowRecord, today = todayIso(), reveal = false): ResidentRow {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: shownBirthDate(r.birth_date, !!r.id_number, reveal),
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

// ---------- filter-only lists: exact totals and deep pages, cached per ledger generation ----------

interface ListCache {
  generation: string;
  totals: Map<string, number>;
  /** Every ANCHOR_EVERY-th row's sort key and id, for jumping deep into a long list without OFFSET over it all. */
  anchors: Map<string, [string | number, number][]>;
}
const ANCHOR_EVERY = 1000;
const caches = new WeakMap<Db, ListCache>();

function listCache(db: Db): ListCache {
  const gen = generation(db);
  let c = caches.get(db);
  if (!c || c.generation !== gen) caches.set(db, (c = { generation: gen, totals: new Map(), anchors: new Map() }));
  return c;
}

/** Counting a whole filtered ledger walks an index: done once per change of the ledger, not per keystroke or page. */
function filteredTotal(db: Db, cond: Sql): number {
  const cache = listCache(db);
  const key = `${cond.sql}|${cond.params.join('\u0001')}`;
  let n = cache.totals.get(key);
  if (n === undefined) {
    n = plucked(db, `SELECT count(*) FROM residents r ${where(cond.sql)}`).get(...cond.params) as number;
    cache.totals.set(key, n);
  }
  return n;
}

function anchorsFor(db: Db, f: Filters, cond: Sql): [string | number, number][] {
  const cache = listCache(db);
  const key = `${cond.sql}|${cond.params.join('\u0001')}|${f.sort}|${f.order}`;
  let anchors = cache.anchors.get(key);
  if (!anchors) {
    anchors = [];
    const o = ORDER[f.sort];
    const it = stmt(db, `SELECT ${o.key} AS k, r.id AS id FROM residents r ${where(cond.sql)} ORDER BY ${orderBy(f)}`).raw().iterate(...cond.params);
    let i = 0;
    for (const [k, id] of it as Iterable<[string | number, number]>) {
      if (i % ANCHOR_EVERY === ANCHOR_EVERY - 1) anchors.push([k, id]);
      i++;
    }
    cache.anchors.set(key, anchors);
  }
  return anchors;
}

function filteredPage(db: Db, f: Filters, cond: Sql, offset: number, limit: number): RowRecord[] {
  const base = `SELECT ${ROW_COLUMNS} FROM residents r LEFT JOIN grids g ON g.id = r.grid_id`;
  if (offset < 2 * ANCHOR_EVERY) {
    return stmt(db, `${base} ${where(cond.sql)} ORDER BY ${orderBy(f)} LIMIT ? OFFSET ?`).all(...cond.params, limit, offset) as RowRecord[];
  }
  // Deep in a long list: start after the nearest anchor instead of stepping over every row before it.
  const anchors = anchorsFor(db, f, cond);
  const a = Math.min(Math.floor(offset / ANCHOR_EVERY), anchors.length);
  if (a === 0) return stmt(db, `${base} ${where(cond.sql)} ORDER BY ${orderBy(f)} LIMIT ? OFFSET ?`).all(...cond.params, limit, offset) as RowRecord[];
  const [k, id] = anchors[a - 1]!;
  const after = `(${ORDER[f.sort].key}, r.id) ${ascending(f) ? '>' : '<'} (?, ?)`;
  return stmt(db, `${base} ${where(cond.sql, after)} ORDER BY ${orderBy(f)} LIMIT ? OFFSET ?`).all(...cond.params, k, id, limit, offset - a * ANCHOR_EVERY) as RowRecord[];
}

// ---------- the search ----------

export interface SearchResult {
  total: number;
  /** True when more than SEARCH_CAP people match the search terms: `total` is then SEARCH_CAP. */
  totalCapped: boolean;
  rows: ResidentRow[];
}

export function searchResidents(db: Db, f: Filters, offset: number, limit: number, cap = SEARCH_CAP): SearchResult {
  const today = todayIso();
  const cond = filterConditions(f, today);
  const terms = candidates(db, f.q, !!f.reveal);
  if (!terms) {
    const total = filteredTotal(db, cond);
    return { total, totalCapped: false, rows: filteredPage(db, f, cond, offset, limit).map((r) => toRow(r, today, !!f.reveal)) };
  }
  // Terms drive: one pass reads each match's id and sort key (up to cap + 1 of them; CROSS JOIN keeps
  // SQLite probing the matches by rowid instead of walking a whole index), which gives the count; the
  // keys are sorted here and only the page's rows are read in full. Bounded work whatever the ledger's
  // size: a broad term (one common surname, one letter) stops at the cap and the screen asks for more letters.
  const o = ORDER[f.sort];
  const keys = stmt(db, `SELECT r.id, ${o.key} FROM (${terms.sql}) m CROSS JOIN residents r ON r.id = m.id ${where(cond.sql)} LIMIT ${cap + 1}`)
    .raw()
    .all(...terms.params, ...cond.params) as [number, string | number][];
  const n = keys.length;
  if (n > cap) keys.length = cap;
  const up = ascending(f) ? 1 : -1;
  keys.sort(([ia, ka], [ib, kb]) => up * (ka < kb ? -1 : ka > kb ? 1 : ia - ib));
  const pageIds = keys.slice(offset, offset + limit).map(([id]) => id);
  const byId = new Map(
    (stmt(db, `SELECT ${ROW_COLUMNS} FROM residents r LEFT JOIN grids g ON g.id = r.grid_id WHERE r.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(pageIds)) as RowRecord[]).map(
      (r) => [r.id, r],
    ),
  );
  const rows = pageIds.map((id) => toRow(byId.get(id)!, today, !!f.reveal));
  return { total: Math.min(n, cap), totalCapped: n > cap, rows };
}

/** Rows for a roster or an export, in the list's order, the full ID kept for the caller to mask or not. */
export function* iterateResidents(db: Db, f: Filters, limit: number): Generator<RowRecord> {
  const cond = filterConditions(f);
  const terms = candidates(db, f.q, !!f.reveal);
  const from = terms ? `(${terms.sql}) m CROSS JOIN residents r ON r.id = m.id` : 'residents r';
  yield* stmt(db, `SELECT ${ROW_COLUMNS} FROM ${from} LEFT JOIN grids g ON g.id = r.grid_id ${where(cond.sql)} ORDER BY ${orderBy(f)} LIMIT ?`).iterate(
    ...(terms?.params ?? []),
    ...cond.params,
    limit,
  ) as Iterable<RowRecord>;
}

/** The total a roster or export covers (exact, however large). */
export function countResidents(db: Db, f: Filters): number {
  const cond = filterConditions(f);
  const terms = candidates(db, f.q, !!f.reveal);
  if (!terms) return filteredTotal(db, cond);
  return plucked(db, `SELECT count(*) FROM (${terms.sql}) m CROSS JOIN residents r ON r.id = m.id ${where(cond.sql)}`).get(...terms.params, ...cond.params) as number;
}

/** Up to 20 active residents for another module to link to (a party member, a certificate): name, birth, masked ID, address. */
export function findResidentsToLink(db: Db, q: string, reveal: boolean) {
  const terms = candidates(db, q, reveal);
  if (!terms) return [];
  const rows = stmt(
    db,
    `SELECT r.id, r.name, r.gender, coalesce(r.birth_date, '') AS birthDate, r.id_number, r.address
     FROM (${terms.sql}) m CROSS JOIN residents r ON r.id = m.id WHERE r.status = 'active' LIMIT 20`,
  ).all(...terms.params) as { id: number; name: string; gender: string; birthDate: string; id_number: string | null; address: string }[];
  return rows.map(({ id_number, ...r }) => ({ ...r, birthDate: shownBirthDate(r.birthDate, !!id_number, reveal), idMasked: maskIdNumber(id_number) }));
}

/** A few residents in brief, for modules that pick people from the ledger: building, registered or not, phone (for their own records). */
export function residentsBrief(db: Db, ids: readonly number[]): Map<number, { name: string; building: string; buildingId: number | null; registered: boolean; phone: string }> {
  const out = new Map<number, { name: string; building: string; buildingId: number | null; registered: boolean; phone: string }>();
  const get = stmt(db, "SELECT r.name, coalesce(b.name, '') AS building, r.building_id, r.residence_type, r.phone FROM residents r LEFT JOIN buildings b ON b.id = r.building_id WHERE r.id = ?");
  for (const id of ids) {
    const r = get.get(id) as { name: string; building: string; building_id: number | null; residence_type: string; phone: string } | undefined;
    if (r) out.set(id, { name: r.name, building: r.building, buildingId: r.building_id, registered: r.residence_type === 'registered', phone: r.phone });
  }
  return out;
}

/** Residents found by a search, with their building: the pickers of consultation and volunteers. */
export function findResidentsWithBuilding(db: Db, q: string, reveal: boolean) {
  const found = findResidentsToLink(db, q, reveal);
  const brief = residentsBrief(db, found.map((r) => r.id));
  return found.map((r) => ({ id: r.id, name: r.name, gender: r.gender, birthDate: r.birthDate, idMasked: r.idMasked, address: r.address, building: brief.get(r.id)?.building ?? '', registered: brief.get(r.id)?.registered ?? false }));
}
