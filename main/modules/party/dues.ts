import type { DuesLine } from '../../../shared/contract/party';
import { AppError } from '../../core/errors';
import { plucked, stmt, type Db } from '../../core/ledger';
import { duesOf, memberRecord, memberRecords, type MemberRecord } from './members';

interface PaidRow {
  member_id: number;
  month: string;
  base_fen: number;
  per_mille: number | null;
  due_fen: number;
  paid_fen: number;
  paid_on: string;
  collector: string;
}

/** Members who owe dues for a month: in good standing, and a member (probationary included) by its end. */
function payersOf(db: Db, month: string, branchId?: number): MemberRecord[] {
  const members = [...memberRecords(db, { branchId, status: 'normal' }), ...memberRecords(db, { branchId, status: 'mobile' })];
  return members.filter((m) => m.join_date && m.join_date.slice(0, 7) <= month).sort((a, b) => a.branch_id - b.branch_id || a.join_date.localeCompare(b.join_date) || a.id - b.id);
}

/** The month's collection sheet: what was paid stays as recorded then; the rest is due at today's rate. */
export function duesSheet(db: Db, branchId: number, month: string): DuesLine[] {
  const paid = new Map((stmt(db, 'SELECT * FROM party_dues WHERE month = ?').all(month) as PaidRow[]).map((p) => [p.member_id, p]));
  return payersOf(db, month, branchId).map((m) => {
    const p = paid.get(m.id);
    const due = duesOf(m);
    return {
      memberId: m.id,
      name: m.p_name,
      kind: m.dues_kind,
      baseFen: p ? p.base_fen : m.dues_base_fen,
      perMille: p ? p.per_mille : due.perMille,
      dueFen: p ? p.due_fen : due.fen,
      paidFen: p ? p.paid_fen : null,
      paidOn: p?.paid_on ?? '',
      collector: p?.collector ?? '',
    };
  });
}

export function payDues(db: Db, input: { memberId: number; month: string; paid: number; paidOn: string; collector: string }): number {
  const m = memberRecord(db, input.memberId);
  if (!m.join_date || m.join_date.slice(0, 7) > input.month) throw new AppError('party.duesBeforeJoin', { date: m.join_date || '—' });
  const due = duesOf(m);
  stmt(
    db,
    `INSERT INTO party_dues(member_id, month, base_fen, per_mille, due_fen, paid_fen, paid_on, collector) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(member_id, month) DO UPDATE SET paid_fen = excluded.paid_fen, paid_on = excluded.paid_on, collector = excluded.collector`,
  ).run(m.id, input.month, m.dues_base_fen, due.perMille, due.fen, Math.round(input.paid * 100), input.paidOn, input.collector);
  return due.fen;
}

/** Months of the year up to `upTo`, from each member's join month, with nothing paid. */
export function arrears(db: Db, upTo: string, branchId?: number) {
  const year = upTo.slice(0, 4);
  const paid = new Set((plucked(db, 'SELECT member_id || \'|\' || month FROM party_dues WHERE month BETWEEN ? AND ?').all(`${year}-01`, upTo) as string[]));
  const out: { memberId: number; name: string; branchName: string; months: string[]; owedFen: number }[] = [];
  for (const m of payersOf(db, upTo, branchId)) {
    const months: string[] = [];
    for (let i = 1; i <= Number(upTo.slice(5, 7)); i++) {
      const month = `${year}-${String(i).padStart(2, '0')}`;
      if (month >= m.join_date.slice(0, 7) && !paid.has(`${m.id}|${month}`)) months.push(month);
    }
    if (months.length) out.push({ memberId: m.id, name: m.p_name, branchName: m.branch_name, months, owedFen: months.length * duesOf(m).fen });
  }
  return out;
}

/** The yearly statement: every month of the year the person was a member, as recorded or as due today. */
export function duesYear(db: Db, memberId: number, year: number) {
  const m = memberRecord(db, memberId);
  const paid = new Map((stmt(db, 'SELECT * FROM party_dues WHERE member_id = ? AND month LIKE ?').all(memberId, `${year}-%`) as PaidRow[]).map((p) => [p.month, p]));
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter((month) => m.join_date && month >= m.join_date.slice(0, 7));
  return {
    name: m.p_name,
    branchName: m.branch_name,
    months: months.map((month) => {
      const p = paid.get(month);
      return { month, dueFen: p ? p.due_fen : duesOf(m).fen, paidFen: p ? p.paid_fen : null, paidOn: p?.paid_on ?? '', collector: p?.collector ?? '' };
    }),
  };
}
