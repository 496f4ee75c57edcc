import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Input, MethodName } from '../../shared/contract';
import { openRaw, openTempApp, setUpCommunity, sys as call } from '../support/ledger';
import { at } from '../support/clock';

/**
 * The rules of the party, visit and retention reminders, each on the day it should first show and the
 * day before (clock faked). Its own ledger, so that no other module's reminders are in the way.
 */
const app = openTempApp();
afterAll(() => app.close());
afterEach(() => vi.useRealTimers());
const sys = <M extends MethodName>(method: M, input: Input<M>) => call(app, method, input);
const on = async (day: string) => {
  at(day);
  return (await sys('reminders.list', {})).items;
};
const keysOn = async (day: string) => (await on(day)).map((r) => r.key);

let branchId = 0;
let buildingId = 0;
beforeAll(async () => {
  at('2020-06-01');
  const tree = await setUpCommunity(app);
  buildingId = tree[0]!.buildings[0]!.id;
  branchId = (await sys('party.saveBranch', { name: '幸福里社区党支部', kind: 'branch' })).id;
});

describe('retention: a record past its keeping time', () => {
  it('an adult who left is due five years later, a child who left one year later, not a day before', async () => {
    at('2020-06-01');
    const person = (name: string, birthDate: string, room: string) =>
      sys('residents.create', { name, idNumber: '', gender: '1', birthDate, relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId, unit: '1', room } } as never);
    const adult = await person('搬走的', '1970-01-01', '901');
    const child = await person('小孩子', '2012-01-01', '902');
    at('2020-06-30');
    await sys('residents.moveOut', { id: adult.id, date: '2020-06-30', reason: '购房迁出' });
    await sys('residents.moveOut', { id: child.id, date: '2020-06-30', reason: '随父母迁出' });
    const due = async (day: string) => (await on(day)).find((r) => r.kind === 'retention.due');
    expect(await due('2021-06-29')).toBeUndefined();
    expect(await due('2021-06-30')).toMatchObject({ params: { count: 1 }, due: '2021-06-30', link: 'retention' });
    expect((await due('2025-06-29'))?.params.count).toBe(1);
    expect(await due('2025-06-30')).toMatchObject({ params: { count: 2 }, due: '2021-06-30', overdue: true });
    // The page lists the same people the reminder counts.
    expect((await sys('retention.due', {})).rows.map((r) => r.minorWhenLeft).sort()).toEqual([false, true]);
  });
});

describe('the party', () => {
  it('a development step past its deadline: the talk is due a month after the application, overdue the day after', async () => {
    at('2026-10-05');
    const fileId = (await sys('party.openFile', { name: '赵志远', birthDate: '1995-01-01', branchId })).id;
    await sys('party.recordStep', { fileId, step: 1, date: '2026-10-05' });
    expect(await keysOn('2026-11-05')).not.toContain(`party.devOverdue:${fileId}:2`);
    expect(await keysOn('2026-11-06')).toContain(`party.devOverdue:${fileId}:2`);
  });

  it('a probationary member due for 转正: from thirty days before the probation year ends', async () => {
    // A file at step ⑯ (the branch meeting of step ⑮ on 2025-12-20): written as the steps would leave it.
    const db = openRaw(app.file);
    const fileId = Number(db.prepare("INSERT INTO party_files(name, birth_date, branch_id) VALUES ('钱多多', '1990-05-05', ?)").run(branchId).lastInsertRowid);
    const addStep = db.prepare('INSERT INTO party_steps(file_id, step, date) VALUES (?, ?, ?)');
    for (let step = 1; step <= 16; step++) addStep.run(fileId, step, step < 15 ? '2024-06-01' : '2025-12-20');
    db.close();
    expect(await keysOn('2026-11-19')).not.toContain(`party.probationDue:${fileId}`);
    const reminder = (await on('2026-11-20')).find((r) => r.key === `party.probationDue:${fileId}`);
    expect(reminder).toMatchObject({ due: '2026-12-20', overdue: false, params: { name: '钱多多', date: '2026-12-20' } });
  });

  it('dues in arrears: once a month of this year has passed unpaid, never for last year’s December in January', async () => {
    at('2026-01-10');
    const memberId = (await sys('party.saveMember', { name: '周红', branchId, category: 'full', joinDate: '2025-07-01', fullDate: '2026-07-01', duesKind: 'retired', duesBase: 3000 })).id;
    expect((await keysOn('2026-01-31')).filter((k) => k.startsWith('party.duesArrears:'))).toEqual([]);
    expect(await keysOn('2026-02-01')).toContain('party.duesArrears:2026-01');
    at('2026-02-03');
    await sys('party.payDues', { memberId, month: '2026-01', paid: 15, paidOn: '2026-02-03', collector: '组织委员' });
    expect((await keysOn('2026-02-28')).filter((k) => k.startsWith('party.duesArrears:'))).toEqual([]);
    const march = (await on('2026-03-01')).find((r) => r.kind === 'party.duesArrears');
    expect(march).toMatchObject({ key: 'party.duesArrears:2026-02', params: { count: 1, month: '2026-02' } });
  });
});

describe('visits', () => {
  it('a care-group household is due its next visit on the day the rule says, counted once per household', async () => {
    at('2026-10-01');
    const alone = await sys('residents.create', { name: '独居老人', idNumber: '', gender: '2', birthDate: '1940-01-01', relation: '02', residenceType: 'registered', tags: ['alone'], placement: { kind: 'new', buildingId, unit: '2', room: '101' } } as never);
    await sys('residents.create', { name: '同户残疾', idNumber: '', gender: '1', birthDate: '1941-01-01', relation: '10', residenceType: 'registered', tags: ['disabled'], placement: { kind: 'existing', householdId: alone.householdId } } as never);
    const visitsDue = async (day: string) => (await on(day)).find((r) => r.kind === 'visits.householdsDue');
    // Never visited: due now.
    expect(await visitsDue('2026-10-01')).toMatchObject({ params: { count: 1 }, due: '2026-10-01', link: 'visits/due' });
    await sys('visits.log', { date: '2026-10-01', kind: 'household', householdId: alone.householdId, visitors: '网格员王' });
    // 独居 every 7 days (the stricter of the two rules in the household).
    expect(await visitsDue('2026-10-07')).toBeUndefined();
    expect(await visitsDue('2026-10-08')).toMatchObject({ params: { count: 1 }, due: '2026-10-08' });
    // The person the stricter rule was for dies: the household falls back to the monthly rule.
    at('2026-10-08');
    await sys('residents.recordDeath', { id: alone.id, date: '2026-10-08', reason: '病故' });
    expect(await visitsDue('2026-10-30')).toBeUndefined();
    expect(await visitsDue('2026-10-31')).toMatchObject({ due: '2026-10-31' });
  });
});
