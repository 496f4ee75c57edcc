import { cellText, type SheetRow } from './cells';

/** A module's columns: each key with the header words people use for it, the first being the template's. */
export type Vocabulary<K extends string> = Record<K, readonly string[]>;

/**
 * Words that, inside a longer header, still say the column ("户籍人员姓名", "身份证号码（必填）"): tried
 * only when no header word matches whole, in order, the first that fits (and is not excluded) winning.
 */
export type Fragments<K extends string> = readonly { part: string; key: K; unless?: string }[];

/** The header as compared: no spaces, marks or notes in brackets ("姓 名", "身份证号（18位）", "*姓名："). */
export const headerKey = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s*＊:：]/g, '');

const lookups = new WeakMap<object, Map<string, string>>();
export function guessColumn<K extends string>(header: string, vocabulary: Vocabulary<K>, fragments: Fragments<K> = []): K | undefined {
  let map = lookups.get(vocabulary);
  if (!map) {
    map = new Map();
    for (const [key, words] of Object.entries(vocabulary) as [K, readonly string[]][]) for (const w of words) if (!map.has(headerKey(w))) map.set(headerKey(w), key);
    lookups.set(vocabulary, map);
  }
  const key = headerKey(header);
  const whole = map.get(key) as K | undefined;
  if (whole || !key) return whole;
  return fragments.find((f) => key.includes(f.part) && !(f.unless && key.includes(f.unless)))?.key;
}

export interface HeaderFound<K extends string> {
  /** The header row's Excel number, and the first row of data after it (two-row headers take two). */
  rowNumber: number;
  bodyFrom: number;
  /** Each column's header text, by column index (for a two-row header the lower one where it has one). */
  headers: string[];
  columns: Map<K, number>;
}

/** How far down the header may be: titles, 填报单位 and date lines, and notes come above it. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The header is the row, among the first twenty, that names the most known columns (and the required
 * one). A merged group header ("现住址" over 楼栋 | 单元 | 房号) takes its second row's words.
 */
export function findHeader<K extends string>(
  rows: SheetRow[],
  vocabulary: Vocabulary<K>,
  required: NoInfer<K>,
  minColumns: number,
  fragments: Fragments<NoInfer<K>> = [],
  /** The header row the user named (an Excel row number), when Linli found none. */
  atRow?: number,
): HeaderFound<K> | undefined {
  let best: { at: number; columns: Map<K, number> } | undefined;
  for (const [at, row] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    if (atRow !== undefined && row.rowNumber !== atRow) continue;
    const columns = new Map<K, number>();
    row.cells.forEach((c, i) => {
      const key = guessColumn(cellText(c), vocabulary, fragments);
      if (key && !columns.has(key)) columns.set(key, i);
    });
    const enough = atRow !== undefined || (columns.has(required) && columns.size >= minColumns);
    if (enough && (!best || columns.size > best.columns.size)) best = { at, columns };
  }
  if (!best) return undefined;
  const row = rows[best.at]!;
  const headers = row.cells.map((c) => cellText(c));
  const below = rows[best.at + 1];
  let twoRows = false;
  if (below && below.rowNumber === row.rowNumber + 1) {
    const sub = below.cells.map((c, i) => ({ i, text: cellText(c), key: guessColumn(cellText(c), vocabulary, fragments) }));
    // Sub-headers sit under a group header: one spread (merged) over several columns.
    const grouped = sub.filter((s) => s.key && s.text !== headers[s.i] && (headers[s.i] === '' || headers[s.i] === headers[s.i - 1] || headers[s.i] === headers[s.i + 1]));
    if (grouped.length >= 2) {
      twoRows = true;
      for (const s of grouped) {
        for (const [k, i] of best.columns) if (i === s.i) best.columns.delete(k);
        if (!best.columns.has(s.key!)) best.columns.set(s.key!, s.i);
        headers[s.i] = s.text;
      }
    }
  }
  return { rowNumber: row.rowNumber, bodyFrom: row.rowNumber + (twoRows ? 2 : 1), headers, columns: best.columns };
}

export type SkipReason = 'blank' | 'summary' | 'signOff' | 'title' | 'header';

const SUMMARY = /^(合计|小计|总计|共计|总数|累计|本页小计)/;
const SIGN_OFF = /^(填表人|填报人|审核人|审核|审批人|制表人|制表|负责人|单位负责人|统计人|经办人|联系人|填表日期|填报日期|制表日期|报送日期|盖章|社区盖章|注|说明|备注说明)[:：]/;
const SIGN_OFF_WORDS = /^(填表人|填报人|审核人|制表人|负责人|经办人|\(?盖章\)?|（盖章）)$/;

/**
 * Rows of a sheet that are not people: blank, the totals (合计：30户 85人), the sign-off line
 * (填表人：… 审核人：…), a section title ("7号楼" across the row) or the header repeated on each
 * printed page. A row with a name in the name column and anything beside it is always a person.
 */
export function skipReason(row: SheetRow, headers: string[], nameColumn: number | undefined): SkipReason | undefined {
  // Plain trimmed text is enough to tell these rows (the words are the same after NFKC), and it is
  // asked of every row of a 100,000-row sheet.
  const texts = row.cells.map((c) => (c === null || c === undefined ? '' : typeof c === 'string' ? c.trim() : cellText(c)));
  const filled = texts.filter(Boolean);
  if (!filled.length) return 'blank';
  const first = filled[0]!.replace(/\s+/g, '');
  if (SUMMARY.test(first)) return 'summary';
  if (filled.length <= 8 && filled.some((t) => SIGN_OFF.test(t.replace(/\s+/g, '')) || SIGN_OFF_WORDS.test(t.replace(/\s+/g, '')))) return 'signOff';
  const distinct = new Set(filled);
  // A title merged across the row repeats in every cell; a lone word outside the key column is a section name.
  if (distinct.size === 1 && (filled.length >= 3 || (filled.length === 1 && (nameColumn === undefined || texts[nameColumn] === '')))) return 'title';
  const sameAsHeader = texts.filter((t, i) => t && t === headers[i]).length;
  if (sameAsHeader >= Math.max(2, filled.length - 1)) return 'header';
  return undefined;
}
