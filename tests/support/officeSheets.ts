import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { validId } from './sheets';

/**
 * A committee's own 户籍台账 in the shapes offices keep: one sheet per building, a merged title and a
 * 填报单位 line above the header, household number and address merged down each family, everyday
 * relation words, dates five ways, aligned names, two phones in a cell, a totals row and a sign-off
 * line at the foot; a second sheet with one address column in several spellings and two families at
 * one address; a notes sheet with no header, and a hidden list sheet. Each planted mistake is listed
 * with its sheet and row, and each good person with their household.
 */
type Row = (string | number | Date | null)[];
interface SheetSpec {
  name: string;
  rows: Row[];
  /** A1 ranges. */
  merges: string[];
  hidden?: boolean;
}

const id = (birth: string, seq: number) => validId(`110105${birth}${String(seq).padStart(3, '0')}`);
const excelSerial = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25569;

export const OFFICE = {
  /** Good people by name, with the household they must end up in (by head) and their relation code. */
  people: {
    王建国: { head: '王建国', relation: '02' },
    李秀英: { head: '王建国', relation: '12' },
    王小明: { head: '王建国', relation: '20' }, // 子女 + male ID
    王小红: { head: '王建国', relation: '30' }, // 子女 + female ID
    王芳: { head: '王建国', relation: '38' }, // 儿媳, "王\u3000芳" in the sheet
    张淑兰: { head: '王建国', relation: '56' }, // 岳母, 文盲
    刘德华: { head: '刘德华', relation: '02' },
    阿依古丽·买买提: { head: '刘德华', relation: '10' },
    刘一: { head: '刘德华', relation: '22' }, // 长子
    刘二: { head: '刘德华', relation: '44' }, // 外孙女
    陈平: { head: '陈平', relation: '02' }, // 8-1-101
    陈安: { head: '陈平', relation: '93' }, // 侄子
    赵钱: { head: '赵钱', relation: '02' }, // 金色家园东区8栋1单元102室
    孙李: { head: '孙李', relation: '02' }, // 8幢2单元201, first family
    孙周: { head: '孙李', relation: '12' },
    吴郑: { head: '吴郑', relation: '02' }, // 8幢2单元201 again: a second family at one address
    吴王: { head: '吴郑', relation: '30' },
  } as Record<string, { head: string; relation: string }>,
  /** Planted mistakes: sheet, Excel row, error code. */
  mistakes: [
    { sheet: '7号楼', row: 16, code: 'id.badCheck' },
    { sheet: '8号楼', row: 10, code: 'import.unknownValue' },
    { sheet: '8号楼', row: 11, code: 'import.badDate' },
    { sheet: '8号楼', row: 12, code: 'import.addressUnreadable' },
  ],
  skipped: [
    { sheet: '7号楼', row: 17, reason: 'summary' },
    { sheet: '7号楼', row: 18, reason: 'signOff' },
    { sheet: '8号楼', row: 13, reason: 'summary' },
  ],
  /** The ledger names its buildings without 小区 (7号楼), so the new one is named the same way. */
  newBuildings: ['8号楼'],
  households: 6,
};

