/**
 * Visits and problems (民情日志, 诉求办理): "每日巡、经常访、及时记、随手做" and the closed loop of
 * 发现 → 受理 → 化解 → 确认 → 反馈. Pure functions: which states may follow which, deadlines and
 * overdue, which residents are due a visit, the day's clearing board and the monthly rates.
 */
import { addDays } from './mediation';

export const PROBLEM_STATES = ['found', 'accepted', 'inHand', 'resolved', 'confirmed', 'answered', 'referred', 'rejected'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];
export const PROBLEM_SOURCES = ['visit', 'walkin', 'phone', 'hotline'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export const VISIT_KINDS = ['household', 'building', 'place'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const SATISFACTION = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/**
 * found → accepted → inHand → resolved → confirmed → answered. A problem may be referred out (to a
 * department that owns it) or rejected with a reason from any open state; once resolved it can go
 * back to inHand when the raiser says it is not solved. "Closed" means answered, referred or rejected.
 */
const MOVES: Record<ProblemState, readonly ProblemState[]> = {
  found: ['accepted', 'referred', 'rejected'],
  accepted: ['inHand', 'resolved', 'referred', 'rejected'],
  inHand: ['resolved', 'referred', 'rejected'],
  resolved: ['confirmed', 'inHand'],
  confirmed: ['answered'],
  answered: [],
  referred: [],
  rejected: [],
};
export const canMoveProblem = (from: ProblemState, to: ProblemState) => MOVES[from].includes(to);
export const nextProblemStates = (from: ProblemState) => MOVES[from];
export const CLOSED: readonly ProblemState[] = ['answered', 'referred', 'rejected'];
export const isClosed = (s: ProblemState) => CLOSED.includes(s);

/** The categories a problem is filed under, each with its deadline in days from the day it was found (configurable). */
export interface ProblemCategory {
  name: string;
  days: number;
  /** A neighbour conflict can become a people's mediation case with one action. */
  mediation?: boolean;
}
export const DEFAULT_PROBLEM_CATEGORIES: ProblemCategory[] = [
  { name: '环境卫生', days: 3 },
  { name: '物业管理', days: 7 },
  { name: '安全隐患', days: 1 },
  { name: '邻里纠纷', days: 7, mediation: true },
  { name: '公共设施', days: 7 },
  { name: '便民服务', days: 5 },
  { name: '其他', days: 7 },
];

export const problemDeadline = (foundOn: string, days: number) => addDays(foundOn, days);
export const isProblemOverdue = (state: ProblemState, deadline: string, today: string) => !isClosed(state) && deadline < today;

/** Who must be visited how often: a care tag (or 'all80' for residents aged 80 and over) and the days between visits. */
export interface VisitRule {
  tag: string;
  days: number;
}
/** The elderly living alone at least weekly; other care-group households monthly (local practice; configurable). */
export const DEFAULT_VISIT_RULES: VisitRule[] = [
  { tag: 'alone', days: 7 },
  { tag: 'disabled', days: 30 },
  { tag: 'dibao', days: 30 },
  { tag: 'tekun', days: 30 },
  { tag: 'child_hardship', days: 30 },
  { tag: 'left_behind', days: 30 },
];

/**
 * When a resident under a rule is next due: `days` after the last visit to their household, or today
 * when nobody has visited yet. The strictest rule that applies to them counts (shortest interval).
 */
export function visitDue(tags: readonly string[], lastVisit: string | null, rules: readonly VisitRule[], today: string): { due: string; days: number; tag: string } | null {
  const applying = rules.filter((r) => tags.includes(r.tag)).sort((a, b) => a.days - b.days || a.tag.localeCompare(b.tag));
  const rule = applying[0];
  if (!rule) return null;
  return { due: lastVisit ? addDays(lastVisit, rule.days) : today, days: rule.days, tag: rule.tag };
}

export interface ProblemFact {
  foundOn: string;
  acceptedOn: string;
  resolvedOn: string;
  state: ProblemState;
  satisfaction: Satisfaction | '';
}

/**
 * The figures 接诉即办 is judged on, for problems found in the period:
 *   响应率: accepted within one day of being found;
 *   解决率: resolved (resolved, confirmed or answered) among those not referred out or rejected;
 *   满意率: satisfied or basically satisfied among those whose raiser gave a rating.
 * Whole percent; a rate with nothing to count is 0.
 */
export function problemRates(facts: readonly ProblemFact[]) {
  const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((100 * a) / b));
  const responded = facts.filter((f) => f.acceptedOn && f.acceptedOn <= addDays(f.foundOn, 1)).length;
  const owned = facts.filter((f) => f.state !== 'referred' && f.state !== 'rejected');
  const resolved = owned.filter((f) => f.resolvedOn !== '').length;
  const rated = facts.filter((f) => f.satisfaction !== '');
  const satisfied = rated.filter((f) => f.satisfaction !== 'unsatisfied').length;
  return {
    total: facts.length,
    responded,
    responseRate: pct(responded, facts.length),
    owned: owned.length,
    resolved,
    resolutionRate: pct(resolved, owned.length),
    rated: rated.length,
    satisfied,
    satisfactionRate: pct(satisfied, rated.length),
  };
}

export const problemNumber = (year: number, serial: number) => `WT${year}-${String(serial).padStart(4, '0')}`;
