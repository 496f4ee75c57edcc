import { AppError } from '../errors';
import type { Cell, Merge, SheetRow } from './cells';
import type { Sheet } from './workbook';

type SheetJs = typeof import('@e965/xlsx');
/** SheetJS and its code pages take a while to load and are needed only for the older formats. */
let sheetJs: SheetJs | undefined;
const load = (): SheetJs => (sheetJs ??= require('@e965/xlsx') as SheetJs);

/**
 * Excel 97–2003 .xls, WPS .et, .ods and the HTML or XML "xls" that some systems export, read whole by
 * SheetJS (an .xls holds at most 65,536 rows, so whole is small enough).
 */
export function readLegacy(buf: Buffer): Sheet[] {
  const X = load();
  let wb: ReturnType<SheetJs['read']>;
  try {
    wb = X.read(buf, { type: 'buffer', cellDates: true, dense: true, cellFormula: false, cellHTML: false, cellStyles: false });
  } catch {
    throw new AppError('import.unreadable');
  }
  const hidden = new Set((wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  return wb.SheetNames.filter((name) => !hidden.has(name)).map((name) => {
    const ws = wb.Sheets[name]!;
    const data = ((ws as { '!data'?: ({ v?: unknown; t?: string } | undefined)[][] })['!data'] ?? []);
    const merges: Merge[] = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c, bottom: m.e.r + 1, right: m.e.c }));
    return {
      name,
      merges: () => Promise.resolve(merges),
      async *rows(): AsyncGenerator<SheetRow> {
        for (let r = 0; r < data.length; r++) {
          const row = data[r];
          if (!row) continue;
          const cells: Cell[] = [];
          for (let c = 0; c < row.length; c++) {
            const cell = row[c];
            const v = cell?.v;
            cells[c] = v === undefined || v === null || cell?.t === 'z' ? null : v instanceof Date ? v : typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
          }
          yield { rowNumber: r + 1, cells };
        }
      },
    };
  });
}
