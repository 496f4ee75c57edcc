import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newSession, systemSession, type Session } from '../../main/core/session';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import { canMoveProblem, isProblemOverdue, problemDeadline, problemRates, visitDue, DEFAULT_VISIT_RULES } from '../../shared/rules/visits';
import type { CallFailure, Input, MethodName, Output } from '../../shared/contract';
import { openTempApp, setUpCommunity } from '../support/ledger';

describe('problem and visit rules', () => {
  it('a problem cannot be closed without the raiser’s confirmation or a recorded reason: no jump from resolved to answered', () => {
    expect(canMoveProblem('found', 'accepted')).toBe(true);
    expect(canMoveProblem('resolved', 'answered')).toBe(false);
    expect(canMoveProblem('inHand', 'answered')).toBe(false);
    expect(canMoveProblem('found', 'confirmed')).toBe(false);
    expect(canMoveProblem('resolved', 'inHand')).toBe(true); // "not solved" sends it back
    expect(canMoveProblem('confirmed', 'answered')).toBe(true);
    expect(canMoveProblem('answered', 'inHand')).toBe(false);
    expect(canMoveProblem('confirmed', 'rejected')).toBe(false);
  });

  it('deadlines and overdue: the category’s days from the day found; closed problems are never overdue', () => {
    expect(problemDeadline('2026-11-28', 3)).toBe('2026-12-01');
    expect(isProblemOverdue('inHand', '2026-12-01', '2026-12-01')).toBe(false); // due today is not late yet
    expect(isProblemOverdue('inHand', '2026-12-01', '2026-12-02')).toBe(true);
    expect(isProblemOverdue('answered', '2026-12-01', '2026-12-09')).toBe(false);
    expect(isProblemOverdue('referred', '2026-12-01', '2026-12-09')).toBe(false);
  });

  it('visit-due rules: the strictest rule counts; never visited is due at once; not due before its day', () => {
    expect(visitDue(['alone', 'disabled'], '2026-11-20', DEFAULT_VISIT_RULES, '2026-12-01')).toEqual({ due: '2026-11-27', days: 7, tag: 'alone' });
    expect(visitDue(['disabled'], '2026-11-20', DEFAULT_VISIT_RULES, '2026-12-01')).toEqual({ due: '2026-12-20', days: 30, tag: 'disabled' });
    expect(visitDue(['disabled'], null, DEFAULT_VISIT_RULES, '2026-12-01')!.due).toBe('2026-12-01');
    expect(visitDue(['veteran'], null, DEFAULT_VISIT_RULES, '2026-12-01')).toBeNull();
  });

  it('monthly rates against a small hand-computed set', () => {
    const r = problemRates([
      { foundOn: '2026-11-02', acceptedOn: '2026-11-02', resolvedOn: '2026-11-04', state: 'answered', satisfaction: 'satisfied' },
      { foundOn: '2026-11-03', acceptedOn: '2026-11-04', resolvedOn: '2026-11-06', state: 'answered', satisfaction: 'unsatisfied' },
      { foundOn: '2026-11-05', acceptedOn: '2026-11-08', resolvedOn: '', state: 'inHand', satisfaction: '' }, // accepted late
      { foundOn: '2026-11-06', acceptedOn: '2026-11-06', resolvedOn: '', state: 'referred', satisfaction: '' }, // not ours to resolve
      { foundOn: '2026-11-07', acceptedOn: '', resolvedOn: '', state: 'found', satisfaction: '' },
    ]);
    // responded 3/5 = 60; resolved 2 of the 4 owned = 50; satisfied 1 of 2 rated = 50.
    expect(r).toEqual({ total: 5, responded: 3, responseRate: 60, owned: 4, resolved: 2, resolutionRate: 50, rated: 2, satisfied: 1, satisfactionRate: 50 });
  });
});

