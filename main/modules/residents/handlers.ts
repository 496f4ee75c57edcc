import type { ResidentDetail } from '../../../shared/contract/residents';
import { checkIdNumber, todayIso } from '../../../shared/rules/idNumber';
import { AppError } from '../../core/errors';
import { checkVersion } from '../../core/versions';
import { stmt, type Db } from '../../core/ledger';
import type { HandlerMap } from '../../core/dispatch';
import { mayReveal } from '../../core/session';
import { ROW_COLUMNS, countResidents, iterateResidents, searchResidents, toRow, type RowRecord } from './search';
import { addEvent, existingByIdNumber, insertResident, leaveHousehold, placeInHousehold, reindex, resolvePlacement, updateResident } from './store';
import { addImportBuildings, checkImport, recheckImport } from './import';
import { cancelImport, commitImport, importErrorsWorkbook, importProgress, importTemplate } from './importCommit';
import { exportWorkbook } from './export';
import { householdSummary, listHouseholds } from './households';

interface DetailRecord extends RowRecord {
  hukou_address: string;
  education: string;
  marital: string;
  occupation: string;
  note: string;
  version: number;
}

function detailOf(db: Db, id: number, withEvents: boolean, reveal: boolean): ResidentDetail {
  const r = stmt(
    db,
    `SELECT ${ROW_COLUMNS}, r.hukou_address, r.education, r.marital, r.occupation, r.note, r.version
     FROM residents r LEFT JOIN grids g ON g.id = r.grid_id WHERE r.id = ?`,
  ).get(id) as DetailRecord | undefined;
  if (!r) throw new AppError('resident.notFound', { id });
  const events = withEvents
    ? (stmt(db, 'SELECT id, kind, date, reason, detail, at FROM resident_events WHERE resident_id = ? ORDER BY date DESC, id DESC').all(id) as ResidentDetail['events'])
    : [];
  return {
    ...toRow(r, undefined, reveal),
    hasIdNumber: !!r.id_number,
    hukouAddress: r.hukou_address,
    education: r.education,
    marital: r.marital,
    occupation: r.occupation,
    note: r.note,
    version: r.version,
    events,
  };
}

function activeResident(db: Db, id: number): { status: string; household_id: number | null } {
  const r = stmt(db, 'SELECT status, household_id FROM residents WHERE id = ?').get(id) as { status: string; household_id: number | null } | undefined;
  if (!r) throw new AppError('resident.notFound', { id });
  return r;
}

function endResidence(db: Db, id: number, status: 'moved_out' | 'deceased', date: string, reason: string): void {
  const r = activeResident(db, id);
  if (r.status !== 'active') throw new AppError('resident.notActive');
  if (date > todayIso()) throw new AppError('validation.futureDate');
  const since = stmt(db, "SELECT max(date) AS d FROM resident_events WHERE resident_id = ? AND kind = 'moved_in'").get(id) as { d: string | null };
  if (since.d && date < since.d) throw new AppError('resident.beforeMoveIn', { date: since.d });
  leaveHousehold(db, id);
  stmt(db, "UPDATE residents SET status = ?, version = version + 1, updated_at = datetime('now') WHERE id = ?").run(status, id);
  addEvent(db, id, status === 'deceased' ? 'died' : 'moved_out', date, reason);
}

export const residentsHandlers: HandlerMap<
  | 'residents.search'
  | 'residents.get'
  | 'residents.findById'
  | 'residents.reveal'
  | 'residents.create'
  | 'residents.update'
  | 'residents.moveOut'
  | 'residents.recordDeath'
  | 'residents.moveBackIn'
  | 'households.card'
  | 'households.find'
  | 'households.list'
  | 'households.moveMember'
  | 'households.setHead'
  | 'residents.roster'
  | 'residents.importTemplate'
  | 'residents.importCheck'
  | 'residents.importReportFile'
  | 'residents.importCommit'
  | 'residents.importProgress'
  | 'residents.importRecheck'
  | 'residents.importAddBuildings'
  | 'residents.importCancel'
  | 'residents.export'
