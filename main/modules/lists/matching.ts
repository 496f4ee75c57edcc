import type { ResourceInput, ResourceRow } from '../../../shared/contract/lists';
import { isOverdue, periodStart, proposeAssignment, rankResources, relatedCategoryIds, scoreResource, type CapacityPeriod, type MatchNeed, type MatchResource, type ProviderKind, type Urgency } from '../../../shared/rules/lists';
import { maskPhone } from '../../../shared/rules/mask';
import { AppError } from '../../core/errors';
import { type Db, insertRow, plucked, stmt, updateRow } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import { categoryParents, moveNeed, needState } from './needs';

interface ResourceRecord {
  id: number;
  provider_kind: ProviderKind;
  provider: string;
  reporter_id: number | null;
  category_id: number;
  category: string;
  content: string;
  capacity: number;
  capacity_period: CapacityPeriod;
  used: number;
  weekdays: string;
  times: string;
  available_from: string;
  available_to: string;
  grid_ids: string;
  contact: string;
  phone: string;
  active: number;
  finished: number;
  satisfaction: number | null;
}

/**
 * Each resource with what the matching needs to know of it: the matches counted against its capacity
 * in the current period (one index range per resource), and its record of finished services.
 */
const RESOURCE_SELECT = `SELECT r.*, c.name AS category,
  (SELECT count(*) FROM list_matches m WHERE m.resource_id = r.id AND m.cancelled_on = ''
     AND m.confirmed_on >= CASE r.capacity_period WHEN 'total' THEN '' WHEN 'year' THEN @year WHEN 'month' THEN @month ELSE @week END) AS used,
  (SELECT count(*) FROM list_matches m WHERE m.resource_id = r.id AND m.completed_on != '') AS finished,
  (SELECT avg(m.satisfaction) FROM list_matches m WHERE m.resource_id = r.id AND m.satisfaction IS NOT NULL) AS satisfaction
  FROM list_resources r JOIN list_categories c ON c.id = r.category_id`;

const periods = (today: string) => ({ year: periodStart('year', today), month: periodStart('month', today), week: periodStart('week', today) });

function resourceRecords(db: Db, today: string, where = '', params: Record<string, unknown> = {}): ResourceRecord[] {
  return stmt(db, `${RESOURCE_SELECT} ${where} ORDER BY r.active DESC, c.sort, r.id`).all({ ...periods(today), ...params }) as ResourceRecord[];
}

const toMatchResource = (r: ResourceRecord): MatchResource => ({
  id: r.id,
  categoryId: r.category_id,
  gridIds: JSON.parse(r.grid_ids) as number[],
  availableFrom: r.available_from,
  availableTo: r.available_to,
  capacity: r.capacity,
  used: r.used,
  finished: r.finished,
  satisfaction: r.satisfaction === null ? null : Math.round(r.satisfaction * 10) / 10,
});

export function resourceRows(db: Db, f: { activeOnly: boolean; categoryId?: number }, today: string): ResourceRow[] {
  const gridNames = new Map((stmt(db, 'SELECT id, name FROM grids').all() as { id: number; name: string }[]).map((g) => [g.id, g.name]));
  const rows = resourceRecords(db, today, 'WHERE (@active = 0 OR r.active = 1) AND (@category IS NULL OR r.category_id = @category OR c.parent_id = @category)', { active: f.activeOnly ? 1 : 0, category: f.categoryId ?? null });
  // Hours are for the list on screen; the matching does not need them.
  const hours = plucked(db, 'SELECT coalesce(sum(s.hours), 0) FROM list_matches m JOIN list_services s ON s.match_id = m.id WHERE m.resource_id = ?');
  return rows.map((r) => {
    const m = toMatchResource(r);
    return {
      id: r.id,
      providerKind: r.provider_kind,
      provider: r.provider,
      reporterId: r.reporter_id,
      categoryId: r.category_id,
      category: r.category,
      content: r.content,
      capacity: r.capacity,
      capacityPeriod: r.capacity_period,
      used: r.used,
      weekdays: JSON.parse(r.weekdays) as number[],
      times: r.times,
      availableFrom: r.available_from,
      availableTo: r.available_to,
      gridIds: [...m.gridIds],
      grids: m.gridIds.map((g) => gridNames.get(g) ?? '').join('、'),
      contact: r.contact,
      phoneMasked: maskPhone(r.phone),
      active: r.active === 1,
      finished: r.finished,
      hours: hours.get(r.id) as number,
      satisfaction: m.satisfaction,
    };
  });
}

