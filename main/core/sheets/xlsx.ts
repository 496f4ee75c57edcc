import zlib from 'node:zlib';
import { AppError } from '../../core/errors';

import { excelDate, type Cell, type Merge, type SheetRow } from './cells';

/**
 * A streaming reader for the worksheets of an .xlsx, for imports: cell values only (text, numbers,
 * dates), row by row, with memory bounded by one compressed file plus one row. exceljs's own streaming
 * reader gives the same values about four times slower; exceljs still writes every file we hand out.
 */

/** A sheet that inflates past this is refused (a zip bomb, or a file to split). */
export const MAX_SHEET_BYTES = 512 * 1024 * 1024;

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const min = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('import.notXlsx');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new AppError('import.notXlsx');
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, {
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      headerOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

function compressed(buf: Buffer, e: ZipEntry): Buffer {
  const h = e.headerOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw new AppError('import.notXlsx');
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  if (start + e.compressedSize > buf.length) throw new AppError('import.notXlsx');
  return buf.subarray(start, start + e.compressedSize);
}

function readSmall(buf: Buffer, entries: Map<string, ZipEntry>, name: string): string | undefined {
  const e = entries.get(name);
  if (!e) return undefined;
  if (e.size > 256 * 1024 * 1024) throw new AppError('import.tooLarge');
  const data = e.method === 0 ? compressed(buf, e) : zlib.inflateRawSync(compressed(buf, e), { maxOutputLength: 256 * 1024 * 1024 });
  return data.toString('utf8');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function xmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );
}

/** The text of a string item: its runs joined, phonetic guides (rPh) left out. */
function runsText(xml: string): string {
  let out = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out += m[1];
  return xmlText(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return Array.from(xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g), (m) => runsText(m[1] ?? ''));
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Which cell styles show a date: built-in date formats, and custom ones with y, m or d outside quotes and brackets. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) custom.set(Number(m[1]), xmlText(m[2]!));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return Array.from(xfs.matchAll(/<xf\b([^>]*?)\/?>/g), (m) => {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = custom.get(id);
    return !!code && /[ymd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  });
}

interface SheetEntry {
  name: string;
  path: string;
}

/** The visible worksheets in workbook order; hidden ones hold drop-down lists, not people. */
function sheetEntries(entries: Map<string, ZipEntry>, buf: Buffer): SheetEntry[] {
  const workbook = readSmall(buf, entries, 'xl/workbook.xml') ?? '';
  const rels = readSmall(buf, entries, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[1]!)?.[1];
    const target = /Target="([^"]+)"/.exec(m[1]!)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out: SheetEntry[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = m[1]!;
    if (/\bstate="(hidden|veryHidden)"/.test(a)) continue;
    const path = targets.get(/\br:id="([^"]+)"/.exec(a)?.[1] ?? '');
    if (path && entries.has(path)) out.push({ name: xmlText(/\bname="([^"]*)"/.exec(a)?.[1] ?? ''), path });
  }
  if (!out.length) {
    const fallback = [...entries.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort();
    if (!fallback.length) throw new AppError('import.notXlsx');
    fallback.forEach((path, i) => out.push({ name: `Sheet${i + 1}`, path }));
  }
  return out;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The value of attribute `name` in a tag's text (` r="B7" s="3" t="s"`), or undefined. */
function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(`${name}="`, from);
    if (at < 0) return undefined;
    const before = tag.charCodeAt(at - 1);
    if (at > 0 && (before === 32 || before === 9 || before === 10 || before === 13)) {
      const start = at + name.length + 2;
      return tag.slice(start, tag.indexOf('"', start));
    }
    from = at + 1;
  }
}

/** The text inside the first <name>…</name> (or <name attr…>…</name>) of a cell's body. */
function element(body: string, name: string): string | undefined {
  const open = body.indexOf(`<${name}`);
  if (open < 0) return undefined;
  const gt = body.indexOf('>', open);
  if (gt < 0 || body.charCodeAt(gt - 1) === 47) return '';
  const end = body.indexOf(`</${name}>`, gt);
  return body.slice(gt + 1, end < 0 ? body.length : end);
}

/** A worksheet read lazily: its rows are inflated and parsed only while they are iterated. */
export interface XlsxSheet {
  name: string;
  rows(): AsyncGenerator<SheetRow>;
  /** The merged ranges, found in a pass of their own: Excel writes them after the rows. */
  merges(): Promise<Merge[]>;
}

export function readXlsx(buf: Buffer, maxBytes = MAX_SHEET_BYTES): XlsxSheet[] {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw new AppError('import.notXlsx');
  const entries = zipEntries(buf);
  if (!entries.has('xl/workbook.xml')) throw new AppError('import.notXlsx');
  const strings = sharedStrings(readSmall(buf, entries, 'xl/sharedStrings.xml'));
  const dates = dateStyles(readSmall(buf, entries, 'xl/styles.xml'));
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(readSmall(buf, entries, 'xl/workbook.xml') ?? '');
  return sheetEntries(entries, buf).map(({ name, path }) => {
    const entry = entries.get(path)!;
    return {
      name,
      rows: () => sheetRows(buf, entry, maxBytes, strings, dates, date1904),
      merges: () => sheetMerges(buf, entry, maxBytes),
    };
  });
}

