import type ExcelJS from 'exceljs';

/** exceljs takes a quarter of a second to load: loaded on the first import or export, not at start. */
let excel: Promise<typeof ExcelJS> | undefined;
export function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((m) => (m as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS));
  return excel;
}
