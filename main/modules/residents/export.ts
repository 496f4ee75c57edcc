import { loadExcel } from '../../core/excel';
import type { ResidentFilters } from '../../../shared/contract/residents';
import { translate, type Language } from '../../../shared/i18n/resources';
import type { Db } from '../../core/ledger';
import { iterateResidents, toRow } from './search';

const EXPORT_LIMIT = 1_000_000;

/**
 * The filtered list as xlsx, in the list's order. ID numbers and phones masked (privacy.md), and the
 * first line says so: such a copy is for reading, not for importing again. With `full` (a role that
 * may reveal, logged by the caller) the whole numbers are written and the copy imports back as it is.
 */
export async function exportWorkbook(db: Db, filters: Parameters<typeof iterateResidents>[1] & ResidentFilters, lang: Language, full = false) {
  const t = (k: string) => translate(lang, `residents:${k}`);
  const code = (list: string, v: string) => (v ? translate(lang, `codes:${list}.${v}`) : '');
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(t('roster.sheet'));
  const columns = ['index', 'name', 'gender', 'birthDate', 'age', 'ethnicity', 'idNumber', 'phone', 'grid', 'address', 'householdNumber', 'relation', 'residenceType', 'political', 'status', 'tags'];
  ws.addRow([t(full ? 'roster.fullNote' : 'roster.maskedNote')]).font = { bold: true, color: { argb: full ? 'FFCF1322' : 'FF595959' } };
  ws.mergeCells(1, 1, 1, columns.length);
  ws.addRow(columns.map((c) => t(`fields.${c}`))).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  const householdNumber = db.prepare('SELECT number FROM households WHERE id = ?').pluck();
  let n = 0;
  for (const rec of iterateResidents(db, filters, EXPORT_LIMIT)) {
    const r = toRow(rec, undefined, !!filters.reveal);
    ws.addRow([
      ++n,
      r.name,
      code('gender', r.gender),
      r.birthDate,
      r.age ?? '',
      code('ethnicity', r.ethnicity),
      full ? (rec.id_number ?? '') : r.idMasked,
      full ? rec.phone : r.phoneMasked,
      r.gridName,
      r.address,
      rec.household_id ? (householdNumber.get(rec.household_id) as string) : '',
      code('relation', r.relation),
      code('residenceType', r.residenceType),
      code('political', r.political),
      code('status', r.status),
      r.tags.map((tag) => code('careTag', tag)).join('、'),
    ]);
  }
  [6, 8, 10, 20, 6, 8, 22, 14, 12, 22, 10, 10, 12, 12, 8, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const stamp = new Date().toISOString().slice(0, 10);
  return { fileName: `${t('roster.fileName')}${full ? t('roster.fullSuffix') : ''}-${stamp}.xlsx`, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}
