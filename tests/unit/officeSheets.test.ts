import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../main/core/ledger';
import { ok, openTempApp } from '../support/ledger';
import { OFFICE, officeGbkCsv, officeXls, officeXlsx } from '../support/officeSheets';

/**
 * The committee's own sheets as they are: the same 台账 as .xlsx, as .xls and (one sheet) as GBK CSV
 * checks with every good row valid and every planted mistake named by its sheet and row.
 */
describe.each([
  ['.xlsx', '居民台账.xlsx', officeXlsx],
  ['.xls (Excel 97–2003)', '居民台账.xls', async () => officeXls()],
  // WPS saves its own .et in the same compound-file format as .xls.
  ['WPS .et', '居民台账.et', async () => officeXls()],
])('a committee workbook as %s', (_kind, fileName, make) => {
  const app = openTempApp();
  afterAll(() => app.close());
  beforeAll(async () => {
    await ok(app, 'community.setup', { streetName: '朝阳门街道', communityName: '幸福里社区', grids: [{ name: '第一网格', buildings: ['7号楼'] }, { name: '第二网格', buildings: ['9号楼'] }] });
  });

  it('offers the sheets with a header, maps their columns, skips the foot, names each mistake by sheet and row', async () => {
    const base64 = (await make()).toString('base64');
    const report = await ok(app, 'residents.importCheck', { fileName, base64, lang: 'zh-CN' });
    expect(report.sheets.map((s) => [s.name, s.headerRow, s.included])).toEqual([
      ['7号楼', 3, true],
      ['8号楼', 2, true],
      ['填表说明', null, false],
    ]);
    const seven = report.sheets[0]!;
    expect(Object.fromEntries(seven.columns.filter((c) => c.field).map((c) => [c.header, c.field]))).toMatchObject({ 户号: 'householdNumber', '姓 名': 'name', 与户主关系: 'relation', 现住址: 'address', 人员类别: 'residenceType' });
    expect(seven.columns.find((c) => c.field === 'name')!.samples).toEqual(['王建国', '李秀英', '王小明']);

    // Exactly the planted rows have errors, each with its planted problem among them.
    expect([...new Set(report.errors.map((e) => `${e.sheet}:${e.row}`))]).toEqual(OFFICE.mistakes.map((m) => `${m.sheet}:${m.row}`));
    for (const m of OFFICE.mistakes) expect(report.errors.filter((e) => e.sheet === m.sheet && e.row === m.row).map((e) => e.code)).toContain(m.code);
    expect(report.errors.find((e) => e.code === 'import.unknownValue')!.message).toMatch(/最接近的可填写法：.*子/);
    expect(report.skipped.map((s) => ({ sheet: s.sheet, row: s.row, reason: s.reason }))).toEqual(OFFICE.skipped);
    expect(report.rows).toBe(Object.keys(OFFICE.people).length + OFFICE.mistakes.length);
    expect(report.newBuildings.map((b) => [b.name, b.grid])).toEqual(OFFICE.newBuildings.map((n) => [n, '']));
    // 8号楼 is new and has no grid: its rows wait for the one step that adds it.
    expect(report.waiting).toBe(7);
    expect(report.valid).toBe(Object.keys(OFFICE.people).length - 7);
    expect(report.warnings.some((w) => w.code === 'import.secondHousehold' && w.sheet === '8号楼' && w.row === 8)).toBe(true);

    const grids = await ok(app, 'community.tree', {});
    const after = await ok(app, 'residents.importAddBuildings', { token: report.token, lang: 'zh-CN', gridId: grids[0]!.id });
    expect([after.waiting, after.valid, after.newBuildings.length, after.households]).toEqual([0, Object.keys(OFFICE.people).length, 0, OFFICE.households]);

    const done = await ok(app, 'residents.importCommit', { token: after.token });
    expect((await ok(app, 'app.info', {})).setupDone).toBe(true);
    expect(done.created).toBe(Object.keys(OFFICE.people).length);
    const list = await ok(app, 'residents.search', { limit: 100 });
    const byName = new Map(list.rows.map((r) => [r.name, r]));
    expect([...byName.keys()].sort()).toEqual(Object.keys(OFFICE.people).sort());
    for (const [name, want] of Object.entries(OFFICE.people)) {
      const r = byName.get(name)!;
      expect([name, r.relation]).toEqual([name, want.relation]);
      expect([name, r.householdId]).toEqual([name, byName.get(want.head)!.householdId]);
    }
    const wang = await ok(app, 'residents.get', { id: byName.get('王建国')!.id });
    expect([wang.note, wang.birthDate]).toEqual(['另一电话：13900139000', '1956-03-12']);
    expect((await ok(app, 'residents.reveal', { id: wang.id, reason: '核对导入' })).phone).toBe('13800138000');
    expect((await ok(app, 'residents.get', { id: byName.get('张淑兰')!.id })).education).toBe('91');
    expect((await ok(app, 'residents.get', { id: byName.get('王小明')!.id })).residenceType).toBe('separated');
    expect(byName.get('刘二')!.address).toBe('7号楼2单元603室');
    expect(byName.get('陈平')!.address).toBe('8号楼1单元101室');
    // Two families at 8号楼2单元201: two households, one address.
    expect(byName.get('孙李')!.householdId).not.toBe(byName.get('吴郑')!.householdId);
    expect(byName.get('孙李')!.address).toBe(byName.get('吴郑')!.address);
  });
});

