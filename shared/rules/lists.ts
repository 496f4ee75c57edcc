/**
 * 两张清单 (../shared/domain/lists.md): the need list and the resource list, the states a need goes
 * through, and the matching that proposes a resource for each need and says why. Pure functions:
 * the main process loads the rows, these decide; the same code is unit-tested and benchmarked.
 */
import { addDays } from './mediation';

export const NEED_STATES = ['open', 'matched', 'claimed', 'serving', 'done', 'evaluated', 'withdrawn'] as const;
export type NeedState = (typeof NEED_STATES)[number];
/** Who a need is for: a resident, a household, a care group (a tag such as 独居老人), or the community. */
export const NEED_FOR = ['resident', 'household', 'group', 'community'] as const;
export type NeedFor = (typeof NEED_FOR)[number];
export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const PROVIDER_KINDS = ['unit', 'organisation', 'volunteer', 'member'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
/** Capacity is counted per week, month or year, or once in total (a donation of 20 school bags). */
export const CAPACITY_PERIODS = ['week', 'month', 'year', 'total'] as const;
export type CapacityPeriod = (typeof CAPACITY_PERIODS)[number];

/**
 * 居民点单 → 社区派单 → 党员/单位接单 → 服务 → 完成 → 评价. A confirmed match can be undone (back to
 * open) until service starts; a need can be withdrawn, with a reason, until it is done.
 */
const MOVES: Record<NeedState, readonly NeedState[]> = {
  open: ['matched', 'claimed', 'withdrawn'],
  matched: ['claimed', 'open', 'withdrawn'],
  claimed: ['serving', 'open', 'withdrawn'],
  serving: ['serving', 'done', 'withdrawn'],
  done: ['evaluated'],
  evaluated: [],
  withdrawn: [],
};
export const canMoveNeed = (from: NeedState, to: NeedState) => MOVES[from].includes(to);
/** States in which a need is still waiting for someone: what the open-need counts and the matching run take. */
export const WAITING: readonly NeedState[] = ['open'];
export const ACTIVE_MATCH: readonly NeedState[] = ['matched', 'claimed', 'serving'];
export const FULFILLED: readonly NeedState[] = ['done', 'evaluated'];

// ---------------------------------------------------------------------------------------------------
// Matching

export interface MatchNeed {
  id: number;
  categoryId: number;
  gridId: number | null;
  urgency: Urgency;
  /** '' when the need has no date. */
  wantedBy: string;
  raisedOn: string;
}
export interface MatchResource {
  id: number;
  categoryId: number;
  /** Empty: the whole community. */
  gridIds: readonly number[];
  /** '' for no limit on either side. */
  availableFrom: string;
  availableTo: string;
  capacity: number;
  /** Matches already counted against the capacity in the current period. */
  used: number;
  /** Finished services and their mean satisfaction (null when nobody gave feedback yet). */
  finished: number;
  satisfaction: number | null;
}
/** One reason in words: a message key of the lists namespace (`reason.<key>`), its params, its points. */
export interface Reason {
  key: 'sameCategory' | 'relatedCategory' | 'servesGrid' | 'servesAll' | 'availableNow' | 'availableFrom' | 'capacityLeft' | 'finished' | 'satisfaction';
  points: number;
  params?: Record<string, string | number>;
}
export interface Candidate {
  resourceId: number;
  score: number;
  reasons: Reason[];
}

/** Parent of each category id (null at the top): what "related category" is measured on. */
export type CategoryParents = ReadonlyMap<number, number | null>;

/** Same category, or one above the other in the tree (养老服务 ⊃ 助餐); siblings are not related. */
export function categoryRelation(parents: CategoryParents, a: number, b: number): 'same' | 'related' | null {
  if (a === b) return 'same';
  const above = (x: number, y: number) => {
    for (let p = parents.get(x) ?? null, hops = 0; p !== null && hops < 16; p = parents.get(p) ?? null, hops++) if (p === y) return true;
    return false;
  };
  return above(a, b) || above(b, a) ? 'related' : null;
}

/**
 * The score of one resource for one need, or null where it cannot serve it at all. A resource must be
 * of the same or a related category, serve the need's grid, be available some time between today and
 * the wanted-by date, and have capacity left; then points say how well it fits:
 *   same category 40 / related 25; serves that grid by name 20 / the whole community 10;
 *   available from today 15 / only from a later date 5; capacity left up to 10 (share of it left);
 *   its record: 2 per finished service up to 10, and (mean satisfaction − 3) × 5, from −10 to +10.
 * Integers only, so equal inputs give equal scores on every machine.
 */
export function scoreResource(need: MatchNeed, r: MatchResource, parents: CategoryParents, today: string, capacityLeft = r.capacity - r.used): Candidate | null {
  const reasons: Reason[] = [];
  const score = evaluate(need, r, parents, today, capacityLeft, reasons);
  return score === null ? null : { resourceId: r.id, score, reasons };
}

/** The score alone, or null; with `reasons` it also says why. The matching run scores thousands of pairs without them. */
function evaluate(need: MatchNeed, r: MatchResource, parents: CategoryParents, today: string, capacityLeft: number, reasons?: Reason[]): number | null {
  if (capacityLeft <= 0) return null;
  const servesNamed = need.gridId !== null && r.gridIds.includes(need.gridId);
  if (r.gridIds.length > 0 && !servesNamed) return null;
  const until = need.wantedBy && need.wantedBy >= today ? need.wantedBy : '';
  if (r.availableTo && r.availableTo < today) return null;
  if (until && r.availableFrom && r.availableFrom > until) return null;
  const relation = categoryRelation(parents, need.categoryId, r.categoryId);
  if (!relation) return null;
  const now = !r.availableFrom || r.availableFrom <= today;
  const category = relation === 'same' ? 40 : 25;
  const grid = servesNamed ? 20 : 10;
  const available = now ? 15 : 5;
  const capacity = Math.round((10 * capacityLeft) / r.capacity);
  const finished = r.finished > 0 ? Math.min(10, 2 * r.finished) : 0;
  const satisfaction = r.satisfaction !== null ? Math.round((r.satisfaction - 3) * 5) : 0;
  if (reasons) {
    reasons.push(relation === 'same' ? { key: 'sameCategory', points: category } : { key: 'relatedCategory', points: category });
    reasons.push(servesNamed ? { key: 'servesGrid', points: grid } : { key: 'servesAll', points: grid });
    reasons.push(now ? { key: 'availableNow', points: available } : { key: 'availableFrom', points: available, params: { date: r.availableFrom } });
    reasons.push({ key: 'capacityLeft', points: capacity, params: { left: capacityLeft, capacity: r.capacity } });
    if (r.finished > 0) reasons.push({ key: 'finished', points: finished, params: { count: r.finished } });
    if (r.satisfaction !== null) reasons.push({ key: 'satisfaction', points: satisfaction, params: { mean: r.satisfaction.toFixed(1) } });
  }
  return category + grid + available + capacity + finished + satisfaction;
}

/** Best first; equal scores by resource id, so the order never depends on how rows were read. */
const byScore = (a: Candidate, b: Candidate) => b.score - a.score || a.resourceId - b.resourceId;

/** The ranked list for one need: every resource that can serve it, best first. */
export function rankResources(need: MatchNeed, resources: readonly MatchResource[], parents: CategoryParents, today: string): Candidate[] {
  const out: Candidate[] = [];
  for (const r of resources) {
    const c = scoreResource(need, r, parents, today);
    if (c) out.push(c);
  }
  return out.sort(byScore);
}

export const isOverdue = (wantedBy: string, today: string) => wantedBy !== '' && wantedBy < today;

/**
 * The order in which the matching run serves needs: overdue first, then urgent, then the earliest
 * wanted-by date (needs without one after those with), then the oldest, then by id.
 */
export function needPriority(a: MatchNeed, b: MatchNeed, today: string): number {
  const rank = (n: MatchNeed) => (isOverdue(n.wantedBy, today) ? 0 : 2) + (n.urgency === 'urgent' ? 0 : 1);
  return rank(a) - rank(b) || (a.wantedBy || '9999').localeCompare(b.wantedBy || '9999') || a.raisedOn.localeCompare(b.raisedOn) || a.id - b.id;
}

function childrenOf(parents: CategoryParents): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const [c, p] of parents) if (p !== null) children.set(p, [...(children.get(p) ?? []), c]);
  return children;
}

