import type { z } from 'zod';
import type { placement as placementSchema } from '../../../shared/contract/residents';
import { genderWithId, todayIso } from '../../../shared/rules/idNumber';
import { AppError } from '../../core/errors';
import { stmt, type Db } from '../../core/ledger';
import { indexResident, pinyinOf } from './indexing';

export type Placement = z.output<typeof placementSchema>;

/** The fields stored for a resident, already validated and normalised by the contract schema. */
export interface ResidentFields {
  name: string;
  idNumber: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  phone: string;
  hukouAddress: string;
  relation: string;
  residenceType: string;
  political: string;
  education: string;
  marital: string;
  occupation: string;
  tags: string[];
  note: string;
}

/** Sorts "2号楼" before "10号楼": numbers padded inside the key. */
export const naturalKey = (s: string) => s.replace(/\d+/g, (d) => d.padStart(8, '0'));

/** "2单元" and "2" mean the same entrance; "301室" and "301" the same room. */
export const cleanUnit = (s: string) => {
  const u = s.normalize('NFKC').trim().replace(/(单元|门)$/, '');
  return /^[一二三四五六七八九十]+$/.test(u) ? String(chineseNumber(u)) : u;
};
export const cleanRoom = (s: string) => s.normalize('NFKC').trim().replace(/[室号户]$/, '');
/** 一 … 九十九: the small numbers units are counted in. */
function chineseNumber(s: string): number {
  const d = (c: string | undefined) => (c ? '一二三四五六七八九'.indexOf(c) + 1 : 0);
  if (!s.includes('十')) return Number([...s].map(d).join(''));
  const [tens, ones] = s.split('十');
  return (tens ? d(tens) : 1) * 10 + d(ones);
}

interface DwellingInfo {
  household_id: number;
  grid_id: number;
  building_id: number;
  grid_name: string;
  building_name: string;
  unit: string;
  room: string;
}

export function addressText(d: { building_name: string; unit: string; room: string }): string {
  return `${d.building_name}${d.unit ? `${d.unit}单元` : ''}${d.room}室`;
}

function dwellingOfHousehold(db: Db, householdId: number): DwellingInfo {
  const d = stmt(
    db,
    `SELECT h.id AS household_id, b.grid_id, b.id AS building_id, g.name AS grid_name, b.name AS building_name, w.unit, w.room
     FROM households h JOIN dwellings w ON w.id = h.dwelling_id JOIN buildings b ON b.id = w.building_id JOIN grids g ON g.id = b.grid_id
     WHERE h.id = ?`,
  ).get(householdId) as DwellingInfo | undefined;
  if (!d) throw new AppError('household.notFound', { id: householdId });
  return d;
}

export function findOrCreateDwelling(db: Db, buildingId: number, unit: string, room: string): number {
  if (!stmt(db, 'SELECT 1 FROM buildings WHERE id = ?').get(buildingId)) throw new AppError('building.notFound', { id: buildingId });
  const u = cleanUnit(unit);
  const r = cleanRoom(room);
  const found = stmt(db, 'SELECT id FROM dwellings WHERE building_id = ? AND unit = ? AND room = ?').get(buildingId, u, r) as { id: number } | undefined;
  if (found) return found.id;
  return Number(stmt(db, 'INSERT INTO dwellings(building_id, unit, room) VALUES (?, ?, ?)').run(buildingId, u, r).lastInsertRowid);
}

export function createHousehold(db: Db, dwellingId: number, number: string): number {
  if (number && stmt(db, 'SELECT 1 FROM households WHERE number = ?').get(number)) throw new AppError('household.numberTaken', { number });
  const id = Number(stmt(db, "INSERT INTO households(number, dwelling_id) VALUES (?, ?)").run(number || `~${Date.now()}${Math.random()}`, dwellingId).lastInsertRowid);
  // Without a number of its own a household gets H + its id: short, unique and never reused.
  if (!number) stmt(db, 'UPDATE households SET number = ? WHERE id = ?').run(`H${String(id).padStart(6, '0')}`, id);
  return id;
}

export function resolvePlacement(db: Db, p: Placement): number {
  if (p.kind === 'existing') {
    dwellingOfHousehold(db, p.householdId);
    return p.householdId;
  }
  return createHousehold(db, findOrCreateDwelling(db, p.buildingId, p.unit, p.room), p.number);
}

function headOf(db: Db, householdId: number): number | null {
  return (stmt(db, 'SELECT head_id FROM households WHERE id = ?').get(householdId) as { head_id: number | null }).head_id;
}

