import { maskIdNumber } from '../../shared/rules/mask';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { guessField } from '../../main/modules/reports/templates';
import { ok, openRaw, openTempApp, setUpCommunity } from '../support/ledger';
import { scenarioPerTest } from '../support/scenario';
import { validId } from '../support/sheets';

// Built once; each test gets its own copy of the ledger, so it passes alone and in any order.
let app: ReturnType<typeof openTempApp>;
const scenario = scenarioPerTest(async (base) => {
  app = base;
  await build();
});
beforeEach(() => (app = scenario.app));

/**
 * An upper department's form as they send it: a merged title, a note row, the header on row 3 with
 * columns the ledger knows by other words (and one it cannot fill), two blank rows left for filling
 * in, and the sign-off lines under them.
 */
async function departmentForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('高龄老人');
  ws.addRow(['朝阳门街道80周岁以上老人基本情况统计表']);
  ws.mergeCells('A1:H1');
  ws.addRow(['填报单位：', '', '', '', '', '填报日期：']);
  ws.addRow(['序号', '姓 名', '性别', '身份证号码', '年龄', '现住址', '联系电话', '是否领取高龄津贴']);
  ws.getRow(3).eachCell((c) => (c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }));
  ws.addRow([]);
  ws.addRow([]);
  ws.addRow(['填表人：', '', '', '审核人：', '', '社区（盖章）']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let elderIds: string[] = [];
async function build() {
  const tree = await setUpCommunity(app);
  const b = tree[0]!.buildings[0]!.id;
  const people: [string, string, string][] = [
    ['高寿英', '2', '19400315'],
    ['钱老汉', '1', '19350601'],
    ['年轻人', '1', '19900101'],
  ];
  elderIds = [];
  for (const [i, [name, gender, birth]] of people.entries()) {
    const idNumber = validId(`110105${birth}${String(101 + i * 2 + (gender === '2' ? 1 : 0)).padStart(3, '0')}`);
    if (name !== '年轻人') elderIds.push(idNumber);
    await ok(app, 'residents.create', { name, idNumber, gender, relation: '02', residenceType: 'registered', phone: `1380000000${i}`, placement: { kind: 'new', buildingId: b, unit: '1', room: `${101 + i}` } } as never);
  }
}

/** The department's sheet uploaded and its guessed mapping checked (the phone taken off), as the first test does it. */
async function uploadedSheet(): Promise<number> {
  const u = await ok(app, 'sheets.upload', { name: '高龄老人统计', department: '街道民政科', fileName: '高龄老人.xlsx', base64: (await departmentForm()).toString('base64') });
  const { '7': _phone, ...mapping } = u.mapping;
  await ok(app, 'sheets.saveMapping', { id: u.id, mapping });
  return u.id;
}

describe('an upper-level sheet: upload, map, fill, read back', () => {
  it('finds the header under the title, guesses most columns, and writes the ledger into the department’s own file', async () => {
    const uploaded = await ok(app, 'sheets.upload', { name: '高龄老人统计', department: '街道民政科', fileName: '高龄老人.xlsx', base64: (await departmentForm()).toString('base64') });
    expect(uploaded.headerRow).toBe(3);
    expect(uploaded.columns.map((c) => c.header)).toEqual(['序号', '姓 名', '性别', '身份证号码', '年龄', '现住址', '联系电话', '是否领取高龄津贴']);
    expect(uploaded.mapping).toEqual({ '1': 'serial', '2': 'name', '3': 'gender', '4': 'idNumber', '5': 'age', '6': 'address', '7': 'phone' });

    // The administrator checks it, and takes the phone off this form.
    const { '7': _phone, ...mapping } = uploaded.mapping;
    await ok(app, 'sheets.saveMapping', { id: uploaded.id, mapping });
    expect((await ok(app, 'sheets.list', {}))[0]!.mapping).toEqual(mapping);

    // Asked for without full numbers, the sheet has them masked as on screen, and the birth year only.
    const masked = await ok(app, 'sheets.fill', { id: uploaded.id, filter: { minAge: 80 } });
    const mwb = new ExcelJS.Workbook();
    await mwb.xlsx.load(Buffer.from(masked.base64, 'base64') as unknown as ExcelJS.Buffer);
    expect([4, 5].map((r) => String(mwb.getWorksheet('高龄老人')!.getCell(r, 4).value)).sort()).toEqual(elderIds.map((i) => maskIdNumber(i)).sort());
    const filled = await ok(app, 'sheets.fill', { id: uploaded.id, filter: { minAge: 80 }, full: true });
    expect(filled.rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(filled.base64, 'base64') as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('高龄老人')!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1, 9);
    expect(ws.getCell('A1').value).toBe('朝阳门街道80周岁以上老人基本情况统计表');
    expect(ws.getCell('A1').isMerged).toBe(true);
    const rows = [values(4), values(5)].sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual(
      [
        ['钱老汉', '男', elderIds[1]],
        ['高寿英', '女', elderIds[0]],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([1, 2]));
    expect(rows.every((r) => typeof r[4] === 'number' && (r[4] as number) >= 80)).toBe(true);
    expect(rows.every((r) => r[6] === undefined && r[7] === undefined)).toBe(true); // unmapped columns stay empty
    expect(ws.getCell('D4').numFmt).toBe('@'); // 18 digits stay text
    expect(ws.getCell('A6').value).toBe('填表人：'); // the sign-off stays under the rows
    // Full ID numbers left the ledger: on record, with the filter.
    const db = openRaw(app.file, { readonly: true });
    expect(db.prepare("SELECT detail FROM audit_log WHERE action = 'reveal_export' AND record = ?").pluck().get(`sheet_template:${uploaded.id}`)).toContain('2 rows; full ID numbers');
    expect(db.prepare("SELECT detail FROM audit_log WHERE action = 'export' AND record = ?").pluck().get(`sheet_template:${uploaded.id}`)).toContain('2 rows; masked');
    db.close();
  });

  it('more people than blank rows: the sign-off moves down and stays', async () => {
    const id = await uploadedSheet();
    const filled = await ok(app, 'sheets.fill', { id, filter: {} });
    expect(filled.rows).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(filled.base64, 'base64') as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect([4, 5, 6].map((r) => ws.getCell(`B${r}`).value).sort()).toEqual(['年轻人', '钱老汉', '高寿英'].sort());
    expect(ws.getCell('A7').value).toBe('填表人：');
  });

  it('refuses what it cannot use, in words', async () => {
    const id = await uploadedSheet();
    const refused = async (method: 'sheets.upload' | 'sheets.saveMapping' | 'sheets.fill', input: object) => {
      const r = await app.call(method, input);
      return r.ok ? '' : r.messageKey;
    };
    expect(await refused('sheets.upload', { name: 'x', fileName: 'a.xls', base64: 'AAAA' })).toBe('sheets.fileType');
    expect(await refused('sheets.upload', { name: 'x', fileName: 'a.xlsx', base64: Buffer.from('not a workbook').toString('base64') })).toBe('sheets.unreadable');
    expect(await refused('sheets.upload', { name: '高龄老人统计', fileName: 'a.xlsx', base64: (await departmentForm()).toString('base64') })).toBe('sheets.nameTaken');
    expect(await refused('sheets.saveMapping', { id, mapping: { '42': 'name' } })).toBe('sheets.noSuchColumn');
    expect(await refused('sheets.saveMapping', { id, mapping: {} })).toBe('sheets.notMapped');
    expect(await refused('sheets.fill', { id, filter: { minAge: 90, maxAge: 80 } })).toBe('sheets.ageRange');
    expect(await refused('sheets.fill', { id: 999, filter: {} })).toBe('sheets.notFound');
  });

  it('guesses fields from the words departments use', () => {
    expect(guessField('公民身份号码')).toBe('idNumber');
    expect(guessField('身份证号')).toBe('idNumber');
    expect(guessField('家庭住址')).toBe('address');
    expect(guessField('特殊人群')).toBe('careTags');
    expect(guessField('是否领取高龄津贴')).toBeUndefined();
  });
});