/** A category with every category above it and below it: the only ones whose resources can serve its needs. */
export function relatedCategoryIds(parents: CategoryParents, category: number, children = childrenOf(parents)): Set<number> {
  const ids = new Set<number>([category]);
  for (let p = parents.get(category) ?? null, hops = 0; p !== null && hops < 16; p = parents.get(p) ?? null, hops++) ids.add(p);
  const down = [category];
  while (down.length) {
    for (const c of children.get(down.pop()!) ?? []) {
      if (ids.has(c)) continue;
      ids.add(c);
      down.push(c);
    }
  }
  return ids;
}

export interface Proposal extends Candidate {
  needId: number;
}

/**
 * "Match all open needs": a proposal for staff to confirm, never an assignment. Needs are taken in
 * priority order (needPriority) and each gets the best-scoring resource that still has capacity
 * left after the needs before it; a resource's capacity shrinks as it is proposed, so no resource is
 * proposed beyond it and each need gets at most one. A greedy pass in a fixed order, deliberately:
 * it is what "urgent and overdue first" means to the people who check it, it is deterministic
 * (every tie broken by id), and it is fast — resources are bucketed by category, so a need looks
 * only at the resources of its own category and those above and below it.
 */
export function proposeAssignment(needs: readonly MatchNeed[], resources: readonly MatchResource[], parents: CategoryParents, today: string): { proposals: Proposal[]; unmatched: number[] } {
  const byCategory = new Map<number, MatchResource[]>();
  for (const r of resources) {
    const list = byCategory.get(r.categoryId);
    if (list) list.push(r);
    else byCategory.set(r.categoryId, [r]);
  }
  const children = childrenOf(parents);
  const related = new Map<number, MatchResource[]>();
  const relatedOf = (category: number): MatchResource[] => {
    let list = related.get(category);
    if (!list) related.set(category, (list = [...relatedCategoryIds(parents, category, children)].flatMap((id) => byCategory.get(id) ?? [])));
    return list;
  };
  const left = new Map(resources.map((r) => [r.id, r.capacity - r.used]));
  const proposals: Proposal[] = [];
  const unmatched: number[] = [];
  for (const need of [...needs].sort((a, b) => needPriority(a, b, today))) {
    let best: MatchResource | null = null;
    let bestScore = 0;
    for (const r of relatedOf(need.categoryId)) {
      const score = evaluate(need, r, parents, today, left.get(r.id)!);
      if (score !== null && (!best || score > bestScore || (score === bestScore && r.id < best.id))) [best, bestScore] = [r, score];
    }
    if (!best) {
      unmatched.push(need.id);
      continue;
    }
    // The reasons are written out for the resource chosen only, as it stood when chosen.
    proposals.push({ needId: need.id, ...scoreResource(need, best, parents, today, left.get(best.id)!)! });
    left.set(best.id, left.get(best.id)! - 1);
  }
  return { proposals, unmatched };
}

