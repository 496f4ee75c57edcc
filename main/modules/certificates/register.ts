import { createHmac, randomBytes } from 'node:crypto';
import type { CertItem, Certificate, RegisterFilters } from '../../../shared/contract/certificates';
import { certificateNumber, fillTemplate, needsLivingSince } from '../../../shared/rules/certificates';
import { maskIdNumber } from '../../../shared/rules/mask';
import { todayIso } from '../../../shared/rules/idNumber';
import { AppError } from '../../core/errors';
import { refusedKind } from './refusals';
import { paperDate } from '../../../shared/rules/dates';
import { type Db, getSetting, nextSerial, plucked, setSetting, stmt } from '../../core/ledger';

interface ItemRecord {
  id: number;
  name: string;
  basis: string;
  purposes: string;
  checks: string;
  needs_approval: number;
  full_id: number;
  template: string;
  active: number;
}

const toItem = (r: ItemRecord): CertItem => ({
  id: r.id,
  name: r.name,
  basis: r.basis,
  purposes: JSON.parse(r.purposes) as string[],
  checks: JSON.parse(r.checks) as string[],
  needsApproval: !!r.needs_approval,
  fullId: !!r.full_id,
  template: r.template,
  active: !!r.active,
});

export function items(db: Db, all: boolean): CertItem[] {
  return (stmt(db, `SELECT * FROM cert_items ${all ? '' : 'WHERE active = 1'} ORDER BY id`).all() as ItemRecord[]).map(toItem);
}

export function itemById(db: Db, id: number): CertItem {
  const r = stmt(db, 'SELECT * FROM cert_items WHERE id = ?').get(id) as ItemRecord | undefined;
  if (!r) throw new AppError('certs.itemNotFound', { id });
  return toItem(r);
}

interface CertRecord {
  id: number;
  status: Certificate['status'];
  number: string | null;
  verify_code: string | null;
  item_id: number | null;
  item_name: string;
  resident_id: number | null;
  person_name: string;
  purpose: string;
  checks: string;
  title: string;
  body: string;
  handler: string;
  approver: string;
  requested: string;
  refusal: string;
  reissue_of: number | null;
  reissue_of_number: string | null;
  reissued_as: string | null;
  void_reason: string;
  created_at: string;
  issued_at: string;
  voided_at: string;
  needs_approval: number | null;
}

const CERT_SELECT = `SELECT c.*, o.number AS reissue_of_number, i.needs_approval,
  (SELECT n.number FROM certificates n WHERE n.reissue_of = c.id AND n.number IS NOT NULL ORDER BY n.id DESC LIMIT 1) AS reissued_as
  FROM certificates c LEFT JOIN certificates o ON o.id = c.reissue_of LEFT JOIN cert_items i ON i.id = c.item_id`;

const toCertificate = (r: CertRecord): Certificate => ({
  id: r.id,
  status: r.status,
  number: r.number,
  verifyCode: r.verify_code,
  itemId: r.item_id,
  itemName: r.item_name,
  residentId: r.resident_id,
  personName: r.person_name,
  purpose: r.purpose,
  checks: JSON.parse(r.checks) as string[],
  title: r.title,
  body: r.body,
  handler: r.handler,
  approver: r.approver,
  requested: r.requested,
  refusal: r.refusal,
  reissueOf: r.reissue_of,
  reissueOfNumber: r.reissue_of_number,
  reissuedAs: r.reissued_as,
  voidReason: r.void_reason,
  createdAt: r.created_at,
  issuedAt: r.issued_at,
  voidedAt: r.voided_at,
  needsApproval: !!r.needs_approval,
});

export function certificateById(db: Db, id: number): Certificate {
  const r = stmt(db, `${CERT_SELECT} WHERE c.id = ?`).get(id) as CertRecord | undefined;
  if (!r) throw new AppError('certs.notFound', { id });
  return toCertificate(r);
}

