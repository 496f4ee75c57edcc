import { plucked } from '../../core/ledger';
import type { DeskProvider } from '../desk/api';
import { yearTotals } from './corps';

/** The corps on the home screen: who is active, this month's hours and activities, who found problems on their rounds. */
export const volunteersDesk: DeskProvider = {
  module: 'volunteers',
  permission: 'volunteers.view',
  figures: (ctx, today) => {
    const month = today.slice(0, 7);
    const n = (sql: string, ...args: unknown[]) => plucked(ctx.db, sql).get(...args) as number;
    const active = plucked(ctx.db, "SELECT id FROM volunteers WHERE left_on = ''").all() as number[];
    const totals = yearTotals(ctx.db, Number(today.slice(0, 4)));
    return [
      { key: 'active', n: active.length },
      { key: 'hoursThisMonth', n: n("SELECT coalesce(sum(s.hours), 0) FROM volunteer_signups s JOIN volunteer_activities a ON a.id = s.activity_id WHERE a.state = 'held' AND s.present = 1 AND a.date LIKE ?", `${month}-%`) + n('SELECT coalesce(sum(hours), 0) FROM volunteer_patrols WHERE date LIKE ?', `${month}-%`) },
      { key: 'activitiesThisMonth', n: n("SELECT count(*) FROM volunteer_activities WHERE state != 'cancelled' AND date LIKE ?", `${month}-%`) },
      { key: 'starred', n: active.filter((id) => totals(id).stars > 0).length },
      { key: 'foundProblems', n: n('SELECT count(DISTINCT volunteer_id) FROM volunteer_patrols WHERE problem_id IS NOT NULL AND date LIKE ?', `${month}-%`) },
    ];
  },
};
