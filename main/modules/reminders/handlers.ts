import { todayIso } from '../../../shared/rules/idNumber';
import type { HandlerMap } from '../../core/dispatch';
import { reminders, snooze } from './reminders';

export const remindersHandlers: HandlerMap<'reminders.list' | 'reminders.snooze'> = {
  'reminders.list': (_i, ctx) => reminders(ctx, todayIso()),
  'reminders.snooze': (input, ctx) => {
    snooze(ctx, input, todayIso());
    ctx.record(`reminder:${input.key}`);
    return { key: input.key };
  },
};
