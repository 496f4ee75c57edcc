import { moduleReminder, type DeskProvider } from '../desk/api';
import { dueCount } from './handlers';
import { links } from '../../../shared/contract/links';

/** 记录保存期限 on the desk: the administrator hears when records have passed their keeping period. */
export const retentionDesk: DeskProvider = {
  module: 'retention',
  permission: 'records.purge',
  reminders: (ctx, today) => {
    const due = dueCount(ctx.db, today);
    return due.count ? [moduleReminder('retention', 'due', today, due.first, today, { count: due.count }, links.retention)] : [];
  },
};