/** The first day of the period a capacity is counted in ('' for a capacity in total). */
export function periodStart(period: CapacityPeriod, today: string): string {
  if (period === 'total') return '';
  if (period === 'year') return `${today.slice(0, 4)}-01-01`;
  if (period === 'month') return `${today.slice(0, 7)}-01`;
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(today, -weekday);
}

// ---------------------------------------------------------------------------------------------------
// Measures

export interface NeedFact {
  state: NeedState;
  raisedOn: string;
  doneOn: string;
  wish: boolean;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * 兑现率: of the needs raised in the period and not withdrawn, the share done (or done and evaluated),
 * in whole percent; wishes (微心愿) have their own rate. Days from raised to done: the mean over the
 * fulfilled ones, one decimal.
 */
export function fulfilment(needs: readonly NeedFact[]) {
  const counted = needs.filter((n) => n.state !== 'withdrawn');
  const done = counted.filter((n) => FULFILLED.includes(n.state));
  const wishes = counted.filter((n) => n.wish);
  const wishesDone = wishes.filter((n) => FULFILLED.includes(n.state));
  const rate = (a: number, b: number) => (b === 0 ? 0 : Math.round((100 * a) / b));
  const days = done.filter((n) => n.doneOn).map((n) => daysBetween(n.raisedOn, n.doneOn));
  return {
    raised: counted.length,
    fulfilled: done.length,
    rate: rate(done.length, counted.length),
    wishes: wishes.length,
    wishesFulfilled: wishesDone.length,
    wishRate: rate(wishesDone.length, wishes.length),
    meanDays: days.length ? Math.round((10 * days.reduce((s, d) => s + d, 0)) / days.length) / 10 : null,
  };
}

/** The need number on the list and the notice board: XQ + year + four digits (XQ2026-0007). */
export const needNumber = (year: number, serial: number) => `XQ${year}-${String(serial).padStart(4, '0')}`;
