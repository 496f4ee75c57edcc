import { describe, expect, it } from 'vitest';
import { canMove, caseNumber, CASE_STATES, judicialDeadline, followUpDue, missingItems, overdueOpen, statistics, type CaseFacts, type StatCase } from '../../shared/rules/mediation';

describe('case states', () => {
  it('moves only along the procedure', () => {
    expect(canMove('accepted', 'mediating')).toBe(true);
    expect(canMove('mediating', 'agreed')).toBe(true);
    expect(canMove('agreed', 'followedUp')).toBe(true);
    expect(canMove('followedUp', 'performed')).toBe(true);
    expect(canMove('performed', 'archived')).toBe(true);
    expect(canMove('accepted', 'failed')).toBe(true); // a party refuses before the first session
    expect(canMove('accepted', 'agreed')).toBe(false); // no agreement without mediating
    expect(canMove('agreed', 'archived')).toBe(false); // no archive before the follow-up
    expect(canMove('mediating', 'archived')).toBe(false);
    expect(canMove('archived', 'mediating')).toBe(false);
    for (const s of CASE_STATES) expect(canMove(s, s)).toBe(false);
  });
});

describe('dates and numbers', () => {
  it('gives the 30-day window for judicial confirmation, the follow-up date and the overdue flag', () => {
    expect(judicialDeadline('2026-01-15')).toBe('2026-02-14');
    expect(judicialDeadline('2024-02-10')).toBe('2024-03-11'); // a leap February
    expect(followUpDue('2026-01-31')).toBe('2026-02-28');
    expect(overdueOpen('2026-01-01', '2026-01-31')).toBe(false);
    expect(overdueOpen('2026-01-01', '2026-02-01')).toBe(true);
  });
  it('numbers the case file in the official pattern', () => {
    expect(caseNumber(2026, '幸', 7)).toBe('（2026）幸人调字第7号');
  });
});

describe('the case file', () => {
  const complete: CaseFacts = { state: 'performed', outcome: 'written', hasApplication: true, rightsNoticeGiven: true, partiesIdentified: true, sessions: 2 };
  it('names each required item that is missing', () => {
    expect(missingItems(complete)).toEqual([]);
    expect(missingItems({ ...complete, rightsNoticeGiven: false, sessions: 0 })).toEqual(['rightsNotice', 'sessions']);
    expect(missingItems({ ...complete, outcome: null })).toEqual(['agreement']);
    expect(missingItems({ ...complete, outcome: 'failed' })).toEqual([]); // the sessions and routes told stand in for an agreement
  });
});

describe('the monthly report', () => {
  it('computes the figures by hand-checked example', () => {
    const c = (disputeType: string, source: StatCase['source'], outcome: StatCase['outcome'], moneyFen = 0, preventCriminal = 0, preventPetition = 0): StatCase => ({ disputeType, source, outcome, moneyFen, preventCriminal, preventPetition });
    const s = statistics([
      c('邻里', 'application', 'written', 120000, 2),
      c('邻里', 'initiative', 'oral'),
      c('邻里', 'application', 'failed'),
      c('婚姻家庭', 'application', 'written', 500000),
      c('物业', 'police', null, 0, 0, 12),
    ]);
    expect(s).toMatchObject({ accepted: 5, succeeded: 3, rate: 60, moneyFen: 620000, preventCriminalCases: 1, preventCriminalPersons: 2, preventPetitionCases: 1, preventPetitionPersons: 12 });
    expect(s.byType).toEqual([
      { key: '邻里', accepted: 3, succeeded: 2, rate: 66.7 },
      { key: '婚姻家庭', accepted: 1, succeeded: 1, rate: 100 },
      { key: '物业', accepted: 1, succeeded: 0, rate: 0 },
    ]);
    expect(s.bySource.find((x) => x.key === 'application')).toEqual({ key: 'application', accepted: 3, succeeded: 2, rate: 66.7 });
    expect(statistics([])).toMatchObject({ accepted: 0, rate: 0 });
  });
});
