import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, openTempApp, setUpCommunity } from '../support/ledger';
import { newSession, type Session } from '../../main/core/session';

type TestApp = ReturnType<typeof openTempApp>;
let app: TestApp;
let buildingId: number;
beforeEach(async () => {
  app = openTempApp();
  buildingId = (await setUpCommunity(app))[0]!.buildings[0]!.id;
});
afterEach(() => app.close());

const rows = () =>
  (app.ledger.db.prepare("SELECT (SELECT count(*) FROM residents) + (SELECT count(*) FROM households) + (SELECT count(*) FROM audit_log) AS n").get() as { n: number }).n;
const good = () => ({ name: '张三丰', idNumber: '11010519491231002X', gender: '2', relation: '02', residenceType: 'registered', placement: { kind: 'new' as const, buildingId, unit: '1', room: '101' } });

describe('dispatch: the one door', () => {
  it('rejects malformed input with message keys and writes nothing', async () => {
    const before = rows();
    const bad: unknown[] = [
      null,
      'text',
      [],
      { ...good(), name: '' },
      { ...good(), name: 'x'.repeat(51) },
      { ...good(), idNumber: '110105194912310021' },
      { ...good(), gender: '7' },
      { ...good(), extra: 'field' },
      { ...good(), placement: { kind: 'new', buildingId: -1, room: '1' } },
      { ...good(), placement: { kind: 'teleport' } },
      { ...good(), tags: ['not-a-tag'] },
      { ...good(), phone: 'call me' },
      JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}'),
    ];
    for (const input of bad) {
      const r = await app.call('residents.create', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.messageKey).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
    expect(rows()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names each bad field with its own key', async () => {
    const r = await app.call('residents.create', { ...good(), idNumber: '1.10105E+17', phone: '123' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('invalidInput');
      expect(r.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'idNumber', messageKey: 'id.excelMangled' }), expect.objectContaining({ path: 'phone', messageKey: 'phone.invalid' })]));
    }
  });

  it('says the limit of a text that is too long, in the form and in the main process alike', async () => {
    const r = await app.call('residents.create', { ...good(), name: '张'.repeat(200) });
    expect(r.ok).toBe(false);
    const issue = !r.ok ? r.issues?.find((i) => i.path === 'name') : undefined;
    expect(issue).toMatchObject({ messageKey: 'validation.tooLongMax', params: { max: expect.any(Number) } });
    const { translate } = await import('../../shared/i18n/resources');
    expect(translate('zh-CN', `errors:${issue!.messageKey}`, issue!.params)).toMatch(/^内容太长了：最多 \d+ 个字/);
  });

  it('refuses unknown methods and calls without the permission, before anything runs', async () => {
    expect(await app.call('residents.dropAll', {})).toMatchObject({ ok: false, code: 'unknownMethod' });
    const visitor: Session = { ...newSession(), user: { id: 9, username: 'visitor', displayName: 'v', role: 'staff', mustChangePassword: false }, permissions: new Set(['residents.view']) };
    const before = rows();
    expect(await app.dispatch(visitor, 'residents.create', good())).toMatchObject({ ok: false, code: 'forbidden', params: { permission: 'residents.edit' } });
    // Nothing written but the trace of the refusal.
    expect(rows()).toBe(before + 1);
    expect(app.ledger.db.prepare('SELECT actor, action, method FROM audit_log ORDER BY id DESC LIMIT 1').get()).toEqual({ actor: 'visitor', action: 'refused', method: 'residents.create' });
    expect(await app.dispatch(newSession(), 'residents.search', {})).toMatchObject({ ok: false, code: 'authRequired' });
    expect((await app.dispatch(visitor, 'residents.search', {})).ok).toBe(true);
  });

  it('runs a write in one transaction: a failure half-way leaves nothing behind', async () => {
    await ok(app, 'residents.create', good());
    const before = rows();
    // The household is created first, then the duplicate ID is refused: the household must roll back.
    const r = await app.call('residents.create', { ...good(), placement: { kind: 'new' as const, buildingId, unit: '9', room: '909' } });
    expect(r).toMatchObject({ ok: false, code: 'resident.duplicateId' });
    expect(rows()).toBe(before);
  });

  it('writes one audit entry per successful write, naming the record', async () => {
    const created = await ok(app, 'residents.create', good());
    const audit = app.ledger.db.prepare('SELECT actor, action, method, record FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(audit).toEqual({ actor: 'system', action: 'write', method: 'residents.create', record: `resident:${created.id}` });
  });

  it('every output matches its contract schema', async () => {
    const { contract } = await import('../../shared/contract');
    const created = await ok(app, 'residents.create', good());
    const checks: [keyof typeof contract, unknown][] = [
      ['app.info', {}],
      ['community.tree', {}],
      ['residents.search', {}],
      ['residents.get', { id: created.id }],
      ['households.card', { id: created.householdId }],
      ['households.find', { q: '张' }],
      ['households.list', {}],
      ['residents.roster', {}],
    ];
    for (const [method, input] of checks) {
      const r = await app.call(method, input);
      expect(r.ok, method).toBe(true);
      if (r.ok) expect(contract[method].output.safeParse(r.value).success, method).toBe(true);
    }
  });
});
