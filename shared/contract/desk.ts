import { z } from 'zod';
import { method, permissions } from './define';
import { isoDate, requiredText } from './fields';
import { MODULE_REMINDER_KIND, type ModuleReminderKind } from '../rules/reminders';

export const SEARCH_GROUPS = ['residents', 'households', 'members', 'cases', 'certificates', 'needs', 'problems'] as const;

const reminder = z.object({ key: z.string(), kind: z.custom<ModuleReminderKind>((v) => typeof v === 'string' && MODULE_REMINDER_KIND.test(v)), due: z.string(), overdue: z.boolean(), params: z.record(z.string(), z.union([z.string(), z.number()])), link: z.string() });

const count = z.object({ key: z.string(), n: z.number() });
const series = z.array(z.number());

/** The home screen: each block only where the user may open its module; series follow `months`. */
const dashboard = z.object({
  today: z.string(),
  months: z.array(z.string()),
  residents: z
    .object({
      active: z.number(),
      movedOut: z.number(),
      deceased: z.number(),
      households: z.number(),
      careGroups: z.array(count),
      careByGrid: z.array(z.object({ grid: z.string(), tag: z.string(), n: z.number() })),
      pyramid: z.array(z.object({ band: z.string(), male: z.number(), female: z.number() })),
      movedIn: series,
      movedOutByMonth: series,
    })
    .optional(),
  party: z.object({ full: z.number(), probationary: z.number(), mobile: z.number(), pipeline: z.array(count), meetings: series }).optional(),
  mediation: z.object({ open: z.number(), overdue: z.number(), followingUp: z.number(), byType: z.array(count), accepted: series }).optional(),
  certificates: z.object({ thisMonth: z.number(), pending: z.number(), issued: series }).optional(),
  lists: z.object({ open: z.number(), inHand: z.number(), fulfilled: z.number(), overdue: z.number(), raised: series, done: series }).optional(),
  visits: z.object({ thisMonth: z.number(), openProblems: z.number() }).optional(),
  /** The figures modules offer the desk as providers, each titled `<module>:dashboard.<key>`. */
  modules: z.array(z.object({ module: z.string(), figures: z.array(count) })),
});

/** The home screen, reminders and search: everyone, each seeing their own modules' part. The built-in roles that hold each by default; the administrator holds every permission. */
export const deskPermissions = permissions({
  'desk.view': ['staff', 'mediator', 'secretary', 'coordinator'],
});

export const deskContract = {
  /** Key counts, trends and charts for the home screen, from kept tallies and indexed queries. */
  'desk.dashboard': method({ input: z.object({}).strict(), output: dashboard, kind: 'read', permission: 'desk.view' }),
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
