import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../shared/contract/reports';
import { presetPeriod } from '../../shared/rules/periods';
import type { Input, MethodName } from '../../shared/contract';
import { newSession, systemSession } from '../../main/core/session';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import { openRaw, setUpCommunity, sys } from '../support/ledger';
import { scenarioPerTest } from '../support/scenario';
import type { App } from '../../main/app';
import { validId } from '../support/sheets';

/**
 * A community small enough to count by hand, as of 2026-11-30:
 *   第一网格 1号楼 101: 张大山 ♂ 1940-03-01 (86, 独居), 王小明 ♂ 2020-01-01 (6) — one household
 *   第一网格 1号楼 102: 李秀英 ♀ 1950-06-10 (76, 残疾)
 *   第二网格 4号楼 201: 赵丽 ♀ 1990-05-05 (36, 回族)
 *   第二网格 4号楼 202: 孙强 ♂ 1985-08-08 — moved out on 2026-11-15
 * Everyone moved in on 2026-11-10.
 */
// Built once; each test gets its own copy of the ledger (some add people, move them, change tags).
let app: App & { file: string };
const scenario = scenarioPerTest(async (base) => {
  app = base;
  await build();
});
beforeEach(() => (app = scenario.app));
// A fresh trusted session per call: one kept across the faked days would lock itself as idle.
const call = <M extends MethodName>(method: M, input: Input<M>) => app.dispatch(systemSession(), method, input);
const ok = <M extends MethodName>(_app: unknown, method: M, input: Input<M>) => sys(app, method, input);
const period = { from: '2026-11-01', to: '2026-11-30' };
const grids: Record<string, number> = {};

async function build() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-10T09:00:00'));
  const tree = await setUpCommunity(app);
  grids.first = tree[0]!.id;
  grids.second = tree[1]!.id;
  const [b1, b4] = [tree[0]!.buildings[0]!.id, tree[1]!.buildings[0]!.id];
  const person = (name: string, gender: '1' | '2', birthDate: string, placement: object, extra: object = {}) =>
    ok(app, 'residents.create', { name, idNumber: '', gender, birthDate, relation: '02', residenceType: 'registered', ethnicity: '01', placement, moveInDate: '2026-11-10', ...extra } as never);
  const zhang = await person('张大山', '1', '1940-03-01', { kind: 'new', buildingId: b1, unit: '1', room: '101' }, { tags: ['alone'] });
  await person('王小明', '1', '2020-01-01', { kind: 'existing', householdId: zhang.householdId }, { relation: '20' });
  await person('李秀英', '2', '1950-06-10', { kind: 'new', buildingId: b1, unit: '1', room: '102' }, { tags: ['disabled'] });
  await person('赵丽', '2', '1990-05-05', { kind: 'new', buildingId: b4, unit: '1', room: '201' }, { ethnicity: '03' });
  const sun = await person('孙强', '1', '1985-08-08', { kind: 'new', buildingId: b4, unit: '1', room: '202' });
  vi.setSystemTime(new Date('2026-11-15T09:00:00'));
  await ok(app, 'residents.moveOut', { id: sun.id, date: '2026-11-15', reason: '购房迁出' });
  vi.useRealTimers();
}

const table = (r: Report, title: string) => r.tables.find((t) => t.title.includes(title))!.rows;
const figure = (r: Report, label: string) => r.figures.find((f) => f.label === label)?.value;

