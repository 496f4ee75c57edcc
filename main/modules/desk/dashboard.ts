import type { Output } from '../../../shared/contract';
import { addMonths } from '../../../shared/rules/party';
import { plucked, stmt } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import { caseList } from '../mediation/api';
import { fileBoard } from '../party/api';
import type { DeskProvider } from './providers';

type Dashboard = Output<'desk.dashboard'>;
type Count = { key: string; n: number };

/** The twelve months up to this one, oldest first: `2025-12` … `2026-11`. */
function lastMonths(today: string, count = 12): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: count }, (_, i) => addMonths(first, i - count + 1).slice(0, 7));
}

/** Per month of `months`, from rows of (month, n): zero where nothing happened. */
const byMonth = (months: string[], rows: { month: string; n: number }[]) => {
  const got = new Map(rows.map((r) => [r.month, r.n]));
  return months.map((m) => got.get(m) ?? 0);
};

/** 0–9, 10–19 … 90+: the pyramid's bands, from the kept tally (birth year only, so ± one year at a band's edge). */
const AGE_BANDS = ['0', '10', '20', '30', '40', '50', '60', '70', '80', '90'] as const;

/**
 * The home screen's figures, each block only for a user who may open that module. Every figure is read
 * from kept tallies or through an index (see migration 011): the dashboard costs the same on a
 * million residents as on ten thousand.
 */