export function saveResource(db: Db, input: Required<Omit<ResourceInput, 'id'>> & { id?: number }): number {
  if (!stmt(db, 'SELECT 1 FROM list_categories WHERE id = ?').get(input.categoryId)) throw new AppError('lists.categoryNotFound', { id: input.categoryId });
  for (const g of input.gridIds) if (!stmt(db, 'SELECT 1 FROM grids WHERE id = ?').get(g)) throw new AppError('lists.gridNotFound', { id: g });
  if (input.providerKind === 'member' && input.reporterId === null) throw new AppError('lists.reporterNeeded');
  if (input.reporterId !== null && !stmt(db, 'SELECT 1 FROM party_reporters WHERE id = ?').get(input.reporterId)) throw new AppError('party.reporterNotFound', { id: input.reporterId });
  // Like the party's own forms: a stored phone is never sent back in full, so an empty one on an edit keeps it.
  const keptPhone = input.id !== undefined && !input.phone ? (plucked(db, 'SELECT phone FROM list_resources WHERE id = ?').get(input.id) as string | undefined) : undefined;
  const row = {
    provider_kind: input.providerKind,
    provider: input.provider,
    reporter_id: input.reporterId,
    category_id: input.categoryId,
    content: input.content,
    capacity: input.capacity,
    capacity_period: input.capacityPeriod,
    weekdays: JSON.stringify([...new Set(input.weekdays)].sort()),
    times: input.times,
    available_from: input.availableFrom,
    available_to: input.availableTo,
    grid_ids: JSON.stringify([...new Set(input.gridIds)].sort((a, b) => a - b)),
    contact: input.contact,
    phone: keptPhone ?? input.phone,
    active: input.active ? 1 : 0,
  };
  if (input.id === undefined) return insertRow(db, 'list_resources', row);
  if (!updateRow(db, 'list_resources', input.id, row)) throw new AppError('lists.resourceNotFound', { id: input.id });
  return input.id;
}

interface OpenNeed extends MatchNeed {
  number: string;
  content: string;
  beneficiary: string;
  category: string;
}

const OPEN_NEEDS = `SELECT n.id, n.number, n.content, n.beneficiary, n.category_id AS categoryId, c.name AS category, n.grid_id AS gridId,
  n.urgency, n.wanted_by AS wantedBy, n.raised_on AS raisedOn FROM list_needs n JOIN list_categories c ON c.id = n.category_id`;

function needForMatching(db: Db, needId: number): OpenNeed {
  const n = stmt(db, `${OPEN_NEEDS} WHERE n.id = ?`).get(needId) as OpenNeed | undefined;
  if (!n) throw new AppError('lists.needNotFound', { id: needId });
  return n;
}

const activeResources = (db: Db, today: string) => resourceRecords(db, today, 'WHERE r.active = 1');

export function candidates(db: Db, needId: number, today: string) {
  const need = needForMatching(db, needId);
  const parents = categoryParents(db);
  // Only the resources of related categories are read: the others could not serve it anyway.
  const records = resourceRecords(db, today, 'WHERE r.active = 1 AND r.category_id IN (SELECT value FROM json_each(@categories))', { categories: JSON.stringify([...relatedCategoryIds(parents, need.categoryId)]) });
  const byId = new Map(records.map((r) => [r.id, r]));
  return rankResources(need, records.map(toMatchResource), parents, today).map((c) => {
    const r = byId.get(c.resourceId)!;
    return { resourceId: r.id, provider: r.provider, content: r.content, category: r.category, capacityLeft: r.capacity - r.used, score: c.score, reasons: c.reasons };
  });
}

/** The other direction: for a resource, the open needs it could meet, best first (the same score). */
export function needsFor(db: Db, resourceId: number, today: string) {
  const record = resourceRecords(db, today, 'WHERE r.id = @id', { id: resourceId })[0];
  if (!record) throw new AppError('lists.resourceNotFound', { id: resourceId });
  const resource = toMatchResource(record);
  const parents = categoryParents(db);
  const needs = stmt(db, `${OPEN_NEEDS} WHERE n.state = 'open'`).all() as OpenNeed[];
  return needs
    .flatMap((n) => {
      const c = scoreResource(n, resource, parents, today);
      return c ? [{ needId: n.id, number: n.number, content: n.content, beneficiary: n.beneficiary, category: n.category, wantedBy: n.wantedBy, urgency: n.urgency as Urgency, score: c.score, reasons: c.reasons }] : [];
    })
    .sort((a, b) => b.score - a.score || a.needId - b.needId);
}