/** Where a household lives, as the resident columns that follow it (address text, sort key, grid, building). */
export interface HouseholdPlace {
  householdId: number;
  gridId: number;
  buildingId: number;
  address: string;
  keyBase: string;
}

export function householdPlace(db: Db, householdId: number): HouseholdPlace {
  const d = dwellingOfHousehold(db, householdId);
  return {
    householdId,
    gridId: d.grid_id,
    buildingId: d.building_id,
    address: addressText(d),
    keyBase: `${naturalKey(d.grid_name)}|${naturalKey(d.building_name)}|${naturalKey(d.unit)}|${naturalKey(d.room)}|${String(householdId).padStart(10, '0')}`,
  };
}

/** The resident columns for a member of a household: heads sort first within it. */
function placeColumns(p: HouseholdPlace, relation: string) {
  return {
    household_id: p.householdId,
    relation,
    grid_id: p.gridId,
    building_id: p.buildingId,
    address: p.address,
    address_key: `${p.keyBase}|${relation === '02' ? '0' : '1'}`,
  };
}

/** Puts a resident in a household: address columns follow, and a 户主 becomes its head. */
export function placeInHousehold(db: Db, residentId: number, householdId: number, relation: string): void {
  const head = headOf(db, householdId);
  if (relation === '02') {
    if (head !== null && head !== residentId) throw new AppError('household.headExists');
    stmt(db, 'UPDATE households SET head_id = ? WHERE id = ?').run(residentId, householdId);
  }
  stmt(
    db,
    `UPDATE residents SET household_id = @household_id, relation = @relation, grid_id = @grid_id, building_id = @building_id,
       address = @address, address_key = @address_key, version = version + 1, updated_at = datetime('now') WHERE id = @id`,
  ).run({ ...placeColumns(householdPlace(db, householdId), relation), id: residentId });
}

/**
 * After a grid or building is renamed: the address and sort key each resident carries follow, and
 * the search finds them under the new name (the old one no longer). Returns how many were updated.
 */
export function refreshPlaces(db: Db, where: { gridId: number } | { buildingId: number }): number {
  const households = (
    'gridId' in where
      ? stmt(db, 'SELECT h.id FROM households h JOIN dwellings w ON w.id = h.dwelling_id JOIN buildings b ON b.id = w.building_id WHERE b.grid_id = ?').all(where.gridId)
      : stmt(db, 'SELECT h.id FROM households h JOIN dwellings w ON w.id = h.dwelling_id WHERE w.building_id = ?').all(where.buildingId)
  ) as { id: number }[];
  const update = stmt(db, `UPDATE residents SET grid_id = @grid_id, building_id = @building_id, address = @address, address_key = @address_key WHERE id = @id`);
  let n = 0;
  for (const h of households) {
    const place = householdPlace(db, h.id);
    for (const r of stmt(db, 'SELECT id, relation FROM residents WHERE household_id = ?').all(h.id) as { id: number; relation: string }[]) {
      const { household_id: _h, relation: _r, ...columns } = placeColumns(place, r.relation);
      update.run({ ...columns, id: r.id });
      reindex(db, r.id);
      n++;
    }
  }
  return n;
}

/** A resident who leaves a household stops being its head. */
export function leaveHousehold(db: Db, residentId: number): void {
  stmt(db, 'UPDATE households SET head_id = NULL WHERE head_id = ?').run(residentId);
}

export function existingByIdNumber(db: Db, idNumber: string): { id: number; name: string } | undefined {
  if (!idNumber) return undefined;
  return stmt(db, 'SELECT id, name FROM residents WHERE id_number = ?').get(idNumber) as { id: number; name: string } | undefined;
}

const FIELD_COLUMNS: [keyof ResidentFields, string][] = [
  ['name', 'name'],
  ['idNumber', 'id_number'],
  ['gender', 'gender'],
  ['birthDate', 'birth_date'],
  ['ethnicity', 'ethnicity'],
  ['phone', 'phone'],
  ['hukouAddress', 'hukou_address'],
  ['residenceType', 'residence_type'],
  ['political', 'political'],
  ['education', 'education'],
  ['marital', 'marital'],
  ['occupation', 'occupation'],
  ['note', 'note'],
];

function columnValues(f: ResidentFields, birthFromId: string) {
  const py = pinyinOf(f.name);
  return {
    name: f.name,
    id_number: f.idNumber || null,
    gender: genderWithId(f.gender, f.idNumber),
    birth_date: f.birthDate || birthFromId,
    ethnicity: f.ethnicity,
    phone: f.phone,
    hukou_address: f.hukouAddress,
    residence_type: f.residenceType,
    political: f.political,
    education: f.education,
    marital: f.marital,
    occupation: f.occupation,
    note: f.note,
    tags: [...new Set(f.tags)].sort().join(' '),
    name_pinyin: py.full,
    name_initials: py.initials,
  };
}

