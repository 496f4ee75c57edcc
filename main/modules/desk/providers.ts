import type { Output } from '../../../shared/contract';
import type { Permission } from '../../../shared/contract';
import { addMonths } from '../../../shared/rules/party';
import type { Reminder } from '../../../shared/rules/reminders';
import type { CallContext } from '../../core/dispatch';

type Dashboard = Output<'desk.dashboard'>;
/** The blocks of the home screen a module fills in, in the shape the contract gives each. */
export type Boards = Omit<Dashboard, 'today' | 'months' | 'modules'>;
export type SearchGroup = Output<'desk.search'>[number];
/** The home screen's period: the twelve months up to this one (`2025-12` … `2026-11`) and the first day of the first. */
export interface Period {
  today: string;
  months: string[];
  from: string;
}

/**
 * What a module offers the desk, declared in its own folder (its desk.ts) and listed once in
 * modules/index.ts: its reminders, its block or figures on the home screen and its groups in the one
 * search box, each shown only to users who hold its permission. The desk reads no module's tables:
 * the words are the module's own too (`<module>:reminder.<kind>`, `<module>:dashboard.<key>`).
 */
export interface DeskProvider {
  /** The module's name and locale namespace. */
  module: string;
  permission: Permission;
  /** Each reminder's kind is `<module>.<kind>` (made with moduleReminder). */
  reminders?(ctx: CallContext, today: string): Reminder[];
  /** A module's own block of the home screen (the older modules' charts). */
  board?(ctx: CallContext, period: Period): Partial<Boards>;
  /** Plain figures, shown as tiles titled in the module's words. */
  figures?(ctx: CallContext, today: string): { key: string; n: number }[];
  /** Its groups in the one search box, each at most PER_GROUP items. */
  search?(ctx: CallContext, q: string): SearchGroup[];
}

/** A reminder of a module's own kind; its key (the snooze's) is the kind and the record it is about. */
export function moduleReminder(module: string, kind: string, key: string, due: string, today: string, params: Reminder['params'], link: string): Reminder {
  return { key: `${module}.${kind}:${key}`, kind: `${module}.${kind}`, due, overdue: due < today, params, link };
}

export function periodOf(today: string, count = 12): Period {
  const first = `${today.slice(0, 7)}-01`;
  const months = Array.from({ length: count }, (_, i) => addMonths(first, i - count + 1).slice(0, 7));
  return { today, months, from: `${months[0]}-01` };
}

/** Per month of the period, from rows of (month, n): zero where nothing happened. */
export const byMonth = (months: string[], rows: { month: string; n: number }[]) => {
  const got = new Map(rows.map((r) => [r.month, r.n]));
  return months.map((m) => got.get(m) ?? 0);
};

/** How many items a search group shows. */
export const PER_GROUP = 8;
/** `%q%` for a LIKE, with the user's own % and _ taken literally. */
export const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
