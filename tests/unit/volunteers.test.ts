import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/rules/roles';
import { bandsProblem, hoursProblem, plannedHours, pointsFor, starsFor } from '../../shared/rules/volunteers';
import type { CallFailure, Input, MethodName } from '../../shared/contract';
import { asRole, ok, openTempApp, setUpCommunity } from '../support/ledger';

describe('volunteer rules', () => {
  it('stars by the committee’s bands, points by its rate, hours to the half hour', () => {
    const bands = [10, 30, 60, 100, 150];
    expect([starsFor(9.5, bands), starsFor(10, bands), starsFor(59.5, bands), starsFor(150, bands), starsFor(400, bands)]).toEqual([0, 1, 2, 5, 5]);
    expect(pointsFor(12.5, 1)).toBe(12.5);
    expect(pointsFor(3, 1.5)).toBe(4.5);
    expect(bandsProblem([10, 30, 30, 100, 150])).toBe('bandsRise');
    expect(bandsProblem(bands)).toBeNull();
    expect([hoursProblem(1.5), hoursProblem(1.25), hoursProblem(0), hoursProblem(25)]).toEqual([null, 'hoursHalf', 'hoursDay', 'hoursDay']);
    expect([plannedHours('09:00', '11:30'), plannedHours('09:00', '09:20'), plannedHours('14:00', '13:00')]).toEqual([2.5, 0, 0]);
  });
});

