import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/rules/roles';
import { buildingsUnheard, meetingResult, nextStep, noticeEarlyEnough, publishedDays, satisfactionRate } from '../../shared/rules/consultation';
import type { CallFailure, Input, MethodName } from '../../shared/contract';
import { asRole, ok, openTempApp, setUpCommunity } from '../support/ledger';

describe('consultation rules', () => {
  it('steps follow the 意见 in order; a matter not agreed has nothing to carry out', () => {
    expect(nextStep('proposed', null)).toBe('review');
    expect(nextStep('met', true)).toBe('publish');
    expect(nextStep('published', true)).toBe('assign');
    expect(nextStep('published', false)).toBe('feedback');
    expect(nextStep('carriedOut', true)).toBe('feedback');
    expect(nextStep('closed', true)).toBeNull();
    expect(nextStep('declined', null)).toBeNull();
  });

  it('a vote passes with more than half of those present; votes cannot outnumber them', () => {
    expect(meetingResult('vote', 9, { for: 5, against: 3, abstain: 1 }, false)).toEqual({ ok: true, agreed: true });
    expect(meetingResult('vote', 10, { for: 5, against: 3, abstain: 2 }, false)).toEqual({ ok: true, agreed: false }); // exactly half is not more than half
    expect(meetingResult('vote', 4, { for: 3, against: 2, abstain: 0 }, false)).toEqual({ ok: false, problem: 'votesOverPresent' });
    expect(meetingResult('vote', 4, null, false)).toEqual({ ok: false, problem: 'voteNeeded' });
    expect(meetingResult('consensus', 0, null, true)).toEqual({ ok: false, problem: 'nobodyPresent' });
    expect(meetingResult('consensus', 6, null, true)).toEqual({ ok: true, agreed: true });
  });

  it('notice days, publication days (both ends counted), unheard buildings, satisfaction', () => {
    expect(noticeEarlyEnough('2026-11-02', '2026-11-05', 3)).toBe(true);
    expect(noticeEarlyEnough('2026-11-03', '2026-11-05', 3)).toBe(false);
    expect(publishedDays('2026-11-10', '2026-11-16')).toBe(7);
    expect(publishedDays('2026-12-28', '2027-01-03')).toBe(7);
    expect(buildingsUnheard(['1号楼', '2号楼'], ['1号楼', '1号楼'])).toEqual(['2号楼']);
    expect(satisfactionRate({ satisfied: 6, basic: 2, unsatisfied: 2 })).toBe(80);
    expect(satisfactionRate({ satisfied: 0, basic: 0, unsatisfied: 0 })).toBe(0);
  });
});