describe('the population report, against a ledger counted by hand', () => {
  it('counts the people living here by age band and gender, ethnicity, care group and grid, and the moves of the period', async () => {
    const r = await ok(app, 'reports.population', period);
    expect(r.title).toBe('幸福里社区人口统计表');
    expect(r.subtitle).toBe('2026-11-01 至 2026-11-30 · 全社区');
    expect(r.figures.map((f) => [f.label, f.value])).toEqual([
      ['在册人口', 4],
      ['户数', 3],
      ['男', 2],
      ['女', 2],
      ['期间迁入', 5],
      ['期间迁出', 1],
      ['期间死亡', 0],
    ]);
    expect(table(r, '年龄段')).toEqual([
      ['0-6', 1, 0, 1, '25.0%'],
      ['7-17', 0, 0, 0, '0.0%'],
      ['18-34', 0, 0, 0, '0.0%'],
      ['35-59', 0, 1, 1, '25.0%'],
      ['60-79', 0, 1, 1, '25.0%'],
      ['80+', 1, 0, 1, '25.0%'],
      ['合计', 2, 2, 4, '100.0%'],
    ]);
    expect(table(r, '民族')).toEqual([
      ['汉族', 3, '75.0%'],
      ['回族', 1, '25.0%'],
    ]);
    expect(table(r, '特殊人群')).toEqual([
      ['独居/空巢老人', 1, '25.0%'],
      ['残疾人', 1, '25.0%'],
    ]);
    expect(table(r, '按网格')).toEqual([
      ['第一网格', 3, 2, 2, 1, 2],
      ['第二网格', 1, 1, 0, 0, 0],
    ]);
  });

  it('for one grid: only its people, and the grid named in the subtitle', async () => {
    const r = await ok(app, 'reports.population', { ...period, gridId: grids.second });
    expect(r.subtitle).toBe('2026-11-01 至 2026-11-30 · 第二网格');
    expect(figure(r, '在册人口')).toBe(1);
    expect(figure(r, '期间迁出')).toBe(1);
    expect(table(r, '民族')).toEqual([['回族', 1, '100.0%']]);
  });

  it('in the user’s language, and the period must run forwards', async () => {
    const en = await ok(app, 'reports.population', { ...period, language: 'en-US' });
    expect(en.figures[0]).toEqual({ label: 'People living here', value: 4 });
    expect(table(en, 'ethnicity')[1]![0]).toBe('Hui');
    const backwards = await call('reports.population', { from: '2026-11-30', to: '2026-11-01' });
    expect(backwards.ok ? [] : backwards.issues?.map((i) => i.messageKey)).toEqual(['reports.period']);
    const noGrid = await call('reports.population', { ...period, gridId: 999 });
    expect(noGrid.ok ? '' : noGrid.messageKey).toBe('reports.noSuchGrid');
  });

  it('its xlsx holds the same tables, and taking it is on record', async () => {
    const r = await ok(app, 'reports.population', { ...period, xlsx: true });
    expect(r.file?.fileName).toMatch(/^幸福里社区人口统计表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.file!.base64, 'base64') as unknown as ExcelJS.Buffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows[0]![0]).toBe('幸福里社区人口统计表');
    expect(rows).toContainEqual(['在册人口', 4]);
    expect(rows).toContainEqual(['第一网格', 3, 2, 2, 1, 2]);
    expect(wb.worksheets[0]!.pageSetup.paperSize).toBe(9); // A4
    const db = openRaw(app.file, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export' AND record = 'report:population'").pluck().get()).toBe(1);
    db.close();
  });
});

