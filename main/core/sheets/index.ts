import { AppError } from '../errors';
import type { SheetRow } from './cells';
import { findHeader, HEADER_SEARCH_ROWS, skipReason, type HeaderFound, type Vocabulary } from './header';
import { openWorkbook, withMerges, type Sheet } from './workbook';

/**
 * Spreadsheets in, for every module that takes them (residents, party roster, the two lists, upper
 * sheets): reading any workbook the office has, cells as people type them, finding the header by
 * what it says, skipping the rows that are not records, and keeping checked rows until confirmed.
 */
export { cellText, cleanName, monthOrDate, normaliseDate, splitPhones, type Cell, type SheetRow } from './cells';
export { findHeader, guessColumn, headerKey, skipReason, type Fragments, type HeaderFound, type SkipReason, type Vocabulary } from './header';
export { recallMapping, rememberMapping, type ColumnMapping } from './mapping';
export { PackedRows, Staging } from './staging';
export { openWorkbook, type Sheet } from './workbook';

/** A problem with one cell of a row, for the report. */
export interface SheetIssue {
  row: number;
  column: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

/** A row the reader passed over, and why: listed for the user, never checked as a record. */
export interface SkippedRow {
  sheet: string;
  row: number;
  /** A SkipReason, or a module's own ('notLiving' for a resident row marked 已迁出). */
  reason: string;
  text: string;
}

/** A sheet's rows with merged cells filled, and its header among the first rows (undefined without one). */
export async function readSheetRows<K extends string>(
  sheet: Sheet,
  find: (head: SheetRow[]) => HeaderFound<K> | undefined,
  onRow: (row: SheetRow, header: HeaderFound<K>) => void,
): Promise<HeaderFound<K> | undefined> {
  const head: SheetRow[] = [];
  let header: HeaderFound<K> | undefined;
  for await (const row of withMerges(sheet.rows(), await sheet.merges())) {
    if (!header) {
      head.push(row);
      if (head.length < HEADER_SEARCH_ROWS) continue;
      header = find(head);
      if (!header) return undefined;
      for (const r of head) if (r.rowNumber >= header.bodyFrom) onRow(r, header);
      continue;
    }
    onRow(row, header);
  }
  if (!header) {
    header = find(head);
    if (header) for (const r of head) if (r.rowNumber >= header.bodyFrom) onRow(r, header);
  }
  return header;
}

/**
 * For the smaller imports (party roster, needs, resources): the first sheet whose header is found,
 * its record rows (merged cells filled; totals, sign-off, titles and blank rows left out), at most maxRows.
 */
export async function readTable<K extends string>(
  fileName: string,
  buffer: Buffer,
  vocabulary: Vocabulary<K>,
  required: NoInfer<K>,
  minColumns: number,
  limit: { maxRows: number; tooManyKey: string },
): Promise<{ sheet: string; header: HeaderFound<K>; rows: SheetRow[]; skipped: SkippedRow[] } | undefined> {
  for (const sheet of openWorkbook(fileName, buffer)) {
    const rows: SheetRow[] = [];
    const skipped: SkippedRow[] = [];
    const header = await readSheetRows(
      sheet,
      (head) => findHeader(head, vocabulary, required, minColumns),
      (row, h) => {
        const reason = skipReason(row, h.headers, h.columns.get(required));
        if (reason) {
          if (reason !== 'blank') skipped.push({ sheet: sheet.name, row: row.rowNumber, reason, text: row.cells.filter(Boolean).join(' ').slice(0, 60) });
          return;
        }
        rows.push(row);
        if (rows.length > limit.maxRows) throw new AppError(limit.tooManyKey, { max: limit.maxRows });
      },
    );
    if (header) return { sheet: sheet.name, header, rows, skipped };
  }
  return undefined;
}