function sheets(dateCell: (iso: string) => Date | number): SheetSpec[] {
  const h7 = ['序号', '户号', '姓 名', '与户主关系', '性别', '公民身份号码', '出生日期', '民族', '现住址', '联系电话', '人员类别', '文化程度', '备注'];
  const seven: Row[] = [
    ['金色家园东区居民户籍台账（7号楼）', ...Array(12).fill(null)],
    ['填报单位：幸福里社区居委会', null, null, null, null, null, '填报日期：2026年11月', ...Array(6).fill(null)],
    h7,
    // rows 4–9: one family, 户号 and 现住址 merged down D4:D9 style (B and I)
    [1, 'JS0701', '王建国', '户主', '男', id('19560312', 11), '1956.03.12', '汉族', '金色家园东区7号楼2单元602室', '13800138000/13900139000', '户籍人口', '高中', ''],
    [2, null, '李秀英', '妻', '女', id('19580704', 22), '1958/7/4', '汉', null, '+86 138-0013-8001', '户籍人口', '初中', ''],
    [3, null, '王小明', '子女', '', id('19820101', 31), '19820101', '汉族', null, '', '人户分离', '大学本科', ''],
    [4, null, '王小红', '子女', '', id('19850515', 42), '1985年5月15日', '汉族', null, '', '户籍人口', '大专', ''],
    [5, null, '王\u3000芳', '儿媳', '女', id('19860220', 62), dateCell('1986-02-20'), '汉族', null, '', '常住人口', '本科', ''],
    [6, null, '张淑兰', '岳母', '女', id('19350909', 82), excelSerial('1935-09-09'), '汉族', null, '', '户籍人口', '文盲', ''],
    // rows 10–13: the second family
    [7, 'JS0702', '刘德华', '户主', '男', id('19600101', 13), '1960-1-1', '汉族', '金色家园东区7号楼2单元603室', '010-65001234', '户籍人口', '中专', ''],
    [8, null, '阿依古丽•买买提', '配偶', '女', id('19620202', 24), '1962.2.2', '维吾尔族', null, '', '户籍人口', '高中', ''],
    [9, null, '刘一', '长子', '男', id('19880808', 35), '1988.08.08', '汉族', null, '', '户籍人口', '研究生', ''],
    [10, null, '刘二', '外孙女', '女', id('20150601', 46), '2015/06/01', '汉族', null, '', '户籍人口', '小学', ''],
    [null, ...Array(12).fill(null)],
    [null, ...Array(12).fill(null)],
    // row 16: a wrong check digit (planted)
    [11, 'JS0703', '错号码', '户主', '男', '110105196001010010', '1960-01-01', '汉族', '金色家园东区7号楼1单元101室', '', '户籍人口', '', ''],
    ['合计：3户 11人', ...Array(12).fill(null)],
    ['填表人：张三', null, null, null, '审核人：李四', null, null, null, '社区（盖章）', ...Array(4).fill(null)],
  ];
  const h8 = ['序号', '姓名', '关系', '身份证号', '出生年月', '家庭住址', '手机号', '备注'];
  const eight: Row[] = [
    ['金色家园东区8号楼居民花名册', ...Array(7).fill(null)],
    h8,
    [1, '陈平', '户主', id('19700315', 17), '', '8-1-101', '13700137000', ''],
    [2, '陈安', '侄子', id('19990101', 37), '', '8-1-101', '', ''],
    [3, '赵钱', '户主', id('19750505', 19), '', '金色家园东区8栋1单元102室', '', ''],
    [4, '孙李', '户主', id('19660606', 51), '', '8幢2单元201', '', '租户'],
    [5, '孙周', '妻', id('19680808', 62), '', '8幢2单元201', '', ''],
    [6, '吴郑', '户主', id('19770707', 73), '', '8幢2单元201', '', '同址另一户'],
    [7, '吴王', '女', id('20050505', 84), '2005.5.5', '8幢2单元201', '', ''],
    // rows 10–12: planted mistakes
    [8, '钱多多', '干儿子', id('19900909', 95), '', '8-2-202', '', ''],
    [9, '日期错', '户主', '', '1956.13.45', '8-2-203', '', ''],
    [10, '地址错', '户主', id('19910101', 16), '', '小区门口平房', '', ''],
    ['合计', null, '6户', null, null, null, null, null],
  ];
  return [
    { name: '7号楼', rows: seven, merges: ['A1:M1', 'B4:B9', 'I4:I9', 'B10:B13', 'I10:I13'] },
    { name: '8号楼', rows: eight, merges: ['A1:H1'] },
    { name: '填表说明', rows: [['填表说明'], ['1. 每户一行户主，成员跟在户主后面。'], ['2. 身份证号设为文本格式。']], merges: [] },
    { name: '字典', rows: [['户主'], ['配偶'], ['子女']], merges: [], hidden: true },
  ];
}

