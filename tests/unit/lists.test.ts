import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { newSession, type Session } from '../../main/core/session';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import type { Role } from '../../shared/rules/roles';
import { todayIso } from '../../shared/rules/idNumber';
import { addDays } from '../../shared/rules/mediation';
import type { CallFailure, Input, MethodName } from '../../shared/contract';
import { ok, openTempApp, setUpCommunity } from '../support/ledger';

const app = openTempApp();
afterAll(() => app.close());
const TODAY = todayIso();
const ago = (days: number) => addDays(TODAY, -days);
const later = (days: number) => addDays(TODAY, days);

function as(role: Role) {
  const session: Session = { ...newSession(), user: { id: 1, username: role, displayName: role, role, mustChangePassword: false }, permissions: new Set(DEFAULT_PERMISSIONS[role]) };
  return <M extends MethodName>(method: M, input: Input<M>) => app.dispatch(session, method, input);
}

async function refused<M extends MethodName>(method: M, input: Input<M>): Promise<CallFailure> {
  const r = await app.call(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r;
}

let grid1 = 0;
let grid2 = 0;
let zhao = 0;
const cat: Record<string, number> = {};

beforeAll(async () => {
  const tree = await setUpCommunity(app);
  grid1 = tree[0]!.id;
  grid2 = tree[1]!.id;
  zhao = (await ok(app, 'residents.create', { name: '赵秀英', idNumber: '11010519491231002X', gender: '2', relation: '02', residenceType: 'registered', tags: ['alone'], placement: { kind: 'new', buildingId: tree[0]!.buildings[0]!.id, unit: '1', room: '101' } })).id;
  for (const c of await ok(app, 'lists.categories', {})) cat[c.name] = c.id;
});

const needOf = (p: Partial<Input<'lists.saveNeed'>> = {}): Input<'lists.saveNeed'> => ({ forKind: 'resident', residentId: zhao, categoryId: cat['助餐']!, content: '每天中午送一份午餐', raisedOn: ago(3), ...p });
const resourceOf = (p: Partial<Input<'lists.saveResource'>> = {}): Input<'lists.saveResource'> => ({ providerKind: 'unit', provider: '幸福里社区食堂', categoryId: cat['助餐']!, content: '老年助餐送餐上门', capacity: 2, capacityPeriod: 'month', ...p });

describe('the need list and the resource list', () => {
  it('ships the category tree and keeps it a tree', async () => {
    expect(cat['养老服务']).toBeDefined();
    expect(cat['微心愿']).toBeDefined();
    expect((await refused('lists.saveCategory', { id: cat['养老服务']!, parentId: cat['助餐']!, name: '养老服务' })).messageKey).toBe('lists.categoryCycle');
    expect((await refused('lists.saveCategory', { parentId: null, name: '助餐' })).messageKey).toBe('lists.categoryExists');
    const id = (await ok(app, 'lists.saveCategory', { parentId: cat['养老服务']!, name: '理发' })).id;
    expect((await ok(app, 'lists.categories', {})).find((c) => c.id === id)!.parentId).toBe(cat['养老服务']);
  });

  it('a need for a resident takes their name and grid; numbers run per year; bad input is refused with its reason', async () => {
    const a = await ok(app, 'lists.saveNeed', needOf());
    const b = await ok(app, 'lists.saveNeed', needOf({ forKind: 'community', residentId: null, beneficiary: '3号楼全体居民', categoryId: cat['环境整治']!, content: '清理楼道堆物', gridId: grid1 }));
    expect(a.number).toMatch(new RegExp(`^XQ${ago(3).slice(0, 4)}-\\d{4}$`));
    expect(Number(b.number.slice(-4))).toBe(Number(a.number.slice(-4)) + 1);
    const d = await ok(app, 'lists.need', { id: a.id });
    expect([d.beneficiary, d.beneficiaryMasked, d.gridId, d.state, d.events.length]).toEqual(['赵秀英', '赵**', grid1, 'open', 1]);
    const household = (await ok(app, 'residents.get', { id: zhao })).householdId!;
    const forHome = await ok(app, 'lists.saveNeed', needOf({ forKind: 'household', residentId: null, householdId: household, categoryId: cat['家电维修']!, content: '家里洗衣机坏了' }));
    expect(await ok(app, 'lists.need', { id: forHome.id })).toMatchObject({ forKind: 'household', beneficiary: '赵秀英', householdId: household, gridId: grid1, address: '1号楼1单元101室' });
    expect((await refused('lists.saveNeed', needOf({ forKind: 'household', residentId: null }))).messageKey).toBe('lists.householdNeeded');
    expect((await refused('lists.saveNeed', needOf({ residentId: null }))).messageKey).toBe('lists.residentNeeded');
    expect((await refused('lists.saveNeed', needOf({ raisedOn: later(1) }))).messageKey).toBe('validation.futureDate');
    expect((await refused('lists.saveNeed', needOf({ wantedBy: ago(10) }))).messageKey).toBe('lists.wantedBeforeRaised');
    expect((await refused('lists.saveNeed', needOf({ forKind: 'group', residentId: null }))).messageKey).toBe('lists.groupNeeded');
    expect((await refused('lists.saveNeed', needOf({ content: '' }))).issues?.[0]).toMatchObject({ path: 'content', messageKey: 'validation.required' });
    expect((await refused('lists.saveResource', resourceOf({ capacity: 0 }))).issues?.[0]).toMatchObject({ path: 'capacity', messageKey: 'lists.capacityAtLeastOne' });
    expect((await refused('lists.saveResource', resourceOf({ availableFrom: TODAY, availableTo: ago(1) }))).issues?.[0]).toMatchObject({ path: 'availableTo', messageKey: 'lists.dateRange' });
    expect((await refused('lists.saveResource', resourceOf({ providerKind: 'member' }))).messageKey).toBe('lists.reporterNeeded');
  });

  it('who may do what: staff and party secretaries keep the lists, a mediator does not see them', async () => {
    expect((await as('staff')('lists.needs', {})).ok).toBe(true);
    expect((await as('secretary')('lists.saveResource', resourceOf({ provider: '书记带来的志愿队', providerKind: 'volunteer' }))).ok).toBe(true);
    const r = await as('mediator')('lists.needs', {});
    expect(r.ok ? 'accepted' : r.code).toBe('forbidden');
  });
});

// A story in steps (each picks up the need where the one before left it): kept in order when the suite is shuffled.
describe('matching, confirming, claiming, serving, feedback', { shuffle: false }, () => {
  let canteen = 0;
  let repair = 0;
  let lunch1 = 0;
  let lunch2 = 0;
  let lunch3 = 0;
  let tap = 0;

  beforeAll(async () => {
    canteen = (await ok(app, 'lists.saveResource', resourceOf({ gridIds: [grid1] }))).id;
    repair = (await ok(app, 'lists.saveResource', resourceOf({ provider: '物业维修班', categoryId: cat['维修服务']!, content: '水电小修', capacity: 5, capacityPeriod: 'week' }))).id;
    lunch1 = (await ok(app, 'lists.saveNeed', needOf({ urgency: 'urgent' }))).id;
    lunch2 = (await ok(app, 'lists.saveNeed', needOf({ wantedBy: ago(1) }))).id; // overdue
    lunch3 = (await ok(app, 'lists.saveNeed', needOf({ forKind: 'group', residentId: null, groupTag: 'alone', gridId: grid1, content: '独居老人集体助餐' }))).id;
    tap = (await ok(app, 'lists.saveNeed', needOf({ categoryId: cat['水电维修']!, content: '厨房水龙头漏水', gridId: grid2, forKind: 'community', residentId: null, beneficiary: '5号楼' }))).id;
  });

  it('the ranked list for a need gives the score and the reasons; the other direction lists the needs a resource could meet', async () => {
    const c = await ok(app, 'lists.candidates', { needId: tap });
    expect(c.map((x) => x.resourceId)).toEqual([repair]); // the canteen is another category
    expect(c[0]!.reasons.map((r) => r.key)).toEqual(['relatedCategory', 'servesAll', 'availableNow', 'capacityLeft']);
    expect(c[0]!.score).toBe(25 + 10 + 15 + 10);
    const needs = await ok(app, 'lists.needsFor', { resourceId: canteen });
    expect(needs.map((n) => n.needId)).toEqual(expect.arrayContaining([lunch1, lunch2, lunch3]));
    expect(needs.map((n) => n.needId)).not.toContain(tap);
  });

  it('"match all" proposes within capacity, overdue and urgent first, and writes nothing', async () => {
    const p = await ok(app, 'lists.proposeAll', {});
    const canteenNeeds = p.proposals.filter((x) => x.resourceId === canteen).map((x) => x.needId);
    expect(canteenNeeds).toEqual([lunch2, lunch1]); // capacity 2: the overdue one, then the urgent one
    // The canteen is full after those two: the group's need goes to the other 助餐 resource (the secretary's volunteers).
    expect(p.proposals.find((x) => x.needId === lunch3)?.provider).toBe('书记带来的志愿队');
    expect(p.proposals.find((x) => x.needId === tap)?.resourceId).toBe(repair);
    expect((await ok(app, 'lists.need', { id: lunch1 })).state).toBe('open');
  });

  it('confirming checks each pair again: over the capacity, nothing of the batch is written', async () => {
    const over = await refused('lists.confirm', { date: TODAY, items: [lunch1, lunch2, lunch3].map((needId) => ({ needId, resourceId: canteen })) });
    expect(over.messageKey).toBe('lists.capacityFull');
    for (const id of [lunch1, lunch2, lunch3]) expect((await ok(app, 'lists.need', { id })).state).toBe('open');
    expect((await refused('lists.confirm', { date: TODAY, items: [{ needId: tap, resourceId: canteen }] })).messageKey).toBe('lists.cannotServe');
    expect((await ok(app, 'lists.confirm', { date: TODAY, items: [{ needId: lunch2, resourceId: canteen }, { needId: lunch1, resourceId: canteen }, { needId: tap, resourceId: repair }] })).confirmed).toBe(3);
    const d = await ok(app, 'lists.need', { id: lunch1 });
    expect(d.state).toBe('matched');
    expect(d.match!.provider).toBe('幸福里社区食堂');
    expect(d.match!.reasons.map((r) => r.key)).toContain('servesGrid');
    expect((await refused('lists.confirm', { date: TODAY, items: [{ needId: lunch1, resourceId: canteen }] })).messageKey).toBe('lists.needNotOpen');
    const rows = await ok(app, 'lists.resources', {});
    expect(rows.find((r) => r.id === canteen)!.used).toBe(2);
  });

  it('a cancelled match frees the capacity; the need is open again with the story kept', async () => {
    await ok(app, 'lists.cancelMatch', { needId: lunch1, reason: '居民住院，暂不需要' });
    const d = await ok(app, 'lists.need', { id: lunch1 });
    expect(d.state).toBe('open');
    expect(d.match).toBeNull();
    expect(d.events.map((e) => e.to)).toEqual(['open', 'matched', 'open']);
    expect(d.events[2]!.note).toBe('居民住院，暂不需要');
    // The freed place goes to the group's need, claimed at once by the canteen.
    await ok(app, 'lists.claim', { needId: lunch3, resourceId: canteen, claimedBy: '食堂张经理', date: TODAY, dueOn: later(7) });
    expect((await ok(app, 'lists.need', { id: lunch3 })).state).toBe('claimed');
    expect((await refused('lists.claim', { needId: lunch1, resourceId: canteen, claimedBy: '食堂', date: TODAY, dueOn: '' })).messageKey).toBe('lists.capacityFull');
  });

  it('claim, services, done, feedback — and no step out of order', async () => {
    expect((await refused('lists.addService', { needId: lunch2, date: TODAY, hours: 1, content: '送餐', byWhom: '小李' })).messageKey).toBe('lists.notClaimed');
    expect((await refused('lists.complete', { needId: lunch2, date: TODAY })).messageKey).toBe('lists.noService');
    expect((await refused('lists.claim', { needId: lunch2, resourceId: repair, claimedBy: '物业', date: TODAY, dueOn: '' })).messageKey).toBe('lists.otherResource');
    await ok(app, 'lists.claim', { needId: lunch2, claimedBy: '食堂张经理', date: TODAY, dueOn: later(3) });
    expect((await refused('lists.addService', { needId: lunch2, date: later(1), hours: 1, content: '送餐', byWhom: '小李' })).messageKey).toBe('validation.futureDate');
    expect((await refused('lists.addService', { needId: lunch2, date: TODAY, hours: 30, content: '送餐', byWhom: '小李' })).issues?.[0]?.messageKey).toBe('lists.hoursRange');
    await ok(app, 'lists.addService', { needId: lunch2, date: TODAY, hours: 1, content: '送午餐', byWhom: '小李' });
    await ok(app, 'lists.addService', { needId: lunch2, date: TODAY, hours: 1.5, content: '送午餐并量血压', byWhom: '小李' });
    expect((await refused('lists.cancelMatch', { needId: lunch2, reason: '换人' })).messageKey).toBe('lists.badMove');
    expect((await refused('lists.feedback', { needId: lunch2, date: TODAY, satisfaction: 5, comment: '' })).messageKey).toBe('lists.badMove');
    await ok(app, 'lists.complete', { needId: lunch2, date: TODAY });
    expect((await refused('lists.feedback', { needId: lunch2, date: TODAY, satisfaction: 6, comment: '' })).ok).toBe(false);
    await ok(app, 'lists.feedback', { needId: lunch2, date: TODAY, satisfaction: 5, comment: '饭菜很合口' });
    const d = await ok(app, 'lists.need', { id: lunch2 });
    expect([d.state, d.doneOn, d.match!.hours, d.match!.satisfaction, d.next]).toEqual(['evaluated', TODAY, 2.5, 5, []]);
    expect(d.events.map((e) => e.to)).toEqual(['open', 'matched', 'claimed', 'serving', 'done', 'evaluated']);
    // The provider's record now speaks for it in the next ranking.
    const r = (await ok(app, 'lists.resources', {})).find((x) => x.id === canteen)!;
    expect([r.finished, r.hours, r.satisfaction]).toEqual([1, 2.5, 5]);
  });

  it('withdrawing cancels the match in force and keeps the reason', async () => {
    await ok(app, 'lists.withdraw', { id: tap, reason: '居民已自行修好' });
    const d = await ok(app, 'lists.need', { id: tap });
    expect([d.state, d.withdrawnReason, d.match]).toEqual(['withdrawn', '居民已自行修好', null]);
    expect((await refused('lists.withdraw', { id: tap, reason: '再撤一次' })).messageKey).toBe('lists.badMove');
  });

  it('hours of a reporting party member count in the party record, once', async () => {
    const reporter = (await ok(app, 'party.saveReporter', { name: '冯工', employer: '市供电公司', phone: '13912345678', reportedOn: ago(30), posts: ['政策宣传'] })).id;
    const member = (await ok(app, 'lists.saveResource', resourceOf({ providerKind: 'member', provider: '冯工（市供电公司）', reporterId: reporter, categoryId: cat['水电维修']!, content: '家庭用电检查', capacity: 3 }))).id;
    const need = (await ok(app, 'lists.saveNeed', needOf({ categoryId: cat['水电维修']!, content: '家里跳闸' }))).id;
    await ok(app, 'lists.claim', { needId: need, resourceId: member, claimedBy: '冯工', date: TODAY, dueOn: '' });
    await ok(app, 'lists.addService', { needId: need, date: TODAY, hours: 2, content: '检查线路，更换空开', byWhom: '冯工' });
    const row = (await ok(app, 'party.reporters', { year: Number(TODAY.slice(0, 4)) })).find((r) => r.id === reporter)!;
    expect([row.services, row.hours]).toEqual([1, 2]);
  });

  it('measures: 兑现率, waiting needs by category and grid, unused resources, hours by provider', async () => {
    const m = await ok(app, 'lists.measures', { from: ago(30), to: TODAY });
    // Raised in the period and not withdrawn: the three from the first block, lunch1-3, the member's need = 7; one fulfilled.
    expect([m.raised, m.fulfilled, m.rate]).toEqual([7, 1, 14]);
    expect(m.openByCategory.find((c) => c.name === '助餐')?.count).toBe(2); // the first test's need, and lunch1
    expect(m.unusedResources.map((r) => r.provider)).toContain('书记带来的志愿队');
    expect(m.unusedResources.map((r) => r.provider)).not.toContain('幸福里社区食堂');
    expect(m.hoursByProvider).toEqual([
      { provider: '幸福里社区食堂', services: 2, hours: 2.5, member: false },
      { provider: '冯工（市供电公司）', services: 1, hours: 2, member: true },
    ]);
  });
});

describe('capacity', () => {
  it('is counted in the period of the match’s own date: back-dating two matches into one earlier month cannot exceed it', async () => {
    const lastMonth = (() => {
      const d = new Date(`${ago(0)}T12:00:00Z`);
      d.setUTCDate(1);
      d.setUTCDate(0); // the last day of the month before
      return d.toISOString().slice(0, 10);
    })();
    const res = await ok(app, 'lists.saveResource', resourceOf({ provider: '助浴志愿队', capacity: 1, capacityPeriod: 'month', categoryId: cat['助餐']! }));
    const n1 = await ok(app, 'lists.saveNeed', needOf({ content: '需要助餐一', raisedOn: ago(40) }));
    const n2 = await ok(app, 'lists.saveNeed', needOf({ content: '需要助餐二', raisedOn: ago(40) }));
    await ok(app, 'lists.confirm', { items: [{ needId: n1.id, resourceId: res.id }], date: lastMonth });
    const second = await refused('lists.confirm', { items: [{ needId: n2.id, resourceId: res.id }], date: lastMonth });
    expect(second.messageKey).toBe('lists.capacityFull');
    // This month is another period: the same resource serves again.
    await ok(app, 'lists.confirm', { items: [{ needId: n2.id, resourceId: res.id }], date: ago(0) });
  });
});

describe('sheets', () => {
  async function sheet(rows: (string | number)[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('需求');
    ws.addRow(['幸福里社区需求清单']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }

  it('a needs sheet: dry run by row and column, nothing written until confirmed; a known ID number links the resident', async () => {
    const before = (await ok(app, 'lists.needs', {})).length;
    const base64 = await sheet([
      ['类别', '需求内容', '服务对象', '身份证号', '网格', '紧急程度', '期望完成日期', '提出日期'],
      ['助餐', '希望有人送午饭', '赵秀英', '11010519491231002X', '', '紧急', '', ago(1)],
      ['修鞋', '修鞋', '', '', '', '', '', ''],
      ['探访关爱', '', '', '', '第九网格', '', '', ''],
      ['微心愿', '一个新书包', '困境儿童', '', '第二网格', '', later(20), ago(1)],
    ]);
    const check = await ok(app, 'lists.importCheck', { list: 'needs', fileName: '需求.xlsx', base64 });
    expect([check.rows, check.valid]).toEqual([4, 2]);
    expect(check.errors).toEqual([
      { row: 4, column: '类别', messageKey: 'lists.importUnknownCategory', params: { name: '修鞋' } },
      { row: 5, column: '需求内容', messageKey: 'validation.required' },
      { row: 5, column: '网格', messageKey: 'lists.importUnknownGrid', params: { name: '第九网格' } },
    ]);
    expect((await ok(app, 'lists.needs', {})).length).toBe(before);
    expect((await ok(app, 'lists.importCommit', { token: check.token })).created).toBe(2);
    const rows = await ok(app, 'lists.needs', {});
    expect(rows.length).toBe(before + 2);
    const linked = rows.find((r) => r.content === '希望有人送午饭')!;
    expect([linked.forKind, linked.beneficiary, linked.urgency]).toEqual(['resident', '赵秀英', 'urgent']);
    const wish = rows.find((r) => r.content === '一个新书包')!;
    expect([wish.wish, wish.forKind, wish.gridId]).toEqual([true, 'group', grid2]);
    expect((await refused('lists.importCommit', { token: check.token })).messageKey).toBe('import.expired');
  });

  it('a resources sheet, and the lists exported as sheets with names masked', async () => {
    const base64 = await sheet([
      ['提供方', '提供方类型', '类别', '资源内容', '服务次数', '周期', '服务网格', '联系电话'],
      ['阳光志愿服务队', '社会组织', '探访关爱', '每周探访独居老人', 10, '每月', '第一网格、第二网格', '13800138000'],
      ['市二院', '驻区单位', '义诊', '社区义诊', '2次', '每年', '', ''],
      ['某人', '外星人', '义诊', '看病', 'x', '', '', '12'],
    ]);
    const check = await ok(app, 'lists.importCheck', { list: 'resources', fileName: '资源.xlsx', base64 });
    expect(check.valid).toBe(2);
    expect(check.errors.map((e) => [e.row, e.column])).toEqual([
      [5, '提供方类型'],
      [5, '服务次数'],
      [5, '联系电话'],
    ]);
    await ok(app, 'lists.importCommit', { token: check.token });
    const team = (await ok(app, 'lists.resources', {})).find((r) => r.provider === '阳光志愿服务队')!;
    expect([team.providerKind, team.capacity, team.gridIds, team.phoneMasked]).toEqual(['organisation', 10, [grid1, grid2], '138****8000']);
    const file = await ok(app, 'lists.export', { list: 'needs' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain('赵**');
    expect(cells).not.toContain('赵秀英');
  });
});
