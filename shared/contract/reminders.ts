import { z } from 'zod';
import { method } from './define';
import { isoDate, requiredText } from './fields';
import { REMINDER_KINDS } from '../rules/reminders';

const reminder = z.object({ key: z.string(), kind: z.enum(REMINDER_KINDS), due: z.string(), overdue: z.boolean(), params: z.record(z.string(), z.union([z.string(), z.number()])), link: z.string() });

export const remindersContract = {
  /** What is due or overdue for this user, from the modules they work in; snoozed ones left out (and counted). */
  'reminders.list': method({ input: z.object({}).strict(), output: z.object({ items: z.array(reminder), snoozed: z.number() }), kind: 'read', permission: 'reminders.view' }),
  /** Put one aside until a day, with a reason; it comes back the day after. */
  'reminders.snooze': method({
    input: z.object({ key: requiredText(80), until: isoDate, reason: requiredText(200) }).strict(),
    output: z.object({ key: z.string() }),
    kind: 'write',
    permission: 'reminders.view',
  }),
};
