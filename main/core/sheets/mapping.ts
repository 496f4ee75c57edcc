import { createHash } from 'node:crypto';
import { getSetting, setSetting, type Db } from '../ledger';
import { headerKey } from './header';

/**
 * A column mapping the user fixed is remembered for the next sheet with the same headers: the
 * committee's monthly sheet, or the district's form sent again, comes already mapped. Kept in the
 * ledger's settings, keyed by what is mapped ('residents', 'upper-sheet' …) and the header words.
 */
export type ColumnMapping = Record<string, string>;

const settingKey = (kind: string, headers: readonly string[]) =>
  `columns:${kind}:${createHash('sha256').update(headers.map(headerKey).join('\u0001')).digest('hex').slice(0, 32)}`;

export function recallMapping(db: Db, kind: string, headers: readonly string[]): ColumnMapping | undefined {
  const v = getSetting(db, settingKey(kind, headers));
  if (!v) return undefined;
  try {
    return JSON.parse(v) as ColumnMapping;
  } catch {
    return undefined;
  }
}

export function rememberMapping(db: Db, kind: string, headers: readonly string[], mapping: ColumnMapping): void {
  setSetting(db, settingKey(kind, headers), JSON.stringify(mapping));
}