describe('the other reports', () => {
  it('party statistics: members by category, gender and age; meetings held in the period; dues paid', async () => {
    const branchId = (await ok(app, 'party.saveBranch', { name: '幸福里社区党支部', kind: 'branch' })).id;
    await ok(app, 'party.saveMember', { name: '周红', gender: '2', birthDate: '1960-01-01', branchId, category: 'full', joinDate: '1990-07-01', fullDate: '1991-07-01' });
    await ok(app, 'party.saveMember', { name: '吴刚', gender: '1', birthDate: '1998-01-01', branchId, category: 'probationary', joinDate: '2026-06-01' });
    await ok(app, 'party.saveMeeting', { branchId, kind: 'committee', date: '2026-11-05', topic: '研究发展党员', attendance: [] });
    await ok(app, 'party.saveMeeting', { branchId, kind: 'committee', date: '2026-10-05', topic: '上月的会', attendance: [] });
    const r = await ok(app, 'reports.party', { ...period, branchId });
    expect(r.subtitle).toBe('2026-11-01 至 2026-11-30 · 幸福里社区党支部');
    expect(r.figures.slice(0, 4).map((f) => f.value)).toEqual([2, 1, 1, 0]);
    expect(table(r, '性别')).toEqual(expect.arrayContaining([['女', 1, '50.0%'], ['男', 1, '50.0%']]));
    expect(table(r, '会议').find((row) => row[0] === '支部委员会')).toEqual(['支部委员会', 1]);
  });

  it('the mediation report counts cases accepted in the period by type, with the success rate', async () => {
    await app.dispatch(newSession(), 'auth.createAdmin', { username: 'admin', displayName: '管理员', password: 'admin-pass-2026' });
    await ok(app, 'users.create', { username: 'li', displayName: '李调解', role: 'mediator', password: 'temporary-2026' });
    const mediatorId = (await ok(app, 'users.list', {})).find((u) => u.username === 'li')!.id;
    const open = (facts: string, acceptedOn: string, disputeType = '邻里') =>
      ok(app, 'mediation.open', { disputeType, source: 'application', facts, consent: true, acceptedOn, parties: [{ role: 'applicant', name: '甲' }, { role: 'respondent', name: '乙' }], mediatorIds: [mediatorId] });
    const settled = await open('漏水', '2026-11-03');
    await open('噪音', '2026-11-20');
    await open('上月的', '2026-10-20');
    await open('婚姻', '2026-11-21', '婚姻家庭');
    await ok(app, 'mediation.addSession', { id: settled.id, date: '2026-11-04', participants: '甲、乙', statements: '同意' });
    await ok(app, 'mediation.conclude', { id: settled.id, outcome: 'written', date: '2026-11-04', agreementTerms: '修复' });
    const r = await ok(app, 'reports.mediation', period);
    expect(r.figures.slice(0, 3).map((f) => f.value)).toEqual([3, 1, '33.3%']);
    expect(table(r, '纠纷类型')).toEqual([
      ['邻里', 2, 1, '50.0%'],
      ['婚姻家庭', 1, 0, '0.0%'],
      ['合计', 3, 1, '33.3%'],
    ]);
  });

  it('the certificate summary: issued, reissued, voided and refused in the period, per item', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-20T09:00:00'));
    const tree = await ok(app, 'community.tree', {});
    const holder = await ok(app, 'residents.create', { name: '钱证明', idNumber: validId('11010519800101001'), gender: '1', relation: '02', residenceType: 'registered', moveInDate: '2012-04-01', placement: { kind: 'new', buildingId: tree[0]!.buildings[1]!.id, unit: '1', room: '301' } } as never);
    const item = (await ok(app, 'certs.items', {}))[0]!;
    const issue = async (reissueOf?: number) => {
      const { id } = await ok(app, 'certs.draft', { itemId: item.id, residentId: holder.id, purpose: '办理居住证', checks: item.checks, ...(reissueOf ? { reissueOf } : {}) });
      if (item.needsApproval) await ok(app, 'certs.approve', { id });
      await ok(app, 'certs.issue', { id });
      return id;
    };
    await issue(); // October: outside the period
    vi.setSystemTime(new Date('2026-11-12T09:00:00'));
    const first = await issue();
    await issue();
    vi.setSystemTime(new Date('2026-11-13T09:00:00'));
    await ok(app, 'certs.void', { id: first, reason: '姓名打错' });
    await issue(first);
    await ok(app, 'certs.request', { requested: '无犯罪记录', residentId: holder.id });
    vi.useRealTimers();
    // A refusal is dated by the ledger's own clock (SQLite's, not the faked one): the period runs on to cover it.
    const r = await ok(app, 'reports.certificates', { from: period.from, to: '2100-12-31' });
    expect(r.figures.map((f) => f.value)).toEqual([3, 1, 1, 0]);
    expect(table(r, '证明事项')).toEqual([
      [item.name, 3, 1, 1, 0],
      ['无犯罪记录证明', 0, 0, 0, 1],
      ['合计', 3, 1, 1, 1],
    ]);
  });

  it('the two lists: needs raised in the period and met; what waits, by category', async () => {
    const categories = await ok(app, 'lists.categories', {});
    const meal = categories.find((c) => c.name === '助餐')!.id;
    const repair = categories.find((c) => c.name === '维修服务')!.id;
    await ok(app, 'lists.saveNeed', { forKind: 'community', categoryId: meal, content: '老人午餐', raisedOn: '2026-11-05' });
    await ok(app, 'lists.saveNeed', { forKind: 'community', categoryId: repair, content: '修楼道灯', raisedOn: '2026-11-06' });
    await ok(app, 'lists.saveNeed', { forKind: 'community', categoryId: meal, content: '上月的', raisedOn: '2026-10-20' });
    const r = await ok(app, 'reports.lists', period);
    expect(r.figures.slice(0, 3).map((f) => f.value)).toEqual([2, 0, '0.0%']);
    expect(table(r, '按类别')).toEqual([
      ['助餐', 2],
      ['维修服务', 1],
    ]);
  });

  it('a report needs its module’s permission: a mediator cannot run the population report', async () => {
    const mediator = { ...newSession(), user: { id: 99, username: 'm', displayName: 'm', role: 'mediator' as const, mustChangePassword: false }, permissions: new Set(DEFAULT_PERMISSIONS.mediator), lastSeen: Number.POSITIVE_INFINITY };
    const r = await app.dispatch(mediator, 'reports.population', period);
    expect(r.ok ? '' : r.code).toBe('forbidden');
  });
});