describe('a volunteer through an activity, a patrol and the two lists to an hours certificate', { shuffle: false }, () => {
  const app = openTempApp();
  afterAll(() => app.close());
  const as = (role: Role) => asRole(app, role);
  async function refused<M extends MethodName>(method: M, input: Input<M>): Promise<CallFailure> {
    const r = await app.call(method, input);
    if (r.ok) throw new Error(`${method} was accepted`);
    return r;
  }
  let resident = 0;

  beforeAll(async () => {
    const tree = await setUpCommunity(app);
    resident = (await ok(app, 'residents.create', { name: '赵大妈', idNumber: '', birthDate: '1958-03-01', gender: '2', relation: '02', residenceType: 'registered', tags: [], phone: '13812345678', placement: { kind: 'new', buildingId: tree[0]!.buildings[0]!.id, unit: '1', room: '102' } })).id;
  });

  it('the coordinator keeps the corps; staff too; the secretary only looks; a mediator sees nothing', async () => {
    const expected: Record<Role, [boolean, boolean]> = { admin: [true, true], staff: [true, true], mediator: [false, false], secretary: [true, false], coordinator: [true, true] };
    for (const role of ROLES) {
      const call = as(role);
      const list = await call('volunteers.list', {});
      const add = await call('volunteers.add', { origin: 'outside', name: `${role}带来的人`, unit: '驻区单位', joinedOn: '2026-01-05' });
      expect([list.ok, add.ok], role).toEqual(expected[role]);
    }
    // A coordinator sees no problems, but a round that finds one needs the categories to file it under.
    const categories = await as('coordinator')('patrols.categories', {});
    expect(categories.ok && categories.value).toContain('公共设施');
    expect((await as('coordinator')('problems.list', {})).ok).toBe(false);
  });

  it('hours from an activity, a patrol and a service for a need add up; stars and points follow; the certificate keeps its figures', async () => {
    const zhao = (await ok(app, 'volunteers.add', { origin: 'resident', residentId: resident, skills: '理发', freeTime: '周末上午', joinedOn: '2026-03-01' })).id;
    expect((await refused('volunteers.add', { origin: 'resident', residentId: resident, joinedOn: '2026-03-01' })).messageKey).toBe('volunteers.already');
    const outsider = (await ok(app, 'volunteers.add', { origin: 'outside', name: '钱师傅', phone: '13900001111', unit: '社区医院', joinedOn: '2026-04-01' })).id;
    const team = (await ok(app, 'teams.save', { name: '小巷管家一队', kind: 'lane', leaderId: zhao, memberIds: [zhao, outsider] })).id;
    expect((await refused('teams.save', { name: '小巷管家二队', kind: 'lane', leaderId: outsider, memberIds: [zhao] })).messageKey).toBe('volunteers.leaderNotMember');

    const act = await ok(app, 'activities.plan', { title: '义务理发', place: '社区活动室', date: '2026-11-20', start: '09:00', end: '11:30', wanted: 2, teamId: team });
    expect(act.number).toMatch(/^HD2026-\d{4}$/);
    await ok(app, 'activities.signUp', { id: act.id, volunteerIds: [zhao, outsider] });
    expect((await refused('activities.attend', { id: act.id, people: [{ volunteerId: zhao, present: true, hours: 5 }] })).messageKey).toBe('activities.hoursOverSpan');
    expect((await refused('activities.attend', { id: act.id, people: [{ volunteerId: zhao, present: true, hours: 1.2 }] })).messageKey).toBe('volunteers.hoursHalf');
    // 钱师傅 joined in April: a March activity cannot count for him.
    const march = await ok(app, 'activities.plan', { title: '植树', place: '小区绿地', date: '2026-03-12', start: '09:00', end: '11:00', wanted: 5 });
    expect((await refused('activities.attend', { id: march.id, people: [{ volunteerId: outsider, present: true, hours: 2 }] })).messageKey).toBe('activities.beforeJoined');
    await ok(app, 'activities.attend', { id: act.id, people: [{ volunteerId: zhao, present: true, hours: 2.5 }, { volunteerId: outsider, present: false, hours: 0 }] });
    const held = await ok(app, 'activities.get', { id: act.id });
    expect([held.state, held.present, held.hours, held.people.find((p) => p.volunteerId === zhao)?.phoneMasked]).toEqual(['held', 1, 2.5, '138****5678']);

    // A round that finds a problem raises it in 走访与诉求, the volunteer named.
    const round = await ok(app, 'patrols.log', { volunteerId: zhao, date: '2026-11-21', route: '1号楼至3号楼', seen: '3号楼下井盖松动', hours: 1, problem: { category: '公共设施', content: '3号楼下井盖松动，有安全隐患', urgent: true } });
    expect(round.problemNumber).toMatch(/^WT2026-/);
    const problem = await ok(app, 'problems.get', { id: round.problemId! });
    expect([problem.raiser, problem.source, problem.urgent]).toEqual(['赵大妈', 'visit', true]);

    // A service for a need, recorded in the two lists with her as who served, counts as her hours.
    const categories = await ok(app, 'lists.categories', {});
    const categoryId = categories.find((c) => c.parentId !== null)!.id;
    const need = await ok(app, 'lists.saveNeed', { forKind: 'community', categoryId, content: '老年人理发', urgency: 'normal', raisedOn: '2026-11-01' });
    const res = await ok(app, 'lists.saveResource', { providerKind: 'volunteer', provider: '赵大妈', categoryId, content: '义务理发', capacity: 4, capacityPeriod: 'month' });
    await ok(app, 'lists.claim', { needId: need.id, resourceId: res.id, date: '2026-11-02', claimedBy: '赵大妈' });
    await ok(app, 'lists.addService', { needId: need.id, date: '2026-11-03', hours: 3, content: '为5位老人理发', byWhom: '赵大妈' });

    const detail = await ok(app, 'volunteers.get', { id: zhao, year: 2026 });
    expect([detail.activityHours, detail.serviceHours, detail.hours, detail.points, detail.stars]).toEqual([3.5, 3, 6.5, 6.5, 0]);
    expect(detail.patrols[0]!.problemNumber).toBe(round.problemNumber);
    // The committee's own bands: five hours for a first star.
    await ok(app, 'volunteers.setSettings', { pointsPerHour: 2, starHours: [5, 20, 50, 80, 120] });
    const sheet = await ok(app, 'volunteers.hours', { year: 2026 });
    expect(sheet.rows.find((r) => r.id === zhao)).toMatchObject({ hours: 6.5, points: 13, stars: 1, activities: 1, teams: '小巷管家一队' });
    expect(sheet.rows.find((r) => r.id === outsider)).toMatchObject({ hours: 0, stars: 0 });

    expect((await refused('volunteers.issueCertificate', { volunteerId: outsider, year: 2026 })).messageKey).toBe('volunteers.noHours');
    const cert = await ok(app, 'volunteers.issueCertificate', { volunteerId: zhao, year: 2026 });
    expect(cert.number).toMatch(/^ZY\d{4}-0001$/);
    const paper = await ok(app, 'volunteers.certificate', { id: cert.id });
    expect([paper.name, paper.hours, paper.stars, paper.lines.map((l) => l.kind)]).toEqual(['赵大妈', 6.5, 1, ['service', 'activity', 'patrol']]);
    expect(app.ledger.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'print' AND record = ?").pluck().get(`volunteer_certificate:${cert.id}`)).toBe(1);

    const file = await ok(app, 'volunteers.export', { year: 2026 });
    expect([file.rows, file.fileName]).toEqual([sheet.rows.length, '志愿者名册及服务时长-2026.xlsx']);
    const board = await ok(app, 'desk.dashboard', {});
    const figures = Object.fromEntries(board.modules.find((m) => m.module === 'volunteers')!.figures.map((f) => [f.key, f.n]));
    expect(figures.active).toBe(sheet.rows.length);

    await ok(app, 'volunteers.leave', { id: outsider, date: '2026-11-25', reason: '工作调动' });
    expect((await refused('activities.signUp', { id: (await ok(app, 'activities.plan', { title: '清扫', place: '小区', date: '2026-12-20', start: '08:00', end: '10:00', wanted: 5 })).id, volunteerIds: [outsider] })).messageKey).toBe('volunteers.notActive');
    expect((await ok(app, 'teams.list', {})).find((t) => t.id === team)?.memberIds).toEqual([zhao]);
  });
});
