import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newSession, systemSession, type Session } from '../../main/core/session';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import { turningHighAgeWindow } from '../../shared/rules/reminders';
import type { Input, MethodName } from '../../shared/contract';
import { openTempApp, setUpCommunity, sys as call } from '../support/ledger';
import { scenarioPerTest } from '../support/scenario';
import { at } from '../support/clock';

// Built once; each test gets its own copy of the ledger, so it passes alone and in any order.
let app: ReturnType<typeof openTempApp>;
const scenario = scenarioPerTest(async (base) => {
  app = base;
  await build();
});
beforeEach(() => (app = scenario.app));
afterEach(() => vi.useRealTimers());
const sys = <M extends MethodName>(method: M, input: Input<M>, session?: Session) => call(app, method, input, session);
const keysOn = async (day: string, session?: Session) => {
  at(day);
  return (await sys('reminders.list', {}, session)).items.map((r) => r.key);
};

let caseId = 0;
let needId = 0;
let problemId = 0;
let elder = 0;
let mediatorId = 0;

async function build() {
  at('2026-10-01');
  const tree = await setUpCommunity(app);
  const first = await app.dispatch(newSession(), 'auth.createAdmin', { username: 'admin', displayName: '管理员', password: 'admin-pass-2026' });
  if (!first.ok) throw new Error(first.messageKey);
  await sys('users.create', { username: 'li', displayName: '李调解', role: 'mediator', password: 'temporary-2026' });
  mediatorId = (await sys('users.list', {})).find((u) => u.username === 'li')!.id;
  const b = tree[0]!.buildings[0]!.id;
  elder = (await sys('residents.create', { name: '高寿英', idNumber: '', birthDate: '1946-12-15', gender: '2', relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId: b, unit: '1', room: '101' } })).id;
  const helpMeal = (await sys('lists.categories', {})).find((c) => c.name === '助餐')!.id;
  needId = (await sys('lists.saveNeed', { forKind: 'resident', residentId: elder, categoryId: helpMeal, content: '送午餐', raisedOn: '2026-10-01', wantedBy: '2026-11-20' })).id;
  problemId = (await sys('problems.raise', { source: 'walkin', residentId: elder, category: '安全隐患', content: '楼道堆放电瓶车', foundOn: '2026-10-01' })).id; // deadline 10-02
  caseId = (
    await sys('mediation.open', {
      disputeType: '邻里',
      source: 'application',
      facts: '漏水',
      consent: true,
      acceptedOn: '2026-10-01',
      parties: [
        { role: 'applicant', name: '甲' },
        { role: 'respondent', name: '乙' },
      ],
      mediatorIds: [mediatorId],
    })
  ).id;
  await sys('party.saveBranch', { name: '幸福里社区党支部', kind: 'branch' });
}

