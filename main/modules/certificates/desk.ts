import { plucked, stmt } from '../../core/ledger';
import { byMonth, contains, PER_GROUP, type DeskProvider } from '../desk/api';
import { links } from '../../../shared/contract/links';

/** 开具证明 on the desk: this month's certificates and those waiting, the register searched by number or name. */
export const certificatesDesk: DeskProvider = {
  module: 'certificates',
  permission: 'certificates.issue',
  board: (ctx, { today, months, from }) => {
    const issued = stmt(ctx.db, "SELECT substr(issued_at, 1, 7) AS month, count(*) AS n FROM certificates WHERE status = 'issued' AND issued_at >= ? GROUP BY 1").all(from) as { month: string; n: number }[];
    return {
      certificates: {
        thisMonth: issued.find((r) => r.month === today.slice(0, 7))?.n ?? 0,
        issued: byMonth(months, issued),
        pending: plucked(ctx.db, "SELECT count(*) FROM certificates WHERE status IN ('draft', 'approved')").get() as number,
      },
    };
  },
  search: (ctx, q) => [
    {
      group: 'certificates',
      items: (stmt(ctx.db, `SELECT number, item_name, person_name FROM certificates WHERE number LIKE ? ESCAPE '\\' OR person_name LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ${PER_GROUP}`).all(contains(q), contains(q)) as { number: string | null; item_name: string; person_name: string }[]).map((c) => ({ title: c.number ?? c.item_name, detail: `${c.item_name} · ${c.person_name}`, link: links.certificateRegister })),
    },
  ],
};
