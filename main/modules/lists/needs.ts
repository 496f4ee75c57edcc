import type { Category, NeedDetail, NeedInput, NeedRow } from '../../../shared/contract/lists';
import { canMoveNeed, isOverdue, needNumber, NEED_STATES, type NeedFor, type NeedState, type ProviderKind, type Urgency } from '../../../shared/rules/lists';
import { maskName, maskPhone } from '../../../shared/rules/mask';
import { AppError } from '../../core/errors';
import { type Db, getSetting, insertRow, nextSerial, plucked, recordMove, stmt, updateRow } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';


// ---------------------------------------------------------------------------------------------------
// Categories: a small tree the committee edits

export function categories(db: Db): Category[] {
  const rows = stmt(db, 'SELECT id, parent_id, name, sort, active FROM list_categories ORDER BY sort, id').all() as { id: number; parent_id: number | null; name: string; sort: number; active: number }[];
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, sort: r.sort, active: r.active === 1 }));
}

export function categoryParents(db: Db): Map<number, number | null> {
  return new Map(categories(db).map((c) => [c.id, c.parentId]));
}

export function saveCategory(db: Db, input: { id?: number; parentId: number | null; name: string; active: boolean }): number {
  const parents = categoryParents(db);
  if (input.parentId !== null) {
    if (!parents.has(input.parentId)) throw new AppError('lists.categoryNotFound', { id: input.parentId });
    // A category may not sit below itself: walk up from the new parent.
    for (let p: number | null = input.parentId, hops = 0; p !== null && hops < 32; p = parents.get(p) ?? null, hops++) if (p === input.id) throw new AppError('lists.categoryCycle');
  }
  const clash = plucked(db, 'SELECT id FROM list_categories WHERE name = ?').get(input.name) as number | undefined;
  if (clash !== undefined && clash !== input.id) throw new AppError('lists.categoryExists', { name: input.name });
  if (input.id === undefined) {
    const sort = (plucked(db, 'SELECT coalesce(max(sort), 0) + 1 FROM list_categories').get() as number) + (input.parentId === null ? 100 : 0);
    return Number(stmt(db, 'INSERT INTO list_categories(parent_id, name, sort, active) VALUES (?, ?, ?, ?)').run(input.parentId, input.name, sort, input.active ? 1 : 0).lastInsertRowid);
  }
  if (!parents.has(input.id)) throw new AppError('lists.categoryNotFound', { id: input.id });
  stmt(db, 'UPDATE list_categories SET parent_id = ?, name = ?, active = ? WHERE id = ?').run(input.parentId, input.name, input.active ? 1 : 0, input.id);
  return input.id;
}

// ---------------------------------------------------------------------------------------------------
// Needs

interface NeedRecord {
  id: number;
  number: string;
  for_kind: NeedFor;
  resident_id: number | null;
  household_id: number | null;
  group_tag: string;
  beneficiary: string;
  category_id: number;
  category: string;
  content: string;
  urgency: Urgency;
  wanted_by: string;
  grid_id: number | null;
  grid: string | null;
  raised_on: string;
  wish: number;
  budget_fen: number;
  contact: string;
  state: NeedState;
  withdrawn_reason: string;
  done_on: string;
  created_by: string;
  provider: string | null;
}

/** The active match's provider is read with the need: the list shows who is on it. */
const NEED_SELECT = `SELECT n.*, c.name AS category, g.name AS grid,
  (SELECT r.provider FROM list_matches m JOIN list_resources r ON r.id = m.resource_id WHERE m.need_id = n.id AND m.cancelled_on = '' ORDER BY m.id DESC LIMIT 1) AS provider
  FROM list_needs n JOIN list_categories c ON c.id = n.category_id LEFT JOIN grids g ON g.id = n.grid_id`;

const toNeedRow = (n: NeedRecord, today: string): NeedRow => ({
  id: n.id,
  number: n.number,
  forKind: n.for_kind,
  beneficiary: n.beneficiary,
  beneficiaryMasked: n.for_kind === 'resident' || n.for_kind === 'household' ? maskName(n.beneficiary) : n.beneficiary,
  categoryId: n.category_id,
  category: n.category,
  content: n.content,
  urgency: n.urgency,
  wantedBy: n.wanted_by,
  overdue: !['done', 'evaluated', 'withdrawn'].includes(n.state) && isOverdue(n.wanted_by, today),
  gridId: n.grid_id,
  grid: n.grid ?? '',
  raisedOn: n.raised_on,
  wish: n.wish === 1,
  budgetFen: n.budget_fen,
  state: n.state,
  provider: n.provider ?? '',
});

const STATE_GROUPS: Record<string, readonly NeedState[]> = {
  waiting: ['open'],
  active: ['matched', 'claimed', 'serving'],
  fulfilled: ['done', 'evaluated'],
  withdrawn: ['withdrawn'],
  all: NEED_STATES,
};

