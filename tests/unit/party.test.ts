import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession, type Session } from '../../main/core/session';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import type { Role } from '../../shared/rules/roles';
import { todayIso } from '../../shared/rules/idNumber';
import { addMonths } from '../../shared/rules/party';
import type { CallFailure, Input, MethodName } from '../../shared/contract';
import ExcelJS from 'exceljs';
import { ok, openTempApp, openRaw, setUpCommunity } from '../support/ledger';
import { validId } from '../support/sheets';

const app = openTempApp();
afterAll(() => app.close());

const as = (role: Role) => (method: MethodName, input: unknown) => {
  const session: Session = { ...newSession(), user: { id: 1, username: role, displayName: role, role, mustChangePassword: false }, permissions: new Set(DEFAULT_PERMISSIONS[role]) };
  return app.dispatch(session, method, input);
};
const secretary = as('secretary');
const staff = as('staff');

async function refused<M extends MethodName>(method: M, input: Input<M>): Promise<CallFailure> {
  const r = await app.call(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r;
}

let branchId = 0;
let residentId = 0;
const TODAY = todayIso();
/** A date `months` before today: the procedure below happened in the past. */
const ago = (months: number) => addMonths(TODAY, -months);

beforeAll(async () => {
  await setUpCommunity(app);
  branchId = (await ok(app, 'party.saveBranch', { name: '幸福里社区党支部', kind: 'branch', secretary: '王书记' })).id;
  // Nine full members in good standing vote at the branch meeting.
  for (let i = 0; i < 9; i++) {
    await ok(app, 'party.saveMember', { name: `党员${i + 1}`, branchId, category: 'full', joinDate: '2000-07-01', fullDate: '2001-07-01', duesKind: 'employed', duesBase: 5400 });
  }
  const tree = await ok(app, 'community.tree', {});
  residentId = (
    await ok(app, 'residents.create', { name: '李小红', idNumber: '110105199801010027', gender: '2', relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId: tree[0]!.buildings[0]!.id, unit: '1', room: '101' } })
  ).id;
});