/** What the matching run reads: every waiting need, every active resource with its capacity used, the category tree. */
export function matchingInput(db: Db, today: string) {
  const records = activeResources(db, today);
  return { needs: stmt(db, `${OPEN_NEEDS} WHERE n.state = 'open'`).all() as OpenNeed[], records, resources: records.map(toMatchResource), parents: categoryParents(db) };
}

export function proposeAll(db: Db, today: string) {
  const { needs, records, resources, parents } = matchingInput(db, today);
  const { proposals, unmatched } = proposeAssignment(needs, resources, parents, today);
  const needById = new Map(needs.map((n) => [n.id, n]));
  const resourceById = new Map(records.map((r) => [r.id, r]));
  return {
    proposals: proposals.map((p) => {
      const n = needById.get(p.needId)!;
      const r = resourceById.get(p.resourceId)!;
      return { needId: n.id, number: n.number, content: n.content, beneficiary: n.beneficiary, category: n.category, urgency: n.urgency, wantedBy: n.wantedBy, overdue: isOverdue(n.wantedBy, today), resourceId: r.id, provider: r.provider, resourceContent: r.content, score: p.score, reasons: p.reasons };
    }),
    unmatched: unmatched.map((id) => {
      const n = needById.get(id)!;
      return { needId: n.id, number: n.number, content: n.content, category: n.category };
    }),
  };
}

/**
 * One match written after its pair is checked again as it stands now: the need still open, the
 * resource still able to serve it with capacity left (the proposal may be minutes old, and another
 * desk may have confirmed in between). The score and reasons stored are those of this moment.
 */
export function createMatch(ctx: CallContext, needId: number, resourceId: number, date: string, today: string, claim?: { by: string; dueOn: string }): number {
  const db = ctx.db;
  const need = needForMatching(db, needId);
  const state = needState(db, needId);
  if (state !== 'open') throw new AppError('lists.needNotOpen', { number: need.number });
  const record = resourceRecords(db, today, 'WHERE r.id = @id', { id: resourceId })[0];
  if (!record) throw new AppError('lists.resourceNotFound', { id: resourceId });
  if (!record.active) throw new AppError('lists.resourceInactive', { provider: record.provider });
  // Capacity is counted in the period of the match's own date: a match dated last month uses last month's.
  const period = record.capacity_period;
  const usedThen = (plucked(db, "SELECT confirmed_on FROM list_matches WHERE resource_id = ? AND cancelled_on = ''").all(resourceId) as string[]).filter(
    (d) => period === 'total' || periodStart(period, d) === periodStart(period, date),
  ).length;
  if (usedThen >= record.capacity) throw new AppError('lists.capacityFull', { provider: record.provider, capacity: record.capacity });
  const c = scoreResource(need, toMatchResource(record), categoryParents(db), today);
  if (!c) throw new AppError('lists.cannotServe', { provider: record.provider, number: need.number });
  const id = Number(
    stmt(db, 'INSERT INTO list_matches(need_id, resource_id, score, reasons, confirmed_by, confirmed_on, claimed_by, claimed_on, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      needId,
      resourceId,
      c.score,
      JSON.stringify(c.reasons),
      ctx.actor,
      date,
      claim?.by ?? '',
      claim ? date : '',
      claim?.dueOn ?? '',
    ).lastInsertRowid,
  );
  moveNeed(ctx, needId, claim ? 'claimed' : 'matched', date, record.provider);
  return id;
}

/** 派单: staff confirm the pairs they kept; all of them are written or, if one no longer holds, none. */
export function confirm(ctx: CallContext, items: { needId: number; resourceId: number }[], date: string, today: string): number {
  if (date > today) throw new AppError('validation.futureDate');
  const seen = new Set<number>();
  for (const { needId, resourceId } of items) {
    if (seen.has(needId)) throw new AppError('lists.needTwice', { id: needId });
    seen.add(needId);
    createMatch(ctx, needId, resourceId, date, today);
  }
  return items.length;
}
