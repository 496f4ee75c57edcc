import { AppError } from '../errors';
import type { Merge, SheetRow } from './cells';
import { csvRows, decodeCsv } from './csv';
import { readLegacy } from './legacy';
import { readXlsx } from './xlsx';

/**
 * A workbook as the office keeps it, whatever saved it: .xlsx (streamed), .xls / .et / .ods (SheetJS),
 * CSV or tab-separated text in GBK or UTF-8. Every visible sheet, with merged cells given to every
 * cell they cover, rows numbered as Excel numbers them.
 */
/** A worksheet: its rows read lazily, its merged ranges on request. */
export interface Sheet {
  name: string;
  rows(): AsyncGenerator<SheetRow>;
  merges(): Promise<Merge[]>;
}

export const SHEET_FILE_TYPES = ['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.csv', '.txt'] as const;

const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;
const isCompoundFile = (b: Buffer) => b.length > 8 && b.readUInt32LE(0) === 0xe011cfd0 && b.readUInt32LE(4) === 0xe11ab1a1;

export function openWorkbook(fileName: string, buffer: Buffer): Sheet[] {
  const lower = fileName.toLowerCase();
  if (!SHEET_FILE_TYPES.some((ext) => lower.endsWith(ext))) throw new AppError('import.fileType');
  // By content, not by name: an ".xls" is often an .xlsx renamed, or the HTML table a system exported.
  if (isZip(buffer)) {
    try {
      return readXlsx(buffer);
    } catch (err) {
      if ((err as AppError).code !== 'import.notXlsx') throw err;
      return readLegacy(buffer); // an .ods, or a zip SheetJS knows
    }
  }
  const head = buffer.subarray(0, 4096);
  const text = !head.includes(0);
  const markup = text && /^\s*</.test(head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, ''));
  // .xls that is really an HTML table or SpreadsheetML, as many systems export: SheetJS reads those too.
  if (isCompoundFile(buffer) || markup) return readLegacy(buffer);
  // .xls that is really tab-separated text, likewise; anything else is not a spreadsheet.
  if (!text || buffer.length === 0) throw new AppError(lower.endsWith('.xlsx') ? 'import.notXlsx' : 'import.unreadable');
  const name = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return [{ name, rows: async function* () { yield* csvRows(decodeCsv(buffer)); }, merges: () => Promise.resolve([]) }];
}

/**
 * The rows with each merged range's value in every cell it covers: 户号 and 地址 merged down a
 * family's rows belong to each member. Rows come in order, so only the ranges open at a row are kept.
 */
export async function* withMerges(rows: AsyncIterable<SheetRow>, merges: Merge[]): AsyncGenerator<SheetRow> {
  if (!merges.length) {
    yield* rows;
    return;
  }
  const pending = [...merges].sort((a, b) => a.top - b.top);
  let next = 0;
  let open: { m: Merge; value: SheetRow['cells'][number] }[] = [];
  for await (const row of rows) {
    const r = row.rowNumber;
    open = open.filter((o) => o.m.bottom >= r);
    while (next < pending.length && pending[next]!.top <= r) {
      const m = pending[next++]!;
      if (m.bottom >= r) open.push({ m, value: m.top === r ? (row.cells[m.left] ?? null) : null });
    }
    for (const { m, value } of open) {
      if (value === null) continue;
      for (let c = m.left; c <= m.right; c++) row.cells[c] = value;
    }
    for (let i = 0; i < row.cells.length; i++) row.cells[i] ??= null;
    yield row;
  }
}