export function needRows(db: Db, f: { state: string; categoryId?: number; gridId?: number; wish?: boolean }, today: string): NeedRow[] {
  const states = STATE_GROUPS[f.state] ?? NEED_STATES;
  const rows = stmt(
    db,
    `${NEED_SELECT} WHERE n.state IN (SELECT value FROM json_each(@states))
      AND (@category IS NULL OR n.category_id = @category OR c.parent_id = @category)
      AND (@grid IS NULL OR n.grid_id = @grid) AND (@wish IS NULL OR n.wish = @wish)
     ORDER BY n.state IN ('done', 'evaluated', 'withdrawn'), n.urgency = 'normal', n.wanted_by = '', n.wanted_by, n.id`,
  ).all({ states: JSON.stringify(states), category: f.categoryId ?? null, grid: f.gridId ?? null, wish: f.wish === undefined ? null : f.wish ? 1 : 0 }) as NeedRecord[];
  return rows.map((r) => toNeedRow(r, today));
}

function needRecord(db: Db, id: number): NeedRecord {
  const n = stmt(db, `${NEED_SELECT} WHERE n.id = ?`).get(id) as NeedRecord | undefined;
  if (!n) throw new AppError('lists.needNotFound', { id });
  return n;
}

export function needState(db: Db, id: number): NeedState {
  return needRecord(db, id).state;
}

interface MatchRecord {
  id: number;
  resource_id: number;
  provider: string;
  provider_kind: ProviderKind;
  resource_content: string;
  contact: string;
  phone: string;
  score: number;
  reasons: string;
  confirmed_by: string;
  confirmed_on: string;
  claimed_by: string;
  claimed_on: string;
  due_on: string;
  completed_on: string;
  satisfaction: number | null;
  comment: string;
  feedback_on: string;
}

/** The need's match that is in force (a cancelled one stays on record but is not it). */
export function activeMatch(db: Db, needId: number): MatchRecord | undefined {
  return stmt(
    db,
    `SELECT m.*, r.provider, r.provider_kind, r.content AS resource_content, r.contact, r.phone FROM list_matches m JOIN list_resources r ON r.id = m.resource_id
     WHERE m.need_id = ? AND m.cancelled_on = '' ORDER BY m.id DESC LIMIT 1`,
  ).get(needId) as MatchRecord | undefined;
}

type Match = NonNullable<NeedDetail['match']>;

export function needDetail(db: Db, id: number, today: string): NeedDetail {
  const n = needRecord(db, id);
  const m = activeMatch(db, id);
  const services = m
    ? (stmt(db, 'SELECT id, date, hours, content, by_whom AS byWhom, recorded_by AS recordedBy FROM list_services WHERE match_id = ? ORDER BY date, id').all(m.id) as Match['services'])
    : [];
  const address = (
    n.resident_id !== null
      ? plucked(db, 'SELECT address FROM residents WHERE id = ?').get(n.resident_id)
      : n.household_id !== null
        ? plucked(db, 'SELECT address FROM residents WHERE household_id = ? ORDER BY relation LIMIT 1').get(n.household_id)
        : ''
  ) as string | undefined;
  return {
    ...toNeedRow(n, today),
    residentId: n.resident_id,
    householdId: n.household_id,
    groupTag: n.group_tag,
    contactMasked: maskPhone(n.contact),
    address: address ?? '',
    withdrawnReason: n.withdrawn_reason,
    doneOn: n.done_on,
    createdBy: n.created_by,
    match: m
      ? {
          id: m.id,
          resourceId: m.resource_id,
          provider: m.provider,
          providerKind: m.provider_kind,
          resourceContent: m.resource_content,
          contact: [m.contact, maskPhone(m.phone)].filter(Boolean).join(' '),
          score: m.score,
          reasons: JSON.parse(m.reasons) as Match['reasons'],
          confirmedBy: m.confirmed_by,
          confirmedOn: m.confirmed_on,
          claimedBy: m.claimed_by,
          claimedOn: m.claimed_on,
          dueOn: m.due_on,
          completedOn: m.completed_on,
          satisfaction: m.satisfaction,
          comment: m.comment,
          feedbackOn: m.feedback_on,
          services,
          hours: services.reduce((s, x) => s + x.hours, 0),
        }
      : null,
    events: stmt(db, 'SELECT from_state AS "from", to_state AS "to", date, note, actor FROM list_need_events WHERE need_id = ? ORDER BY id').all(id) as NeedDetail['events'],
    next: NEED_STATES.filter((s) => s !== n.state && canMoveNeed(n.state, s)),
  };
}

/** Every change of a need's state is a dated, attributed row: the need keeps its story. */
export function moveNeed(ctx: CallContext, id: number, to: NeedState, date: string, note = ''): void {
  const from = needState(ctx.db, id);
  if (!canMoveNeed(from, to)) throw new AppError('lists.badMove', { from, to });
  recordMove(ctx.db, { table: 'list_needs', events: 'list_need_events', idColumn: 'need_id', id, from, to, date, note, actor: ctx.actor });
}

