import { birthdayAt, turningHighAgeWindow } from '../../../shared/rules/reminders';
import { HIGH_AGE } from '../../../shared/rules/codes';
import { mayReveal } from '../../core/session';
import { plucked, stmt } from '../../core/ledger';
import { byMonth, moduleReminder, PER_GROUP, type DeskProvider } from '../desk/api';
import { findResidentsToLink } from './search';
import { links } from '../../../shared/contract/links';

/** 0–9, 10–19 … 90+: the pyramid's bands, from the kept tally (birth year only, so ± one year at a band's edge). */
const AGE_BANDS = ['0', '10', '20', '30', '40', '50', '60', '70', '80', '90'] as const;

/**
 * The resident ledger on the desk: who turns 80 next month (高龄津贴), the community in figures, people
 * and households in the one search box. Every figure is read from kept tallies or through an index (see
 * migration 011): the home screen costs the same on a million residents as on ten thousand.
 */
export const residentsDesk: DeskProvider = {
  module: 'residents',
  permission: 'residents.view',
  reminders: (ctx, today) => {
    const { from, to } = turningHighAgeWindow(today);
    return (stmt(ctx.db, "SELECT id, name, birth_date FROM residents WHERE status = 'active' AND birth_date BETWEEN ? AND ? ORDER BY birth_date, id").all(from, to) as { id: number; name: string; birth_date: string }[]).map((r) => {
      const birthday = birthdayAt(r.birth_date, HIGH_AGE);
      return moduleReminder('residents', 'turning80', String(r.id), birthday, today, { name: r.name, date: birthday }, links.resident(r.id));
    });
  },
  board: ({ db }, { today, months, from }) => {
    const byStatus = stmt(db, 'SELECT status AS key, sum(n) AS n FROM resident_tally GROUP BY status').all() as { key: string; n: number }[];
    const year = Number(today.slice(0, 4));
    const pyramid = AGE_BANDS.map((band) => ({ band, male: 0, female: 0 }));
    for (const r of stmt(db, "SELECT gender, birth_year, n FROM resident_tally WHERE status = 'active' AND birth_year > 0 AND gender IN ('1', '2')").all() as { gender: string; birth_year: number; n: number }[]) {
      const b = pyramid[Math.max(0, Math.min(9, Math.floor((year - r.birth_year) / 10)))]!;
      if (r.gender === '1') b.male += r.n;
      else b.female += r.n;
    }
    const moves = (kinds: string) => byMonth(months, stmt(db, `SELECT substr(date, 1, 7) AS month, count(*) AS n FROM resident_events WHERE kind IN (${kinds}) AND date >= ? GROUP BY 1`).all(from) as { month: string; n: number }[]);
    return {
      residents: {
        active: byStatus.find((s) => s.key === 'active')?.n ?? 0,
        movedOut: byStatus.find((s) => s.key === 'moved_out')?.n ?? 0,
        deceased: byStatus.find((s) => s.key === 'deceased')?.n ?? 0,
        households: (plucked(db, "SELECT n FROM ledger_counts WHERE name = 'households'").get() as number | undefined) ?? 0,
        careGroups: stmt(db, 'SELECT tag AS key, sum(n) AS n FROM tag_tally GROUP BY tag HAVING sum(n) > 0 ORDER BY sum(n) DESC').all() as { key: string; n: number }[],
        careByGrid: stmt(db, "SELECT coalesce(g.name, '') AS grid, t.tag, t.n FROM tag_tally t LEFT JOIN grids g ON g.id = t.grid_id WHERE t.n > 0 ORDER BY t.grid_id, t.tag").all() as { grid: string; tag: string; n: number }[],
        pyramid,
        movedIn: moves("'moved_in'"),
        movedOutByMonth: moves("'moved_out', 'died'"),
      },
    };
  },
  // Residents by name, pinyin or ID as in the ledger's own search box; households by the start of their number.
  search: (ctx, q) => [
    {
      group: 'residents',
      items: findResidentsToLink(ctx.db, q, mayReveal(ctx.session)).slice(0, PER_GROUP).map((r) => ({ title: r.name, detail: [r.idMasked, r.address].filter(Boolean).join(' · '), link: links.resident(r.id) })),
    },
    {
      group: 'households',
      items: (stmt(ctx.db, `SELECT h.id, h.number, coalesce(r.name, '') AS head, coalesce(r.address, '') AS address FROM households h LEFT JOIN residents r ON r.id = h.head_id WHERE h.number >= ? AND h.number < ? ORDER BY h.number LIMIT ${PER_GROUP}`).all(q.toUpperCase(), `${q.toUpperCase()}\u007f`) as { id: number; number: string; head: string; address: string }[]).map((h) => ({ title: h.number, detail: [h.head, h.address].filter(Boolean).join(' · '), link: links.household(h.id) })),
    },
  ],
};
