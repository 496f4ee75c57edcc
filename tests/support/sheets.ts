import ExcelJS from 'exceljs';
import { checkCharacter } from '../../shared/rules/idNumber';

export const validId = (first17: string) => first17 + checkCharacter(first17);
/** What a Chinese input method in full-width mode types: １２３ for 123. */
export const toFullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * A spreadsheet as staff keep them: a merged title row, a blank row, headers with their own names,
 * and rows with the usual mistakes. Each row's expected fate is in `expected`.
 */
export async function messyWorkbook(): Promise<{ buffer: Buffer; expected: { valid: number; invalid: number; errors: { row: number; code: string }[] } }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['幸福里社区居民信息台账（2026年）']);
  ws.mergeCells('A1:J1');
  ws.addRow([]);
  ws.addRow(['序号', '姓名', '身份证号码', '性别', '民族', '手机号', '网格', '楼栋', '单元', '房号', '与户主关系', '特殊人群']);
  const rows: (string | number)[][] = [
    [1, '张三丰', '11010519491231002X', '女', '汉', '138 0013 8000', '第一网格', '1号楼', '2', '301', '户主', ''], // row 4: valid
    [2, '李四', validId('11010519800101001'), '男', '汉族', '13900139000', '第一网格', '1号楼', '2', '301', '配偶', ''], // row 5: valid
    [3, '王五', '110105198001010012', '男', '汉族', '', '第一网格', '1号楼', '2', '302', '户主', ''], // row 6: bad check
    [4, '赵六', 110105198001011000, '男', '汉族', '', '第一网格', '1号楼', '2', '303', '户主', ''], // row 7: Excel number
    [5, '钱七', toFullWidth(validId('11010519901212002')), '女', '汉', '', '第一网格', '2号楼', '1', '101', '户主', '低保'], // row 8: full-width, valid
    [6, '孙八', validId('11010519800101001'), '男', '汉族', '', '第一网格', '1号楼', '2', '304', '户主', ''], // row 9: duplicate of row 5
    [7, '周九', '110105491231003', '男', '回', '12345', '第二网格', '4号楼', '1', '201', '户主', ''], // row 10: 15-digit ok, bad phone
    [8, '吴十', validId('32010219700505002'), '女', '满族', '', '第二网格', '4号楼', '1', '202', '户主', '独居老人'], // row 11: valid
  ];
  for (const r of rows) ws.addRow(r);
  // Row 8's ID in full-width digits must be a string, as it is in a real sheet.
  return {
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    expected: {
      valid: 4,
      invalid: 4,
      errors: [
        { row: 6, code: 'id.badCheck' },
        { row: 7, code: 'id.excelMangled' },
        { row: 9, code: 'import.duplicateInFile' },
        { row: 10, code: 'phone.invalid' },
      ],
    },
  };
}

/** A plain CSV of `n` valid residents, two to a household, in 第一网格 1号楼; every ID distinct. */
export function residentsCsv(n: number, firstSerial = 0): Buffer {
  const lines = ['姓名,公民身份号码,网格,楼栋,单元,房号,与户主关系'];
  for (let i = 0; i < n; i++) {
    const serial = firstSerial + i;
    // 1,000 people per birth day from 1950-01-01 on: serial → (day, sequence) is one-to-one.
    const born = new Date(Date.UTC(1950, 0, 1) + Math.floor(serial / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const id = validId(`110105${born}${String(serial % 1000).padStart(3, '0')}`);
    lines.push(`居民${serial},${id},第一网格,1号楼,${1 + Math.floor(serial / 2000)},${Math.floor(serial / 2) % 1000},${serial % 2 === 0 ? '户主' : '配偶'}`);
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}
