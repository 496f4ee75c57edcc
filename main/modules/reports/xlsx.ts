import type { Report } from '../../../shared/contract/reports';
import { loadExcel } from '../../core/excel';

/** The report as one A4 sheet, the same tables as on paper: title, period and scope, key figures, then each table. */
export async function reportFile(report: Omit<Report, 'file'>, day: string): Promise<{ fileName: string; base64: string }> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(report.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const width = Math.max(2, ...report.tables.map((t) => t.columns.length));
  ws.addRow([report.title]).font = { bold: true, size: 16 };
  ws.mergeCells(1, 1, 1, width);
  ws.addRow([report.subtitle]);
  ws.mergeCells(2, 1, 2, width);
  ws.addRow([]);
  for (const f of report.figures) ws.addRow([f.label, f.value]);
  const thin = { style: 'thin' as const };
  for (const table of report.tables) {
    ws.addRow([]);
    ws.addRow([table.title]).font = { bold: true, size: 13 };
    const header = ws.addRow(table.columns);
    header.font = { bold: true };
    for (const row of [header, ...table.rows.map((r) => ws.addRow(r))])
      row.eachCell((cell) => (cell.border = { top: thin, left: thin, bottom: thin, right: thin }));
  }
  ws.getColumn(1).width = 24;
  for (let c = 2; c <= width; c++) ws.getColumn(c).width = 14;
  return { fileName: `${report.title}-${day}.xlsx`, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}