async function* inflated(buf: Buffer, sheet: ZipEntry, maxBytes: number): AsyncGenerator<Buffer> {
  const source = compressed(buf, sheet);
  if (sheet.method === 0) {
    yield source;
    return;
  }
  // Chunks of 64 KB: larger ones were fewer round trips but long-lived strings that the collector promotes.
  const inflater = zlib.createInflateRaw({ chunkSize: 1 << 16 });
  inflater.end(source);
  let total = 0;
  for await (const chunk of inflater as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      inflater.destroy();
      throw new AppError('import.tooLarge');
    }
    yield chunk;
  }
}

const SHEET_DATA_END = Buffer.from('</sheetData>');

/** A1:B3 → the merge's rows and columns. */
function mergeFromRef(ref: string): Merge | undefined {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return undefined;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { left: col(m[1]!), top: Number(m[2]), right: col(m[3]!), bottom: Number(m[4]) };
}

async function sheetMerges(buf: Buffer, sheet: ZipEntry, maxBytes: number): Promise<Merge[]> {
  // Only the bytes after </sheetData> are decoded: the rows are skipped as raw bytes.
  let tail: Buffer[] | undefined;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of inflated(buf, sheet, maxBytes)) {
    if (tail) {
      tail.push(chunk);
      continue;
    }
    const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const at = joined.indexOf(SHEET_DATA_END);
    if (at >= 0) tail = [joined.subarray(at)];
    else carry = joined.subarray(Math.max(0, joined.length - SHEET_DATA_END.length));
  }
  const xml = tail ? Buffer.concat(tail).toString('utf8') : '';
  return Array.from(xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g), (m) => mergeFromRef(m[1]!)).filter((m): m is Merge => !!m);
}

async function* sheetRows(buf: Buffer, sheet: ZipEntry, maxBytes: number, strings: string[], dates: boolean[], date1904: boolean): AsyncGenerator<SheetRow> {
  // Scanned with indexOf, not a regular expression per cell: a 100,000-row sheet has over a million
  // cells, and the match objects alone were most of the reader's garbage.
  const parseRow = (xml: string, attrs: string, fallback: number): SheetRow => {
    const cells: Cell[] = [];
    let next = 0;
    let p = 0;
    for (;;) {
      const c = xml.indexOf('<c', p);
      if (c < 0) break;
      const after = xml.charCodeAt(c + 2);
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        p = c + 2; // <col …> and the like
        continue;
      }
      const close = xml.indexOf('>', c);
      if (close < 0) break;
      const selfClosing = xml.charCodeAt(close - 1) === 47;
      const tag = xml.slice(c + 2, selfClosing ? close - 1 : close);
      let body = '';
      if (selfClosing) p = close + 1;
      else {
        const end = xml.indexOf('</c>', close);
        body = xml.slice(close + 1, end < 0 ? xml.length : end);
        p = end < 0 ? xml.length : end + 4;
      }
      const ref = attribute(tag, 'r');
      const col = ref ? columnIndex(ref) : next;
      next = col + 1;
      const type = attribute(tag, 't') ?? 'n';
      const v = element(body, 'v');
      let value: Cell = null;
      if (type === 's') value = v === undefined ? null : (strings[Number(v)] ?? null);
      else if (type === 'inlineStr') value = runsText(element(body, 'is') ?? '');
      else if (type === 'str' || type === 'e') value = v === undefined ? null : xmlText(v);
      else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else if (type === 'd') value = v ? new Date(v) : null;
      else if (v !== undefined && v !== '') {
        const n = Number(v);
        const style = Number(attribute(tag, 's') ?? 0);
        value = dates[style] && Number.isFinite(n) ? excelDate(n, date1904) : n;
      }
      cells[col] = value;
    }
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    const r = attribute(attrs, 'r');
    return { rowNumber: r ? Number(r) : fallback, cells };
  };

  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let rowCount = 0;
  for await (const chunk of inflated(buf, sheet, maxBytes)) {
    carry += decoder.decode(chunk, { stream: true });
    let from = 0;
    for (;;) {
      const start = carry.indexOf('<row', from);
      if (start < 0) break;
      const after = carry[start + 4];
      if (after === undefined) break;
      if (after !== ' ' && after !== '>' && after !== '/') {
        from = start + 4; // <rowBreaks> and the like
        continue;
      }
      const open = carry.indexOf('>', start);
      if (open < 0) break;
      const attrs = carry.slice(start + 4, open);
      if (attrs.endsWith('/')) {
        from = open + 1; // an empty row
        rowCount++;
        continue;
      }
      const end = carry.indexOf('</row>', open);
      if (end < 0) break;
      const row = parseRow(carry.slice(open + 1, end), attrs, rowCount + 1);
      rowCount = row.rowNumber;
      yield row;
      from = end + 6;
    }
    carry = carry.slice(from);
  }
}