describe('a sheet saved as CSV on Chinese Windows (GBK)', () => {
  const app = openTempApp();
  afterAll(() => app.close());
  it('reads the GBK text, skips the totals row and lists 8号楼 as new', async () => {
    await ok(app, 'community.setup', { streetName: '朝阳门街道', communityName: '幸福里社区', grids: [{ name: '第一网格', buildings: ['7号楼'] }] });
    const report = await ok(app, 'residents.importCheck', { fileName: '8号楼.csv', base64: officeGbkCsv().toString('base64'), lang: 'zh-CN' });
    expect(report.sheets.map((s) => [s.name, s.headerRow])).toEqual([['8号楼', 2]]);
    const planted = OFFICE.mistakes.filter((m) => m.sheet === '8号楼');
    expect([...new Set(report.errors.map((e) => e.row))]).toEqual(planted.map((m) => m.row));
    for (const m of planted) expect(report.errors.filter((e) => e.row === m.row).map((e) => e.code)).toContain(m.code);
    expect(report.skipped.map((s) => s.row)).toEqual([13]);
    expect(report.newBuildings).toEqual([{ name: '8号楼', grid: '', rows: 7 }]);
  });
});

describe('a bulk load sets indexes aside and never loses them', () => {
  // A new ledger file of its own, opened as the app opens it.
  const newLedgerFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bulk-')), 'l.db');
  it('a crash between dropping and rebuilding leaves them listed, and the next open builds them', async () => {
    const { deferIndexes } = await import('../../main/core/ledger/bulk');
    const file = newLedgerFile();
    const first = openLedger(file);
    const before = first.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'residents' ORDER BY name").pluck().all();
    const dropped = first.db.transaction(() => deferIndexes(first.db, 'residents'))();
    expect(dropped).toBeGreaterThan(5);
    // The unique rule stays while the others are aside.
    expect(first.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'residents'").pluck().all()).toContain('residents_id_number');
    first.db.close(); // the "crash": no restore
    const second = openLedger(file);
    expect(second.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'residents' ORDER BY name").pluck().all()).toEqual(before);
    expect(second.db.prepare('SELECT count(*) FROM deferred_indexes').pluck().get()).toBe(0);
    second.close();
  });

  it("a large import's search entries, put off to its end, are made at the next open after a crash", async () => {
    const { deferSearchIndex } = await import('../../main/modules/residents/indexing');
    const file = newLedgerFile();
    const first = openLedger(file);
    const add = first.db.prepare("INSERT INTO residents(name, id_number, gender, birth_date, phone, address) VALUES (?, ?, '1', '1956-03-12', ?, '7号楼1单元101室')");
    first.db.transaction(() => {
      const ids = ['张三丰', '李四光'].map((name, i) => Number(add.run(name, `11010519560312${String(i).padStart(3, '0')}X`, `1380013800${i}`).lastInsertRowid));
      deferSearchIndex(first.db, ids[0]!, ids[1]!);
    })();
    // Not searchable yet: the import has not reached its end.
    expect(first.db.prepare("SELECT rowid FROM resident_fts WHERE resident_fts MATCH '\"张三丰\"'").all()).toEqual([]);
    first.db.close(); // the "crash"
    const second = openLedger(file);
    const found = (sql: string, q: string) => second.db.prepare(sql).pluck().all(q);
    expect(found('SELECT rowid FROM resident_fts WHERE resident_fts MATCH ?', '{name}: "张三丰"')).toHaveLength(1);
    expect(found('SELECT rowid FROM resident_fts WHERE resident_fts MATCH ?', '{phone}: "0013800"')).toHaveLength(2);
    // One character and a pair of a name, as the short index answers them.
    expect(found('SELECT rowid FROM resident_short WHERE resident_short MATCH ?', '"李"')).toHaveLength(1);
    expect(found('SELECT rowid FROM resident_short WHERE resident_short MATCH ?', '"三丰"')).toHaveLength(1);
    expect(second.db.prepare('SELECT count(*) FROM deferred_indexes').pluck().get()).toBe(0);
    second.close();
  });
});

describe('round trip', () => {
  it('an export with full numbers imports into another ledger with every row valid; a masked one says it cannot', async () => {
    const from = openTempApp();
    const to = openTempApp();
    try {
      for (const a of [from, to]) await ok(a, 'community.setup', { streetName: '朝阳门街道', communityName: '幸福里社区', grids: [{ name: '第一网格', buildings: ['7号楼'] }] });
      const first = await ok(from, 'residents.importCheck', { fileName: 'a.xlsx', base64: (await officeXlsx()).toString('base64'), lang: 'zh-CN' });
      const grid = (await ok(from, 'community.tree', {}))[0]!.id;
      await ok(from, 'residents.importCommit', { token: (await ok(from, 'residents.importAddBuildings', { token: first.token, lang: 'zh-CN', gridId: grid })).token });
      const people = Object.keys(OFFICE.people).length;

      const full = await ok(from, 'residents.export', { lang: 'zh-CN', full: true });
      const back = await ok(to, 'residents.importCheck', { fileName: full.fileName, base64: full.base64, lang: 'zh-CN' });
      expect([back.rows, back.invalid, back.errors]).toEqual([people, 0, []]);
      const again = back.waiting ? await ok(to, 'residents.importAddBuildings', { token: back.token, lang: 'zh-CN', gridId: (await ok(to, 'community.tree', {}))[0]!.id }) : back;
      expect([again.valid, again.households]).toEqual([people, OFFICE.households]);

      const masked = await ok(from, 'residents.export', { lang: 'zh-CN' });
      const refused = await ok(to, 'residents.importCheck', { fileName: masked.fileName, base64: masked.base64, lang: 'zh-CN' });
      expect(refused.valid).toBe(0);
      expect(refused.errors.filter((e) => e.code === 'import.maskedId')).toHaveLength(people);
    } finally {
      from.close();
      to.close();
    }
  });
});

describe('the 花名册 shape: one sheet per building, cells written once per household', () => {
  it('takes the building from the sheet name and the head row’s 户号 and door for the members under it', async () => {
    const { ROSTER, rosterXlsx } = await import('../support/officeSheets');
    const app = openTempApp();
    try {
      await ok(app, 'community.setup', { streetName: '朝阳门街道', communityName: '幸福里社区', grids: [{ name: '第一网格', buildings: ['12号楼'] }] });
      const report = await ok(app, 'residents.importCheck', { fileName: '花名册.xlsx', base64: (await rosterXlsx()).toString('base64'), lang: 'zh-CN' });
      expect(report.errors).toEqual([]);
      expect([report.valid, report.households, report.waiting]).toEqual([5, 2, 0]);
      await ok(app, 'residents.importCommit', { token: report.token });
      const rows = (await ok(app, 'residents.search', { limit: 50 })).rows;
      const byName = new Map(rows.map((r) => [r.name, r]));
      expect([...byName.keys()].sort()).toEqual(Object.keys(ROSTER.people).sort());
      for (const [name, want] of Object.entries(ROSTER.people)) {
        const r = byName.get(name)!;
        expect([name, r.relation, r.address, r.householdId]).toEqual([name, want.relation, want.address, byName.get(want.head)!.householdId]);
        expect([name, (await ok(app, 'residents.get', { id: r.id })).note]).toEqual([name, want.note]);
      }
    } finally {
      app.close();
    }
  });
});

describe('columns mapped by hand, once', () => {
  it('a column Linli does not know is mapped in the dry run, a sheet left out, and the next sheet with those headers comes mapped', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { validId } = await import('../support/sheets');
    const app = openTempApp();
    try {
      await ok(app, 'community.setup', { streetName: '朝阳门街道', communityName: '幸福里社区', grids: [{ name: '第一网格', buildings: ['5号楼'] }] });
      const sheet = async (names: string[]) => {
        const wb = new ExcelJS.Workbook();
        for (const [i, tab] of ['居民', '旧表'].entries()) {
          const ws = wb.addWorksheet(tab);
          ws.addRow(['姓名', '身份证号', '楼栋', '梯号', '屋', '与户主关系']);
          names.forEach((n, k) => ws.addRow([n, validId(`110105197001${10 + i}${String(k).padStart(3, '0')}`), '5号楼', '1', `10${k}`, '户主']));
        }
        return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      };
      const first = await ok(app, 'residents.importCheck', { fileName: 'a.xlsx', base64: await sheet(['甲', '乙']), lang: 'zh-CN' });
      // 梯号 and 屋 are not words Linli knows: the rows have no room.
      expect(first.sheets.map((s) => [s.name, s.mapping])).toEqual([['居民', 'guessed'], ['旧表', 'guessed']]);
      expect(first.valid).toBe(0);
      const columns = { '0': 'name', '1': 'idNumber', '2': 'building', '3': 'unit', '4': 'room', '5': 'relation' };
      const mapped = await ok(app, 'residents.importRecheck', { token: first.token, lang: 'zh-CN', choices: { leaveOut: ['旧表'], columns: { 居民: columns } } });
      expect(mapped.sheets.map((s) => [s.name, s.mapping, s.included])).toEqual([['居民', 'chosen', true], ['旧表', 'guessed', false]]);
      expect(mapped.errors.map((e) => [e.row, e.column, e.code, e.message])).toEqual([]);
      expect([mapped.rows, mapped.valid]).toEqual([2, 2]);
      await ok(app, 'residents.importCommit', { token: mapped.token });
      const rows = (await ok(app, 'residents.search', { limit: 10 })).rows;
      expect(rows.map((r) => r.address).sort()).toEqual(['5号楼1单元100室', '5号楼1单元101室']);

      // Next month's sheet, same headers: mapped as the user left it.
      const next = await ok(app, 'residents.importCheck', { fileName: 'b.xlsx', base64: await sheet(['丙']), lang: 'zh-CN' });
      expect(next.sheets.map((s) => s.mapping)).toEqual(['remembered', 'remembered']);
      expect(next.sheets[0]!.columns.find((c) => c.header === '屋')!.field).toBe('room');
    } finally {
      app.close();
    }
  });
});

describe('headers Linli does not know whole', () => {
  it('reads words inside longer headers, and takes a header row the user names where it finds none', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { validId } = await import('../support/sheets');
    const app = openTempApp();
    try {
      await ok(app, 'community.setup', { streetName: '朝阳门街道', communityName: '幸福里社区', grids: [{ name: '第一网格', buildings: ['6号楼'] }] });
      const wb = new ExcelJS.Workbook();
      const longer = wb.addWorksheet('长表头');
      longer.addRow(['户籍人员姓名', '公民身份证号码（必填）', '现居住详细地址', '手机号码（本人）', '与户主的家庭关系']);
      longer.addRow(['甲', validId('11010519700101001'), '6号楼1单元101室', '13800138000', '户主']);
      const odd = wb.addWorksheet('怪表头');
      odd.addRow(['说明：本表由网格员填写']);
      odd.addRow(['住户', '证号', '楼', '门', '称呼']);
      odd.addRow(['乙', validId('11010519700101002'), '6号楼', '102', '户主']);
      const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

      const first = await ok(app, 'residents.importCheck', { fileName: 'a.xlsx', base64, lang: 'zh-CN' });
      expect(first.sheets.map((s) => [s.name, s.headerRow])).toEqual([['长表头', 1], ['怪表头', null]]);
      expect(first.sheets[0]!.columns.map((c) => c.field)).toEqual(['name', 'idNumber', 'address', 'phone', 'relation']);
      expect([first.valid, first.errors]).toEqual([1, []]);

      // The user says the header is row 2, then maps its columns.
      const named = await ok(app, 'residents.importRecheck', { token: first.token, lang: 'zh-CN', choices: { leaveOut: [], columns: {}, headerRows: { 怪表头: 2 } } });
      expect(named.sheets[1]!.headerRow).toBe(2);
      expect(named.sheets[1]!.columns.map((c) => c.header)).toEqual(['住户', '证号', '楼', '门', '称呼']);
      const mapped = await ok(app, 'residents.importRecheck', {
        token: first.token,
        lang: 'zh-CN',
        choices: { leaveOut: [], headerRows: { 怪表头: 2 }, columns: { 怪表头: { '0': 'name', '1': 'idNumber', '2': 'building', '3': 'room', '4': 'relation' } } },
      });
      expect([mapped.valid, mapped.errors]).toEqual([2, []]);
    } finally {
      app.close();
    }
  });
});
