/**
 * Cell values as the staff type them, made into the ledger's forms: text, dates in the ways people
 * write them, names without the spaces that align them, and phone cells holding two numbers.
 */
export type Cell = string | number | Date | null;
export interface SheetRow {
  rowNumber: number;
  cells: Cell[];
}

/** A merged range of cells. */
export interface Merge {
  /** Excel row numbers (1-based). */
  top: number;
  bottom: number;
  /** Column indexes (0-based). */
  left: number;
  right: number;
}

/** Excel's day numbers to a date (UTC midnight); the 1900 system counts the non-existent 1900-02-29. */
export function excelDate(serial: number, date1904 = false): Date {
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

export const cellText = (c: Cell | undefined): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).normalize('NFKC').replaceAll('\u0000', '').trim();

const realDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 1850 && y <= 2200;
};

/**
 * 1956-03-12 from 1956.03.12, 1956.3.12, 19560312, 1956/3/12, 1956年3月12日, 1956-3-12, a date cell,
 * or an Excel day number (a date cell that lost its format: 20526). '' for an empty cell, null for
 * anything else — never a guess.
 */
export function normaliseDate(c: Cell | undefined): string | null {
  if (c === null || c === undefined || c === '') return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  if (typeof c === 'number') {
    // Whole day numbers from 1900-03-01 to 2100-12-31 only; a number like 19560312 is read as digits below.
    if (Number.isInteger(c) && c >= 61 && c <= 73415) return excelDate(c).toISOString().slice(0, 10);
  }
  // A time of day after the date ("1956-03-12 00:00:00", "1956-03-12T00:00:00"), as databases export it, says nothing.
  const s = String(c).normalize('NFKC').trim().replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '').replace(/\s+/g, '');
  if (s === '') return '';
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return realDate(y, mo, d) ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
  }
  if (/^\d{2,5}$/.test(s)) return normaliseDate(Number(s));
  return null;
}

/** 2010-07-01, 2010.07, 2010年7月 …: a month alone is taken as its first day. */
export function monthOrDate(c: Cell | undefined): string | null {
  const full = normaliseDate(c);
  if (full !== null) return full;
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(cellText(c)) ?? /^(\d{4})(\d{2})$/.exec(cellText(c));
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]!.padStart(2, '0')}-01` : null;
}

// The dots people put between the parts of a Uyghur, Kazakh or foreign name, all as the one U+00B7.
const NAME_DOTS = /[\u2022\u2027\u30fb\uff65\u2219\u22c5\u0387\u16eb\u2e31\u318d\u00b7.．]/g;

/** 王\u3000芳 → 王芳 (spaces that align two-character names), 阿依古丽•买买提 → 阿依古丽·买买提. */
export function cleanName(c: Cell | undefined): string {
  const s = cellText(c).replace(NAME_DOTS, '·').replace(/\s*·\s*/g, '·');
  // Between Chinese characters a space is alignment; between Latin words it is part of the name.
  return s.replace(/(?<=[\u3400-\u9fff·])\s+|\s+(?=[\u3400-\u9fff·])/g, '').replace(/\s+/g, ' ');
}

/**
 * A phone cell as staff fill it: "13800138000/13900139000", "138 0013 8000；010-65001234",
 * "+86 138-0013-8000". The first number, and the others to keep in the note.
 */
export function splitPhones(c: Cell | undefined): { first: string; others: string[] } {
  const numbers: string[] = [];
  // "13800138000（本人）": the words in brackets are not part of a number.
  for (const part of cellText(c).replace(/[(（][^)）]*[)）]/g, ' ').split(/[/／,，;；、|]|或/)) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    // "138 0013 8000" is one number written in groups; "13800138000 13900139000" is two.
    if (tokens.length > 1 && tokens.every((t) => t.replace(/\D/g, '').length >= 7)) numbers.push(...tokens);
    else if (tokens.length) numbers.push(tokens.join(' '));
  }
  return { first: numbers[0] ?? '', others: numbers.slice(1) };
}