> = {
  'residents.search': ({ offset, limit, ...filters }, ctx) => searchResidents(ctx.db, { ...filters, reveal: mayReveal(ctx.session) }, offset, limit),
  'residents.get': ({ id }, ctx) => detailOf(ctx.db, id, true, mayReveal(ctx.session)),
  'residents.reveal': ({ id, reason }, ctx) => {
    const r = stmt(ctx.db, 'SELECT id_number, phone FROM residents WHERE id = ?').get(id) as { id_number: string | null; phone: string } | undefined;
    if (!r) throw new AppError('resident.notFound', { id });
    // The trace names the record and the reason, never the value shown.
    ctx.audit('reveal', `resident:${id}`, reason);
    return { idNumber: r.id_number ?? '', phone: r.phone };
  },
  'residents.findById': ({ idNumber }, ctx) => {
    const r = checkIdNumber(idNumber);
    return (r.ok && existingByIdNumber(ctx.db, r.value)) || null;
  },
  'residents.create': ({ placement, moveInDate, moveInReason, ...fields }, ctx) => {
    const householdId = resolvePlacement(ctx.db, placement);
    const id = insertResident(ctx.db, fields);
    placeInHousehold(ctx.db, id, householdId, fields.relation);
    // Without a date given the day of typing stands in, marked so that no paper states it as the move-in.
    addEvent(ctx.db, id, 'moved_in', moveInDate ?? todayIso(), moveInReason, moveInDate ? '' : 'dateUnknown');
    reindex(ctx.db, id);
    ctx.record(`resident:${id}`);
    return { id, householdId };
  },
  'residents.update': ({ id, keepIdNumber, keepPhone, version, ...fields }, ctx) => {
    const r = activeResident(ctx.db, id);
    checkVersion(ctx.db, 'residents', id, version, `resident:${id}`);
    const stored = stmt(ctx.db, 'SELECT id_number, phone, birth_date, gender FROM residents WHERE id = ?').get(id) as { id_number: string | null; phone: string; birth_date: string; gender: string };
    if (keepIdNumber) Object.assign(fields, { idNumber: stored.id_number ?? '', birthDate: stored.birth_date, gender: stored.gender });
    if (keepPhone) fields.phone = stored.phone;
    const changed = updateResident(ctx.db, id, fields);
    if (r.household_id !== null) {
      const current = (stmt(ctx.db, 'SELECT relation FROM residents WHERE id = ?').get(id) as { relation: string }).relation;
      if (current !== fields.relation) {
        if (current === '02') leaveHousehold(ctx.db, id);
        placeInHousehold(ctx.db, id, r.household_id, fields.relation);
        changed.push('relation');
      }
    }
    if (changed.length) addEvent(ctx.db, id, 'updated', todayIso(), '', changed.join(','));
    reindex(ctx.db, id);
    ctx.record(`resident:${id}`);
    return { id };
  },
  'residents.moveOut': ({ id, date, reason }, ctx) => {
    endResidence(ctx.db, id, 'moved_out', date, reason);
    ctx.record(`resident:${id}`);
    return { id };
  },
  'residents.recordDeath': ({ id, date, reason }, ctx) => {
    endResidence(ctx.db, id, 'deceased', date, reason);
    ctx.record(`resident:${id}`);
    return { id };
  },
  'residents.moveBackIn': ({ id, date, reason, placement, relation }, ctx) => {
    const r = activeResident(ctx.db, id);
    if (r.status !== 'moved_out') throw new AppError('resident.notMovedOut');
    const householdId = resolvePlacement(ctx.db, placement);
    stmt(ctx.db, "UPDATE residents SET status = 'active', version = version + 1 WHERE id = ?").run(id);
    placeInHousehold(ctx.db, id, householdId, relation);
    addEvent(ctx.db, id, 'moved_in', date, reason);
    reindex(ctx.db, id);
    ctx.record(`resident:${id}`);
    return { id };
  },
  'households.card': ({ id, forPrint }, ctx) => {
    if (forPrint) ctx.audit('print', `household:${id}`, 'masked');
    const h = stmt(
      ctx.db,
      `SELECT h.id, h.number, h.head_id, g.name AS grid_name, b.name AS building_name, w.unit, w.room
       FROM households h JOIN dwellings w ON w.id = h.dwelling_id JOIN buildings b ON b.id = w.building_id JOIN grids g ON g.id = b.grid_id WHERE h.id = ?`,
    ).get(id) as { id: number; number: string; head_id: number | null; grid_name: string; building_name: string; unit: string; room: string } | undefined;
    if (!h) throw new AppError('household.notFound', { id });
    const memberIds = stmt(ctx.db, "SELECT id FROM residents WHERE household_id = ? AND status = 'active' ORDER BY (id = ?) DESC, relation, birth_date").all(id, h.head_id ?? 0) as { id: number }[];
    const members = memberIds.map((m) => {
      const { events: _events, ...rest } = detailOf(ctx.db, m.id, false, mayReveal(ctx.session));
      return rest;
    });
    return {
      id: h.id,
      number: h.number,
      gridName: h.grid_name,
      buildingName: h.building_name,
      unit: h.unit,
      room: h.room,
      address: members[0]?.address ?? `${h.building_name}${h.unit}${h.room}`,
      headId: h.head_id,
      members,
    };
  },
  'households.find': ({ q }, ctx) => {
    const { rows } = searchResidents(ctx.db, { q, status: 'active', tags: [], sort: 'address', order: 'asc', reveal: mayReveal(ctx.session) }, 0, 60);
    // Households of the people found, in address order: the search's own routing does the work.
    const ids = [...new Set(rows.map((r) => r.householdId).filter((h): h is number => h !== null))].slice(0, 20);
    return ids.map((hid) => {
      const { gridName: _grid, ...h } = householdSummary(ctx.db, hid);
      return h;
    });
  },
  'households.list': ({ q, gridId, offset, limit }, ctx) => listHouseholds(ctx.db, { q, gridId, reveal: mayReveal(ctx.session) }, offset, limit),
  'households.moveMember': ({ residentId, householdId, relation }, ctx) => {
    const r = activeResident(ctx.db, residentId);
    if (r.status !== 'active') throw new AppError('resident.notActive');
    if (r.household_id === householdId) throw new AppError('household.sameHousehold');
    leaveHousehold(ctx.db, residentId);
    placeInHousehold(ctx.db, residentId, householdId, relation);
    addEvent(ctx.db, residentId, 'household_changed', todayIso(), '', `${r.household_id ?? ''}→${householdId}`);
    reindex(ctx.db, residentId);
    ctx.record(`resident:${residentId}`);
    return { id: residentId };
  },
  'households.setHead': ({ householdId, residentId }, ctx) => {
    const r = activeResident(ctx.db, residentId);
    if (r.household_id !== householdId || r.status !== 'active') throw new AppError('household.notMember');
    const old = stmt(ctx.db, 'SELECT head_id FROM households WHERE id = ?').get(householdId) as { head_id: number | null };
    // The former head stays in the household; their relation must be re-entered, so it is marked 97 (其他亲属) for review.
    if (old.head_id !== null && old.head_id !== residentId) {
      stmt(ctx.db, "UPDATE residents SET relation = '97', version = version + 1 WHERE id = ?").run(old.head_id);
      addEvent(ctx.db, old.head_id, 'updated', todayIso(), '', 'relation');
    }
    stmt(ctx.db, 'UPDATE households SET head_id = NULL WHERE id = ?').run(householdId);
    placeInHousehold(ctx.db, residentId, householdId, '02');
    addEvent(ctx.db, residentId, 'updated', todayIso(), '', 'relation');
    ctx.record(`household:${householdId}`);
    return { id: householdId };
  },
  'residents.roster': ({ limit, ...filters }, ctx) => {
    ctx.audit('print', 'residents', `masked; ${JSON.stringify(filters)}`);
    const viewed = { ...filters, reveal: mayReveal(ctx.session) };
    const total = countResidents(ctx.db, viewed);
    return { total, rows: Array.from(iterateResidents(ctx.db, viewed, limit), (r) => toRow(r, undefined, viewed.reveal)) };
  },
  'residents.importTemplate': ({ lang }) => importTemplate(lang),
  'residents.importCheck': (input, ctx) => checkImport(ctx.db, input.fileName, Buffer.from(input.base64, 'base64'), input.lang),
  'residents.importRecheck': ({ token, lang, choices }, ctx) => recheckImport(ctx.db, token, lang, choices),
  'residents.importAddBuildings': ({ token, lang, gridId }, ctx) => {
    const added = ctx.batch(() => addImportBuildings(ctx.db, token, gridId));
    ctx.record(`grid:${gridId}:buildings+${added.length}`);
    return recheckImport(ctx.db, token, lang);
  },
  'residents.importReportFile': ({ token }) => importErrorsWorkbook(token),
  'residents.importCommit': ({ token }, ctx) => commitImport(ctx, token),
  'residents.importProgress': ({ token }) => importProgress(token),
  'residents.importCancel': ({ token }) => {
    cancelImport(token);
    return {};
  },
  'residents.export': ({ lang, full, ...filters }, ctx) => {
    if (full && !mayReveal(ctx.session)) throw new AppError('call.forbidden');
    ctx.audit('export', 'residents', `${full ? 'full numbers' : 'masked'}; ${JSON.stringify(filters)}`);
    return exportWorkbook(ctx.db, { ...filters, reveal: mayReveal(ctx.session) }, lang, full);
  },
};
