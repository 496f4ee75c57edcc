import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, openTempApp, setUpCommunity } from '../support/ledger';
import { todayIso } from '../../shared/rules/idNumber';

/** Issue 21's record rules through the real dispatch: what the desk would have met. */
const app = openTempApp();
afterAll(() => app.close());
let buildingId = 0;
beforeAll(async () => {
  buildingId = (await setUpCommunity(app))[0]!.buildings[0]!.id;
});
const refusal = async (method: string, input: unknown) => {
  const r = await app.call(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r;
};
const tomorrow = () => {
  const d = new Date(`${todayIso()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describe('residents', () => {
  it('refuses a birth date in the future when there is no ID number to take it from', async () => {
    const r = await refusal('residents.create', { name: '未来人', idNumber: '', gender: '1', birthDate: tomorrow(), relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId, unit: '1', room: '901' } });
    expect(r.issues?.map((i) => i.messageKey)).toContain('id.futureDate');
  });

  it('keeps the ID number’s gender when the form said 未知 or 未说明', async () => {
    for (const [gender, idNumber, room] of [['0', '110105198808080015', '902'], ['9', '110105199001010029', '903']] as const) {
      const { id } = await ok(app, 'residents.create', { name: `性别${gender}`, idNumber, gender, relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId, unit: '1', room } });
      expect((await ok(app, 'residents.get', { id })).gender).toBe(Number(idNumber[16]) % 2 ? '1' : '2');
    }
  });
});

describe('party members who are not residents', () => {
  it('edit and save with the masked ID they were shown, which means unchanged; a new one needs the real number', async () => {
    const branchId = (await ok(app, 'party.saveBranch', { name: '流动党员支部', kind: 'branch' })).id;
    const { id } = await ok(app, 'party.saveMember', { name: '外来党员', idNumber: '110105198808080015', gender: '0', branchId, category: 'full', joinDate: '2010-07-01', fullDate: '2011-07-01' });
    const shown = await ok(app, 'party.member', { id });
    expect(shown.member.idNumber).toBe('110105********0015');
    expect(shown.member.gender).toBe('1');
    await ok(app, 'party.saveMember', { ...shown.member, note: '已核对' });
    expect(app.ledger.db.prepare('SELECT id_number, note FROM party_members WHERE id = ?').get(id)).toEqual({ id_number: '110105198808080015', note: '已核对' });
    const { id: _id, ...fresh } = shown.member;
    expect((await refusal('party.saveMember', { ...fresh, name: '另一人' })).messageKey).toBe('id.maskedNew');
  });
});
