import { describe, expect, it } from 'vitest';
import { canMoveNeed, categoryRelation, relatedCategoryIds, fulfilment, needPriority, periodStart, proposeAssignment, rankResources, scoreResource, type MatchNeed, type MatchResource } from '../../shared/rules/lists';
import { prng } from '../../main/modules/residents/seed';

// 1 养老服务 ⊃ 2 助餐, 3 陪诊; 4 维修服务 ⊃ 5 水电维修
const parents = new Map<number, number | null>([
  [1, null],
  [2, 1],
  [3, 1],
  [4, null],
  [5, 4],
]);
const TODAY = '2026-12-01';
const need = (p: Partial<MatchNeed> & { id: number }): MatchNeed => ({ categoryId: 2, gridId: 1, urgency: 'normal', wantedBy: '', raisedOn: '2026-11-01', ...p });
const resource = (p: Partial<MatchResource> & { id: number }): MatchResource => ({ categoryId: 2, gridIds: [], availableFrom: '', availableTo: '', capacity: 4, used: 0, finished: 0, satisfaction: null, ...p });

describe('scoring one resource for one need', () => {
  it('adds the points of each reason, as the comment in the rules says', () => {
    // Same category 40 + serves grid 1 by name 20 + available now 15 + 3 of 4 left → round(7.5) = 8
    // + 3 finished → 6 + mean satisfaction 4.6 → round(8) = 8: 97.
    const c = scoreResource(need({ id: 1 }), resource({ id: 9, gridIds: [1, 2], used: 1, finished: 3, satisfaction: 4.6 }), parents, TODAY)!;
    expect(c.reasons.map((r) => [r.key, r.points])).toEqual([
      ['sameCategory', 40],
      ['servesGrid', 20],
      ['availableNow', 15],
      ['capacityLeft', 8],
      ['finished', 6],
      ['satisfaction', 8],
    ]);
    expect(c.score).toBe(97);
  });

  it('a related category, the whole community and a later start score less', () => {
    const c = scoreResource(need({ id: 1, wantedBy: '2026-12-20' }), resource({ id: 9, categoryId: 1, availableFrom: '2026-12-10' }), parents, TODAY)!;
    expect(c.reasons.map((r) => r.key)).toEqual(['relatedCategory', 'servesAll', 'availableFrom', 'capacityLeft']);
    expect(c.score).toBe(25 + 10 + 5 + 10);
    expect(c.reasons[2]!.params).toEqual({ date: '2026-12-10' });
  });

  it('a poor record lowers the score: mean satisfaction 1 takes 10 points', () => {
    const c = scoreResource(need({ id: 1 }), resource({ id: 9, finished: 1, satisfaction: 1 }), parents, TODAY)!;
    expect(c.reasons.find((r) => r.key === 'satisfaction')!.points).toBe(-10);
  });

  it('refuses what cannot serve: sibling or other category, another grid, no capacity, ended, starting after the wanted-by date', () => {
    const n = need({ id: 1, wantedBy: '2026-12-15' });
    expect(scoreResource(n, resource({ id: 9, categoryId: 3 }), parents, TODAY)).toBeNull(); // 陪诊 is 助餐's sibling
    expect(scoreResource(n, resource({ id: 9, categoryId: 5 }), parents, TODAY)).toBeNull();
    expect(scoreResource(n, resource({ id: 9, gridIds: [2] }), parents, TODAY)).toBeNull();
    expect(scoreResource(n, resource({ id: 9, used: 4 }), parents, TODAY)).toBeNull();
    expect(scoreResource(n, resource({ id: 9, availableTo: '2026-11-30' }), parents, TODAY)).toBeNull();
    expect(scoreResource(n, resource({ id: 9, availableFrom: '2026-12-16' }), parents, TODAY)).toBeNull();
    // A need without a grid is served by a resource for the whole community only.
    expect(scoreResource(need({ id: 2, gridId: null }), resource({ id: 9, gridIds: [1] }), parents, TODAY)).toBeNull();
    expect(scoreResource(need({ id: 2, gridId: null }), resource({ id: 9 }), parents, TODAY)).not.toBeNull();
  });

  it('category relations: same, above or below, never siblings', () => {
    expect(categoryRelation(parents, 2, 2)).toBe('same');
    expect(categoryRelation(parents, 2, 1)).toBe('related');
    expect(categoryRelation(parents, 1, 3)).toBe('related');
    expect(categoryRelation(parents, 2, 3)).toBeNull();
    expect(categoryRelation(parents, 2, 5)).toBeNull();
  });

  it('related categories: the category, everything above it and everything below it', () => {
    expect([...relatedCategoryIds(parents, 2)].sort()).toEqual([1, 2]);
    expect([...relatedCategoryIds(parents, 1)].sort()).toEqual([1, 2, 3]);
  });

  it('ranks best first, equal scores by resource id', () => {
    const ranked = rankResources(need({ id: 1 }), [resource({ id: 7 }), resource({ id: 3 }), resource({ id: 5, gridIds: [1] }), resource({ id: 8, categoryId: 4 })], parents, TODAY);
    expect(ranked.map((c) => c.resourceId)).toEqual([5, 3, 7]);
  });
});