describe('party work through the one choke point', () => {
  it('belongs to the secretary and the administrator, not to the resident staff', async () => {
    expect((await secretary('party.branches', {})).ok).toBe(true);
    const r = await staff('party.branches', {});
    expect(r.ok).toBe(false);
    expect((await staff('party.saveMember', { name: 'x', branchId, category: 'full' })).ok).toBe(false);
  });

  it('links a member to a resident instead of copying them, and never twice', async () => {
    const id = (await ok(app, 'party.saveMember', { residentId, branchId, category: 'full', joinDate: '2019-07-01', fullDate: '2020-07-01' })).id;
    const m = await ok(app, 'party.member', { id });
    expect(m.row).toMatchObject({ name: '李小红', gender: '2', birthDate: '1998-01-01', idMasked: '110105********0027' });
    const raw = openRaw(app.file, { readonly: true });
    expect(raw.prepare('SELECT name, id_number FROM party_members WHERE id = ?').get(id)).toEqual({ name: '', id_number: null });
    raw.close();
    expect((await refused('party.saveMember', { residentId, branchId, category: 'full', joinDate: '2019-07-01' })).messageKey).toBe('party.alreadyMember');
    await ok(app, 'party.changeStatus', { id, status: 'transferred_out', date: TODAY, organisation: '朝阳区某街道党工委' });
    const after = await ok(app, 'party.member', { id });
    expect(after.row.status).toBe('transferred_out');
    expect(after.events.at(-1)).toMatchObject({ kind: 'status', detail: { from: 'normal', to: 'transferred_out', organisation: '朝阳区某街道党工委' } });
    expect((await refused('party.changeStatus', { id, status: 'mobile', date: TODAY })).messageKey).toBe('party.certificateNeeded');
  });

  it('takes an applicant from application to full member, refusing what the rules forbid', async () => {
    const fileId = (await ok(app, 'party.openFile', { name: '赵志远', idNumber: '110105199503010010', branchId })).id;
    const step = (step: number, date: string, extra: Record<string, unknown> = {}) => app.call('party.recordStep', { fileId, step, date, ...extra } as never);
    const steps: [number, string, Record<string, unknown>?][] = [
      [1, ago(40)],
      [2, ago(40)],
      [3, ago(38)],
      [4, ago(38)],
      [5, ago(38), { people: ['王芳', '李强'] }],
      [6, ago(32)],
    ];
    for (const [n, d, extra] of steps) expect((await step(n, d, extra)).ok, `step ${n}`).toBe(true);
    // A year as activist has not passed a month before the anniversary.
    const early = await step(7, ago(27));
    expect(early).toMatchObject({ ok: false, messageKey: 'party.rule.activistYear', params: { date: ago(26) } });
    expect((await step(8, ago(25))).ok === false && (await step(8, ago(25)))).toMatchObject({ messageKey: 'party.rule.order' });
    for (const [n, d, extra] of [
      [7, ago(25)],
      [8, ago(25)],
      [9, ago(25), { people: ['党员1', '党员2'] }],
      [10, ago(24)],
      [11, ago(24), { trainingHours: 24 }],
      [12, ago(23)],
      [13, ago(23)],
      [14, ago(23)],
    ] as [number, string, Record<string, unknown>?][])
      expect((await step(n, d, extra)).ok, `step ${n}`).toBe(true);
    // Nine entitled: four present is no quorum; five present and five in favour carries.
    expect(await step(15, ago(22), { present: 4, inFavour: 4 })).toMatchObject({ ok: false, messageKey: 'party.rule.noQuorum', params: { entitled: 9, needed: 5 } });
    const vote = await step(15, ago(22), { present: 8, inFavour: 8 });
    expect(vote.ok).toBe(true);
    const memberId = (vote as { value: { memberId: number } }).value.memberId;
    const probationary = await ok(app, 'party.member', { id: memberId });
    expect(probationary.row).toMatchObject({ name: '赵志远', category: 'probationary', joinDate: ago(22) });
    expect(probationary.member.introducers).toBe('党员1、党员2');

    expect((await step(16, ago(21))).ok).toBe(true);
    expect(await step(17, addMonths(ago(22), 7))).toMatchObject({ ok: false, messageKey: 'party.rule.approvalTooLate' });
    for (const [n, d] of [
      [17, ago(20)],
      [18, ago(20)],
      [19, ago(20)],
      [20, ago(20)],
      [21, ago(14)],
      [22, ago(11)],
    ] as [number, string][])
      expect((await step(n, d)).ok, `step ${n}`).toBe(true);
    // The probation ended 10 months ago: the 转正 vote may be held now.
    expect((await step(23, ago(10), { present: 7, inFavour: 7 })).ok).toBe(true);
    expect((await step(24, ago(9))).ok).toBe(true);
    const full = await ok(app, 'party.member', { id: memberId });
    expect(full.row).toMatchObject({ category: 'full', fullDate: addMonths(ago(22), 12) });
    expect(full.events.map((e) => e.kind)).toEqual(['joined', 'full']);
    expect((await step(25, ago(9))).ok).toBe(true);
    expect((await ok(app, 'party.files', {})).some((f) => f.id === fileId)).toBe(false);
    const archived = (await ok(app, 'party.files', { includeClosed: true })).find((f) => f.id === fileId)!;
    expect(archived).toMatchObject({ stage: 'full', next: null });
  });

  it('holds the 转正 vote until the probation (extended once) has run', async () => {
    const fileId = (await ok(app, 'party.openFile', { name: '钱多多', birthDate: '1990-05-05', branchId })).id;
    const step = (step: number, date: string, extra: Record<string, unknown> = {}) => ok(app, 'party.recordStep', { fileId, step, date, ...extra } as never);
    const when = [20, 20, 19, 19, 19, 16, 7, 7, 7, 6, 6, 6, 6, 6];
    for (let n = 1; n <= 14; n++) await step(n, ago(when[n - 1]!), n === 5 || n === 9 ? { people: ['甲', '乙'] } : n === 11 ? { trainingDays: 3 } : {});
    await step(15, ago(5), { present: 9, inFavour: 9 });
    expect((await ok(app, 'party.files', {})).find((f) => f.id === fileId)).toMatchObject({ stage: 'probationary', next: { step: 16 } });
    expect(await ok(app, 'party.extendProbation', { fileId, months: 6, reason: '需要继续考察' })).toEqual({ probationEnd: addMonths(ago(5), 18) });
    expect((await refused('party.extendProbation', { fileId, months: 6, reason: '再次' })).messageKey).toBe('party.rule.extensionOnce');
  });

  it('computes dues by the bands, records a payment and lists the arrears', async () => {
    const month = TODAY.slice(0, 7);
    const sheet = await ok(app, 'party.dues', { branchId, month });
    const first = sheet.find((l) => l.name === '党员1')!;
    expect(first).toMatchObject({ baseFen: 540000, perMille: 15, dueFen: 8100, paidFen: null });
    await ok(app, 'party.payDues', { memberId: first.memberId, month, paid: 81, paidOn: TODAY, collector: '王书记' });
    const after = await ok(app, 'party.dues', { branchId, month });
    expect(after.find((l) => l.name === '党员1')).toMatchObject({ paidFen: 8100, collector: '王书记' });
    const owing = await ok(app, 'party.arrears', { branchId, upTo: month });
    expect(owing.find((a) => a.name === '党员1')?.months ?? []).not.toContain(month);
    expect(owing.find((a) => a.name === '党员2')!.months).toContain(month);
    const statement = await ok(app, 'party.duesYear', { memberId: first.memberId, year: Number(month.slice(0, 4)) });
    expect(statement.months).toHaveLength(12); // a member since 2000: every month of the year
    expect(statement.months.find((m) => m.month === month)).toMatchObject({ dueFen: 8100, paidFen: 8100, collector: '王书记' });
    expect((await refused('party.payDues', { memberId: first.memberId, month: '1999-01', paid: 1, paidOn: TODAY, collector: '' })).messageKey).toBe('party.duesBeforeJoin');
    expect((await refused('party.payDues', { memberId: first.memberId, month, paid: 1.234, paidOn: TODAY, collector: '' })).issues?.[0]?.messageKey).toBe('validation.money');
  });

  it('records a meeting from the branch list, absences with reasons, and shows it on the calendar', async () => {
    const members = await ok(app, 'party.members', { branchId });
    const attendance = members.map((m, i) => ({ memberId: m.id, present: i !== 0, reason: i === 0 ? '外出' : '' }));
    expect((await refused('party.saveMeeting', { branchId, kind: 'general', date: TODAY, topic: '学习', attendance: attendance.map((a) => ({ ...a, reason: '' })) })).messageKey).toBe('party.absenceReason');
    const id = (await ok(app, 'party.saveMeeting', { branchId, kind: 'general', date: TODAY, place: '社区党群服务中心', host: '王书记', recorder: '党员2', topic: '学习党章', content: '集体学习', resolutions: '通过', attendance })).id;
    const m = await ok(app, 'party.meeting', { id });
    expect(m.attendance.filter((a) => !a.present)).toEqual([{ memberId: members[0]!.id, name: members[0]!.name, present: false, reason: '外出' }]);
    const year = Number(TODAY.slice(0, 4));
    const { calendar } = await ok(app, 'party.meetings', { year, branchId });
    const quarter = `${year}-Q${Math.ceil(Number(TODAY.slice(5, 7)) / 3)}`;
    expect(calendar.find((c) => c.kind === 'general' && c.period === quarter)?.state).toBe('held');
    if (TODAY.slice(5, 7) !== '01') expect(calendar.find((c) => c.kind === 'committee' && c.period === `${year}-01`)?.state).toBe('missing');
    expect((await refused('party.saveMeeting', { branchId, kind: 'general', date: addMonths(TODAY, 1), topic: '未来', attendance: [] })).messageKey).toBe('party.meetingInFuture');
  });

  it('registers in-service members, their posts and service, and lists who to flag at the year-end evaluation', async () => {
    const posts = await ok(app, 'party.servicePosts', {});
    expect(posts).toHaveLength(8);
    expect((await refused('party.saveReporter', { name: '冯工', employer: '市供电公司', posts: ['开飞机'] })).messageKey).toBe('party.unknownPost');
    expect((await refused('party.saveReporter', { name: '冯工', employer: '市供电公司', reportedOn: ago(2), posts: [] })).messageKey).toBe('party.postNeeded');
    const feng = (await ok(app, 'party.saveReporter', { name: '冯工', employer: '市供电公司', employerOrg: '市供电公司党委', phone: '13912345678', reportedOn: ago(2), posts: [posts[0]!, posts[3]!] })).id;
    const chen = (await ok(app, 'party.saveReporter', { name: '陈老师', employer: '实验小学', posts: [] })).id;
    expect((await refused('party.addService', { reporterId: chen, date: TODAY, post: posts[0]!, hours: 2, content: '宣传' })).messageKey).toBe('party.notReported');
    expect((await refused('party.addService', { reporterId: feng, date: ago(3), post: posts[0]!, hours: 2, content: '宣传' })).messageKey).toBe('party.serviceBeforeReport');
    await ok(app, 'party.addService', { reporterId: feng, date: ago(1), post: posts[3]!, hours: 3, content: '为独居老人检修电路' });
    // An edit that leaves the phone empty keeps the stored number.
    await ok(app, 'party.saveReporter', { id: feng, name: '冯工', employer: '市供电公司', employerOrg: '市供电公司党委', reportedOn: ago(2), posts: [posts[0]!, posts[3]!] });
    const year = Number(ago(1).slice(0, 4));
    const list = await ok(app, 'party.reporters', { year });
    expect(list.map((r) => r.name)).toEqual(['陈老师', '冯工']); // the one not reported comes first
    expect(list[1]).toMatchObject({ services: 1, hours: 3, phoneMasked: '139****5678' });
    const month = Number(ago(1).slice(5, 7));
    const summary = await ok(app, 'party.serviceSummary', { employer: '市供电公司', quarter: `${year}-Q${Math.ceil(month / 3)}` });
    expect(summary).toMatchObject({ employerOrg: '市供电公司党委', members: [{ name: '冯工', hours: 3, services: [{ content: '为独居老人检修电路' }] }] });
    expect((await refused('party.serviceSummary', { employer: '不存在的单位', quarter: `${year}-Q1` })).messageKey).toBe('party.employerUnknown');
  });

  it('imports a branch roster sheet after a dry run that lists every problem, linking residents by ID number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('党员花名册');
    ws.addRow(['第二党支部党员花名册']);
    ws.addRow(['序号', '姓名', '性别', '民族', '出生年月', '身份证号', '学历', '入党时间', '转正时间', '党员类别', '工作单位及职务', '联系电话']);
    ws.addRow([1, '褚卫东', '男', '汉族', '1970.05', validId('11010519700501001'), '大学本科', '1995.07', '1996.07', '正式党员', '区教委', '13800138001']); // row 3: fine
    ws.addRow([2, '李小红', '女', '汉', '', '110105199801010027', '', '2024-06-01', '', '预备党员', '', '']); // row 4: a resident, already on the roster
    ws.addRow([3, '', '男', '汉族', '', '', '', '2001-07-01', '2002-07-01', '正式党员', '', '']); // row 5: no name
    ws.addRow([4, '蒋立', '男', '汉族', '', '110105198001010012', '', '去年', '', '正式党员', '', '12345']); // row 6: bad ID, date, phone
    ws.addRow([5, '沈洁', '女', '回族', '1988年3月', validId('11010519880301002'), '研究生', '2010年7月', '', '', '', '']); // row 7: fine, probationary by default
    const second = (await ok(app, 'party.saveBranch', { name: '第二党支部', kind: 'branch' })).id;
    const before = (await ok(app, 'party.members', { branchId: second, status: 'all' })).length;
    const report = await ok(app, 'party.importCheck', { fileName: '花名册.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), branchId: second });
    expect(report).toMatchObject({ rows: 5, valid: 2 });
    expect(report.errors.map((e) => `${e.row}:${e.column}:${e.messageKey}`).sort()).toEqual(
      ['4:公民身份号码:party.alreadyOnRoster', '5:姓名:validation.required', '6:公民身份号码:id.badCheck', '6:入党日期:validation.date', '6:联系电话:phone.invalid'].sort(),
    );
    expect((await ok(app, 'party.members', { branchId: second, status: 'all' })).length).toBe(before); // a dry run writes nothing
    expect(await ok(app, 'party.importCommit', { token: report.token })).toEqual({ created: 2 });
    const imported = await ok(app, 'party.members', { branchId: second, status: 'all' });
    expect(imported.map((m) => [m.name, m.category, m.joinDate, m.birthDate])).toEqual([
      ['褚卫东', 'full', '1995-07-01', '1970-05-01'],
      ['沈洁', 'probationary', '2010-07-01', '1988-03-01'],
    ]);
    expect((await refused('party.importCommit', { token: report.token })).messageKey).toBe('import.expired');
  });

  it('counts the branch by age, gender, education and years in the party', async () => {
    const stats = await ok(app, 'party.stats', { branchId });
    expect(stats.total).toBe(stats.full + stats.probationary);
    expect(stats.byYears.reduce((s, b) => s + b.count, 0)).toBe(stats.total);
    expect(stats.byYears.find((b) => b.band === '20–29')!.count).toBeGreaterThanOrEqual(9); // joined 2000
  });
});
