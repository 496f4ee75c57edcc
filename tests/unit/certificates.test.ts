import path from 'node:path';
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abolishedMatch, ABOLISHED, certificateNumber, fillTemplate, unknownPlaceholders } from '../../shared/rules/certificates';
import { issue } from '../../main/modules/certificates/register';
import { newSession, type Session } from '../../main/core/session';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import type { CallFailure, Input, MethodName } from '../../shared/contract';
import { ok, openTempApp, openRaw, setUpCommunity, tempDir, TEST_KEY } from '../support/ledger';

const app = openTempApp();
afterAll(() => app.close());
let residentId = 0;
let item = { id: 0, checks: [] as string[] };

async function refused<M extends MethodName>(method: M, input: Input<M>): Promise<CallFailure> {
  const r = await app.call(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r;
}

beforeAll(async () => {
  const tree = await setUpCommunity(app);
  residentId = (
    await ok(app, 'residents.create', { name: '张三丰', idNumber: '11010519491231002X', gender: '2', relation: '02', residenceType: 'registered', moveInDate: '2015-03-01', placement: { kind: 'new', buildingId: tree[0]!.buildings[0]!.id, unit: '1', room: '101' } })
  ).id;
  item = (await ok(app, 'certs.items', {}))[0]!;
});

describe('the refusal list', () => {
  it('has the twenty kinds of the national list and catches what people say at the counter', () => {
    expect(ABOLISHED).toHaveLength(20);
    expect(abolishedMatch('开个无犯罪记录证明')?.key).toBe('criminal');
    expect(abolishedMatch('我要证明我和我妈的亲属关系')?.key).toBe('kinship');
    expect(abolishedMatch('单身证明')?.key).toBe('marital');
    expect(abolishedMatch('房产证明')?.key).toBe('property');
    expect(abolishedMatch('ＩＤ丢失 证件遗失')?.key).toBe('lost');
    expect(abolishedMatch('居住证明')).toBeUndefined();
  });

  it('refuses an abolished request, says who issues it instead, and registers the refusal', async () => {
    const r = await ok(app, 'certs.request', { requested: '无犯罪记录', residentId });
    expect(r).toMatchObject({ refused: true, name: '无犯罪记录证明', instead: '由公安机关出具' });
    const register = await ok(app, 'certs.register', { status: 'refused' });
    expect(register[0]).toMatchObject({ status: 'refused', personName: '张三丰', requested: '无犯罪记录', number: null });
    expect((await ok(app, 'certs.request', { requested: '居住证明' })).itemId).toBe(item.id);
    expect((await refused('certs.request', { requested: '学区房证明' })).messageKey).toBe('certs.notOnList');
    expect((await refused('certs.saveItem', { name: '无犯罪记录证明', basis: 'x', purposes: [], checks: [], needsApproval: true, fullId: true, template: 'x', active: true })).messageKey).toBe('certs.itemAbolished');
  });
});

describe('the refusal list on every path', () => {
  it('refuses a request naming an allowed matter and an abolished one, for the abolished part', async () => {
    const r = await ok(app, 'certs.request', { requested: '居住及收入证明', residentId });
    expect(r).toMatchObject({ refused: true, name: '财产证明' });
    const r2 = await ok(app, 'certs.request', { requested: '母女关系证明', residentId });
    expect(r2).toMatchObject({ refused: true, name: '亲属关系证明', instead: expect.stringContaining('户口簿') });
    expect((await ok(app, 'certs.register', { status: 'refused' })).map((c) => c.requested)).toEqual(expect.arrayContaining(['居住及收入证明', '母女关系证明']));
  });

  it('never lets an abolished kind onto the allowed list under another name, nor issues one put there before', async () => {
    const template = '兹证明{{姓名}}。';
    for (const name of ['结婚证明', '在世证明', '良民证明', '无工作证明']) {
      expect((await refused('certs.saveItem', { name, basis: 'x', purposes: [], checks: [], needsApproval: false, fullId: false, template, active: true })).messageKey, name).toBe('certs.itemAbolished');
    }
    // Renaming an allowed item to an abolished kind is refused the same way.
    const { id } = await ok(app, 'certs.saveItem', { name: '社区志愿服务证明', basis: '本社区', purposes: [], checks: [], needsApproval: false, fullId: false, template, active: true });
    expect((await refused('certs.saveItem', { id, name: '社区志愿服务及婚姻状况证明', basis: '本社区', purposes: [], checks: [], needsApproval: false, fullId: false, template, active: true })).messageKey).toBe('certs.itemAbolished');
    // An item a ledger already had from before the rule knew it: no draft, no number.
    app.ledger.db.prepare("UPDATE cert_items SET name = '户口证明' WHERE id = ?").run(id);
    expect((await refused('certs.draft', { itemId: id, residentId, purpose: '办事', checks: [] })).messageKey).toBe('certs.itemAbolished');
  });

  it('takes the province’s own kinds with their basis and office, and more words for any kind; the national ones stay', async () => {
    const { key } = await ok(app, 'certs.saveRefusal', { name: '低保证明', basis: '某省民政厅〔2021〕号', instead: '由街道社会救助窗口受理', words: ['最低生活保障', '低保户'] });
    expect(await ok(app, 'certs.request', { requested: '开个低保户证明', residentId })).toMatchObject({ refused: true, name: '低保证明', instead: '由街道社会救助窗口受理' });
    await ok(app, 'certs.saveRefusal', { key: 'dog', name: 'ignored', basis: 'ignored', instead: 'ignored', words: ['养猫'] });
    const kinds = await ok(app, 'certs.refusals', {});
    expect(kinds.find((k) => k.key === 'dog')).toMatchObject({ name: '养犬证明', localWords: ['养猫'], shipped: true });
    expect(await ok(app, 'certs.request', { requested: '养猫证明', residentId })).toMatchObject({ refused: true, name: '养犬证明' });
    expect((await refused('certs.removeRefusal', { key: 'dog' })).messageKey).toBe('certs.refusalShipped');
    expect((await refused('certs.saveRefusal', { name: '困难家庭证明', basis: 'x', instead: 'y', words: ['低保户'] })).messageKey).toBe('certs.wordTaken');
    await ok(app, 'certs.removeRefusal', { key });
    expect((await refused('certs.request', { requested: '开个低保户证明' })).messageKey).toBe('certs.notOnList');
  });
});

describe('a residence certificate states only what is true', () => {
  it('asks for the move-in date when the ledger never had one, and writes dates the Chinese way', async () => {
    const tree = await ok(app, 'community.tree', {});
    const { id: newcomer } = await ok(app, 'residents.create', { name: '孙新来', idNumber: '110105198808080015', gender: '1', relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId: tree[0]!.buildings[1]!.id, unit: '1', room: '201' } });
    const r = await refused('certs.draft', { itemId: item.id, residentId: newcomer, purpose: '办理居住证', checks: item.checks });
    expect(r).toMatchObject({ messageKey: 'certs.sinceNeeded', params: { name: '孙新来' } });
    const { id } = await ok(app, 'certs.draft', { itemId: item.id, residentId: newcomer, purpose: '办理居住证', checks: item.checks, livingSince: '2019-10-08' });
    expect((await ok(app, 'certs.get', { id })).body).toContain('自2019年10月8日起居住在本社区');
  });
});

