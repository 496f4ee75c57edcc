/**
 * The desk's reminders: one list of what is due or overdue, each computed from its module's own rule.
 * What a reminder is, and the date rules that are not already a module's (the 高龄 birthday, how far
 * ahead each kind shows). Pure functions.
 */
import { addDays } from './mediation';
import { HIGH_AGE } from './codes';

/** Every reminder is a module's own, named `<module>.<kind>` (main/modules/desk/providers.ts) and worded `<module>:reminder.<kind>`. */
export type ModuleReminderKind = `${string}.${string}`;
export const MODULE_REMINDER_KIND = /^[a-z]+\.[a-zA-Z0-9]+$/;

export interface Reminder {
  /** Stable across days, so that a snooze holds: kind and the record it is about. */
  key: string;
  kind: ModuleReminderKind;
  /** The day it is due; overdue once that day has passed. */
  due: string;
  overdue: boolean;
  params: Record<string, string | number>;
  /** Where it opens: a route of the app. */
  link: string;
}

/** How many days ahead a coming deadline shows. */
export const AHEAD_DAYS = { followUp: 7, judicial: 7, probationDue: 30, meeting: 10 } as const;

export const isDueSoon = (due: string, today: string, ahead: number) => due <= addDays(today, ahead);

/** Residents who turn 80 next month (高龄津贴 is applied for from that birthday): the window of birth dates. */
export function turningHighAgeWindow(today: string): { from: string; to: string } {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  const month = `${next.y - HIGH_AGE}-${String(next.m).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${month}-31` };
}

export function birthdayAt(birthDate: string, age: number): string {
  return `${Number(birthDate.slice(0, 4)) + age}${birthDate.slice(4)}`;
}

/** Overdue first, then by the day due, then by key: the same list in the same order every time. */
export const byUrgency = (a: Reminder, b: Reminder) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.key.localeCompare(b.key);

/** A snooze hides its reminder until (and including) the day given. */
export const isSnoozed = (until: string | undefined, today: string) => until !== undefined && until >= today;
