import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, openTempApp, setUpCommunity } from '../support/ledger';
import { validId } from '../support/sheets';
import type { Grid } from '../../shared/contract/community';

type TestApp = ReturnType<typeof openTempApp>;
let app: TestApp;
let tree: Grid[];
const building = (name: string) => tree.flatMap((g) => g.buildings).find((b) => b.name === name)!.id;

const person = (over: Record<string, unknown> = {}) => ({
  name: '张三丰',
  idNumber: '11010519491231002X',
  gender: '2',
  relation: '02',
  residenceType: 'registered',
  ...over,
});

beforeEach(async () => {
  app = openTempApp();
  tree = await setUpCommunity(app);
});
afterEach(() => app.close());

describe('residents and households', () => {
  it('registers a household of three and keeps its head', async () => {
    const head = await ok(app, 'residents.create', { ...person(), phone: '138 0013 8000', placement: { kind: 'new', buildingId: building('3号楼'), unit: '2单元', room: '301' } });
    await ok(app, 'residents.create', { ...person({ name: '李秀英', idNumber: validId('11010519520303002'), gender: '2', relation: '10' }), placement: { kind: 'existing', householdId: head.householdId } });
    await ok(app, 'residents.create', { ...person({ name: '张小明', idNumber: validId('11010519800101001'), gender: '1', relation: '20' }), placement: { kind: 'existing', householdId: head.householdId } });
    const card = await ok(app, 'households.card', { id: head.householdId, forPrint: true });
    expect(app.ledger.db.prepare("SELECT action, record FROM audit_log ORDER BY id DESC LIMIT 1").get()).toEqual({ action: 'print', record: `household:${head.householdId}` });
    expect(card.members.map((m) => m.name)).toEqual(['张三丰', '李秀英', '张小明']);
    expect(card.headId).toBe(head.id);
    expect(card.address).toBe('3号楼2单元301室');
    expect(card.members[0]!.idMasked).toBe('110105********002X');
    expect(card.members[0]!.phoneMasked).toBe('138****8000');
    expect(await ok(app, 'residents.reveal', { id: head.id, reason: '核对' })).toEqual({ idNumber: '11010519491231002X', phone: '13800138000' });
  });

  it('derives birth date from the ID and refuses a form that disagrees', async () => {
    const r = await app.call('residents.create', { ...person({ birthDate: '1950-01-01' }), placement: { kind: 'new', buildingId: building('1号楼'), unit: '', room: '101' } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues?.map((i) => i.messageKey)).toContain('id.birthMismatch');
    const g = await app.call('residents.create', { ...person({ gender: '1' }), placement: { kind: 'new', buildingId: building('1号楼'), unit: '', room: '101' } });
    expect(!g.ok && g.issues?.map((i) => i.messageKey)).toContain('id.genderMismatch');
    const created = await ok(app, 'residents.create', { ...person(), placement: { kind: 'new', buildingId: building('1号楼'), unit: '', room: '101' } });
    expect((await ok(app, 'residents.get', { id: created.id })).birthDate).toBe('1949-12-31');
  });

  it('refuses a second resident with the same ID and names the existing one', async () => {
    const first = await ok(app, 'residents.create', { ...person(), placement: { kind: 'new', buildingId: building('1号楼'), unit: '1', room: '101' } });
    const again = await app.call('residents.create', { ...person({ name: '张三', idNumber: '11010519491231002x' }), placement: { kind: 'new', buildingId: building('1号楼'), unit: '1', room: '102' } });
    expect(again).toMatchObject({ ok: false, code: 'resident.duplicateId', params: { id: first.id, name: '张三丰' } });
    const count = app.ledger.db.prepare('SELECT count(*) AS n FROM residents').get() as { n: number };
    expect(count.n).toBe(1);
    expect(app.ledger.db.prepare('SELECT count(*) AS n FROM households').get()).toEqual({ n: 1 }); // the failed call left no household
  });

  it('keeps moved-out and deceased residents with their history', async () => {
    const r = await ok(app, 'residents.create', { ...person(), moveInDate: '2020-01-01', placement: { kind: 'new', buildingId: building('1号楼'), unit: '1', room: '101' } });
    expect(await app.call('residents.moveOut', { id: r.id, date: '2019-03-01', reason: '购房' })).toMatchObject({ ok: false, code: 'resident.beforeMoveIn' });
    await ok(app, 'residents.moveOut', { id: r.id, date: '2026-03-01', reason: '购房迁往海淀区' });
    const d = await ok(app, 'residents.get', { id: r.id });
    expect(d.status).toBe('moved_out');
    expect(d.events.map((e) => e.kind)).toEqual(['moved_out', 'moved_in']);
    expect((await ok(app, 'residents.search', { q: '张三丰' })).total).toBe(0);
    expect((await ok(app, 'residents.search', { q: '张三丰', status: 'all' })).total).toBe(1);
    const again = await app.call('residents.recordDeath', { id: r.id, date: '2026-04-01', reason: '病故' });
    expect(again).toMatchObject({ ok: false, code: 'resident.notActive' });
    const h = await ok(app, 'households.find', { q: '' });
    await ok(app, 'residents.moveBackIn', { id: r.id, date: '2026-05-01', reason: '回迁', relation: '02', placement: { kind: 'new', buildingId: building('2号楼'), unit: '1', room: '502' } });
    expect((await ok(app, 'residents.get', { id: r.id })).address).toBe('2号楼1单元502室');
    expect(h).toEqual([]);
  });

  it('moves a member to another household and changes the head', async () => {
    const a = await ok(app, 'residents.create', { ...person(), placement: { kind: 'new', buildingId: building('1号楼'), unit: '1', room: '101' } });
    const child = await ok(app, 'residents.create', { ...person({ name: '张小明', idNumber: validId('11010519800101001'), gender: '1', relation: '20' }), placement: { kind: 'existing', householdId: a.householdId } });
    const b = await ok(app, 'residents.create', { ...person({ name: '王芳', idNumber: validId('11010519820202002'), gender: '2' }), placement: { kind: 'new', buildingId: building('4号楼'), unit: '1', room: '201' } });
    const refused = await app.call('households.moveMember', { residentId: child.id, householdId: b.householdId, relation: '02' });
    expect(refused).toMatchObject({ ok: false, code: 'household.headExists' });
    await ok(app, 'households.moveMember', { residentId: child.id, householdId: b.householdId, relation: '10' });
    const moved = await ok(app, 'residents.get', { id: child.id });
    expect(moved.gridName).toBe('第二网格');
    expect(moved.events[0]!.kind).toBe('household_changed');
    await ok(app, 'households.setHead', { householdId: b.householdId, residentId: child.id });
    const card = await ok(app, 'households.card', { id: b.householdId });
    expect(card.headId).toBe(child.id);
    expect(card.members.find((m) => m.name === '王芳')!.relation).toBe('97');
  });

  it('lists households in address order, by grid and by a member found as the resident search finds people', async () => {
    const a = await ok(app, 'residents.create', { ...person(), placement: { kind: 'new', buildingId: building('4号楼'), unit: '1', room: '101' } });
    await ok(app, 'residents.create', { ...person({ name: '张小明', idNumber: validId('11010519800101001'), gender: '1', relation: '20' }), placement: { kind: 'existing', householdId: a.householdId } });
    const b = await ok(app, 'residents.create', { ...person({ name: '王芳', idNumber: validId('11010519820202002'), gender: '2' }), placement: { kind: 'new', buildingId: building('1号楼'), unit: '1', room: '201' } });
    const all = await ok(app, 'households.list', {});
    expect(all.total).toBe(2);
    expect(all.rows.map((h) => [h.id, h.headName, h.members, h.address])).toEqual([
      [b.householdId, '王芳', 1, '1号楼1单元201室'],
      [a.householdId, '张三丰', 2, '4号楼1单元101室'],
    ]);
    const second = (await ok(app, 'community.tree', {})).find((g) => g.name === '第二网格')!.id;
    expect((await ok(app, 'households.list', { gridId: second })).rows.map((h) => h.id)).toEqual([a.householdId]);
    expect((await ok(app, 'households.list', { q: 'zxm' })).rows.map((h) => h.id)).toEqual([a.householdId]); // a member's pinyin initials
    expect((await ok(app, 'households.list', { q: '李秀英' })).total).toBe(0);
  });

  it('renaming a building moves every address and the search with it; what was registered is never removed', async () => {
    const a = await ok(app, 'residents.create', { ...person(), placement: { kind: 'new', buildingId: building('1号楼'), unit: '1', room: '101' } });
    const renamed = building('1号楼');
    await ok(app, 'community.rename', { kind: 'building', id: renamed, name: '幸福楼', leader: '' });
    expect((await ok(app, 'residents.get', { id: a.id })).address).toBe('幸福楼1单元101室');
    expect((await ok(app, 'residents.search', { q: '幸福楼' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await ok(app, 'households.card', { id: a.householdId })).address).toContain('幸福楼');
    expect(await app.call('community.rename', { kind: 'building', id: building('2号楼'), name: '幸福楼', leader: '' })).toMatchObject({ ok: false, code: 'community.buildingNameTaken' });
    // A building where a household was registered stays (its people's history points at it); an empty one can go.
    expect(await app.call('community.remove', { kind: 'building', id: renamed })).toMatchObject({ ok: false, code: 'community.buildingHasHouseholds', params: { count: 1 } });
    await ok(app, 'community.remove', { kind: 'building', id: building('3号楼') });
    const after = await ok(app, 'community.tree', {});
    expect(after.flatMap((g) => g.buildings.map((b) => b.name))).not.toContain('3号楼');
    const first = after.find((g) => g.name === '第一网格')!.id;
    expect(await app.call('community.remove', { kind: 'grid', id: first })).toMatchObject({ ok: false, code: 'community.gridHasBuildings' });
    const empty = await ok(app, 'community.addGrid', { name: '第三网格', leader: '' });
    await ok(app, 'community.remove', { kind: 'grid', id: empty.id });
    await ok(app, 'community.setNames', { communityName: '幸福里社区', committeeName: '幸福里社区居民委员会' });
    expect((await ok(app, 'app.info', {})).committeeName).toBe('幸福里社区居民委员会');
  });

  it('updates a resident and records which fields changed', async () => {
    const r = await ok(app, 'residents.create', { ...person(), placement: { kind: 'new', buildingId: building('1号楼'), unit: '1', room: '101' } });
    await ok(app, 'residents.update', { id: r.id, ...person({ phone: '13900139000', tags: ['alone'] }) });
    const d = await ok(app, 'residents.get', { id: r.id });
    expect(d.phoneMasked).toBe('139****9000');
    expect(d.tags).toEqual(['alone']);
    expect(d.events[0]).toMatchObject({ kind: 'updated', detail: 'phone,tags' });
    expect((await ok(app, 'residents.search', { tags: ['alone'] })).rows.map((x) => x.id)).toEqual([r.id]);
  });
});
