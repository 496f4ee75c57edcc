import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, openTempApp, setUpCommunity } from '../support/ledger';
import { validId } from '../support/sheets';

type TestApp = ReturnType<typeof openTempApp>;
let app: TestApp;
let building = 0;
beforeEach(async () => {
  app = openTempApp();
  const tree = await setUpCommunity(app);
  building = tree[0]!.buildings[0]!.id;
});
afterEach(() => app.close());

async function resident(name: string, first17: string, room: string) {
  const idNumber = validId(first17);
  const gender = Number(idNumber[16]) % 2 ? '1' : '2';
  // Living here since long before: the history the retention rule looks back on.
  const r = await ok(app, 'residents.create', {
    name, idNumber, gender, relation: '02', residenceType: 'registered', moveInDate: '2001-01-01', placement: { kind: 'new', buildingId: building, unit: '1', room },
  });
  return { id: r.id, idNumber };
}

describe('retention and purge', () => {
  it('lists people past their period (minors sooner), purges only those, and keeps a log without their numbers', async () => {
    const oldMover = await resident('旧迁出', '11010519500101001', '101');
    const recentMover = await resident('新迁出', '11010519600101001', '102');
    const child = await resident('小孩子', '11010520150101002', '103');
    const stays = await resident('还在住', '11010519700101001', '104');
    await ok(app, 'residents.moveOut', { id: oldMover.id, date: '2015-03-01', reason: '搬走' });
    await ok(app, 'residents.moveOut', { id: recentMover.id, date: new Date().toISOString().slice(0, 10), reason: '搬走' });
    await ok(app, 'residents.moveOut', { id: child.id, date: '2024-06-01', reason: '随父母搬走' });

    expect(await ok(app, 'retention.rules', {})).toEqual({ leftYears: 5, minorLeftYears: 1, auditYears: 3 });
    const due = (await ok(app, 'retention.due', {})).rows;
    expect(due.map((r) => [r.name, r.minorWhenLeft, r.dueSince])).toEqual([
      ['旧迁出', false, '2020-03-01'],
      ['小孩子', true, '2025-06-01'],
    ]);
    expect(due[0]!.idNumber).not.toBe(oldMover.idNumber); // masked

    // Someone still living here, or not yet due, is never purged: nothing is, and it says why.
    expect(await app.call('retention.purge', { ids: [oldMover.id, stays.id], reason: '年度清理' })).toMatchObject({ ok: false, code: 'retention.notDue', params: { count: 1 } });
    expect(await app.call('retention.purge', { ids: [oldMover.id], reason: '' })).toMatchObject({ ok: false, code: 'invalidInput' });

    // The modules' records of the person stay, unlinked and with the surname only.
    const meal = (await ok(app, 'lists.categories', {})).find((c) => c.name === '助餐')!.id;
    const need = (await ok(app, 'lists.saveNeed', { forKind: 'community', beneficiary: '旧迁出', categoryId: meal, content: '送餐', raisedOn: '2014-01-01' })).id;
    app.ledger.db.prepare('UPDATE list_needs SET resident_id = ?, for_kind = ? WHERE id = ?').run(oldMover.id, 'resident', need);
    const problem = (await ok(app, 'problems.raise', { source: 'walkin', residentId: oldMover.id, category: '其他', content: '咨询', foundOn: '2014-01-01' })).id;

    expect(await ok(app, 'retention.purge', { ids: due.map((r) => r.id), reason: '2026年度到期清理' })).toEqual({ purged: 2 });
    expect(app.ledger.db.prepare('SELECT beneficiary, resident_id FROM list_needs WHERE id = ?').get(need)).toEqual({ beneficiary: '旧**', resident_id: null });
    expect(app.ledger.db.prepare('SELECT raiser, resident_id FROM problems WHERE id = ?').get(problem)).toEqual({ raiser: '旧**', resident_id: null });
    const db = app.ledger.db;
    expect(db.prepare('SELECT name FROM residents ORDER BY id').pluck().all()).toEqual(['新迁出', '还在住']);
    expect(db.prepare('SELECT count(*) FROM resident_events WHERE resident_id IN (?, ?)').pluck().get(oldMover.id, child.id)).toBe(0);
    expect((await ok(app, 'residents.search', { q: '旧迁出', status: 'all' })).total).toBe(0);
    const [entry] = await ok(app, 'retention.log', {});
    expect(entry).toMatchObject({ records: 2, reason: '2026年度到期清理', rule: 'left+minorLeft' });
    const refs = db.prepare('SELECT refs FROM purge_log').pluck().get() as string;
    expect(refs).not.toContain(oldMover.idNumber);
    expect(JSON.parse(refs)).toHaveLength(2);
    expect(db.prepare("SELECT detail FROM audit_log WHERE action = 'purge'").pluck().get()).toContain('2 residents');

    // A shorter period for minors applies at once; a longer one takes people off the list.
    await ok(app, 'retention.setRules', { leftYears: 50, minorLeftYears: 0 });
    expect((await ok(app, 'retention.due', {})).rows).toEqual([]);
  });
});
