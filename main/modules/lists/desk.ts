import { plucked, stmt } from '../../core/ledger';
import { byMonth, contains, moduleReminder, PER_GROUP, type DeskProvider } from '../desk/api';
import { links } from '../../../shared/contract/links';

/** 两张清单 on the desk: needs past the day they were wanted by, the lists' figures, needs found by number or text. */
export const listsDesk: DeskProvider = {
  module: 'lists',
  permission: 'lists.view',
  reminders: (ctx, today) =>
    (stmt(ctx.db, "SELECT id, number, content, wanted_by FROM list_needs WHERE wanted_by != '' AND wanted_by < ? AND state NOT IN ('done', 'evaluated', 'withdrawn') ORDER BY wanted_by LIMIT 500").all(today) as { id: number; number: string; content: string; wanted_by: string }[]).map((n) =>
      moduleReminder('lists', 'needOverdue', String(n.id), n.wanted_by, today, { number: n.number, content: n.content.slice(0, 40) }, links.need(n.id)),
    ),
  board: (ctx, { today, months, from }) => {
    const states = stmt(ctx.db, 'SELECT state AS key, count(*) AS n FROM list_needs GROUP BY state').all() as { key: string; n: number }[];
    const n = (...keys: string[]) => states.filter((s) => keys.includes(s.key)).reduce((sum, s) => sum + s.n, 0);
    return {
      lists: {
        open: n('open'),
        inHand: n('matched', 'claimed', 'serving'),
        fulfilled: n('done', 'evaluated'),
        overdue: plucked(ctx.db, "SELECT count(*) FROM list_needs WHERE state IN ('open', 'matched', 'claimed', 'serving') AND wanted_by != '' AND wanted_by < ?").get(today) as number,
        raised: byMonth(months, stmt(ctx.db, 'SELECT substr(raised_on, 1, 7) AS month, count(*) AS n FROM list_needs WHERE raised_on >= ? GROUP BY 1').all(from) as { month: string; n: number }[]),
        done: byMonth(months, stmt(ctx.db, "SELECT substr(done_on, 1, 7) AS month, count(*) AS n FROM list_needs WHERE done_on >= ? AND state IN ('done', 'evaluated') GROUP BY 1").all(from) as { month: string; n: number }[]),
      },
    };
  },
  search: (ctx, q) => [
    {
      group: 'needs',
      items: (stmt(ctx.db, `SELECT id, number, content, beneficiary FROM list_needs WHERE number LIKE ? ESCAPE '\\' OR content LIKE ? ESCAPE '\\' OR beneficiary LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ${PER_GROUP}`).all(contains(q), contains(q), contains(q)) as { id: number; number: string; content: string; beneficiary: string }[]).map((n) => ({ title: `${n.number} ${n.content}`, detail: n.beneficiary, link: links.need(n.id) })),
    },
  ],
};
