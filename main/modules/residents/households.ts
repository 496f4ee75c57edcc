import { plucked, stmt, type Db } from '../../core/ledger';
import { searchResidents } from './search';

export interface HouseholdSummary {
  id: number;
  number: string;
  address: string;
  headName: string;
  members: number;
  gridName: string;
}

/** One household as the lists show it: its number, where, its head and how many live in it. */
export function householdSummary(db: Db, id: number): HouseholdSummary {
  const h = stmt(
    db,
    `SELECT h.id, h.number, coalesce(hr.name, '') AS headName, g.name AS gridName,
       coalesce(hr.address, (SELECT address FROM residents WHERE household_id = h.id ORDER BY id LIMIT 1), '') AS address,
       (SELECT count(*) FROM residents x WHERE x.household_id = h.id AND x.status = 'active') AS members
     FROM households h JOIN dwellings w ON w.id = h.dwelling_id JOIN buildings b ON b.id = w.building_id JOIN grids g ON g.id = b.grid_id
     LEFT JOIN residents hr ON hr.id = h.head_id WHERE h.id = ?`,
  ).get(id) as HouseholdSummary;
  return h;
}

/**
 * The households list: those with someone living in them, in the roster's address order. A search
 * term finds people as the resident search does (name, pinyin, ID or phone fragment, address) and
 * lists their households.
 */
export function listHouseholds(db: Db, f: { q: string; gridId?: number; reveal: boolean }, offset: number, limit: number): { total: number; rows: HouseholdSummary[] } {
  let ids: number[];
  let total: number;
  if (f.q.trim()) {
    const { rows } = searchResidents(db, { q: f.q, gridId: f.gridId, status: 'active', tags: [], sort: 'address', order: 'asc', reveal: f.reveal }, 0, 500);
    const all = [...new Set(rows.map((r) => r.householdId).filter((h): h is number => h !== null))];
    total = all.length;
    ids = all.slice(offset, offset + limit);
  } else {
    const grid = f.gridId ? 'AND grid_id = ?' : '';
    const params = f.gridId ? [f.gridId] : [];
    total = plucked(db, `SELECT count(DISTINCT household_id) FROM residents WHERE status = 'active' AND household_id IS NOT NULL ${grid}`).get(...params) as number;
    ids = plucked(db, `SELECT household_id FROM residents WHERE status = 'active' AND household_id IS NOT NULL ${grid} GROUP BY household_id ORDER BY min(address_key) LIMIT ? OFFSET ?`).all(...params, limit, offset) as number[];
  }
  return { total, rows: ids.map((id) => householdSummary(db, id)) };
}
