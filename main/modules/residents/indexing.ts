import { stmt, type Db } from '../../core/ledger';
import { deferWork } from '../../core/ledger/bulk';
import { nameGrams } from '../../../shared/rules/text';

/** pinyin-pro's dictionary loads in ~60 ms: on the first write, not at start. */
let pinyinLib: typeof import('pinyin-pro') | undefined;

/** Initials and full pinyin stored beside the name so `zsf` and `zhangsanfeng` find 张三丰. */
const pinyinCache = new Map<string, { initials: string; full: string }>();
export function pinyinOf(name: string): { initials: string; full: string } {
  // Names repeat (张伟, 王芳 …): an import of a large community asks for the same one many times.
  const hit = pinyinCache.get(name);
  if (hit) return hit;
  if (pinyinCache.size > 50_000) pinyinCache.clear();
  pinyinLib ??= require('pinyin-pro') as typeof import('pinyin-pro');
  // One call for both: the initials are the first letters of the syllables (half the time of asking twice).
  const syllables = pinyinLib.pinyin(name, { toneType: 'none', surname: 'head', v: true, type: 'array' });
  const out = {
    initials: syllables.map((p) => p.toLowerCase().replace(/[^a-z]/g, '').slice(0, 1)).join(''),
    full: syllables.join('').toLowerCase().replace(/[^a-z]/g, ''),
  };
  pinyinCache.set(name, out);
  return out;
}

export interface IndexedFields {
  id: number;
  name: string;
  address: string;
  id_number: string | null;
  phone: string;
}

export function indexResident(db: Db, r: IndexedFields): void {
  stmt(db, 'DELETE FROM resident_fts WHERE rowid = ?').run(r.id);
  stmt(db, 'DELETE FROM resident_short WHERE rowid = ?').run(r.id);
  stmt(db, 'INSERT INTO resident_fts(rowid, name, address, idn, phone) VALUES (?, ?, ?, ?, ?)').run(r.id, r.name, r.address, r.id_number ?? '', r.phone);
  stmt(db, 'INSERT INTO resident_short(rowid, grams) VALUES (?, ?)').run(r.id, nameGrams(r.name));
}

/**
 * Bulk work (imports, seeding): one pass over the rows just written instead of a call per row.
 * `fresh` ids were inserted in this transaction and have no entries to remove first.
 */
export function indexResidents(db: Db, ids: readonly number[], fresh: ReadonlySet<number> = new Set()): void {
  const delFts = stmt(db, 'DELETE FROM resident_fts WHERE rowid = ?');
  const delShort = stmt(db, 'DELETE FROM resident_short WHERE rowid = ?');
  for (const id of ids) {
    if (!fresh.has(id)) {
      delFts.run(id);
      delShort.run(id);
    }
  }
  const list = JSON.stringify(ids);
  stmt(db, `INSERT INTO resident_short(rowid, grams) SELECT id, name_grams(name) FROM residents WHERE id IN (SELECT value FROM json_each(?))`).run(list);
  stmt(db, `INSERT INTO resident_fts(rowid, name, address, idn, phone) ${FTS_ROWS} WHERE id IN (SELECT value FROM json_each(?))`).run(list);
}

const FTS_ROWS = "SELECT id, name, address, coalesce(id_number, ''), phone FROM residents";

/**
 * A large import's new residents (ids `from`…`to`, all inserted in the current transaction) are put
 * in the search index once, at the end of the import, instead of batch by batch: one pass costs a
 * fraction of fifty (tests/bench/RESULTS.md). The work is kept in the same transaction as the rows,
 * so a crash before the end leaves it listed and the next open does it (bulk.ts). REPLACE, because a
 * desk may have edited (and so indexed) one of the rows in the meantime.
 */
export function deferSearchIndex(db: Db, from: number, to: number): void {
  const range = `id BETWEEN ${Math.trunc(from)} AND ${Math.trunc(to)}`;
  deferWork(
    db,
    `search ${from}-${to}`,
    `INSERT OR REPLACE INTO resident_short(rowid, grams) SELECT id, name_grams(name) FROM residents WHERE ${range};
     INSERT OR REPLACE INTO resident_fts(rowid, name, address, idn, phone) ${FTS_ROWS} WHERE ${range}`,
  );
}