describe('reminders fire on the right day and not before', () => {
  it('a problem past its deadline: not on the deadline day, the day after', async () => {
    expect(await keysOn('2026-10-02')).not.toContain(`visits.problemOverdue:${problemId}`);
    expect(await keysOn('2026-10-03')).toContain(`visits.problemOverdue:${problemId}`);
  });

  it('a mediation case open past 30 days: from the 31st day', async () => {
    expect(await keysOn('2026-10-31')).not.toContain(`mediation.caseOpen30:${caseId}`);
    expect(await keysOn('2026-11-01')).toContain(`mediation.caseOpen30:${caseId}`);
  });

  it('after a written agreement: the 司法确认 deadline in its last week, the follow-up from a week before it is due', async () => {
    at('2026-11-02');
    await sys('mediation.addSession', { id: caseId, date: '2026-11-02', participants: '李调解、甲、乙', statements: '双方同意修复' });
    await sys('mediation.conclude', { id: caseId, outcome: 'written', date: '2026-11-02', agreementTerms: '乙修复防水层' });
    // Judicial confirmation by 12-02 (30 days), shown from 11-25; follow-up due 12-02 (one month), shown from 11-25.
    expect(await keysOn('2026-11-24')).not.toContain(`mediation.judicial:${caseId}`);
    const on25 = await keysOn('2026-11-25');
    expect(on25).toContain(`mediation.judicial:${caseId}`);
    expect(on25).toContain(`mediation.followUp:${caseId}`);
    expect(await keysOn('2026-12-03')).not.toContain(`mediation.judicial:${caseId}`); // past: nothing left to remind of
  });

  it('a need past its wanted-by date, and a snooze that holds until its day', async () => {
    expect(await keysOn('2026-11-20')).not.toContain(`lists.needOverdue:${needId}`);
    expect(await keysOn('2026-11-21')).toContain(`lists.needOverdue:${needId}`);
    const refused = await app.dispatch(systemSession(), 'reminders.snooze', { key: `lists.needOverdue:${needId}`, until: '2026-11-20', reason: '等食堂回复' });
    expect(refused.ok ? '' : refused.messageKey).toBe('reminders.untilPast');
    await sys('reminders.snooze', { key: `lists.needOverdue:${needId}`, until: '2026-11-23', reason: '等食堂回复' });
    const snoozed = await sys('reminders.list', {});
    expect(snoozed.items.map((r) => r.key)).not.toContain(`lists.needOverdue:${needId}`);
    expect(snoozed.snoozed).toBe(1);
    expect(await keysOn('2026-11-23')).not.toContain(`lists.needOverdue:${needId}`);
    expect(await keysOn('2026-11-24')).toContain(`lists.needOverdue:${needId}`);
  });

  it('a resident turning 80 next month (高龄): from the month before, not two months before', async () => {
    expect(turningHighAgeWindow('2026-11-10')).toEqual({ from: '1946-12-01', to: '1946-12-31' });
    expect(turningHighAgeWindow('2026-12-10')).toEqual({ from: '1947-01-01', to: '1947-01-31' });
    expect(await keysOn('2026-10-31')).not.toContain(`residents.turning80:${elder}`);
    const r = (await (at('2026-11-01'), sys('reminders.list', {}))).items.find((x) => x.key === `residents.turning80:${elder}`);
    expect(r).toMatchObject({ due: '2026-12-15', params: { name: '高寿英', date: '2026-12-15' }, link: `residents/${elder}` });
  });

  it('a branch meeting of the month not yet held: from ten days before the month ends', async () => {
    expect((await keysOn('2026-12-20')).filter((k) => k.startsWith('party.meetingPending:') && k.endsWith(':2026-12'))).toEqual([]);
    const pending = (await keysOn('2026-12-21')).filter((k) => k.startsWith('party.meetingPending:'));
    expect(pending.some((k) => k.includes(':committee:2026-12'))).toBe(true);
    expect(pending.some((k) => k.includes(':general:2026-Q4'))).toBe(true); // the quarter ends with the month
  });

  it('each user sees only the modules they work in: a mediator gets their cases, never the needs or residents', async () => {
    const li: Session = { ...newSession(), user: { id: mediatorId, username: 'li', displayName: '李调解', role: 'mediator', mustChangePassword: false }, permissions: new Set(DEFAULT_PERMISSIONS.mediator), lastSeen: Number.POSITIVE_INFINITY };
    // Their case is open past 30 days; the need, the problem and the elder are on the ledger too.
    at('2026-11-25');
    const keys = (await sys('reminders.list', {}, li)).items.map((r) => r.key);
    expect(keys).toContain(`mediation.caseOpen30:${caseId}`);
    expect((await sys('reminders.list', {})).items.map((r) => r.key)).toEqual(expect.arrayContaining([`lists.needOverdue:${needId}`, `visits.problemOverdue:${problemId}`]));
    expect(keys.filter((k) => !k.includes(`:${caseId}`))).toEqual([]);
  });
});

describe('one search box', () => {
  it('finds residents by pinyin, needs and problems by number or words, cases by party — each only where the user may look', async () => {
    at('2026-11-25');
    const all = await sys('desk.search', { q: 'gsy' });
    expect(all.find((g) => g.group === 'residents')?.items[0]).toMatchObject({ title: '高寿英', link: `residents/${elder}` });
    const need = await sys('lists.need', { id: needId });
    expect((await sys('desk.search', { q: need.number })).find((g) => g.group === 'needs')?.items.map((i) => i.link)).toEqual([`lists/need/${needId}`]);
    expect((await sys('desk.search', { q: '电瓶车' })).map((g) => [g.group, g.items.length])).toEqual([['problems', 1]]);
    const byParty = await sys('desk.search', { q: '乙' });
    expect(byParty.find((g) => g.group === 'cases')?.items.map((i) => i.link)).toEqual([`mediation/${caseId}`]);
    // A mediator: their cases, and nothing of the residents, needs or problems.
    const li: Session = { ...newSession(), user: { id: mediatorId, username: 'li', displayName: '李调解', role: 'mediator', mustChangePassword: false }, permissions: new Set(DEFAULT_PERMISSIONS.mediator), lastSeen: Number.POSITIVE_INFINITY };
    expect((await sys('desk.search', { q: 'gsy' }, li)).map((g) => g.group)).toEqual([]);
    expect((await sys('desk.search', { q: '乙' }, li)).map((g) => g.group)).toEqual(['cases']);
    // What the user types is text, never a pattern: % finds nothing rather than everything.
    expect(await sys('desk.search', { q: '%' })).toEqual([]);
  });
});
