import { buildingName, buildingParts, splitAddress } from '../../../shared/rules/address';
import { stmt, type Db } from '../../core/ledger';
import { cleanRoom, cleanUnit } from './store';

/**
 * Where an imported row lives: the sheet's 楼栋/单元/房号 columns, or its one address column split,
 * matched to the community's buildings by number and 小区 (7栋 is 7号楼; "金色家园7号楼" is 7号楼 when
 * the ledger keeps no 小区 names). A building the ledger does not have yet is named the way the ledger
 * names buildings and listed, so that one step can add all of them to a grid.
 */
export interface PlaceCells {
  grid: string;
  estate: string;
  building: string;
  unit: string;
  room: string;
  address: string;
}

export type Place =
  | { ok: true; grid: string; buildingId: number | null; building: string; unit: string; room: string; fresh?: { estate: string; number: string } }
  | { ok: false; column: 'address' | 'building' | 'room' | 'grid'; code: string; params?: Record<string, string> };

interface KnownBuilding {
  id: number;
  name: string;
  grid: string;
  estate: string;
  number: string;
}

const sameEstate = (a: string, b: string) => {
  const strip = (s: string) => s.replace(/(小区|社区|家园|花园|苑|院|区)$/, '');
  return a === b || (!!a && !!b && (strip(a) === strip(b) || a.includes(b) || b.includes(a)));
};

export function placeFinder(db: Db) {
  const known: KnownBuilding[] = (stmt(db, 'SELECT b.id, b.name, g.name AS grid FROM buildings b JOIN grids g ON g.id = b.grid_id').all() as { id: number; name: string; grid: string }[]).map(
    (b) => ({ ...b, ...buildingParts(b.name) }),
  );
  const cache = new Map<string, Place>();
  // 第1网格, 一网格 and 第一网格 are one grid: a sheet's spelling of a grid the ledger has is the ledger's.
  const gridNames = new Map<string, string>();
  for (const g of stmt(db, 'SELECT name FROM grids').all() as { name: string }[]) gridNames.set(gridKey(g.name), g.name);
  const asLedger = new Map<string, string>();
  const ledgerGrid = (name: string) => {
    if (!name) return '';
    let g = asLedger.get(name);
    if (g === undefined) asLedger.set(name, (g = gridNames.get(gridKey(name)) ?? name));
    return g;
  };

  /** The ledger's building for a number (or name) and 小区 within an optional grid. */
  const building = (grid: string, estate: string, number: string, name: string): Place => {
    const key = `${grid}\u0001${estate}\u0001${number}\u0001${name}`;
    const hit = cache.get(key);
    if (hit) return hit;
    let candidates = known.filter((b) => (number ? b.number === number : b.name === name) && (!grid || b.grid === grid));
    if (estate && candidates.length > 1) {
      const same = candidates.filter((b) => sameEstate(b.estate, estate));
      candidates = same.length ? same : candidates.filter((b) => !b.estate);
    } else if (estate && candidates.length === 1 && candidates[0]!.estate && !sameEstate(candidates[0]!.estate, estate)) candidates = [];
    else if (!estate && candidates.length > 1) {
      const plain = candidates.filter((b) => !b.estate);
      if (plain.length === 1) candidates = plain;
    }
    let place: Place;
    if (candidates.length === 1) place = { ok: true, grid: candidates[0]!.grid, buildingId: candidates[0]!.id, building: candidates[0]!.name, unit: '', room: '' };
    else if (candidates.length > 1) place = { ok: false, column: 'grid', code: 'import.buildingAmbiguous', params: { names: candidates.map((b) => `${b.grid} ${b.name}`).join('、') } };
    else place = { ok: true, grid, buildingId: null, building: number ? buildingName(estate, number) : name, unit: '', room: '', ...(number ? { fresh: { estate, number } } : {}) };
    cache.set(key, place);
    return place;
  };

  const find = (c: PlaceCells): Place => {
    c = { ...c, grid: ledgerGrid(c.grid) };
    let estate = c.estate;
    let unit = cleanUnit(c.unit);
    let room = cleanRoom(c.room);
    let parts: { estate: string; number: string };
    let name = c.building.normalize('NFKC').replace(/\s+/g, '');
    if (name) {
      parts = buildingParts(/^\d+[A-Za-z]?$/.test(name) ? `${name}号楼` : name);
      if (!room && c.address) {
        const a = splitAddress(c.address);
        if (a) {
          unit ||= a.unit;
          room = a.room;
        }
      }
    } else if (c.address) {
      const a = splitAddress(c.address);
      if (!a) return { ok: false, column: 'address', code: 'import.addressUnreadable', params: { value: c.address } };
      parts = { estate: a.estate, number: a.building };
      name = buildingName(a.estate, a.building);
      unit ||= a.unit;
      room ||= a.room;
    } else return { ok: false, column: 'building', code: 'validation.required' };
    if (!room) return { ok: false, column: 'room', code: 'validation.required' };
    estate ||= parts.estate;
    const b = building(c.grid, parts.number ? estate : '', parts.number, name);
    return b.ok ? { ...b, unit, room } : b;
  };
  /** Whether the ledger's building names carry their 小区 ("金色家园7号楼"), so new ones should too. */
  const namesCarryEstate = known.some((b) => b.estate && b.number);
  return { find, namesCarryEstate };
}

/** A grid's name compared: numbers as digits, without 第 and 网格 ("第一网格" → "1"). */
export function gridKey(name: string): string {
  const s = name.normalize('NFKC').replace(/\s+/g, '').replace(/^第/, '').replace(/(网格|格)$/, '');
  return s.replace(/[一二三四五六七八九十]+/g, (n) => {
    const d = (c: string | undefined) => (c ? '一二三四五六七八九'.indexOf(c) + 1 : 0);
    if (!n.includes('十')) return [...n].map(d).join('');
    const [tens, ones] = n.split('十');
    return String((tens ? d(tens) : 1) * 10 + d(ones));
  });
}

/**
 * Rows become households in the order of the sheet: by the household number where the sheet has one,
 * otherwise by address, a 户主 opening the household and the rows after it joining it. A second 户主
 * at an address (tenants, a split household: 一址多户) opens a second household there.
 */
/** A row of a sheet. */
export interface At {
  sheet: string;
  row: number;
}

export function householdGrouper() {
  const byAddress = new Map<string, { nth: number; head: At | null }>();
  return (place: { grid: string; building: string; unit: string; room: string }, householdNumber: string, isHead: boolean, at: At) => {
    if (householdNumber) return { key: `n:${householdNumber}`, nth: 0, secondOf: null as At | null };
    const address = `${place.grid}\u0001${place.building}\u0001${place.unit}\u0001${place.room}`;
    let a = byAddress.get(address);
    if (!a) byAddress.set(address, (a = { nth: 0, head: null }));
    let secondOf: At | null = null;
    if (isHead) {
      if (a.head !== null) {
        secondOf = a.head;
        a.nth++;
      }
      a.head = at;
    }
    return { key: `a:${address}#${a.nth}`, nth: a.nth, secondOf };
  };
}
