import { describe, expect, it } from 'vitest';
import type { Db } from '../../main/core/ledger';
import { seedCommunity } from '../../main/modules/residents/seed';
import { ok } from '../support/ledger';
import { scenarioPerTest } from '../support/scenario';

/**
 * The hot queries' plans, read from SQLite itself: the resident search's routes, the desk's reminders,
 * home screen and one search box. A table that grows with the community is never read from end to end
 * (SCAN): an index dropped or a query rewritten so that it no longer uses one fails here, not at a
 * committee with 50,000 people.
 */
// The registers of cases, needs, certificates and party members run to hundreds: read whole, they cost less than an index.
const GROWING = ['residents', 'households', 'resident_events', 'visits', 'audit_log', 'household_visit_due'];

const scenario = scenarioPerTest(async (base) => {
  seedCommunity(base.ledger.db, 2000);
  // Enough of the other registers to plan against: SQLite plans from the statistics, so they are gathered.
  base.ledger.db.exec('ANALYZE');
});

/** Every SQL statement the calls prepare on this connection (prepared statements are cached, so each once). */
async function statementsOf(db: Db, calls: () => Promise<unknown>): Promise<string[]> {
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => (seen.add(sql), prepare(sql))) as typeof db.prepare;
  try {
    await calls();
  } finally {
    db.prepare = prepare;
  }
  return [...seen];
}

/** SQLite's plan for a statement, its parameters bound to nothing (the plan does not depend on their values). */
function plan(db: Db, sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/@([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const values = named.length ? [Object.fromEntries(named.map((n) => [n, null]))] : [];
  // As many positional ones as it takes (a '?' may stand in a string), beside the named ones.
  for (let n = 0; n <= 40; n++) {
    try {
      return (explain.all(...Array.from({ length: n }, () => null), ...values) as { detail: string }[]).map((r) => r.detail);
    } catch (err) {
      if (!/Too (few|many) parameter/.test(String(err))) throw err;
    }
  }
  throw new Error(`could not bind ${sql}`);
}

const scans = (db: Db, statements: string[]) =>
  statements
    .filter((sql) => /^\s*(SELECT|WITH)/i.test(sql))
    .flatMap((sql) => plan(db, sql).filter((d) => new RegExp(`^SCAN (${GROWING.join('|')})\\b`).test(d)).map((d) => `${d}   ← ${sql.replace(/\s+/g, ' ').slice(0, 160)}`));

describe('the hot queries use their indexes', () => {
  it('every route of the resident search: name, pinyin, ID and phone fragments, filters, each sort', async () => {
    const { app } = scenario;
    const db = app.ledger.db;
    const someone = db.prepare("SELECT name, name_initials, id_number, phone FROM residents WHERE length(name) = 3 AND phone <> '' LIMIT 1").get() as { name: string; name_initials: string; id_number: string; phone: string };
    const statements = await statementsOf(db, async () => {
      for (const q of [someone.name, someone.name.slice(0, 1), someone.name.slice(0, 2), someone.name_initials, someone.id_number, someone.id_number.slice(-6), someone.phone.slice(-4), ''])
        for (const sort of ['entry', 'name', 'age', 'address'] as const) await ok(app, 'residents.search', { q, sort, limit: 50 });
      await ok(app, 'residents.search', { q: '', tags: ['alone'], ageMin: 60, gender: '2', limit: 50 });
    });
    expect(statements.length).toBeGreaterThan(3);
    expect(scans(db, statements)).toEqual([]);
    // The check itself sees a scan where there is one (no index on the note).
    expect(scans(db, ["SELECT id FROM residents WHERE note = ?"])).toHaveLength(1);
  });

  it("the desk: today's reminders, the home screen and the one search box", async () => {
    const { app } = scenario;
    const db = app.ledger.db;
    const statements = await statementsOf(db, async () => {
      await ok(app, 'reminders.list', {});
      await ok(app, 'desk.dashboard', {});
      await ok(app, 'desk.search', { q: '王' });
      await ok(app, 'desk.search', { q: 'H0001' });
    });
    expect(statements.length).toBeGreaterThan(10);
    expect(scans(db, statements)).toEqual([]);
  });
});
