/**
 * The party branch's rules (../shared/domain/party.md): dues bands, the 25 steps of the development
 * procedure and their time limits. Pure functions: the main process enforces them, the screens explain them.
 */
import { ageOn } from './idNumber';

// ---------- dues (党费) ----------

export const DUES_KINDS = ['employed', 'retired', 'farmer', 'student', 'lowIncome', 'laidOff', 'special'] as const;
export type DuesKind = (typeof DUES_KINDS)[number];

/** One rate for the whole base, chosen by the band the base falls in (not progressive): rates in per-mille. */
const BANDS: Record<'employed' | 'retired', [upTo: number, perMille: number][]> = {
  employed: [
    [3000, 5],
    [5000, 10],
    [10000, 15],
    [Infinity, 20],
  ],
  retired: [
    [5000, 5],
    [Infinity, 10],
  ],
};
/** Students, 低保 recipients and laid-off members pay a fixed 0.20 元 a month. */
const FIXED_FEN = 20;

export interface DuesPlan {
  kind: DuesKind;
  /** Monthly post-tax fixed wage (employed) or pension (retired), in fen. */
  baseFen: number;
  /** Farmers (0.20–1.00 元) and approved special cases: the amount itself, in fen. */
  fixedFen?: number;
}

/** The monthly amount in fen and the rate applied (per-mille; null for fixed amounts). */
export function monthlyDues(plan: DuesPlan): { fen: number; perMille: number | null } {
  if (plan.kind === 'employed' || plan.kind === 'retired') {
    const yuan = plan.baseFen / 100;
    const perMille = BANDS[plan.kind].find(([upTo]) => yuan <= upTo)![1];
    // Integer arithmetic in fen, rounded half up: 5400.00 元 × 1.5% = 8100 fen exactly.
    return { fen: Math.floor((plan.baseFen * perMille + 500) / 1000), perMille };
  }
  if (plan.kind === 'student' || plan.kind === 'lowIncome' || plan.kind === 'laidOff') return { fen: FIXED_FEN, perMille: null };
  return { fen: plan.fixedFen ?? 0, perMille: null };
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);

// ---------- dates ----------

const pad = (n: number) => String(n).padStart(2, '0');
/** The same day `months` later; the month's last day when it has no such day (01-31 + 1 month → 02-28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${pad(nm)}-${pad(Math.min(d, last))}`;
}
export const addYears = (iso: string, years: number) => addMonths(iso, years * 12);

// ---------- the development procedure (发展党员) ----------

export const STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;
export type Stage = (typeof STAGES)[number];

/** Step number → its stage. ① … ㉕ as in the procedure. */
export const STEP_STAGE: Record<number, Stage> = Object.fromEntries(
  Array.from({ length: 25 }, (_, i) => {
    const step = i + 1;
    const stage: Stage = step <= 2 ? 'applicant' : step <= 6 ? 'activist' : step <= 11 ? 'candidate' : step <= 18 ? 'probationary' : 'full';
    return [step, stage];
  }),
);
export const STEP_COUNT = 25;
export const STEP = {
  application: 1,
  talk: 2,
  activist: 3,
  contacts: 5,
  candidate: 7,
  introducers: 9,
  training: 11,
  branchVote: 15,
  approval: 17,
  fullApplication: 22,
  fullVote: 23,
  fullApproval: 24,
} as const;

export const MIN_APPLICANT_AGE = 18;
export const MIN_TRAINING_HOURS = 24;
export const MIN_TRAINING_DAYS = 3;

/** What a step may carry beyond its date. */
export interface StepInput {
  step: number;
  date: string;
  /** 培养联系人 (⑤) or 入党介绍人 (⑨): two names. */
  people?: string[];
  /** ⑪ 集中培训. */
  trainingDays?: number;
  trainingHours?: number;
  /** ⑮ and ㉓: the vote of the 支部大会. */
  present?: number;
  inFavour?: number;
  note?: string;
}

export interface RecordedStep {
  step: number;
  date: string;
}

export interface FileFacts {
  birthDate: string;
  steps: RecordedStep[];
  /** Months the probation was extended (6–12, once), or 0. */
  extensionMonths: number;
  /** Full members of the branch entitled to vote, at the time of the vote. */
  entitledVoters: number;
}

/** A refusal: the i18n key (party namespace, `rules.*`) and what it needs to say which rule forbids the step. */
export interface RuleBreach {
  rule: string;
  params?: Record<string, string | number>;
}

const dateOf = (steps: RecordedStep[], step: number) => steps.find((s) => s.step === step)?.date;

/** The 预备期 ends a year after the 支部大会 of step ⑮, later by the extension if there was one. */
export function probationEnd(facts: Pick<FileFacts, 'steps' | 'extensionMonths'>): string | undefined {
  const vote = dateOf(facts.steps, STEP.branchVote);
  return vote ? addMonths(addYears(vote, 1), facts.extensionMonths) : undefined;
}

