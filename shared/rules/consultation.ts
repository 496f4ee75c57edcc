/**
 * 议事协商 (community consultation), as the 2015 《关于加强城乡社区协商的意见》 lays out its procedure:
 * a matter is proposed, reviewed by the party organisation, its participants chosen, a notice
 * published beforehand, the meeting held, the result published (公示), carried out, and the residents
 * told and asked what they think. Each step is dated and attributed and none is skipped. Pure functions.
 */
import { addDays } from './mediation';

export const MATTER_SOURCES = ['resident', 'problem', 'need', 'party', 'committee', 'unit'] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];

/** 协商形式: the forms the 意见 names, and a staff-recorded online consultation. */
export const MATTER_FORMS = ['council', 'talk', 'hearing', 'building', 'online', 'joint'] as const;
export type MatterForm = (typeof MATTER_FORMS)[number];

/** 协商主体: who may take part. */
export const PARTICIPANT_KINDS = ['party', 'committee', 'supervisory', 'residentGroup', 'registered', 'nonRegistered', 'unit', 'socialOrg', 'ownersCommittee', 'property', 'stakeholder', 'expert'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** Residents from the ledger take part as registered or non-registered residents. */
export const RESIDENT_KINDS: readonly ParticipantKind[] = ['registered', 'nonRegistered'];

/**
 * proposed → reviewed → chosen → noticed → met → published → carrying → carriedOut → closed.
 * The party organisation may decline a matter at review (declined), and a matter not agreed at the
 * meeting has nothing to carry out: after its result is published the residents are told (closed).
 */
export const MATTER_STATES = ['proposed', 'reviewed', 'chosen', 'noticed', 'met', 'published', 'carrying', 'carriedOut', 'closed', 'declined'] as const;
export type MatterState = (typeof MATTER_STATES)[number];

export const MATTER_STEPS = ['review', 'choose', 'notice', 'meet', 'publish', 'assign', 'carryOut', 'feedback'] as const;
export type MatterStep = (typeof MATTER_STEPS)[number];

/** Which step a matter in this state takes next; none where it is finished. */
export function nextStep(state: MatterState, agreed: boolean | null): MatterStep | null {
  switch (state) {
    case 'proposed':
      return 'review';
    case 'reviewed':
      return 'choose';
    case 'chosen':
      return 'notice';
    case 'noticed':
      return 'meet';
    case 'met':
      return 'publish';
    case 'published':
      return agreed ? 'assign' : 'feedback';
    case 'carrying':
      return 'carryOut';
    case 'carriedOut':
      return 'feedback';
    default:
      return null;
  }
}

/** The state a matter is in after a step. */
export const STATE_AFTER: Record<MatterStep, MatterState> = {
  review: 'reviewed',
  choose: 'chosen',
  notice: 'noticed',
  meet: 'met',
  publish: 'published',
  assign: 'carrying',
  carryOut: 'carriedOut',
  feedback: 'closed',
};

export interface ConsultationSettings {
  /** The notice goes up at least this many days before the meeting. */
  noticeDays: number;
  /** The result is published for at least this many days. */
  publishDays: number;
  /** A result not published this many days after the meeting is a reminder. */
  publishWithin: number;
}
export const DEFAULT_CONSULTATION_SETTINGS: ConsultationSettings = { noticeDays: 3, publishDays: 7, publishWithin: 7 };

export const matterNumber = (year: number, serial: number) => `YS${year}-${String(serial).padStart(4, '0')}`;

/** Days from one ISO date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Was the notice up early enough: at least `noticeDays` whole days before the meeting day. */
export const noticeEarlyEnough = (noticeOn: string, meetingOn: string, noticeDays: number) => daysBetween(noticeOn, meetingOn) >= noticeDays;

/** A 公示 from `from` to `to`, both days counted. */
export const publishedDays = (from: string, to: string) => daysBetween(from, to) + 1;

export interface Vote {
  for: number;
  against: number;
  abstain: number;
}

/**
 * The meeting's result. By consensus, the meeting says so; by vote, more than half of those present
 * must be for it (过半数), and no more votes can be cast than there were people present.
 */
export function meetingResult(decision: 'consensus' | 'vote', present: number, vote: Vote | null, consensusReached: boolean): { ok: true; agreed: boolean } | { ok: false; problem: 'votesOverPresent' | 'voteNeeded' | 'nobodyPresent' } {
  if (present < 1) return { ok: false, problem: 'nobodyPresent' };
  if (decision === 'consensus') return { ok: true, agreed: consensusReached };
  if (!vote) return { ok: false, problem: 'voteNeeded' };
  if (vote.for + vote.against + vote.abstain > present) return { ok: false, problem: 'votesOverPresent' };
  return { ok: true, agreed: vote.for * 2 > present };
}

/**
 * A matter that touches buildings hears from each of them: the buildings with no resident among the
 * participants, by name.
 */
export function buildingsUnheard(touched: readonly string[], residentBuildings: readonly string[]): string[] {
  const heard = new Set(residentBuildings);
  return touched.filter((b) => !heard.has(b));
}

/** Results not published in time, execution past its day: the two reminders. */
export const resultDue = (metOn: string, settings: ConsultationSettings) => addDays(metOn, settings.publishWithin);
export const isExecutionOverdue = (state: MatterState, dueBy: string, today: string) => state === 'carrying' && dueBy !== '' && dueBy < today;


/** 满意率: satisfied and basically satisfied over all who gave a view, in whole per cent. */
export function satisfactionRate(a: { satisfied: number; basic: number; unsatisfied: number }): number {
  const all = a.satisfied + a.basic + a.unsatisfied;
  return all ? Math.round(((a.satisfied + a.basic) * 100) / all) : 0;
}
