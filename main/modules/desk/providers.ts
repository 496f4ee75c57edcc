import type { Permission } from '../../../shared/contract/define';
import type { Reminder } from '../../../shared/rules/reminders';
import type { CallContext } from '../../core/dispatch';

/**
 * What a module offers the desk, declared in its own folder (its desk.ts) and listed once in
 * modules/index.ts: its reminders and its figures for the home screen, shown only to users who hold
 * its permission. The words are the module's own: `<module>:reminder.<kind>` and `<module>:dashboard.<key>`.
 */
export interface DeskProvider {
  /** The module's name and locale namespace. */
  module: string;
  permission: Permission;
  /** Each reminder's kind is `<module>.<kind>`. */
  reminders?(ctx: CallContext, today: string): Reminder[];
  figures?(ctx: CallContext, today: string): { key: string; n: number }[];
}

/** A reminder of a module's own kind. */
export function moduleReminder(module: string, kind: string, key: string, due: string, today: string, params: Reminder['params'], link: string): Reminder {
  return { key: `${module}.${kind}:${key}`, kind: `${module}.${kind}`, due, overdue: due < today, params, link };
}