type NeedFields = Required<Omit<NeedInput, 'id' | 'budget'>> & { id?: number; budget: number };

/**
 * Who the need is for decides what must be given: a resident or household from the ledger (their grid
 * is taken from where they live), a care group's tag, or, for the community, a words-only name.
 */
function resolveBeneficiary(db: Db, input: NeedFields, community: string) {
  if (input.forKind === 'resident') {
    if (input.residentId === null) throw new AppError('lists.residentNeeded');
    const r = stmt(db, "SELECT name, grid_id, household_id FROM residents WHERE id = ? AND status = 'active'").get(input.residentId) as { name: string; grid_id: number | null; household_id: number | null } | undefined;
    if (!r) throw new AppError('resident.notFound', { id: input.residentId });
    return { resident: input.residentId, household: r.household_id, tag: '', name: r.name, grid: input.gridId ?? r.grid_id };
  }
  if (input.forKind === 'household') {
    if (input.householdId === null) throw new AppError('lists.householdNeeded');
    const h = stmt(db, 'SELECT h.id, r.name, r.grid_id FROM households h LEFT JOIN residents r ON r.id = h.head_id WHERE h.id = ?').get(input.householdId) as { name: string | null; grid_id: number | null } | undefined;
    if (!h) throw new AppError('household.notFound', { id: input.householdId });
    return { resident: null, household: input.householdId, tag: '', name: h.name ?? input.beneficiary, grid: input.gridId ?? h.grid_id };
  }
  if (input.forKind === 'group') {
    if (!input.groupTag) throw new AppError('lists.groupNeeded');
    return { resident: null, household: null, tag: input.groupTag, name: input.beneficiary, grid: input.gridId };
  }
  return { resident: null, household: null, tag: '', name: input.beneficiary || community, grid: input.gridId };
}

export function saveNeed(ctx: CallContext, input: NeedFields, today: string): { id: number; number: string } {
  const db = ctx.db;
  const cat = plucked(db, 'SELECT active FROM list_categories WHERE id = ?').get(input.categoryId) as number | undefined;
  if (cat === undefined) throw new AppError('lists.categoryNotFound', { id: input.categoryId });
  if (input.raisedOn > today) throw new AppError('validation.futureDate');
  if (input.wantedBy && input.wantedBy < input.raisedOn) throw new AppError('lists.wantedBeforeRaised');
  if (input.gridId !== null && !stmt(db, 'SELECT 1 FROM grids WHERE id = ?').get(input.gridId)) throw new AppError('lists.gridNotFound', { id: input.gridId });
  const community = getSetting(db, 'community_name') ?? '';
  const who = resolveBeneficiary(db, input, community);
  const row = {
    for_kind: input.forKind,
    resident_id: who.resident,
    household_id: who.household,
    group_tag: who.tag,
    beneficiary: who.name,
    category_id: input.categoryId,
    content: input.content,
    urgency: input.urgency,
    wanted_by: input.wantedBy,
    grid_id: who.grid,
    raised_on: input.raisedOn,
    wish: input.wish ? 1 : 0,
    budget_fen: Math.round(input.budget * 100),
    contact: input.contact,
  };
  if (input.id !== undefined) {
    const current = needRecord(db, input.id);
    // Once a provider has it, what they agreed to serve stays as it was: cancel the match to change it.
    if (current.state !== 'open') throw new AppError('lists.needNotOpen', { number: current.number });
    updateRow(db, 'list_needs', input.id, row);
    return { id: input.id, number: current.number };
  }
  if (cat === 0) throw new AppError('lists.categoryInactive');
  const year = Number(input.raisedOn.slice(0, 4));
  const serial = nextSerial(db, 'list_sequences', year);
  const number = needNumber(year, serial);
  const id = insertRow(db, 'list_needs', { ...row, year, serial, number, created_by: ctx.actor });
  stmt(db, 'INSERT INTO list_need_events(need_id, from_state, to_state, date, note, actor) VALUES (?, ?, ?, ?, ?, ?)').run(id, '', 'open', input.raisedOn, '', ctx.actor);
  return { id, number };
}

/** 撤回: the need is not wanted any more (moved away, solved otherwise); a match in force is cancelled with it. */
export function withdraw(ctx: CallContext, id: number, reason: string, today: string): void {
  moveNeed(ctx, id, 'withdrawn', today, reason);
  stmt(ctx.db, 'UPDATE list_needs SET withdrawn_reason = ? WHERE id = ?').run(reason, id);
  stmt(ctx.db, "UPDATE list_matches SET cancelled_on = ?, cancel_reason = ? WHERE need_id = ? AND cancelled_on = ''").run(today, reason, id);
}
