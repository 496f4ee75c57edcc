import { todayIso } from '../../../shared/rules/idNumber';
import type { HandlerMap } from '../../core/dispatch';
import { dashboard } from './dashboard';
import { reminders, snooze } from './reminders';
import { searchEverything } from './search';
import type { DeskProvider } from './providers';

/** The desk's first screen: what is due today, and one search box for everything; modules add to it as providers. */
export const deskHandlers = (providers: readonly DeskProvider[]): HandlerMap<'desk.dashboard' | 'reminders.list' | 'reminders.snooze' | 'desk.search'> => ({
  'desk.dashboard': (_i, ctx) => dashboard(ctx, todayIso(), providers),
  'reminders.list': (_i, ctx) => reminders(ctx, todayIso(), providers),
  'reminders.snooze': (input, ctx) => {
    snooze(ctx, input, todayIso());
    ctx.record(`reminder:${input.key}`);
    return { key: input.key };
  },
  'desk.search': ({ q }, ctx) => searchEverything(ctx, q, providers),
});
