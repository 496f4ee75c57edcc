import { z } from 'zod';
import { method } from './define';
import { isoDate, requiredText } from './fields';
import { REMINDER_KINDS } from '../rules/reminders';

export const SEARCH_GROUPS = ['residents', 'households', 'members', 'cases', 'certificates', 'needs', 'problems'] as const;

const reminder = z.object({ key: z.string(), kind: z.enum(REMINDER_KINDS), due: z.string(), overdue: z.boolean(), params: z.record(z.string(), z.union([z.string(), z.number()])), link: z.string() });

export const deskContract = {
  /** What is due or overdue for this user, from the modules they work in; snoozed ones left out (and counted). */
  'reminders.list': method({ input: z.object({}).strict(), output: z.object({ items: z.array(reminder), snoozed: z.number() }), kind: 'read', permission: 'desk.view' }),
  /** Put one aside until a day, with a reason; it comes back the day after. */
  'reminders.snooze': method({
    input: z.object({ key: requiredText(80), until: isoDate, reason: requiredText(200) }).strict(),
    output: z.object({ key: z.string() }),
    kind: 'write',
    permission: 'desk.view',
  }),
  /** One box for everything (Ctrl+K): each group only from the modules this user may open, a few of each. */
  'desk.search': method({
    input: z.object({ q: requiredText(40) }).strict(),
    output: z.array(z.object({ group: z.enum(SEARCH_GROUPS), items: z.array(z.object({ title: z.string(), detail: z.string(), link: z.string() })) })),
    kind: 'read',
    permission: 'desk.view',
  }),
};
