import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors';
import { csvRows, decodeCsv, normaliseDate } from './import';
import { readFirstSheet, type Cell, type SheetRow } from './xlsxReader';

/**
 * What the modules' sheet imports (party roster, needs, resources) share: reading a .xlsx or .csv,
 * finding the header row by what it says, reading cells, and keeping the checked rows for the
 * confirmation that writes them. The resident import has its own batched, resumable path.
 */
export interface SheetIssue {
  row: number;
  column: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export const cellText = (c: Cell | undefined) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).normalize('NFKC').trim());

/** 2010-07-01, 2010.07, 2010年7月 …: a month alone is taken as its first day. */
export function monthOrDate(c: Cell | undefined): string | null {
  const full = normaliseDate(c);
  if (full !== null) return full;
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(cellText(c));
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-01` : null;
}

export async function readSheet(fileName: string, buffer: Buffer, maxRows: number, tooManyKey: string): Promise<SheetRow[]> {
  const lower = fileName.toLowerCase();
  if (!lower.endsWith('.xlsx') && !lower.endsWith('.csv')) throw new AppError('import.fileType');
  const source: AsyncIterable<SheetRow> | Iterable<SheetRow> = lower.endsWith('.xlsx') ? readFirstSheet(buffer) : csvRows(decodeCsv(buffer));
  const all: SheetRow[] = [];
  for await (const r of source) {
    all.push(r);
    if (all.length > maxRows) throw new AppError(tooManyKey, { max: maxRows });
  }
  return all;
}

/** The header is found by its content in the first ten rows (titles and merged cells come above it). */
export function findHeader<C extends string>(rows: SheetRow[], columns: Record<C, readonly string[]>, required: NoInfer<C>, minColumns: number): { index: number; columns: Map<C, number> } | undefined {
  for (const [index, row] of rows.slice(0, 10).entries()) {
    const found = new Map<C, number>();
    row.cells.forEach((c, i) => {
      const h = cellText(c).replace(/\s+/g, '');
      const key = (Object.keys(columns) as C[]).find((k) => columns[k].includes(h));
      if (key && !found.has(key)) found.set(key, i);
    });
    if (found.has(required) && found.size >= minColumns) return { index, columns: found };
  }
  return undefined;
}

export const isBlankRow = (row: SheetRow) => row.cells.every((c) => cellText(c) === '');

/** Checked rows wait here, under a random token, until the user confirms them (or half an hour passes). */
export class Staging<T> {
  private readonly staged = new Map<string, { value: T; at: number }>();
  constructor(private readonly minutes = 30) {}
  put(value: T): string {
    const now = Date.now();
    for (const [k, s] of this.staged) if (now - s.at > this.minutes * 60_000) this.staged.delete(k);
    const token = randomBytes(16).toString('hex');
    this.staged.set(token, { value, at: now });
    return token;
  }
  /** The rows to write; dropped only once they are written, so a failed write can be confirmed again. */
  get(token: string): T {
    const s = this.staged.get(token);
    if (!s) throw new AppError('import.expired');
    return s.value;
  }
  drop(token: string): void {
    this.staged.delete(token);
  }
}
