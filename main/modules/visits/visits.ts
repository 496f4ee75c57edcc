import type { VisitInput, VisitRow } from '../../../shared/contract/visits';
import { visitDue, type VisitKind } from '../../../shared/rules/visits';
import { AppError } from '../../core/errors';
import { plucked, stmt, type Db } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import { visitSettings } from './problems';

interface VisitRecord {
  id: number;
  date: string;
  kind: VisitKind;
  household_id: number | null;
  address: string | null;
  building: string | null;
  place: string;
  grid: string | null;
  visitors: string;
  met: string;
  seen: string;
  words: string;
  problems: number;
  created_by: string;
}

const VISIT_SELECT = `SELECT v.*, g.name AS grid, b.name AS building,
  (SELECT r.address FROM residents r WHERE r.household_id = v.household_id ORDER BY r.relation LIMIT 1) AS address,
  (SELECT count(*) FROM problems p WHERE p.visit_id = v.id) AS problems
  FROM visits v LEFT JOIN grids g ON g.id = v.grid_id LEFT JOIN buildings b ON b.id = v.building_id`;

const toRow = (v: VisitRecord): VisitRow => ({
  id: v.id,
  date: v.date,
  kind: v.kind,
  householdId: v.household_id,
  where: v.kind === 'household' ? (v.address ?? '') : v.kind === 'building' ? (v.building ?? '') : v.place,
  grid: v.grid ?? '',
  visitors: v.visitors,
  met: v.met,
  seen: v.seen,
  words: v.words,
  problems: v.problems,
  createdBy: v.created_by,
});

/** A visit: to a household, a building or a place; where it is decides the grid it counts for. */
export function logVisit(ctx: CallContext, input: Required<VisitInput>, today: string): number {
  const db = ctx.db;
  if (input.date > today) throw new AppError('validation.futureDate');
  let buildingId: number | null = null;
  let householdId: number | null = null;
  if (input.kind === 'household') {
    if (input.householdId === null) throw new AppError('visits.householdNeeded');
    const h = plucked(db, 'SELECT d.building_id FROM households h JOIN dwellings d ON d.id = h.dwelling_id WHERE h.id = ?').get(input.householdId) as number | undefined;
    if (h === undefined) throw new AppError('household.notFound', { id: input.householdId });
    householdId = input.householdId;
    buildingId = h;
  } else if (input.kind === 'building') {
    if (input.buildingId === null) throw new AppError('visits.buildingNeeded');
    buildingId = input.buildingId;
  } else if (!input.place) throw new AppError('visits.placeNeeded');
  const gridId = buildingId === null ? null : (plucked(db, 'SELECT grid_id FROM buildings WHERE id = ?').get(buildingId) as number | undefined);
  if (gridId === undefined) throw new AppError('building.notFound', { id: input.buildingId ?? 0 });
  return Number(
    stmt(db, 'INSERT INTO visits(date, kind, household_id, building_id, place, grid_id, visitors, met, seen, words, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      input.date,
      input.kind,
      householdId,
      buildingId,
      input.place,
      gridId,
      input.visitors,
      input.met,
      input.seen,
      input.words,
      ctx.actor,
    ).lastInsertRowid,
  );
}

export function visitList(db: Db, f: { from: string; to: string; householdId?: number }): VisitRow[] {
  return (stmt(db, `${VISIT_SELECT} WHERE v.date BETWEEN @from AND @to AND (@household IS NULL OR v.household_id = @household) ORDER BY v.date DESC, v.id DESC LIMIT 2000`).all({ ...f, household: f.householdId ?? null }) as VisitRecord[]).map(toRow);
}

export function visitsOfHousehold(db: Db, householdId: number): VisitRow[] {
  return (stmt(db, `${VISIT_SELECT} WHERE v.household_id = ? ORDER BY v.date DESC, v.id DESC LIMIT 200`).all(householdId) as VisitRecord[]).map(toRow);
}

/**
 * Who is due a visit (driven from the care tags — CROSS JOIN keeps SQLite from walking every resident
 * instead — with each household's last visit from its index): every living resident carrying a tag a rule names, with the last visit to their
 * household; due when the rule's days have passed since (or at once, never visited). `within` days
 * ahead shows who will be due soon, for planning a round.
 */
export function dueVisits(db: Db, within: number, today: string) {
  const rules = visitSettings(db).visitRules;
  if (!rules.length) return [];
  const rows = stmt(
    db,
    `SELECT r.id, r.name, r.household_id, r.address, g.name AS grid, group_concat(t.tag, ' ') AS tags,
       (SELECT max(v.date) FROM visits v WHERE v.household_id = r.household_id) AS last
     FROM resident_tags t CROSS JOIN residents r ON r.id = t.resident_id LEFT JOIN grids g ON g.id = r.grid_id
     WHERE t.tag IN (SELECT value FROM json_each(?)) AND +r.status = 'active' GROUP BY r.id`,
  ).all(JSON.stringify(rules.map((r) => r.tag))) as { id: number; name: string; household_id: number | null; address: string; grid: string | null; tags: string; last: string | null }[];
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + within * 86_400_000).toISOString().slice(0, 10);
  return rows
    .flatMap((r) => {
      const d = visitDue(r.tags.split(' '), r.last, rules, today);
      if (!d || d.due > horizon) return [];
      const overdueDays = Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${d.due}T00:00:00Z`)) / 86_400_000));
      return [{ residentId: r.id, name: r.name, householdId: r.household_id, address: r.address, grid: r.grid ?? '', tag: d.tag, days: d.days, lastVisit: r.last ?? '', due: d.due, overdueDays }];
    })
    .sort((a, b) => a.due.localeCompare(b.due) || a.residentId - b.residentId);
}

/** The community's grids, buildings and households, for the visit form's pickers. */
export function places(db: Db) {
  const grids = stmt(db, 'SELECT id, name FROM grids ORDER BY id').all() as { id: number; name: string }[];
  const buildings = stmt(db, 'SELECT id, grid_id, name FROM buildings ORDER BY grid_id, id').all() as { id: number; grid_id: number; name: string }[];
  const households = stmt(
    db,
    `SELECT h.id, d.building_id, coalesce(head.name, '') || ' · ' || trim(d.unit || ' ' || d.room) AS label
     FROM households h JOIN dwellings d ON d.id = h.dwelling_id LEFT JOIN residents head ON head.id = h.head_id ORDER BY d.building_id, d.unit, d.room`,
  ).all() as { id: number; building_id: number; label: string }[];
  const byBuilding = new Map<number, { id: number; label: string }[]>();
  for (const h of households) byBuilding.set(h.building_id, [...(byBuilding.get(h.building_id) ?? []), { id: h.id, label: h.label }]);
  return grids.map((g) => ({ gridId: g.id, grid: g.name, buildings: buildings.filter((b) => b.grid_id === g.id).map((b) => ({ id: b.id, name: b.name, households: byBuilding.get(b.id) ?? [] })) }));
}