const birthFromId = (idNumber: string) => (idNumber ? `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}` : '');

function writeTags(db: Db, residentId: number, tags: readonly string[]): void {
  stmt(db, 'DELETE FROM resident_tags WHERE resident_id = ?').run(residentId);
  const add = stmt(db, 'INSERT OR IGNORE INTO resident_tags(tag, resident_id) VALUES (?, ?)');
  for (const t of tags) add.run(t, residentId);
}

export function addEvent(db: Db, residentId: number, kind: string, date: string, reason = '', detail = '', runId: number | null = null): void {
  stmt(db, 'INSERT INTO resident_events(resident_id, kind, date, reason, detail, import_run_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    residentId,
    kind,
    date,
    reason,
    detail,
    runId,
  );
}

export function reindex(db: Db, residentId: number): void {
  const r = stmt(db, 'SELECT id, name, address, id_number, phone FROM residents WHERE id = ?').get(residentId) as Parameters<typeof indexResident>[1];
  indexResident(db, r);
}

/**
 * Inserts a resident. With `place`, the household columns are written in the same INSERT (bulk imports:
 * one write per row instead of an insert and an update); the caller then owns the head bookkeeping.
 */
/** `place.newIdNumber`: the caller has just looked the ID number up and found nobody (the import, once per row). */
export function insertResident(db: Db, f: ResidentFields, runId: number | null = null, place?: { at: HouseholdPlace; relation: string; newIdNumber?: boolean }): number {
  const dup = place?.newIdNumber ? undefined : existingByIdNumber(db, f.idNumber);
  if (dup) throw new AppError('resident.duplicateId', { id: dup.id, name: dup.name });
  const v = columnValues(f, birthFromId(f.idNumber));
  const placed = place ? placeColumns(place.at, place.relation) : { household_id: null, relation: '', grid_id: null, building_id: null, address: '', address_key: '' };
  // Positional parameters: a bulk import calls this 100,000 times, and binding by name costs a look-up per column.
  const id = Number(
    stmt(
      db,
      `INSERT INTO residents(name, id_number, gender, birth_date, ethnicity, phone, hukou_address, residence_type, political, education,
         marital, occupation, note, tags, name_pinyin, name_initials, import_run_id,
         household_id, relation, grid_id, building_id, address, address_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      v.name, v.id_number, v.gender, v.birth_date, v.ethnicity, v.phone, v.hukou_address, v.residence_type, v.political, v.education,
      v.marital, v.occupation, v.note, v.tags, v.name_pinyin, v.name_initials, runId,
      placed.household_id, placed.relation, placed.grid_id, placed.building_id, placed.address, placed.address_key,
    ).lastInsertRowid,
  );
  if (f.tags.length) writeTags(db, id, f.tags);
  return id;
}

/** Updates the fields; returns the names of those that changed (the timeline says what, not the values). */
export function updateResident(db: Db, id: number, f: ResidentFields, runId: number | null = null): string[] {
  const before = stmt(db, 'SELECT * FROM residents WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!before) throw new AppError('resident.notFound', { id });
  const dup = existingByIdNumber(db, f.idNumber);
  if (dup && dup.id !== id) throw new AppError('resident.duplicateId', { id: dup.id, name: dup.name });
  const v = columnValues(f, birthFromId(f.idNumber));
  const changed = FIELD_COLUMNS.filter(([, col]) => (before[col] ?? '') !== ((v as Record<string, unknown>)[col] ?? '')).map(([k]) => k as string);
  if (before.tags !== v.tags) changed.push('tags');
  stmt(
    db,
    `UPDATE residents SET name = @name, id_number = @id_number, gender = @gender, birth_date = @birth_date, ethnicity = @ethnicity,
       phone = @phone, hukou_address = @hukou_address, residence_type = @residence_type, political = @political, education = @education,
       marital = @marital, occupation = @occupation, note = @note, tags = @tags, name_pinyin = @name_pinyin, name_initials = @name_initials,
       import_run_id = coalesce(@run, import_run_id), version = version + 1, updated_at = datetime('now') WHERE id = @id`,
  ).run({ ...v, id, run: runId });
  writeTags(db, id, f.tags);
  return changed;
}

export const today = todayIso;
