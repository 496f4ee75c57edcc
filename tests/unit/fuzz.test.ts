import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type MethodName } from '../../shared/contract';
import { prng } from '../../main/modules/residents/seed';
import { openTempApp, setUpCommunity } from '../support/ledger';

/**
 * Hostile callers at the one door: thousands of malformed payloads per method, generated from a fixed
 * seed so a failure can be replayed. Each must be refused as invalid input — no crash, no internal
 * error, no write, no polluted prototype.
 */
const PER_METHOD = Number(process.env.LINLI_FUZZ_PER_METHOD) || 1500;
const SEED = 20261125;

const LONG = 'x'.repeat(100_000);
const ODD_VALUES: unknown[] = [
  0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, 2 ** 53 + 2, '', ' ', LONG, '张'.repeat(5000), '\u0000', "'; DROP TABLE residents; --",
  '../../etc/passwd', true, false, null, [], [1, 2], {}, { a: 1 }, [[[[[]]]]], '2026-02-30', '99999999999999999999', { length: 1e9 },
];

type Shape = Record<string, z.ZodType>;
const shapeOf = (schema: z.ZodType): Shape | undefined => (schema as unknown as { shape?: Shape }).shape;

function payloads(name: MethodName, random: () => number): unknown[] {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const shape = shapeOf(contract[name].input) ?? {};
  const keys = Object.keys(shape);
  const out: unknown[] = [];
  for (let i = 0; i < PER_METHOD; i++) {
    // A base that is mostly plausible: a random subset of the real fields, each with an odd value or left out.
    const base: Record<string, unknown> = {};
    for (const k of keys) if (random() < 0.5) base[k] = pick(ODD_VALUES);
    switch (i % 6) {
      case 0:
        out.push(pick([42, 'text', true, [base], LONG, [[]], -1]));
        break;
      case 1:
        out.push({ ...base, [pick(['extra', 'isAdmin', 'role', 'permissions', 'id_number', 'sql'])]: pick(ODD_VALUES) });
        break;
      case 2:
        // Own __proto__ keys, as JSON.parse makes them from a request body.
        out.push(JSON.parse(`{"__proto__": {"polluted": "yes", "isAdmin": true}, ${keys.map((k) => `"${k}": 1`).concat('"z": 0').join(', ')}}`));
        break;
      case 3:
        out.push({ ...base, constructor: { prototype: { polluted: 'yes' } } });
        break;
      case 4: {
        // Every real field present with one of them given a value of the wrong kind.
        if (keys.length === 0) out.push({ [pick(['a', 'b'])]: pick(ODD_VALUES) });
        else out.push({ ...base, [pick(keys)]: pick(ODD_VALUES) });
        break;
      }
      default:
        out.push(keys.length ? { ...base, [pick(keys)]: LONG.repeat(Math.ceil(random() * 3)) } : { z: LONG });
    }
  }
  return out;
}

const app = openTempApp();
beforeAll(() => setUpCommunity(app));
afterAll(() => app.close());

const fingerprint = () => {
  const db = app.ledger.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'resident_short%' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return {
    changes: db.prepare('SELECT total_changes()').pluck().get(),
    rows: Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()])),
  };
};

describe('the dispatch boundary under malformed payloads', () => {
  // Its time grows with every method added (about 100 s for all of them on two cores): a safety net, not a speed claim.
  it(`refuses every invalid payload of every method (${PER_METHOD} per method), writes nothing`, { timeout: 300_000 }, async () => {
    const random = prng(SEED);
    const before = fingerprint();
    let rejected = 0;
    const accepted: string[] = [];
    for (const name of Object.keys(contract) as MethodName[]) {
      for (const payload of payloads(name, random)) {
        // The schema's own verdict decides what "invalid" is; the rare generated payload that happens
        // to be valid is not what this test is about and is not sent.
        if (contract[name].input.safeParse(payload ?? {}).success) continue;
        const r = await app.call(name, payload);
        if (r.ok || r.code !== 'invalidInput') accepted.push(`${name}: ${JSON.stringify(payload).slice(0, 120)} → ${JSON.stringify(r).slice(0, 200)}`);
        else {
          expect(r.issues?.length).toBeGreaterThan(0);
          rejected++;
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(fingerprint()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    const methods = Object.keys(contract).length;
    expect(rejected).toBeGreaterThan(methods * PER_METHOD * 0.9);
    console.log(`[fuzz] ${rejected} malformed calls over ${methods} methods rejected, 0 accepted, 0 writes`);
  });
});
