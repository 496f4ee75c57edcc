import { isExecutionOverdue, resultDue } from '../../../shared/rules/consultation';
import { plucked } from '../../core/ledger';
import { moduleReminder, type DeskProvider } from '../desk/api';
import { consultationSettings, pendingMatters } from './matters';
import { links } from '../../../shared/contract/links';

/** 议事协商 on the desk: results not yet published, execution past its day; the year's matters and how many are open. */
export const consultationDesk: DeskProvider = {
  module: 'consultation',
  permission: 'consultation.view',
  reminders: (ctx, today) => {
    const settings = consultationSettings(ctx.db);
    return pendingMatters(ctx.db).flatMap((m) => {
      if (m.state === 'met') return [moduleReminder('consultation', 'resultUnpublished', String(m.id), resultDue(m.met_on, settings), today, { number: m.number, title: m.title }, links.matter(m.id))];
      if (isExecutionOverdue(m.state, m.due_by, today)) return [moduleReminder('consultation', 'executionOverdue', String(m.id), m.due_by, today, { number: m.number, title: m.title, date: m.due_by }, links.matter(m.id))];
      return [];
    });
  },
  figures: (ctx, today) => {
    const year = Number(today.slice(0, 4));
    const n = (sql: string, ...args: unknown[]) => plucked(ctx.db, sql).get(...args) as number;
    return [
      { key: 'thisYear', n: n('SELECT count(*) FROM consult_matters WHERE year = ?', year) },
      { key: 'open', n: n("SELECT count(*) FROM consult_matters WHERE state NOT IN ('closed', 'declined')") },
      { key: 'overdue', n: n("SELECT count(*) FROM consult_matters WHERE state = 'carrying' AND due_by != '' AND due_by < ?", today) },
      { key: 'residents', n: n('SELECT count(DISTINCT p.resident_id) FROM consult_participants p JOIN consult_matters m ON m.id = p.matter_id WHERE m.year = ? AND p.present = 1', year) },
    ];
  },
};
