import type ExcelJS from 'exceljs';

/** exceljs takes a quarter of a second to load: loaded on the first import or export, not at start. */
let excel: Promise<typeof ExcelJS> | undefined;
export function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((m) => (m as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS));
  return excel;
}

/** A one-sheet table as an .xlsx file: a bold, frozen header row, then the rows as given. */
export async function tableFile(fileName: string, sheet: string, header: string[], rows: (string | number)[][], widths: number[] = []): Promise<{ fileName: string; base64: string }> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(r);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return { fileName, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}