export async function officeXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets((iso) => new Date(`${iso}T00:00:00Z`))) {
    const ws = wb.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : {});
    for (const r of spec.rows) ws.addRow(r);
    for (const m of spec.merges) ws.mergeCells(m);
    // ID numbers as text, as the template asks: a number cell would lose digits.
    ws.getColumn(spec.name === '7号楼' ? 6 : 4).numFmt = '@';
    ws.getColumn(spec.name === '7号楼' ? 7 : 5).eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'yyyy-mm-dd';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook saved as Excel 97–2003 (.xls, BIFF8). */
export function officeXls(): Buffer {
  const wb = XLSX.utils.book_new();
  for (const spec of sheets((iso) => new Date(`${iso}T00:00:00Z`))) {
    const ws = XLSX.utils.aoa_to_sheet(spec.rows.map((r) => r.map((c) => (c === null ? undefined : c))), { cellDates: true, dateNF: 'yyyy-mm-dd' });
    ws['!merges'] = spec.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, spec.name);
  }
  wb.Workbook = { Sheets: wb.SheetNames.map((name) => ({ name, Hidden: name === '字典' ? 1 : 0 })) };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xls' }) as Buffer;
}

/** The 8号楼 sheet as a CSV saved by Excel on Chinese Windows: GB18030 (GBK), no BOM. */
export function officeGbkCsv(): Buffer {
  const spec = sheets((iso) => new Date(`${iso}T00:00:00Z`))[1]!;
  const text = spec.rows.map((r) => r.map((c) => (c === null ? '' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\r\n');
  const cptable = require('@e965/xlsx/dist/cpexcel.js') as { utils: { encode(cp: number, s: string): number[] } };
  return Buffer.from(cptable.utils.encode(936, text));
}

/**
 * A second everyday shape, the 花名册 kept one sheet per building: the sheet's name is the building
 * (no building or address column), 户号 and 单元/门牌号 written on the 户主 row only, 本人 for the
 * head, "无" and "/" for nothing, a note in brackets after a name and after a phone, 出生年月 as the
 * month alone beside the ID number, 二单元 and 301号, an ID typed with a leading apostrophe.
 */
export const ROSTER = {
  people: {
    周大成: { head: '周大成', relation: '02', address: '12号楼2单元301室', note: '' },
    吴小梅: { head: '周大成', relation: '12', address: '12号楼2单元301室', note: '' },
    周小宝: { head: '周大成', relation: '20', address: '12号楼2单元301室', note: '' },
    郑老五: { head: '郑老五', relation: '02', address: '12号楼2单元302室', note: '租户' },
    郑小六: { head: '郑老五', relation: '30', address: '12号楼2单元302室', note: '' },
  } as Record<string, { head: string; relation: string; address: string; note: string }>,
};

export async function rosterXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('12号楼');
  ws.addRow(['12号楼居民花名册']);
  ws.mergeCells('A1:J1');
  ws.addRow(['序号', '户号', '姓名', '与户主关系', '性别', '身份证号', '出生年月', '单元', '门牌号', '联系电话']);
  ws.addRow([1, 'H1201', '周大成', '本人', '男', id('19560312', 11), '1956.03', '二单元', '301号', '13800138000（本人）']);
  ws.addRow([2, '', '吴小梅', '妻子', '女', `'${id('19580704', 22)}`, new Date(Date.UTC(1958, 6, 1)), '', '', '无']);
  ws.addRow([3, '', '周小宝', '子女', '', id('19850515', 31), '198505', '', '', '/']);
  ws.addRow([4, 'H1202', '郑老五（租户）', '户主', '男', id('19700101', 13), '', '2', '302', '13900139000']);
  ws.addRow([5, '', '郑小六', '女', '女', id('20000202', 24), '2000.2', '', '', '—']);
  ws.getColumn(6).numFmt = '@';
  ws.getCell('G4').numFmt = 'yyyy.mm';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