describe('the matching run', () => {
  it('serves overdue, then urgent, then the earliest wanted-by date first', () => {
    const needs = [need({ id: 1 }), need({ id: 2, urgency: 'urgent' }), need({ id: 3, wantedBy: '2026-11-20' }), need({ id: 4, wantedBy: '2026-12-05' }), need({ id: 5, urgency: 'urgent', wantedBy: '2026-11-25' })];
    expect([...needs].sort((a, b) => needPriority(a, b, TODAY)).map((n) => n.id)).toEqual([5, 3, 2, 4, 1]);
  });

  it('a hand-checked case: one resource of capacity 2, three needs — the two first in priority get it', () => {
    const needs = [need({ id: 1, raisedOn: '2026-10-01' }), need({ id: 2, urgency: 'urgent' }), need({ id: 3, wantedBy: '2026-11-01' })];
    const { proposals, unmatched } = proposeAssignment(needs, [resource({ id: 10, capacity: 2 })], parents, TODAY);
    expect(proposals.map((p) => [p.needId, p.resourceId])).toEqual([
      [3, 10],
      [2, 10],
    ]);
    expect(unmatched).toEqual([1]);
    // The second proposal sees the capacity the first one took: 1 of 2 left → 5 points.
    expect(proposals[1]!.reasons.find((r) => r.key === 'capacityLeft')!.points).toBe(5);
  });

  it('the best resource goes to the first need, the next need gets the next best', () => {
    const needs = [need({ id: 1, urgency: 'urgent' }), need({ id: 2 })];
    const resources = [resource({ id: 10, capacity: 1, gridIds: [1] }), resource({ id: 11, capacity: 1 })];
    expect(proposeAssignment(needs, resources, parents, TODAY).proposals.map((p) => [p.needId, p.resourceId])).toEqual([
      [1, 10],
      [2, 11],
    ]);
  });

  it('on random communities no capacity is exceeded, every pair is feasible, each need appears once, and the run is deterministic', () => {
    const rand = prng(2026);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const day = (d: number) => `2026-${String(11 + Math.floor(d / 30)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`;
    for (let round = 0; round < 40; round++) {
      const needs = Array.from({ length: 60 }, (_, i) =>
        need({ id: i + 1, categoryId: pick([1, 2, 3, 4, 5]), gridId: pick([1, 2, 3, null]), urgency: rand() < 0.2 ? 'urgent' : 'normal', wantedBy: rand() < 0.6 ? day(Math.floor(rand() * 50)) : '', raisedOn: day(Math.floor(rand() * 20)) }),
      );
      const resources = Array.from({ length: 15 }, (_, i) => {
        const capacity = 1 + Math.floor(rand() * 4);
        return resource({
          id: 100 + i,
          categoryId: pick([1, 2, 3, 4, 5]),
          gridIds: rand() < 0.5 ? [] : [pick([1, 2, 3])],
          availableFrom: rand() < 0.3 ? day(Math.floor(rand() * 50)) : '',
          availableTo: rand() < 0.2 ? day(Math.floor(rand() * 50)) : '',
          capacity,
          used: Math.floor(rand() * (capacity + 1)),
          finished: Math.floor(rand() * 6),
          satisfaction: rand() < 0.5 ? null : 1 + Math.floor(rand() * 40) / 10,
        });
      });
      const { proposals, unmatched } = proposeAssignment(needs, resources, parents, TODAY);
      const load = new Map<number, number>();
      for (const p of proposals) load.set(p.resourceId, (load.get(p.resourceId) ?? 0) + 1);
      for (const r of resources) expect(r.used + (load.get(r.id) ?? 0)).toBeLessThanOrEqual(r.capacity);
      const byId = new Map(resources.map((r) => [r.id, r]));
      for (const p of proposals) expect(scoreResource(needs.find((n) => n.id === p.needId)!, byId.get(p.resourceId)!, parents, TODAY), `need ${p.needId} → ${p.resourceId}`).not.toBeNull();
      expect(new Set(proposals.map((p) => p.needId)).size).toBe(proposals.length);
      expect(proposals.length + unmatched.length).toBe(needs.length);
      // An unmatched need had nothing left for it: every resource that could serve it is full.
      for (const id of unmatched) {
        const n = needs.find((x) => x.id === id)!;
        for (const r of resources) if (scoreResource(n, { ...r, used: 0 }, parents, TODAY)) expect(r.used + (load.get(r.id) ?? 0)).toBe(r.capacity);
      }
      // The same community in another order gives the same proposal.
      const again = proposeAssignment([...needs].reverse(), [...resources].reverse(), parents, TODAY);
      expect(again).toEqual({ proposals, unmatched });
    }
  });
});