/** The resident's facts a template may use, read from the ledger at the moment of drafting. */
function residentValues(db: Db, residentId: number, fullId: boolean) {
  const r = stmt(
    db,
    `SELECT r.name, r.gender, r.id_number, coalesce(r.birth_date, '') AS birth_date, r.ethnicity, r.address, r.status, coalesce(g.name, '') AS grid,
       (SELECT min(e.date) FROM resident_events e WHERE e.resident_id = r.id AND e.kind = 'moved_in' AND e.detail <> 'dateUnknown') AS since
     FROM residents r LEFT JOIN grids g ON g.id = r.grid_id WHERE r.id = ?`,
  ).get(residentId) as
    | { name: string; gender: string; id_number: string | null; birth_date: string; ethnicity: string; address: string; status: string; grid: string; since: string | null }
    | undefined;
  if (!r) throw new AppError('resident.notFound', { id: residentId });
  if (r.status !== 'active') throw new AppError('certs.notLivingHere');
  // No move-in date was ever given (the day of typing in or of an import is not one): unknown, not guessed.
  return { r, since: r.since, id: fullId ? (r.id_number ?? '') : maskIdNumber(r.id_number) };
}

const GENDER: Record<string, string> = { '1': '男', '2': '女' };

export function draft(db: Db, input: { itemId: number; residentId: number; purpose: string; checks: string[]; reissueOf?: number; livingSince?: string }, handler: string): number {
  const item = itemById(db, input.itemId);
  if (!item.active) throw new AppError('certs.itemInactive', { name: item.name });
  // An item put on the list before the rule knew it (结婚证明 as an "item") is refused all the same.
  const banned = refusedKind(db, item.name);
  if (banned) throw new AppError('certs.itemAbolished', { name: banned.name });
  // What the item asks staff to verify must all be confirmed: a certificate is never issued on trust.
  const missing = item.checks.filter((c) => !input.checks.includes(c));
  if (missing.length) throw new AppError('certs.checksMissing', { checks: missing.join('、') });
  if (input.reissueOf !== undefined) {
    const old = certificateById(db, input.reissueOf);
    if (old.status !== 'void') throw new AppError('certs.reissueNotVoid');
  }
  const { r, since: known, id } = residentValues(db, input.residentId, item.fullId);
  // A paper that says since when someone has lived here must say a true date: from the ledger, or as checked now.
  const since = input.livingSince ?? known;
  if (!since && needsLivingSince(item.template)) throw new AppError('certs.sinceNeeded', { name: r.name });
  if (since && since > todayIso()) throw new AppError('validation.futureDate');
  const values = {
    姓名: r.name,
    性别: GENDER[r.gender] ?? '',
    身份证号: id,
    出生日期: paperDate(r.birth_date),
    民族: '',
    住址: `${r.grid}${r.address}`,
    居住起始日期: paperDate(since),
    用途: input.purpose,
    社区: getSetting(db, 'community_name') ?? '',
    居委会: getSetting(db, 'committee_name') ?? '',
    街道: getSetting(db, 'street_name') ?? '',
    日期: paperDate(todayIso()),
  };
  const body = fillTemplate(item.template, values);
  return Number(
    stmt(
      db,
      `INSERT INTO certificates(status, item_id, item_name, resident_id, person_name, purpose, checks, title, body, handler, reissue_of)
       VALUES ('draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(item.id, item.name, input.residentId, r.name, input.purpose, JSON.stringify(input.checks), item.name, body, handler, input.reissueOf ?? null).lastInsertRowid,
  );
}

export function approve(db: Db, id: number, approver: string): void {
  const c = certificateById(db, id);
  if (c.status !== 'draft') throw new AppError('certs.notDraft');
  stmt(db, "UPDATE certificates SET status = 'approved', approver = ? WHERE id = ?").run(approver, id);
}

function secret(db: Db): Buffer {
  let s = getSetting(db, 'cert_secret');
  if (!s) setSetting(db, 'cert_secret', (s = randomBytes(32).toString('hex')));
  return Buffer.from(s, 'hex');
}

const BASE32 = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'; // no 0/O, 1/I/L: read aloud over the phone without doubt
/** A short code over the number and the exact text: a changed paper no longer matches. */
export function verifyCodeFor(db: Db, number: string, body: string): string {
  const mac = createHmac('sha256', secret(db)).update(`${number}\n${body}`).digest();
  return Array.from(mac.subarray(0, 8), (b) => BASE32[b % BASE32.length]).join('');
}

/**
 * Gives the certificate its number. The sequence row is advanced inside the caller's write
 * transaction, so two desks issuing at once are serialised by SQLite: no number twice, none skipped.
 */
export function issue(db: Db, id: number, handler: string, today = todayIso()): { number: string; verifyCode: string } {
  const c = certificateById(db, id);
  if (c.status === 'issued') throw new AppError('certs.alreadyIssued', { number: c.number ?? '' });
  if (c.status !== 'draft' && c.status !== 'approved') throw new AppError('certs.notDraft');
  if (c.needsApproval && c.status !== 'approved') throw new AppError('certs.needsApproval');
  const banned = refusedKind(db, c.itemName);
  if (banned) throw new AppError('certs.itemAbolished', { name: banned.name });
  const year = Number(today.slice(0, 4));
  const serial = nextSerial(db, 'cert_sequences', year);
  const number = certificateNumber(year, serial);
  const verifyCode = verifyCodeFor(db, number, c.body);
  stmt(db, "UPDATE certificates SET status = 'issued', year = ?, serial = ?, number = ?, verify_code = ?, issued_at = ?, handler = ? WHERE id = ?").run(
    year,
    serial,
    number,
    verifyCode,
    today,
    c.handler || handler,
    id,
  );
  return { number, verifyCode };
}

export function voidCertificate(db: Db, id: number, reason: string): void {
  const c = certificateById(db, id);
  if (c.status !== 'issued') throw new AppError('certs.notIssued');
  stmt(db, "UPDATE certificates SET status = 'void', void_reason = ?, voided_at = ? WHERE id = ?").run(reason, todayIso(), id);
}

export function refuse(db: Db, requested: string, name: string, instead: string, residentId: number | null, handler: string): number {
  const person = residentId ? ((plucked(db, 'SELECT name FROM residents WHERE id = ?').get(residentId) as string | undefined) ?? '') : '';
  return Number(
    stmt(db, "INSERT INTO certificates(status, item_name, resident_id, person_name, requested, refusal, handler) VALUES ('refused', ?, ?, ?, ?, ?, ?)").run(
      name,
      residentId,
      person,
      requested,
      instead,
      handler,
    ).lastInsertRowid,
  );
}

export function verify(db: Db, number: string, code: string): { genuine: boolean; certificate: Certificate | null } {
  const row = stmt(db, `${CERT_SELECT} WHERE c.number = ?`).get(number.trim()) as CertRecord | undefined;
  if (!row) return { genuine: false, certificate: null };
  const c = toCertificate(row);
  // Genuine: the code on the paper is the one issued, and the stored text still produces it.
  const genuine = c.status === 'issued' && c.verifyCode === code.trim().toUpperCase() && verifyCodeFor(db, number.trim(), c.body) === c.verifyCode;
  return { genuine, certificate: c };
}

export function register(db: Db, f: RegisterFilters): Certificate[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, p: string | number) => {
    where.push(sql);
    params.push(p);
  };
  if (f.from) add("date(c.created_at) >= ?", f.from);
  if (f.to) add("date(c.created_at) <= ?", f.to);
  if (f.itemName) add('c.item_name = ?', f.itemName);
  if (f.handler) add('c.handler = ?', f.handler);
  if (f.status) add('c.status = ?', f.status);
  const rows = stmt(db, `${CERT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT 5000`).all(...params) as CertRecord[];
  return rows.map(toCertificate);
}

export function monthlyCounts(db: Db, year: number) {
  const rows = stmt(db, "SELECT item_name, CAST(substr(issued_at, 6, 2) AS INTEGER) AS m, count(*) AS n FROM certificates WHERE number IS NOT NULL AND year = ? GROUP BY item_name, m").all(year) as {
    item_name: string;
    m: number;
    n: number;
  }[];
  const byItem = new Map<string, number[]>();
  for (const r of rows) {
    const months = byItem.get(r.item_name) ?? (Array(12).fill(0) as number[]);
    months[r.m - 1] = (months[r.m - 1] ?? 0) + r.n;
    byItem.set(r.item_name, months);
  }
  return [...byItem].map(([itemName, months]) => ({ itemName, months, total: months.reduce((a, b) => a + b, 0) }));
}
