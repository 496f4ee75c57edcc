/**
 * People's mediation (人民调解法; ../shared/domain/mediation.md): the states a case goes through and
 * the moves between them, the case file's required items, numbers and deadlines. Pure functions.
 */
import { addMonths } from './party';

export const CASE_STATES = ['accepted', 'mediating', 'agreed', 'failed', 'followedUp', 'performed', 'urged', 'judicial', 'sued', 'archived'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/**
 * 受理 → 调解中 → 调解成功 | 调解不成功 (终止) → 回访 → 履行完毕 / 督促履行 / 申请司法确认 / 起诉 → 归档.
 * A party's clear refusal ends a case at any point before an outcome (第17条): that is "failed".
 */
const MOVES: Record<CaseState, readonly CaseState[]> = {
  accepted: ['mediating', 'failed'],
  mediating: ['agreed', 'failed'],
  agreed: ['followedUp'],
  failed: ['archived'],
  followedUp: ['performed', 'urged', 'judicial', 'sued'],
  urged: ['performed', 'judicial', 'sued'],
  performed: ['archived'],
  judicial: ['archived'],
  sued: ['archived'],
  archived: [],
};

export const canMove = (from: CaseState, to: CaseState) => MOVES[from].includes(to);
export const nextStates = (from: CaseState) => MOVES[from];

/** Neighbour disputes are the most frequent at a community committee: the intake form starts there. */
export const DEFAULT_DISPUTE_TYPE = '邻里';
export const DISPUTE_TYPES = ['婚姻家庭', '邻里', '房屋宅基地', '合同', '生产经营', '损害赔偿', '山林土地', '征地拆迁', '环境污染', '劳动争议', '消费', '医疗', '道路交通事故', '物业', '其他'];
/** 保管期限 has no national rule: years per dispute type, configurable; this is the default. */
export const DEFAULT_RETENTION_YEARS = 10;
export const CASE_SOURCES = ['application', 'initiative', 'police', 'court', 'government'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
/** 第26条: when mediation fails the parties are told of these routes. */
export const ROUTES = ['arbitration', 'administrative', 'court'] as const;

/** 人民调解法第23、24条: what a party may do, and what a party must do (the rights notice lists them). */
export const RIGHTS = ['choose', 'accept', 'open', 'speak', 'privacy'] as const;
export const DUTIES = ['truth', 'order', 'respect', 'perform'] as const;

/** Cases are normally settled within about a month (2002 rules). */
export const SETTLE_DAYS = 30;
/** 第33条: a court may confirm the agreement when both apply within 30 days of it taking effect. */
export const JUDICIAL_DAYS = 30;

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const judicialDeadline = (agreedOn: string) => addDays(agreedOn, JUDICIAL_DAYS);
export const followUpDue = (agreedOn: string, months = 1) => addMonths(agreedOn, months);
export const overdueOpen = (acceptedOn: string, today: string) => addDays(acceptedOn, SETTLE_DAYS) < today;

/** 卷号 (2026)X人调字第N号: X is the committee's short name. */
export const caseNumber = (year: number, short: string, serial: number) => `（${year}）${short}人调字第${serial}号`;

/** The case file (卷宗) in its official order; `required` items must be present before archiving. */
export const FILE_ITEMS = [
  { key: 'application', required: true },
  { key: 'rightsNotice', required: true },
  { key: 'identity', required: true },
  { key: 'authorisation', required: false },
  { key: 'investigation', required: false },
  { key: 'evidence', required: false },
  { key: 'sessions', required: true },
  { key: 'agreement', required: true },
  { key: 'performance', required: false },
  { key: 'followUp', required: false },
  { key: 'judicial', required: false },
  { key: 'note', required: false },
  { key: 'backCover', required: true },
] as const;
export type FileItemKey = (typeof FILE_ITEMS)[number]['key'];

export interface CaseFacts {
  state: CaseState;
  outcome: 'written' | 'oral' | 'failed' | null;
  hasApplication: boolean;
  rightsNoticeGiven: boolean;
  partiesIdentified: boolean;
  sessions: number;
}

/**
 * Required items of the file that are missing. A failed case has no agreement: its record of the
 * sessions and the routes told stand in its place; an oral agreement's register entry is its agreement.
 */
export function missingItems(f: CaseFacts): FileItemKey[] {
  const missing: FileItemKey[] = [];
  if (!f.hasApplication) missing.push('application');
  if (!f.rightsNoticeGiven) missing.push('rightsNotice');
  if (!f.partiesIdentified) missing.push('identity');
  if (f.sessions === 0) missing.push('sessions');
  if (f.outcome === null) missing.push('agreement');
  return missing;
}

export interface StatCase {
  disputeType: string;
  source: CaseSource;
  outcome: 'written' | 'oral' | 'failed' | null;
  moneyFen: number;
  preventCriminal: number;
  preventPetition: number;
}

/** The monthly report's figures for a set of cases accepted in the period. */
export function statistics(cases: StatCase[]) {
  const succeeded = (c: StatCase) => c.outcome === 'written' || c.outcome === 'oral';
  const group = <K extends string>(key: (c: StatCase) => K) => {
    const m = new Map<K, { accepted: number; succeeded: number }>();
    for (const c of cases) {
      const g = m.get(key(c)) ?? { accepted: 0, succeeded: 0 };
      g.accepted++;
      if (succeeded(c)) g.succeeded++;
      m.set(key(c), g);
    }
    return [...m].map(([k, g]) => ({ key: k, ...g, rate: g.accepted ? Math.round((g.succeeded / g.accepted) * 1000) / 10 : 0 }));
  };
  const accepted = cases.length;
  const ok = cases.filter(succeeded).length;
  return {
    accepted,
    succeeded: ok,
    rate: accepted ? Math.round((ok / accepted) * 1000) / 10 : 0,
    moneyFen: cases.filter(succeeded).reduce((s, c) => s + c.moneyFen, 0),
    preventCriminalCases: cases.filter((c) => c.preventCriminal > 0).length,
    preventCriminalPersons: cases.reduce((s, c) => s + c.preventCriminal, 0),
    preventPetitionCases: cases.filter((c) => c.preventPetition > 0).length,
    preventPetitionPersons: cases.reduce((s, c) => s + c.preventPetition, 0),
    byType: group((c) => c.disputeType),
    bySource: group((c) => c.source),
  };
}

/** The committee that mediates is the community's 人民调解委员会, not its 居民委员会: it signs and seals the papers. */
export const mediationCommitteeName = (communityName: string) => `${communityName}人民调解委员会`;