describe('states, periods and measures', () => {
  it('a need cannot jump: no claim before a match is undone, no feedback before done, nothing after evaluated', () => {
    expect(canMoveNeed('open', 'matched')).toBe(true);
    expect(canMoveNeed('open', 'serving')).toBe(false);
    expect(canMoveNeed('matched', 'done')).toBe(false);
    expect(canMoveNeed('serving', 'open')).toBe(false); // service started: no undo of the match
    expect(canMoveNeed('serving', 'evaluated')).toBe(false);
    expect(canMoveNeed('done', 'withdrawn')).toBe(false);
    expect(canMoveNeed('evaluated', 'open')).toBe(false);
  });

  it('capacity periods start on Monday, the first of the month, the first of the year', () => {
    expect(periodStart('week', '2026-12-01')).toBe('2026-11-30'); // a Tuesday
    expect(periodStart('week', '2026-11-30')).toBe('2026-11-30');
    expect(periodStart('week', '2026-12-06')).toBe('2026-11-30'); // Sunday
    expect(periodStart('month', '2026-12-17')).toBe('2026-12-01');
    expect(periodStart('year', '2026-12-17')).toBe('2026-01-01');
    expect(periodStart('total', '2026-12-17')).toBe('');
  });

  it('兑现率 and days to done against a hand-computed set', () => {
    const f = fulfilment([
      { state: 'done', raisedOn: '2026-11-01', doneOn: '2026-11-05', wish: false }, // 4 days
      { state: 'evaluated', raisedOn: '2026-11-02', doneOn: '2026-11-12', wish: true }, // 10 days
      { state: 'open', raisedOn: '2026-11-03', doneOn: '', wish: true },
      { state: 'serving', raisedOn: '2026-11-04', doneOn: '', wish: false },
      { state: 'withdrawn', raisedOn: '2026-11-05', doneOn: '', wish: false }, // not counted
    ]);
    expect(f).toEqual({ raised: 4, fulfilled: 2, rate: 50, wishes: 2, wishesFulfilled: 1, wishRate: 50, meanDays: 7 });
    expect(fulfilment([]).rate).toBe(0);
  });
});
