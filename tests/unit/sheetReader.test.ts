import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../main/core/sheets/xlsx';
import type { SheetRow } from '../../main/core/sheets';

async function rows(buf: Buffer, max?: number): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of readXlsx(buf, max)[0]!.rows()) out.push(r);
  return out;
}

describe('the import xlsx reader', () => {
  it('reads what Excel stores: shared and rich text, numbers, dates, formulas, booleans, gaps', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['标题']);
    ws.mergeCells('A1:D1');
    ws.getCell('A3').value = '姓名';
    ws.getCell('B3').value = { richText: [{ text: '出生' }, { text: '日期', font: { bold: true } }] };
    ws.getCell('D3').value = '数量';
    ws.getCell('A4').value = '张三 & <李四>';
    ws.getCell('B4').value = new Date(Date.UTC(1949, 11, 31));
    ws.getCell('B4').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('C4').value = true;
    ws.getCell('D4').value = { formula: '1+2', result: 3 };
    ws.getCell('A5').value = 110105194912310000;
    ws.getCell('E5').value = '１２３';
    const got = await rows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(got.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5]);
    expect(got[1]!.cells).toEqual(['姓名', '出生日期', null, '数量']);
    expect(got[2]!.cells[0]).toBe('张三 & <李四>');
    expect((got[2]!.cells[1] as Date).toISOString().slice(0, 10)).toBe('1949-12-31');
    expect(got[2]!.cells[2]).toBe('TRUE');
    expect(got[2]!.cells[3]).toBe(3);
    expect(got[3]!.cells[0]).toBe(110105194912310000);
    expect(got[3]!.cells[4]).toBe('１２３');
  });

  it('refuses what is not an xlsx, and a sheet that inflates past the limit', async () => {
    await expect(rows(Buffer.from('not a zip at all, just text'))).rejects.toMatchObject({ code: 'import.notXlsx' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('a');
    for (let i = 0; i < 2000; i++) ws.addRow(['x'.repeat(50), i]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(rows(buf, 10_000)).rejects.toMatchObject({ code: 'import.tooLarge' });
    expect(await rows(buf)).toHaveLength(2000);
  });
});
