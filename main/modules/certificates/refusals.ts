import { randomBytes } from 'node:crypto';
import { ABOLISHED, abolishedMatch, refusalKinds, type AbolishedItem, type LocalRefusals } from '../../../shared/rules/certificates';
import type { RefusalKind } from '../../../shared/contract/certificates';
import { AppError } from '../../core/errors';
import { stmt, type Db } from '../../core/ledger';

/** What the administrator added to the national list: local kinds, and words for any kind. */
export function localRefusals(db: Db): LocalRefusals {
  const words: Record<string, string[]> = {};
  for (const w of stmt(db, 'SELECT kind, word FROM cert_refusal_words ORDER BY kind, word').all() as { kind: string; word: string }[]) (words[w.kind] ??= []).push(w.word);
  const kinds = (stmt(db, 'SELECT key, name, basis, instead FROM cert_refusal_kinds ORDER BY created_at, key').all() as { key: string; name: string; basis: string; instead: string }[]).map((k) => ({ ...k, synonyms: [] }));
  return { kinds, words };
}

/** The abolished kind a request (or an item's name) is about, national or local. */
export const refusedKind = (db: Db, request: string): AbolishedItem | undefined => abolishedMatch(request, localRefusals(db));

export function listRefusals(db: Db): RefusalKind[] {
  const local = localRefusals(db);
  return refusalKinds(local).map((k) => ({ key: k.key, name: k.name, basis: k.basis, instead: k.instead, synonyms: k.synonyms, localWords: local.words[k.key] ?? [], shipped: k.shipped }));
}

/**
 * Saves a local kind, or the administrator's words for a national one. A national kind's name, basis
 * and office stay as shipped; a word that already means another kind is refused (it would be ambiguous).
 */
export function saveRefusal(db: Db, input: { key?: string; name: string; basis: string; instead: string; words: string[] }): string {
  const national = ABOLISHED.find((k) => k.key === input.key);
  let key = input.key;
  if (!national) {
    if (key && !stmt(db, 'SELECT 1 FROM cert_refusal_kinds WHERE key = ?').get(key)) throw new AppError('certs.refusalNotFound');
    const clash = refusalKinds(localRefusals(db)).find((k) => k.name === input.name && k.key !== key);
    if (clash) throw new AppError('certs.refusalExists', { name: input.name });
    key ??= `local-${randomBytes(4).toString('hex')}`;
    stmt(db, 'INSERT INTO cert_refusal_kinds(key, name, basis, instead) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET name = excluded.name, basis = excluded.basis, instead = excluded.instead').run(key, input.name, input.basis, input.instead);
  }
  const words = [...new Set(input.words.map((w) => w.trim()).filter(Boolean))];
  stmt(db, 'DELETE FROM cert_refusal_words WHERE kind = ?').run(key!);
  for (const w of words) {
    const other = refusedKind(db, w);
    if (other && other.key !== key && other.synonyms.includes(w)) throw new AppError('certs.wordTaken', { word: w, name: other.name });
    stmt(db, 'INSERT INTO cert_refusal_words(kind, word) VALUES (?, ?)').run(key!, w);
  }
  return key!;
}

export function removeRefusal(db: Db, key: string): void {
  if (ABOLISHED.some((k) => k.key === key)) throw new AppError('certs.refusalShipped');
  if (!stmt(db, 'DELETE FROM cert_refusal_kinds WHERE key = ?').run(key).changes) throw new AppError('certs.refusalNotFound');
  stmt(db, 'DELETE FROM cert_refusal_words WHERE kind = ?').run(key);
}
