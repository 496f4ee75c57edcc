import type { SheetRow } from './cells';

/** Excel saves CSV in the system code page (GB18030 on Chinese Windows); UTF-8 with or without BOM otherwise. */
export function decodeCsv(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  const text = utf8.includes('\uFFFD') ? new TextDecoder('gb18030').decode(buffer) : utf8;
  return text.replace(/^\uFEFF/, '');
}

/** Comma, or tab for the "text (tab-separated)" files Excel and WPS also save: whichever the first line uses more. */
function separatorOf(text: string): string {
  const line = text.slice(0, Math.max(0, text.indexOf('\n')) || 4096);
  return (line.match(/\t/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

export function* csvRows(text: string): Generator<SheetRow> {
  const sep = separatorOf(text);
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      yield { rowNumber: rowStart, cells: row };
      row = [];
      field = '';
      line++;
      rowStart = line;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    yield { rowNumber: rowStart, cells: row };
  }
}