describe('templates', () => {
  it('fills fields once: a name that looks like markup or a placeholder prints as itself', () => {
    expect(fillTemplate('兹证明{{姓名}}用于{{用途}}。', { 姓名: '{{用途}}<b>王</b>', 用途: '入学' })).toBe('兹证明{{用途}}<b>王</b>用于入学。');
    expect(fillTemplate('{{ 姓名 }} {{未知}}', { 姓名: '李四' })).toBe('李四 {{未知}}');
    expect(unknownPlaceholders('{{姓名}}{{constructor}}{{住址}}')).toEqual(['constructor']);
  });

  it('refuses a template with fields that do not exist', async () => {
    expect((await refused('certs.saveItem', { name: '在读证明', basis: 'x', purposes: [], checks: [], needsApproval: false, fullId: false, template: '{{学校}}', active: true })).messageKey).toBe('certs.unknownPlaceholder');
  });
});

describe('issuing', () => {
  it('drafts from the ledger, wants every check and the approval, numbers, voids and reissues', async () => {
    expect((await refused('certs.draft', { itemId: item.id, residentId, purpose: '办理居住证', checks: item.checks.slice(1) })).messageKey).toBe('certs.checksMissing');
    const { id } = await ok(app, 'certs.draft', { itemId: item.id, residentId, purpose: '办理居住证', checks: item.checks });
    const draft = await ok(app, 'certs.get', { id });
    expect(draft.body).toContain('兹证明张三丰（性别：女，公民身份号码：11010519491231002X）自2015年3月1日起居住在本社区');
    expect(draft.body).toContain('此证明仅用于办理居住证');
    expect(draft.number).toBeNull();
    expect((await refused('certs.issue', { id })).messageKey).toBe('certs.needsApproval');
    await ok(app, 'certs.approve', { id });
    const year = new Date().getFullYear();
    const first = await ok(app, 'certs.issue', { id });
    expect(first.number).toMatch(new RegExp(`^〔${year}〕第\\d{4}号$`));
    expect((await refused('certs.issue', { id })).messageKey).toBe('certs.alreadyIssued');
    expect(await ok(app, 'certs.verify', { number: first.number, code: first.verifyCode.toLowerCase() })).toMatchObject({ genuine: true });
    expect((await ok(app, 'certs.verify', { number: first.number, code: 'ABCDEFGH' })).genuine).toBe(false);

    // Someone alters the stored text behind the app's back: the code no longer matches.
    const raw = openRaw(app.file);
    raw.prepare("UPDATE certificates SET body = replace(body, '张三丰', '张三') WHERE id = ?").run(id);
    expect((await ok(app, 'certs.verify', { number: first.number, code: first.verifyCode })).genuine).toBe(false);
    raw.prepare("UPDATE certificates SET body = replace(body, '张三', '张三丰') WHERE id = ?").run(id);
    raw.close();

    expect((await refused('certs.draft', { itemId: item.id, residentId, purpose: 'x', checks: item.checks, reissueOf: id })).messageKey).toBe('certs.reissueNotVoid');
    await ok(app, 'certs.void', { id, reason: '用途写错' });
    const again = await ok(app, 'certs.draft', { itemId: item.id, residentId, purpose: '子女入学', checks: item.checks, reissueOf: id });
    await ok(app, 'certs.approve', { id: again.id });
    const second = await ok(app, 'certs.issue', { id: again.id });
    expect(second.number).not.toBe(first.number);
    const voided = await ok(app, 'certs.get', { id });
    expect(voided).toMatchObject({ status: 'void', voidReason: '用途写错', reissuedAs: second.number });
    expect(await ok(app, 'certs.get', { id: again.id })).toMatchObject({ reissueOfNumber: first.number });
    expect((await ok(app, 'certs.verify', { number: first.number, code: first.verifyCode })).genuine).toBe(false);
    const stats = await ok(app, 'certs.stats', { year });
    expect(stats.find((s) => s.itemName === '居住证明')!.total).toBeGreaterThanOrEqual(2);
  });

  it('lets staff draft and issue, but only an approver approve', async () => {
    const staff: Session = { ...newSession(), user: { id: 2, username: 'zhang', displayName: '张社工', role: 'staff', mustChangePassword: false }, permissions: new Set(DEFAULT_PERMISSIONS.staff) };
    const drafted = await app.dispatch(staff, 'certs.draft', { itemId: item.id, residentId, purpose: '办理居住证', checks: item.checks });
    expect(drafted.ok).toBe(true);
    const id = (drafted as { value: { id: number } }).value.id;
    expect(await app.dispatch(staff, 'certs.approve', { id })).toMatchObject({ ok: false });
    expect(await app.dispatch(staff, 'certs.issue', { id })).toMatchObject({ ok: false, messageKey: 'certs.needsApproval' });
    await ok(app, 'certs.approve', { id });
    expect(await app.dispatch(staff, 'certs.issue', { id })).toMatchObject({ ok: true });
    expect(await ok(app, 'certs.get', { id })).toMatchObject({ handler: '张社工', status: 'issued' });
  });

  it('restarts the sequence each year', async () => {
    const draftFor = async () => {
      const { id } = await ok(app, 'certs.draft', { itemId: item.id, residentId, purpose: '办理居住证', checks: item.checks });
      await ok(app, 'certs.approve', { id });
      return id;
    };
    const a = await draftFor();
    const b = await draftFor();
    const db = app.ledger.db;
    const n2030 = db.transaction(() => issue(db, a, 'test', '2030-12-31'))();
    const n2031 = db.transaction(() => issue(db, b, 'test', '2031-01-01'))();
    expect([n2030.number, n2031.number]).toEqual([certificateNumber(2030, 1), certificateNumber(2031, 1)]);
  });

  it('two desks issuing at the same moment, in two processes, never share or skip a number', async () => {
    const desk = path.join(tempDir('linli-desk-'), 'desk.cjs');
    buildSync({ entryPoints: [path.join(__dirname, '../support/certDesk.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile: desk, logLevel: 'error' });
    const dir = tempDir();
    const file = path.join(dir, 'ledger.db');
    const shared = (await import('../../main/app')).openApp(file, 'cli', { key: TEST_KEY });
    await ok(shared, 'community.setup', { streetName: '街道', communityName: '社区', grids: [{ name: '第一网格', buildings: ['1号楼'] }] });
    const tree = await ok(shared, 'community.tree', {});
    const person = (await ok(shared, 'residents.create', { name: '李四', idNumber: '11010519491231002X', gender: '2', relation: '02', residenceType: 'registered', moveInDate: '2015-03-01', placement: { kind: 'new', buildingId: tree[0]!.buildings[0]!.id, unit: '1', room: '101' } })).id;
    shared.close();
    const run = () =>
      new Promise<string[]>((resolve, reject) => {
        const p = spawn(process.execPath, [desk, file, TEST_KEY.toString('hex'), String(person), '40'], { env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') } });
        let out = '';
        let err = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.stderr.on('data', (d: Buffer) => (err += d.toString()));
        p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(err))));
      });
    const [one, two] = await Promise.all([run(), run()]);
    const all = [...one, ...two];
    expect(new Set(all).size).toBe(80);
    const serials = all.map((n) => Number(/第(\d+)号/.exec(n)![1])).sort((x, y) => x - y);
    expect(serials).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
  });
});