describe('a matter from a problem to its feedback, through the dispatch', { shuffle: false }, () => {
  const app = openTempApp();
  afterAll(() => app.close());
  const as = (role: Role) => asRole(app, role);
  async function refused<M extends MethodName>(method: M, input: Input<M>): Promise<CallFailure> {
    const r = await app.call(method, input);
    if (r.ok) throw new Error(`${method} was accepted`);
    return r;
  }
  let b1 = 0;
  let b2 = 0;
  const residents: number[] = [];

  beforeAll(async () => {
    const tree = await setUpCommunity(app);
    b1 = tree[0]!.buildings[0]!.id;
    b2 = tree[0]!.buildings[1]!.id;
    for (const [name, buildingId, room] of [['王建国', b1, '101'], ['李秀英', b1, '201'], ['张伟', b2, '301']] as const) {
      residents.push((await ok(app, 'residents.create', { name, idNumber: '', birthDate: '1960-05-01', gender: '1', relation: '02', residenceType: 'registered', tags: [], placement: { kind: 'new', buildingId, unit: '1', room } })).id);
    }
  });

  it('each built-in role may do what its duty is: staff propose, the secretary reviews, a mediator sees nothing', async () => {
    const allowed: Record<Role, [boolean, boolean, boolean]> = { admin: [true, true, true], staff: [true, true, false], mediator: [false, false, false], secretary: [true, false, true], coordinator: [false, false, false] };
    for (const role of ROLES) {
      const call = as(role);
      const list = await call('consultation.list', {});
      const propose = await call('consultation.propose', { date: '2026-11-01', title: '试一试', content: '权限', source: 'committee', raiser: '居委会', form: 'council' });
      const review = await call('consultation.review', { id: 999, date: '2026-11-01', agreed: true, opinion: '同意', reviewer: '书记' });
      expect([list.ok, propose.ok, review.ok || review.code !== 'forbidden'], role).toEqual(allowed[role]);
    }
  });

  it('from a problem: proposed, reviewed, participants from each building, notice, meeting, 公示, carried out, feedback; no step skipped', async () => {
    const problem = await ok(app, 'problems.raise', { source: 'walkin', residentId: residents[0]!, category: '公共设施', content: '1号楼和2号楼之间的空地想改成停车位还是健身场地，居民意见不一', foundOn: '2026-11-01' });
    const staff = as('staff');
    const made = await staff('consultation.fromRecord', { kind: 'problem', recordId: problem.id, date: '2026-11-02', title: '楼间空地改造', form: 'council' });
    expect(made.ok).toBe(true);
    const { id, number } = (made as { ok: true; value: { id: number; number: string } }).value;
    expect(number).toMatch(/^YS2026-\d{4}$/);
    // The problem's page finds it.
    expect((await ok(app, 'consultation.linked', { kind: 'problem', recordId: problem.id })).map((m) => m.number)).toEqual([number]);
    let m = await ok(app, 'consultation.get', { id });
    expect([m.source, m.raiser, m.sourceNumber, m.state, m.next]).toEqual(['problem', '王建国', problem.number, 'proposed', 'review']);

    // No skipping: the notice cannot come before the review; staff cannot review.
    expect((await refused('consultation.notice', { id, date: '2026-11-03', meetingOn: '2026-11-10', meetingTime: '19:00', place: '居委会议事厅', text: '…' })).messageKey).toBe('consultation.notNextStep');
    expect((await staff('consultation.review', { id, date: '2026-11-03', agreed: true, opinion: '同意', reviewer: '书记' })).ok).toBe(false);
    expect((await as('secretary')('consultation.review', { id, date: '2026-11-03', agreed: true, opinion: '同意提交居民议事会协商', reviewer: '刘书记' })).ok).toBe(true);

    // Participants: the party organisation and residents of every building the matter touches.
    await app.ledger.db.prepare('UPDATE consult_matters SET building_ids = ? WHERE id = ?').run(JSON.stringify([b1, b2]), id);
    const party = { kind: 'party' as const, name: '刘书记', unit: '社区党委' };
    expect((await refused('consultation.choose', { id, date: '2026-11-04', participants: [party, { kind: 'registered', residentId: residents[0]! }] })).messageKey).toBe('consultation.buildingUnheard');
    expect((await refused('consultation.choose', { id, date: '2026-11-04', participants: [party, { kind: 'registered', name: '随手写的人' }] })).messageKey).toBe('consultation.residentFromLedger');
    expect((await refused('consultation.choose', { id, date: '2026-11-04', participants: [{ kind: 'property', name: '物业' }, { kind: 'registered', residentId: residents[0]! }, { kind: 'registered', residentId: residents[2]! }] })).messageKey).toBe('consultation.partyNeeded');
    await ok(app, 'consultation.choose', { id, date: '2026-11-04', participants: [party, { kind: 'property', name: '王经理', unit: '安居物业' }, ...residents.map((r) => ({ kind: 'registered' as const, residentId: r }))] });
    m = await ok(app, 'consultation.get', { id });
    expect(m.byBuilding).toEqual([
      { building: '1号楼', n: 2 },
      { building: '2号楼', n: 1 },
    ]);

    // The notice three days ahead at least; the meeting not before the noticed day.
    expect((await refused('consultation.notice', { id, date: '2026-11-05', meetingOn: '2026-11-07', meetingTime: '19:00', place: '议事厅', text: '请居民代表参加' })).messageKey).toBe('consultation.noticeLate');
    expect((await refused('consultation.notice', { id, date: '2026-11-03', meetingOn: '2026-11-09', meetingTime: '19:00', place: '议事厅', text: '请居民代表参加' })).messageKey).toBe('consultation.beforeLastStep');
    await ok(app, 'consultation.notice', { id, date: '2026-11-05', meetingOn: '2026-11-09', meetingTime: '19:00', place: '居委会议事厅', text: '定于11月9日晚7点协商楼间空地改造，请居民代表参加' });
    const present = m.participants.filter((p) => p.name !== '李秀英').map((p) => p.id); // 4 of 5 came
    const meeting = { id, date: '2026-11-09', place: '居委会议事厅', host: '刘书记', recorder: '小陈', present, views: [{ who: '王建国', view: '停车太难，建议划车位' }, { who: '张伟', view: '老人多，要健身场地' }], decision: 'vote' as const, outcome: '东半边划车位，西半边建健身角' };
    expect((await refused('consultation.meet', { ...meeting, date: '2026-11-08' })).messageKey).toBe('consultation.beforeNoticedDay');
    expect((await refused('consultation.meet', { ...meeting, votes: { for: 4, against: 1, abstain: 0 } })).messageKey).toBe('consultation.votesOverPresent');
    await ok(app, 'consultation.meet', { ...meeting, votes: { for: 3, against: 1, abstain: 0 } });
    m = await ok(app, 'consultation.get', { id });
    expect([m.state, m.agreed, m.participants.filter((p) => p.present).length]).toEqual(['met', true, 4]);
    // A result not yet published is on the desk.
    const desk = await ok(app, 'reminders.list', {});
    expect(desk.items.filter((r) => r.kind === 'consultation.resultUnpublished').map((r) => r.params.number)).toEqual([number]);

    expect((await refused('consultation.publish', { id, from: '2026-11-10', to: '2026-11-14', text: '结果公示' })).messageKey).toBe('consultation.publishShort');
    await ok(app, 'consultation.publish', { id, from: '2026-11-10', to: '2026-11-16', text: '经居民议事会表决通过：东半边划车位，西半边建健身角' });
    await ok(app, 'consultation.assign', { id, date: '2026-11-17', executor: '安居物业', task: '划线12个车位，安装健身器材4件', dueBy: '2026-11-25' });
    // Past its day and not done: overdue on the desk.
    expect((await ok(app, 'reminders.list', {})).items.filter((r) => r.kind === 'consultation.executionOverdue').map((r) => r.params.number)).toEqual([number]);
    expect((await refused('consultation.feedback', { id, date: '2026-11-26', how: '公示栏', satisfied: 1, basic: 0, unsatisfied: 0 })).messageKey).toBe('consultation.notNextStep');
    await ok(app, 'consultation.carryOut', { id, date: '2026-11-26', done: '车位已划线，健身器材已安装' });
    await ok(app, 'consultation.feedback', { id, date: '2026-11-28', how: '公示栏张贴并入户回访', satisfied: 18, basic: 4, unsatisfied: 3, note: '' });
    m = await ok(app, 'consultation.get', { id });
    expect([m.state, m.next, m.feedback?.rate, m.steps.map((s) => s.step)]).toEqual(['closed', null, 88, ['propose', 'review', 'choose', 'notice', 'meet', 'publish', 'assign', 'carryOut', 'feedback']]);
    expect(m.steps.find((s) => s.step === 'review')?.actor).toBe('secretary姓名');
    expect((await refused('consultation.feedback', { id, date: '2026-11-29', how: '再来一次', satisfied: 1, basic: 0, unsatisfied: 0 })).messageKey).toBe('consultation.finished');
    expect((await ok(app, 'consultation.linked', { kind: 'problem', recordId: problem.id }))[0]).toMatchObject({ state: 'closed', agreed: true, outcome: '东半边划车位，西半边建健身角' });

    const report = await ok(app, 'consultation.report', { year: 2026 });
    expect(report.matters.find((x) => x.id === id)).toMatchObject({ number, outcome: '东半边划车位，西半边建健身角', publishedOn: '2026-11-10', doneOn: '2026-11-26', rate: 88 });
    expect(report.bySource.find((s) => s.key === 'problem')?.n).toBe(1);
    expect(report.residentsTookPart).toBe(2); // 王建国 and 张伟 came; 李秀英 did not
    const dashboard = await ok(app, 'desk.dashboard', {});
    expect(dashboard.modules.find((b) => b.module === 'consultation')?.figures.find((f) => f.key === 'residents')?.n).toBe(2);
  });

  it('a matter the party organisation declines stops there, and a vote that fails has nothing to carry out', async () => {
    const a = await ok(app, 'consultation.propose', { date: '2026-11-01', title: '小区内设烧烤摊', content: '有人提议', source: 'resident', raiser: '某居民', form: 'talk' });
    await ok(app, 'consultation.review', { id: a.id, date: '2026-11-02', agreed: false, opinion: '违反市容管理规定，不宜协商', reviewer: '刘书记' });
    const declined = await ok(app, 'consultation.get', { id: a.id });
    expect([declined.state, declined.next]).toEqual(['declined', null]);

    const b = await ok(app, 'consultation.propose', { date: '2026-11-01', title: '楼道装门禁', content: '一单元', source: 'committee', raiser: '居委会', form: 'building' });
    await ok(app, 'consultation.review', { id: b.id, date: '2026-11-01', agreed: true, opinion: '同意', reviewer: '刘书记' });
    await ok(app, 'consultation.choose', { id: b.id, date: '2026-11-01', participants: [{ kind: 'party', name: '刘书记' }, { kind: 'registered', residentId: residents[0]! }, { kind: 'registered', residentId: residents[1]! }] });
    await ok(app, 'consultation.notice', { id: b.id, date: '2026-11-01', meetingOn: '2026-11-04', meetingTime: '18:30', place: '一单元门口', text: '协商装门禁' });
    const people = (await ok(app, 'consultation.get', { id: b.id })).participants.map((p) => p.id);
    await ok(app, 'consultation.meet', { id: b.id, date: '2026-11-04', place: '一单元门口', host: '刘书记', recorder: '小陈', present: people, views: [{ who: '李秀英', view: '费用谁出？' }], decision: 'vote', votes: { for: 1, against: 2, abstain: 0 }, outcome: '暂不安装' });
    await ok(app, 'consultation.publish', { id: b.id, from: '2026-11-05', to: '2026-11-11', text: '表决未通过，暂不安装' });
    expect((await refused('consultation.assign', { id: b.id, date: '2026-11-12', executor: 'x', task: 'y', dueBy: '2026-11-20' })).messageKey).toBe('consultation.notNextStep');
    await ok(app, 'consultation.feedback', { id: b.id, date: '2026-11-12', how: '单元群告知', satisfied: 2, basic: 0, unsatisfied: 1 });
    expect((await ok(app, 'consultation.get', { id: b.id })).state).toBe('closed');
    const report = await ok(app, 'consultation.report', { year: 2026 });
    expect(Object.fromEntries(report.byOutcome.map((o) => [o.key, o.n]))).toMatchObject({ declined: 1, notAgreed: 1 });
  });
});