describe('the dashboard reads kept tallies that always agree with the ledger', () => {
  it('counts by status, the pyramid and care groups by grid, after moves, deaths, tag changes and a grid change', async () => {
    const d = await ok(app, 'desk.dashboard', {});
    // The scenario alone: four living here, 孙强 moved out.
    expect(d.residents).toMatchObject({ active: 4, movedOut: 1, deceased: 0, households: 4 });
    expect(d.residents!.careGroups).toEqual(expect.arrayContaining([{ key: 'alone', n: 1 }, { key: 'disabled', n: 1 }]));
    expect(d.months).toHaveLength(12);
    const db = openRaw(app.file);
    // Every kind of change, straight in SQL (the triggers are what keeps the tallies, whoever writes).
    db.exec(`
      UPDATE residents SET status = 'deceased' WHERE name = '李秀英';
      INSERT INTO resident_tags(tag, resident_id) SELECT 'dibao', id FROM residents WHERE name = '赵丽';
      DELETE FROM resident_tags WHERE tag = 'alone';
      UPDATE residents SET grid_id = (SELECT id FROM grids WHERE name = '第二网格'), gender = '2', birth_date = '1941-03-01' WHERE name = '张大山';
    `);
    const truth = db.prepare('SELECT status, gender, coalesce(CAST(substr(birth_date, 1, 4) AS INTEGER), 0) AS y, count(*) AS n FROM residents GROUP BY 1, 2, 3 ORDER BY 1, 2, 3').all();
    const kept = db.prepare('SELECT status, gender, birth_year AS y, n FROM resident_tally WHERE n > 0 ORDER BY 1, 2, 3').all();
    expect(kept).toEqual(truth);
    const tagTruth = db.prepare("SELECT coalesce(r.grid_id, 0) AS g, t.tag, count(*) AS n FROM resident_tags t JOIN residents r ON r.id = t.resident_id WHERE r.status = 'active' GROUP BY 1, 2 ORDER BY 1, 2").all();
    expect(db.prepare('SELECT grid_id AS g, tag, n FROM tag_tally WHERE n > 0 ORDER BY 1, 2').all()).toEqual(tagTruth);
    expect(db.prepare("SELECT n FROM ledger_counts WHERE name = 'households'").pluck().get()).toBe(db.prepare('SELECT count(*) FROM households').pluck().get());
    // The next visit due, per care-group household: 赵丽 (低保, every 30 days) has never been visited, so now;
    // 李秀英 died and 张大山 is no longer 独居, so their households are not on it.
    const zhao = db.prepare("SELECT household_id FROM residents WHERE name = '赵丽'").pluck().get() as number;
    const dueRows = () => db.prepare('SELECT household_id AS h, days, last, due FROM household_visit_due ORDER BY 1').all();
    expect(dueRows()).toEqual([{ h: zhao, days: 30, last: null, due: '' }]);
    db.prepare("INSERT INTO visits(date, kind, household_id, visitors, created_by) VALUES ('2026-11-20', 'household', ?, '网格员', 'test')").run(zhao);
    expect(dueRows()).toEqual([{ h: zhao, days: 30, last: '2026-11-20', due: '2026-12-20' }]);
    // The day people left is kept on their row for the retention rule.
    expect(db.prepare("SELECT left_on FROM residents WHERE name = '孙强'").pluck().get()).toBe('2026-11-15');
    db.close();
    const after = await ok(app, 'desk.dashboard', {});
    expect(after.residents).toMatchObject({ active: 3, deceased: 1 });
    expect(after.residents!.careGroups).toEqual([{ key: 'dibao', n: 1 }]);
    expect(after.residents!.careByGrid).toEqual([{ grid: '第二网格', tag: 'dibao', n: 1 }]);
  });
});

describe('report periods', () => {
  it('whole months, quarters and years around the turn of the year', () => {
    expect(presetPeriod('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('thisMonth', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('thisQuarter', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('lastQuarter', '2026-02-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('lastYear', '2026-06-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