describe('a simulated week at the desk (clock moved forward)', () => {
  const app = openTempApp();
  afterAll(() => app.close());
  afterEach(() => vi.useRealTimers());
  const at = (day: string) => vi.setSystemTime(new Date(`${day}T09:00:00`));
  let buildingId = 0;
  let householdId = 0;
  let elder = 0;
  let gridName = '';

  // A fresh trusted session per call: one kept across a faked week would lock itself as idle.
  async function sys<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await app.dispatch(systemSession(), method, input);
    if (!r.ok) throw new Error(`${method} refused: ${r.messageKey} ${JSON.stringify(r.issues ?? [])}`);
    return r.value as Output<M>;
  }
  async function refused<M extends MethodName>(method: M, input: Input<M>): Promise<CallFailure> {
    const r = await app.dispatch(systemSession(), method, input);
    if (r.ok) throw new Error(`${method} was accepted`);
    return r;
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-11-30');
    const tree = await setUpCommunity(app);
    gridName = tree[0]!.name;
    buildingId = tree[0]!.buildings[0]!.id;
    const r = await sys('residents.create', { name: '周桂兰', idNumber: '', birthDate: '1940-01-01', gender: '2', relation: '02', residenceType: 'registered', tags: ['alone'], placement: { kind: 'new', buildingId, unit: '1', room: '101' } });
    elder = r.id;
    householdId = (await sys('residents.get', { id: elder })).householdId!;
    vi.useRealTimers();
  });

  it('visits are due by rule and clear when logged; a problem follows from found to answered; the board tells what is whose', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-11-30'); // Monday
    // Never visited: due today.
    expect((await sys('visits.due', {})).map((d) => [d.name, d.due, d.tag])).toEqual([['周桂兰', '2026-11-30', 'alone']]);
    const visit = (await sys('visits.log', { date: '2026-11-30', kind: 'household', householdId, visitors: '网格员小王', met: '周桂兰', seen: '楼道灯坏了，老人晚上出门不便', words: '希望早点修好灯' })).id;
    expect(await sys('visits.due', {})).toEqual([]);
    expect((await sys('visits.due', { within: 7 })).map((d) => d.due)).toEqual(['2026-12-07']);
    expect((await refused('visits.log', { date: '2026-12-01', kind: 'household', householdId, visitors: '小王' })).messageKey).toBe('validation.futureDate');
    expect((await refused('visits.log', { date: '2026-11-30', kind: 'place', visitors: '小王' })).messageKey).toBe('visits.placeNeeded');

    const lamp = await sys('problems.raise', { source: 'visit', visitId: visit, residentId: elder, category: '公共设施', content: '1号楼1单元楼道灯不亮', foundOn: '2026-11-30' });
    const noise = await sys('problems.raise', { source: 'hotline', hotlineTicket: '12345-20261130-0087', anonymous: true, buildingId, category: '环境卫生', content: '夜间施工噪声扰民', foundOn: '2026-11-30', urgent: true });
    expect((await refused('problems.raise', { source: 'hotline', anonymous: true, category: '环境卫生', content: 'x', foundOn: '2026-11-30' })).messageKey).toBe('problems.ticketNeeded');
    expect((await refused('problems.raise', { source: 'walkin', category: '不存在', content: 'x', raiser: '某', foundOn: '2026-11-30' })).messageKey).toBe('problems.unknownCategory');
    const detail = await sys('problems.get', { id: lamp.id });
    expect([detail.state, detail.deadline, detail.grid, detail.raiser]).toEqual(['found', '2026-12-07', gridName, '周桂兰']);
    expect((await sys('visits.list', { from: '2026-11-30', to: '2026-11-30' }))[0]!.problems).toBe(1);

    // Tuesday: both accepted; the lamp is fixed, the noise goes up to the street (吹哨).
    at('2026-12-01');
    await sys('problems.accept', { id: lamp.id, date: '2026-12-01' });
    await sys('problems.accept', { id: noise.id, date: '2026-12-01' });
    expect((await refused('problems.answer', { id: lamp.id, date: '2026-12-01', answer: '已修' })).messageKey).toBe('problems.badMove');
    await sys('problems.resolve', { id: lamp.id, date: '2026-12-01', resolution: '物业更换了灯泡' });
    // Closing needs the raiser's word or the reason it could not be had.
    expect((await refused('problems.confirm', { id: lamp.id, date: '2026-12-01', outcome: 'unreachable', note: '' })).messageKey).toBe('problems.confirmReasonNeeded');
    await sys('problems.confirm', { id: lamp.id, date: '2026-12-01', outcome: 'confirmed', note: '电话回访，老人说灯亮了', satisfaction: 'satisfied' });
    await sys('problems.answer', { id: lamp.id, date: '2026-12-01', answer: '已告知处理结果' });
    const esc = (await sys('problems.escalate', { id: noise.id, date: '2026-12-01', toWhom: '街道城管科', request: '核查夜间施工许可，制止超时施工', deadline: '2026-12-03' })).escalationId;
    await sys('problems.work', { id: noise.id, date: '2026-12-01', note: '已电话联系施工方' }); // progress while in hand
    const board1 = await sys('problems.board', { date: '2026-12-01' });
    expect(board1.closed.map((p) => p.number)).toEqual([lamp.number]);
    expect(board1.open.map((p) => [p.number, p.state, p.escalated])).toEqual([[noise.number, 'inHand', true]]);
    expect(board1.byPerson).toEqual([{ name: '', open: 1, overdue: 0 }]); // accepted by trusted code, so nobody's yet
    await sys('problems.board', { date: '2026-12-01', forPrint: true });
    expect(app.ledger.db.prepare("SELECT detail FROM audit_log WHERE action = 'print' AND record = 'problem_board'").pluck().all()).toEqual(['2026-12-01']);

    // Friday: the noise problem is past its 3-day deadline; the department replies, it is resolved,
    // the anonymous raiser cannot confirm: the reason is recorded instead.
    at('2026-12-04');
    const board4 = await sys('problems.board', { date: '2026-12-04' });
    expect(board4.open.map((p) => [p.number, p.overdue])).toEqual([[noise.number, true]]);
    expect(board4.byGrid.find((g) => g.name === gridName)).toEqual({ name: gridName, cameIn: 0, closed: 0, open: 1, overdue: 1 });
    await sys('problems.reply', { escalationId: esc, date: '2026-12-04', reply: '已责令施工单位22时后停工' });
    await sys('problems.resolve', { id: noise.id, date: '2026-12-04', resolution: '施工单位已调整作业时间' });
    expect((await refused('problems.confirm', { id: noise.id, date: '2026-12-04', outcome: 'confirmed', note: '' })).messageKey).toBe('problems.anonymousConfirm');
    await sys('problems.confirm', { id: noise.id, date: '2026-12-04', outcome: 'unreachable', note: '匿名来电，已在12345平台回复' });
    await sys('problems.answer', { id: noise.id, date: '2026-12-04', answer: '已通过12345回复' });
    const n = await sys('problems.get', { id: noise.id });
    expect([n.state, n.raiserConfirmed, n.escalations[0]!.reply, n.events.map((e) => e.to)]).toEqual(['answered', false, '已责令施工单位22时后停工', ['found', 'accepted', 'inHand', 'inHand', 'inHand', 'resolved', 'confirmed', 'answered']]);
    expect((await sys('problems.board', { date: '2026-12-04' })).open).toEqual([]);
    // The board of an earlier day still says what was open then.
    expect((await sys('problems.board', { date: '2026-12-02' })).open.map((p) => p.number)).toEqual([noise.number]);

    // The next Monday: a week since the last visit, the elder is due again.
    at('2026-12-07');
    expect((await sys('visits.due', {})).map((d) => [d.name, d.overdueDays])).toEqual([['周桂兰', 0]]);
    const rates = await sys('problems.rates', { month: '2026-11' });
    expect([rates.total, rates.responseRate, rates.resolutionRate, rates.satisfactionRate]).toEqual([2, 100, 100, 100]);
    const mine = await sys('visits.forResident', { residentId: elder });
    expect([mine.visits.length, mine.problems.map((p) => p.number)]).toEqual([1, [lamp.number]]);
  });

  it('a neighbour conflict becomes a mediation case in one step; staff without mediation may not', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-12-07');
    const first = await app.dispatch(newSession(), 'auth.createAdmin', { username: 'admin', displayName: '管理员', password: 'admin-pass-2026' });
    if (!first.ok) throw new Error(first.messageKey);
    await sys('users.create', { username: 'li', displayName: '李调解', role: 'mediator', password: 'temporary-2026' });
    const li = (await sys('users.list', {})).find((u) => u.username === 'li')!.id;
    const p = await sys('problems.raise', { source: 'walkin', residentId: elder, category: '邻里纠纷', content: '楼上漏水，多次协商不成', foundOn: '2026-12-07' });
    const staff: Session = { ...newSession(), user: { id: 99, username: 'staff', displayName: '张干事', role: 'staff', mustChangePassword: false }, permissions: new Set(DEFAULT_PERMISSIONS.staff) };
    const r = await app.dispatch(staff, 'problems.toMediation', { id: p.id, date: '2026-12-07', otherParty: '楼上住户', mediatorIds: [li], consent: true });
    expect(r.ok ? 'accepted' : r.code).toBe('forbidden');
    expect((await sys('problems.get', { id: p.id })).mayMediate).toBe(true);
    const c = await sys('problems.toMediation', { id: p.id, date: '2026-12-07', otherParty: '楼上住户', mediatorIds: [li], consent: true });
    const d = await sys('problems.get', { id: p.id });
    expect([d.state, d.mediationCaseNumber, d.closeReason]).toEqual(['referred', c.number, c.number]);
    const mediation = await sys('mediation.get', { id: c.caseId });
    expect(mediation.partyList.map((x) => [x.role, x.name])).toEqual([
      ['applicant', '周桂兰'],
      ['respondent', '楼上住户'],
    ]);
    expect(mediation.facts).toBe('楼上漏水，多次协商不成');
  });
});
