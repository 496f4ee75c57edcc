import { fulfilment, type NeedState } from '../../../shared/rules/lists';
import { stmt, type Db } from '../../core/ledger';

/** The module's figures: 兑现率 and time to done for needs raised in the period; what is open and unused now; hours given in the period. */
export function measures(db: Db, from: string, to: string) {
  const facts = stmt(db, 'SELECT state, raised_on AS raisedOn, done_on AS doneOn, wish FROM list_needs WHERE raised_on BETWEEN ? AND ?').all(from, to) as { state: NeedState; raisedOn: string; doneOn: string; wish: number }[];
  const open = (by: string) =>
    stmt(db, `SELECT ${by} AS name, count(*) AS count FROM list_needs n JOIN list_categories c ON c.id = n.category_id LEFT JOIN grids g ON g.id = n.grid_id WHERE n.state = 'open' GROUP BY 1 ORDER BY 2 DESC, 1`).all() as { name: string; count: number }[];
  return {
    ...fulfilment(facts.map((f) => ({ ...f, wish: f.wish === 1 }))),
    openByCategory: open('c.name'),
    openByGrid: open("coalesce(g.name, '')"),
    unusedResources: stmt(db, "SELECT id, provider, content FROM list_resources r WHERE active = 1 AND NOT EXISTS (SELECT 1 FROM list_matches m WHERE m.resource_id = r.id AND m.cancelled_on = '') ORDER BY id").all() as { id: number; provider: string; content: string }[],
    hoursByProvider: (
      stmt(
        db,
        `SELECT r.provider, count(*) AS services, sum(s.hours) AS hours, max(r.reporter_id IS NOT NULL) AS member
         FROM list_services s JOIN list_matches m ON m.id = s.match_id JOIN list_resources r ON r.id = m.resource_id
         WHERE s.date BETWEEN ? AND ? GROUP BY r.provider ORDER BY hours DESC, r.provider`,
      ).all(from, to) as { provider: string; services: number; hours: number; member: number }[]
    ).map((r) => ({ ...r, member: r.member === 1 })),
  };
}
