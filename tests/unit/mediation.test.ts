import { translate } from '../../shared/i18n/resources';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession, type Session } from '../../main/core/session';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import { todayIso } from '../../shared/rules/idNumber';
import { addDays } from '../../shared/rules/mediation';
import type { CallFailure, Input, MethodName, Output } from '../../shared/contract';
import ExcelJS from 'exceljs';
import { ok, openRaw, openTempApp, setUpCommunity } from '../support/ledger';

const app = openTempApp();
afterAll(() => app.close());
const TODAY = todayIso();
const ago = (days: number) => addDays(TODAY, -days);

/** A signed-in mediator: only `mediation.work`, and the user id the assignment names. */
function mediator(id: number, name: string) {
  const session: Session = { ...newSession(), user: { id, username: name, displayName: name, role: 'mediator', mustChangePassword: false }, permissions: new Set(DEFAULT_PERMISSIONS.mediator) };
  return async <M extends MethodName>(method: M, input: Input<M>) => app.dispatch(session, method, input);
}

async function refused<M extends MethodName>(method: M, input: Input<M>): Promise<CallFailure> {
  const r = await app.call(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r;
}

let li = 0;
let wang = 0;
let neighbours: { a: number; b: number } = { a: 0, b: 0 };

beforeAll(async () => {
  const tree = await setUpCommunity(app);
  // Accounts need the key slots the administrator's creation writes.
  const first = await app.dispatch(newSession(), 'auth.createAdmin', { username: 'admin', displayName: '管理员', password: 'admin-pass-2026' });
  if (!first.ok) throw new Error(first.messageKey);
  await ok(app, 'users.create', { username: 'li', displayName: '李调解', role: 'mediator', password: 'temporary-2026' });
  await ok(app, 'users.create', { username: 'wang', displayName: '王调解', role: 'mediator', password: 'temporary-2026' });
  const users = await ok(app, 'users.list', {});
  li = users.find((u) => u.username === 'li')!.id;
  wang = users.find((u) => u.username === 'wang')!.id;
  const b = tree[0]!.buildings[0]!.id;
  const a = (await ok(app, 'residents.create', { name: '赵大', idNumber: '11010519491231002X', gender: '2', relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId: b, unit: '1', room: '101' } })).id;
  const c = (await ok(app, 'residents.create', { name: '钱二', idNumber: '', gender: '1', birthDate: '1970-01-01', relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId: b, unit: '1', room: '201' } })).id;
  // 王调解 lives in the same building as both parties.
  await ok(app, 'residents.create', { name: '王调解', idNumber: '', gender: '1', birthDate: '1965-01-01', relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId: b, unit: '2', room: '301' } });
  neighbours = { a, b: c };
});

const parties = () => [
  { role: 'applicant' as const, residentId: neighbours.a, name: '赵大', identityChecked: true },
  { role: 'respondent' as const, residentId: neighbours.b, name: '钱二', identityChecked: true },
];