/** Quorum: more than half of those entitled present; passes: more than half of those entitled in favour. */
export function voteOutcome(entitled: number, present: number, inFavour: number): 'passed' | 'noQuorum' | 'rejected' {
  if (present * 2 <= entitled) return 'noQuorum';
  return inFavour * 2 > entitled ? 'passed' : 'rejected';
}

/**
 * Whether step `input` may be recorded now, given what is on file: in order, never before the
 * previous step, never in the future, and each step's own rule. Returns the first rule broken.
 */
export function checkStep(facts: FileFacts, input: StepInput, today: string): RuleBreach | null {
  const { steps } = facts;
  const last = steps.reduce((m, s) => Math.max(m, s.step), 0);
  if (input.step !== last + 1) return { rule: 'order', params: { expected: last + 1 } };
  if (input.date > today) return { rule: 'future' };
  const previous = dateOf(steps, last);
  if (previous && input.date < previous) return { rule: 'beforePrevious', params: { date: previous } };
  switch (input.step) {
    case STEP.application: {
      if (!facts.birthDate) return { rule: 'birthDateNeeded' };
      const age = ageOn(facts.birthDate, input.date);
      if (age < MIN_APPLICANT_AGE) return { rule: 'tooYoung', params: { age, min: MIN_APPLICANT_AGE } };
      break;
    }
    case STEP.contacts:
    case STEP.introducers:
      if ((input.people ?? []).filter((p) => p.trim()).length < 2) return { rule: 'twoPeople' };
      break;
    case STEP.candidate: {
      const earliest = addYears(dateOf(steps, STEP.activist)!, 1);
      if (input.date < earliest) return { rule: 'activistYear', params: { date: earliest } };
      break;
    }
    case STEP.training:
      if ((input.trainingDays ?? 0) < MIN_TRAINING_DAYS && (input.trainingHours ?? 0) < MIN_TRAINING_HOURS)
        return { rule: 'training', params: { days: MIN_TRAINING_DAYS, hours: MIN_TRAINING_HOURS } };
      break;
    case STEP.branchVote:
    case STEP.fullVote: {
      const entitled = facts.entitledVoters;
      const present = input.present ?? 0;
      const inFavour = input.inFavour ?? 0;
      if (present > entitled || inFavour > present) return { rule: 'voteCounts', params: { entitled } };
      const outcome = voteOutcome(entitled, present, inFavour);
      if (outcome === 'noQuorum') return { rule: 'noQuorum', params: { entitled, needed: Math.floor(entitled / 2) + 1 } };
      if (outcome === 'rejected') return { rule: 'rejected', params: { entitled, needed: Math.floor(entitled / 2) + 1 } };
      if (input.step === STEP.fullVote) {
        const end = probationEnd(facts)!;
        if (input.date < end) return { rule: 'probationRunning', params: { date: end } };
      }
      break;
    }
    case STEP.approval: {
      const latest = addMonths(dateOf(steps, STEP.branchVote)!, 6);
      if (input.date > latest) return { rule: 'approvalTooLate', params: { date: latest } };
      break;
    }
  }
  return null;
}

export interface NextStep {
  step: number;
  /** Not before this day (a waiting period). */
  earliest?: string;
  /** Due by this day. */
  due?: string;
}

/** The next step of a file, with the window the rules give it; null once all 25 are done. */
export function nextStep(facts: Pick<FileFacts, 'steps' | 'extensionMonths'>): NextStep | null {
  const { steps } = facts;
  const last = steps.reduce((m, s) => Math.max(m, s.step), 0);
  if (last >= STEP_COUNT) return null;
  const step = last + 1;
  const at = (n: number) => dateOf(steps, n)!;
  switch (step) {
    case STEP.talk:
      return { step, due: addMonths(at(STEP.application), 1) };
    case STEP.candidate:
      return { step, earliest: addYears(at(STEP.activist), 1) };
    case STEP.approval:
      return { step, due: addMonths(at(STEP.branchVote), 3) };
    case STEP.fullApplication:
    case STEP.fullVote:
      return { step, due: probationEnd(facts) };
    default:
      return { step };
  }
}

/** Where a file stands: the stage of its last step (before ①: applicant), and whether the next step is overdue. */
export function fileStatus(facts: Pick<FileFacts, 'steps' | 'extensionMonths'>, today: string) {
  const last = facts.steps.reduce((m, s) => Math.max(m, s.step), 0);
  const next = nextStep(facts);
  return {
    stage: last >= STEP.fullApproval ? ('full' as Stage) : STEP_STAGE[Math.max(1, last)]!,
    next,
    overdue: !!next?.due && next.due < today,
    waiting: !!next?.earliest && next.earliest > today,
  };
}