export function dashboard(ctx: CallContext, today: string, providers: readonly DeskProvider[]): Dashboard {
  const can = (p: Parameters<typeof ctx.session.permissions.has>[0]) => ctx.session.permissions.has(p);
  const months = lastMonths(today);
  const from = `${months[0]}-01`;
  const month = today.slice(0, 7);
  const out: Dashboard = { today, months, modules: [] };
  const db = ctx.db;

  if (can('residents.view')) {
    const byStatus = stmt(db, 'SELECT status AS key, sum(n) AS n FROM resident_tally GROUP BY status').all() as Count[];
    const year = Number(today.slice(0, 4));
    const pyramid = AGE_BANDS.map((band) => ({ band, male: 0, female: 0 }));
    for (const r of stmt(db, "SELECT gender, birth_year, n FROM resident_tally WHERE status = 'active' AND birth_year > 0 AND gender IN ('1', '2')").all() as { gender: string; birth_year: number; n: number }[]) {
      const b = pyramid[Math.max(0, Math.min(9, Math.floor((year - r.birth_year) / 10)))]!;
      if (r.gender === '1') b.male += r.n;
      else b.female += r.n;
    }
    const careByGrid = stmt(db, "SELECT coalesce(g.name, '') AS grid, t.tag, t.n FROM tag_tally t LEFT JOIN grids g ON g.id = t.grid_id WHERE t.n > 0 ORDER BY t.grid_id, t.tag").all() as { grid: string; tag: string; n: number }[];
    const careGroups = stmt(db, 'SELECT tag AS key, sum(n) AS n FROM tag_tally GROUP BY tag HAVING sum(n) > 0 ORDER BY sum(n) DESC').all() as Count[];
    const moves = (kinds: string) => byMonth(months, stmt(db, `SELECT substr(date, 1, 7) AS month, count(*) AS n FROM resident_events WHERE kind IN (${kinds}) AND date >= ? GROUP BY 1`).all(from) as { month: string; n: number }[]);
    out.residents = {
      active: byStatus.find((s) => s.key === 'active')?.n ?? 0,
      movedOut: byStatus.find((s) => s.key === 'moved_out')?.n ?? 0,
      deceased: byStatus.find((s) => s.key === 'deceased')?.n ?? 0,
      households: (plucked(db, "SELECT n FROM ledger_counts WHERE name = 'households'").get() as number | undefined) ?? 0,
      careGroups,
      careByGrid,
      pyramid,
      movedIn: moves("'moved_in'"),
      movedOutByMonth: moves("'moved_out', 'died'"),
    };
  }
  if (can('party.view')) {
    const members = stmt(db, "SELECT category AS key, count(*) AS n FROM party_members WHERE status IN ('normal', 'mobile') GROUP BY category").all() as Count[];
    const stages = new Map<string, number>();
    for (const f of fileBoard(db, false)) if (f.stage !== 'full') stages.set(f.stage, (stages.get(f.stage) ?? 0) + 1);
    out.party = {
      full: members.find((m) => m.key === 'full')?.n ?? 0,
      probationary: members.find((m) => m.key === 'probationary')?.n ?? 0,
      mobile: plucked(db, "SELECT count(*) FROM party_members WHERE status = 'mobile'").get() as number,
      pipeline: [...stages].map(([key, n]) => ({ key, n })),
      meetings: byMonth(months, stmt(db, 'SELECT substr(date, 1, 7) AS month, count(*) AS n FROM party_meetings WHERE date >= ? GROUP BY 1').all(from) as { month: string; n: number }[]),
    };
  }
  if (can('mediation.work')) {
    // A mediator's own cases; the head of the committee (mediation.all) sees every case.
    const cases = caseList(ctx, false);
    // Open: accepted and not yet concluded; after an agreement a case waits for its follow-up visit.
    const open = cases.filter((c) => c.state === 'accepted' || c.state === 'mediating');
    const types = new Map<string, number>();
    for (const c of cases) if (c.acceptedOn >= from) types.set(c.disputeType, (types.get(c.disputeType) ?? 0) + 1);
    const accepted = new Map<string, number>();
    for (const c of cases) accepted.set(c.acceptedOn.slice(0, 7), (accepted.get(c.acceptedOn.slice(0, 7)) ?? 0) + 1);
    out.mediation = {
      open: open.length,
      overdue: open.filter((c) => c.overdue).length,
      followingUp: cases.filter((c) => c.state === 'agreed' || c.state === 'followedUp' || c.state === 'urged').length,
      byType: [...types].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
      accepted: months.map((m) => accepted.get(m) ?? 0),
    };
  }
  if (can('certificates.issue')) {
    const issued = stmt(db, "SELECT substr(issued_at, 1, 7) AS month, count(*) AS n FROM certificates WHERE status = 'issued' AND issued_at >= ? GROUP BY 1").all(from) as { month: string; n: number }[];
    out.certificates = { thisMonth: issued.find((r) => r.month === month)?.n ?? 0, issued: byMonth(months, issued), pending: plucked(db, "SELECT count(*) FROM certificates WHERE status IN ('draft', 'approved')").get() as number };
  }
  if (can('lists.view')) {
    const states = stmt(db, 'SELECT state AS key, count(*) AS n FROM list_needs GROUP BY state').all() as Count[];
    const n = (...keys: string[]) => states.filter((s) => keys.includes(s.key)).reduce((sum, s) => sum + s.n, 0);
    out.lists = {
      open: n('open'),
      inHand: n('matched', 'claimed', 'serving'),
      fulfilled: n('done', 'evaluated'),
      overdue: plucked(db, "SELECT count(*) FROM list_needs WHERE state IN ('open', 'matched', 'claimed', 'serving') AND wanted_by != '' AND wanted_by < ?").get(today) as number,
      raised: byMonth(months, stmt(db, 'SELECT substr(raised_on, 1, 7) AS month, count(*) AS n FROM list_needs WHERE raised_on >= ? GROUP BY 1').all(from) as { month: string; n: number }[]),
      done: byMonth(months, stmt(db, "SELECT substr(done_on, 1, 7) AS month, count(*) AS n FROM list_needs WHERE done_on >= ? AND state IN ('done', 'evaluated') GROUP BY 1").all(from) as { month: string; n: number }[]),
    };
  }
  if (can('visits.view')) {
    out.visits = {
      thisMonth: plucked(db, 'SELECT count(*) FROM visits WHERE date >= ?').get(`${month}-01`) as number,
      openProblems: plucked(db, "SELECT count(*) FROM problems WHERE state IN ('found', 'accepted', 'inHand', 'referred')").get() as number,
    };
  }
  for (const p of providers) if (p.figures && can(p.permission)) out.modules.push({ module: p.module, figures: p.figures(ctx, today) });
  return out;
}