// A story in steps, from intake to the archive (each picks up the case where the one before left it): kept in order when the suite is shuffled.
describe('a neighbour dispute from intake to the archive', { shuffle: false }, () => {
  let id = 0;
  it('opens with consent, numbers the case, and warns of a mediator living by the parties', async () => {
    expect((await refused('mediation.open', { disputeType: '邻里', source: 'application', facts: '楼上漏水', consent: false as never, acceptedOn: ago(40), parties: parties(), mediatorIds: [li] })).issues?.[0]?.messageKey).toBe('mediation.consentNeeded');
    expect((await refused('mediation.open', { disputeType: '邻里', source: 'application', facts: '楼上漏水', consent: true, acceptedOn: ago(40), parties: parties().map((p) => ({ ...p, role: 'applicant' as const })), mediatorIds: [li] })).messageKey).toBe('mediation.bothSides');
    const opened = await ok(app, 'mediation.open', { disputeType: '邻里', source: 'application', facts: '楼上卫生间漏水，楼下天花板受损', requests: '1. 修复防水\n2. 赔偿损失', consent: true, acceptedOn: ago(40), parties: parties(), mediatorIds: [li, wang] });
    id = opened.id;
    expect(opened.number).toBe(`（${ago(40).slice(0, 4)}）幸人调字第1号`);
    const c = await ok(app, 'mediation.get', { id });
    expect(c).toMatchObject({ state: 'accepted', overdue: true, next: ['mediating', 'failed'] });
    expect(c.conflicts).toEqual([
      { mediator: '王调解', party: '赵大', reason: 'building' },
      { mediator: '王调解', party: '钱二', reason: 'building' },
    ]);
  });

  it('shows a case only to its mediators and the head', async () => {
    const asLi = mediator(li, '李调解');
    expect((await asLi('mediation.get', { id })).ok).toBe(true);
    expect((await asLi('mediation.cases', { open: false })) as { ok: true; value: Output<'mediation.cases'> }).toMatchObject({ ok: true, value: [{ id }] });
    const other = (await ok(app, 'mediation.open', { disputeType: '物业', source: 'initiative', facts: '停车纠纷', consent: true, acceptedOn: ago(2), parties: parties(), mediatorIds: [wang] })).id;
    expect(await asLi('mediation.get', { id: other })).toMatchObject({ ok: false, messageKey: 'mediation.notYours' });
    expect(((await asLi('mediation.cases', { open: false })) as { value: { id: number }[] }).value.map((c) => c.id)).toEqual([id]);
    expect((await asLi('mediation.stats', { from: ago(100), to: TODAY })).ok).toBe(false);
  });

  it('refuses a jump the procedure does not allow, and the archive while the file lacks an item', async () => {
    expect((await refused('mediation.conclude', { id, outcome: 'written', date: ago(35), agreementTerms: '修复' })).messageKey).toBe('mediation.illegalMove');
    await ok(app, 'mediation.addSession', { id, date: ago(39), place: '调解室', participants: '李调解、赵大、钱二', statements: '赵大：……；钱二：……' });
    await ok(app, 'mediation.addSession', { id, date: ago(33), place: '调解室', participants: '李调解、赵大、钱二', statements: '双方同意修复', result: '达成协议' });
    const agreed = await ok(app, 'mediation.conclude', { id, outcome: 'written', date: ago(32), agreementFacts: '漏水致损', agreementTerms: '1. 钱二于十日内修复防水层\n2. 赔偿赵大 1200 元', performanceTerms: '现金，十日内', money: 1200, preventCriminal: 2 });
    expect(agreed.agreementNumber).toBe(`（${ago(32).slice(0, 4)}）幸人调协字第1号`);
    const c = await ok(app, 'mediation.get', { id });
    expect(c).toMatchObject({ state: 'agreed', judicialDeadline: addDays(ago(32), 30), overdue: false, moneyFen: 120000 });
    expect(c.missing).toEqual(['rightsNotice']);
    expect((await refused('mediation.archive', { id, date: TODAY, clerk: '李调解' })).messageKey).toBe('mediation.illegalMove');
    await ok(app, 'mediation.followUp', { id, date: ago(2), performed: '已修复，已赔偿', satisfaction: '满意', status: 'performed' });
    expect((await refused('mediation.archive', { id, date: TODAY, clerk: '李调解' })).messageKey).toBe('mediation.fileIncomplete');
    await ok(app, 'mediation.rightsNotice', { id, date: ago(40) });
    await ok(app, 'mediation.archive', { id, date: TODAY, clerk: '李调解' });
    const done = await ok(app, 'mediation.get', { id });
    expect(done.events.map((e) => e.to)).toEqual(['accepted', 'mediating', 'agreed', 'followedUp', 'performed', 'archived']);
    expect(done.next).toEqual([]);
  });

  it('a failed mediation records the routes told', async () => {
    const fid = (await ok(app, 'mediation.open', { disputeType: '婚姻家庭', source: 'application', facts: '抚养费', consent: true, acceptedOn: ago(5), parties: parties(), mediatorIds: [li] })).id;
    expect((await refused('mediation.conclude', { id: fid, outcome: 'failed', date: ago(1), routesTold: [] })).messageKey).toBe('mediation.routesNeeded');
    await ok(app, 'mediation.conclude', { id: fid, outcome: 'failed', date: ago(1), routesTold: ['court', 'arbitration'], failureReason: '被申请人拒绝调解' });
    expect(await ok(app, 'mediation.get', { id: fid })).toMatchObject({ state: 'failed', routesTold: ['court', 'arbitration'], judicialDeadline: null });
    const stats = await ok(app, 'mediation.stats', { from: ago(100), to: TODAY });
    expect(stats).toMatchObject({ accepted: 3, succeeded: 1, rate: 33.3, moneyFen: 120000, preventCriminalCases: 1, preventCriminalPersons: 2 });
  });

  it('keeps documents inside the ledger with their hash, and notices one changed behind its back', async () => {
    const cid = (await ok(app, 'mediation.cases', {}))[0]!.id;
    const content = Buffer.from('现场照片（示意）');
    const { attachmentId, sha256 } = await ok(app, 'mediation.attach', { id: cid, kind: 'evidence', fileName: '现场.jpg', base64: content.toString('base64'), note: '漏水处' });
    expect(sha256).toHaveLength(64);
    expect(await ok(app, 'mediation.attachments', { id: cid })).toMatchObject([{ id: attachmentId, kind: 'evidence', name: '现场.jpg', size: content.length, note: '漏水处' }]);
    expect(Buffer.from((await ok(app, 'mediation.attachment', { attachmentId })).base64, 'base64').equals(content)).toBe(true);
    const raw = openRaw(app.file);
    raw.prepare("UPDATE mediation_attachments SET data = X'00' WHERE id = ?").run(attachmentId);
    raw.close();
    expect((await refused('mediation.attachment', { attachmentId })).messageKey).toBe('mediation.fileDamaged');
    const tooBig = Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64');
    const big = await refused('mediation.attach', { id: cid, kind: 'evidence', fileName: 'x.bin', base64: tooBig });
    expect(big.issues?.[0]?.messageKey ?? big.messageKey).toBe('mediation.fileTooLarge');
  });

  it('takes the head\'s settings for numbers, follow-ups and retention, and exports the figures', async () => {
    const s = await ok(app, 'mediation.settings', {});
    expect(s).toMatchObject({ followUpMonths: 1, shortName: '幸' });
    await ok(app, 'mediation.setSettings', { ...s, shortName: '福', followUpMonths: 2, retentionYears: { ...s.retentionYears, 邻里: 30 } });
    const opened = await ok(app, 'mediation.open', { disputeType: '邻里', source: 'application', facts: '噪音', consent: true, acceptedOn: TODAY, parties: parties(), mediatorIds: [li] });
    expect(opened.number).toMatch(/福人调字/);
    expect((await ok(app, 'mediation.settings', {})).retentionYears['邻里']).toBe(30);
    const file = await ok(app, 'mediation.exportStats', { from: ago(100), to: TODAY });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('受理 4 件，调解成功 1 件');
    expect(text).toContain('邻里');
  });

  it('never reuses a case number', async () => {
    const raw = openRaw(app.file, { readonly: true });
    const numbers = raw.prepare('SELECT number FROM mediation_cases ORDER BY id').pluck().all() as string[];
    raw.close();
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe('a case whose parties were not identified at intake', () => {
  it('names what the file lacks, and lets an identity be confirmed against its paper at any time before archiving', async () => {
    // Opened with nobody's identity checked yet (as every case turned over from a problem starts).
    const unchecked = parties().map((p) => ({ ...p, identityChecked: false }));
    const cid = (await ok(app, 'mediation.open', { disputeType: '邻里纠纷', source: 'application', facts: '噪音', consent: true, acceptedOn: ago(20), parties: unchecked, mediatorIds: [li] })).id;
    await ok(app, 'mediation.addSession', { id: cid, date: ago(15), place: '调解室', participants: '李调解', statements: '双方同意' });
    await ok(app, 'mediation.conclude', { id: cid, outcome: 'oral', date: ago(14), agreementTerms: '晚十点后不放音乐' });
    await ok(app, 'mediation.followUp', { id: cid, date: ago(2), performed: '已履行', satisfaction: '满意', status: 'performed' });
    const lacking = await refused('mediation.archive', { id: cid, date: TODAY, clerk: '李调解' });
    expect(lacking).toMatchObject({ messageKey: 'mediation.fileIncomplete', params: { count: 2, items: '@mediation:file.rightsNotice|@mediation:file.identity' } });
    expect(translate('zh-CN', `errors:${lacking.messageKey}`, lacking.params)).toContain('权利义务告知书、当事人身份证明');
    const c = await ok(app, 'mediation.get', { id: cid });
    // No paper, no confirmation.
    expect((await refused('mediation.confirmIdentity', { id: cid, partyId: c.partyList[0]!.id, attachmentId: 999 })).messageKey).toBe('mediation.identityPaperNeeded');
    for (const p of c.partyList) {
      const { attachmentId } = await ok(app, 'mediation.attach', { id: cid, kind: 'identity', fileName: `${p.name}-身份证.jpg`, base64: Buffer.from(`身份证 ${p.name}`).toString('base64'), note: '' });
      await ok(app, 'mediation.confirmIdentity', { id: cid, partyId: p.id, attachmentId });
    }
    await ok(app, 'mediation.rightsNotice', { id: cid, date: ago(20) });
    expect((await ok(app, 'mediation.get', { id: cid })).missing).toEqual([]);
    await ok(app, 'mediation.archive', { id: cid, date: TODAY, clerk: '李调解' });
    expect((await refused('mediation.confirmIdentity', { id: cid, partyId: c.partyList[0]!.id, attachmentId: 1 })).messageKey).toBe('mediation.archivedAlready');
  });
});
