import { beforeEach, describe, expect, it } from 'vitest';
import { ok, openTempApp } from '../support/ledger';
import { scenarioPerTest } from '../support/scenario';
import { seedCommunity } from '../../main/modules/residents/seed';
import { searchResidents } from '../../main/modules/residents/search';
import { pinyinOf } from '../../main/modules/residents/indexing';

type TestApp = ReturnType<typeof openTempApp>;
let app: TestApp;
let sample: { id: number; name: string; id_number: string; phone: string; address: string; name_initials: string; name_pinyin: string };

// 3,000 people seeded once; each test searches its own copy (two of them write).
const scenario = scenarioPerTest(async (base) => {
  seedCommunity(base.ledger.db, 3000);
  sample = base.ledger.db
    .prepare("SELECT id, name, id_number, phone, address, name_initials, name_pinyin FROM residents WHERE length(name) = 3 AND phone <> '' ORDER BY id LIMIT 1 OFFSET 100")
    .get() as typeof sample;
});
beforeEach(() => (app = scenario.app));

const ids = async (q: string, extra: Record<string, unknown> = {}) => (await ok(app, 'residents.search', { q, limit: 500, ...extra })).rows.map((r) => r.id);

describe('search routes every kind of term', () => {
  it('finds by a 3-character name (trigram)', async () => {
    expect(await ids(sample.name)).toContain(sample.id);
  });
  it('finds by 1 and 2 characters (the single-character and pair table)', async () => {
    const [a, b] = Array.from(sample.name);
    expect(await ids(a!)).toContain(sample.id);
    expect(await ids(a! + b!)).toContain(sample.id);
    const two = await ids(a! + b!);
    const names = app.ledger.db.prepare(`SELECT name FROM residents WHERE id IN (${two.map(() => '?').join(',')})`).all(...two) as { name: string }[];
    for (const n of names) expect(n.name).toContain(a! + b!);
  });
  it('finds by pinyin initials and full pinyin', async () => {
    expect(await ids(sample.name_initials)).toContain(sample.id);
    expect(await ids(sample.name_pinyin)).toContain(sample.id);
    expect(await ids(sample.name_pinyin.toUpperCase())).toContain(sample.id);
  });
  it('finds by any 4+ digit fragment of an ID or phone, and by the full ID', async () => {
    expect(await ids(sample.id_number.slice(0, 6))).toContain(sample.id);
    expect(await ids(sample.id_number.slice(-6))).toContain(sample.id);
    expect(await ids(sample.id_number.slice(8, 13))).toContain(sample.id);
    expect(await ids(sample.phone.slice(3, 8))).toContain(sample.id);
    expect(await ids(sample.id_number)).toEqual([sample.id]);
    // 8+ digits from the start go through the B-tree (region + birth year, a phone's first digits).
    expect(await ids(sample.id_number.slice(0, 10))).toContain(sample.id);
    expect(await ids(sample.phone.slice(0, 9))).toContain(sample.id);
    const prefixed = await ids(sample.id_number.slice(0, 8));
    expect(prefixed.length).toBeGreaterThan(0);
    expect(await ids(sample.id_number.toLowerCase())).toEqual([sample.id]);
  });
  it('finds by address text and combines terms', async () => {
    expect(await ids(sample.address.replace(/室$/, ''))).toContain(sample.id);
    expect(await ids(`${sample.address} ${sample.name}`)).toContain(sample.id);
  });
  it('treats FTS syntax in the box as plain text', async () => {
    expect((await app.call('residents.search', { q: '"张 OR * NEAR(' })).ok).toBe(true);
    expect((await app.call('residents.search', { q: 'a" OR "b' })).ok).toBe(true);
  });
});

describe('filters, sorting and paging', () => {
  it('filters by grid, tag, age band and gender, with the right total', async () => {
    const db = app.ledger.db;
    const expected = db
      .prepare("SELECT count(*) AS n FROM residents r WHERE grid_id = 1 AND gender = '1' AND birth_date <= date('now', '-60 years') AND status = 'active'")
      .get() as { n: number };
    const r = await ok(app, 'residents.search', { gridId: 1, gender: '1', ageMin: 60, limit: 10 });
    expect(r.total).toBe(expected.n);
    expect(r.rows.every((x) => x.gender === '1' && (x.age ?? 0) >= 60 && x.gridName === '第1网格')).toBe(true);
    const tagged = await ok(app, 'residents.search', { tags: ['alone'], limit: 500 });
    expect(tagged.total).toBeGreaterThan(0);
    expect(tagged.rows.every((x) => x.tags.includes('alone'))).toBe(true);
    const elderly = await ok(app, 'residents.search', { tags: ['elderly'], limit: 500 });
    expect(elderly.rows.every((x) => (x.age ?? 0) >= 80)).toBe(true);
  });
  it('pages in SQL: pages do not overlap and cover the total', async () => {
    const first = await ok(app, 'residents.search', { offset: 0, limit: 50 });
    const second = await ok(app, 'residents.search', { offset: 50, limit: 50 });
    expect(first.total).toBe(3000);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(100);
  });
  it('sorts by age and by name', async () => {
    const byAge = (await ok(app, 'residents.search', { sort: 'age', order: 'desc', limit: 100 })).rows.map((r) => r.birthDate);
    expect(byAge).toEqual([...byAge].sort());
  });
  it('masks IDs and phones in list rows', async () => {
    const r = (await ok(app, 'residents.search', { q: sample.id_number })).rows[0]!;
    expect(r.idMasked).toBe(`${sample.id_number.slice(0, 6)}********${sample.id_number.slice(-4)}`);
    expect(JSON.stringify(r)).not.toContain(sample.id_number);
  });
});

describe('deep pages and cached totals', () => {
  it('a page deep in the list is the same as plain OFFSET would give, for every sort', async () => {
    const db = app.ledger.db;
    const orders: Record<string, string> = {
      'address:asc': 'address_key ASC, id ASC',
      'address:desc': 'address_key DESC, id DESC',
      'name:asc': 'name_pinyin ASC, id ASC',
      'age:desc': 'birth_date ASC, id ASC',
      'age:asc': 'birth_date DESC, id DESC',
      'entry:desc': 'id DESC',
    };
    for (const [key, sql] of Object.entries(orders)) {
      const [sort, order] = key.split(':') as ['address', 'asc'];
      for (const offset of [2000, 2345, 2950]) {
        const got = (await ok(app, 'residents.search', { sort, order, offset, limit: 50 })).rows.map((r) => r.id);
        const want = (db.prepare(`SELECT id FROM residents WHERE status = 'active' ORDER BY ${sql} LIMIT 50 OFFSET ?`).all(offset) as { id: number }[]).map((r) => r.id);
        expect(got, `${key} @${offset}`).toEqual(want);
      }
    }
  });

  it('a cached total follows a write at once', async () => {
    const before = (await ok(app, 'residents.search', {})).total;
    const building = (await ok(app, 'community.tree', {}))[0]!.buildings[0]!.id;
    await ok(app, 'residents.create', { name: '新来的', idNumber: '', birthDate: '1990-01-01', gender: '1', relation: '02', residenceType: 'floating', placement: { kind: 'new', buildingId: building, unit: '9', room: '999' } });
    expect((await ok(app, 'residents.search', {})).total).toBe(before + 1);
  });
});

describe('a term that matches very many people', () => {
  it('says "more than" instead of counting on, and still pages in order', async () => {
    const big = openTempApp();
    try {
      seedCommunity(big.ledger.db, 8000, 99);
      const all = (big.ledger.db.prepare("SELECT count(*) AS n FROM residents WHERE name_initials >= 'z' AND name_initials < 'z\u007f'").get() as { n: number }).n;
      expect(all).toBeGreaterThan(300); // the premise: 'z' (张, 赵, 周, 朱 …) is broad
      const f = { q: 'z', status: 'active', tags: [], sort: 'address', order: 'asc' } as const;
      const r = searchResidents(big.ledger.db, { ...f, tags: [] }, 0, 50, 300);
      expect(r).toMatchObject({ total: 300, totalCapped: true });
      expect(r.rows).toHaveLength(50);
      // Over the cap the page comes from the first matches, sorted as asked, every row a match.
      const keys = r.rows.map((x) => x.address);
      expect(r.rows.every((x) => /^z/.test(pinyinOf(x.name).initials))).toBe(true);
      const sortKeys = r.rows.map((x) => (big.ledger.db.prepare('SELECT address_key FROM residents WHERE id = ?').get(x.id) as { address_key: string }).address_key);
      expect(sortKeys).toEqual([...sortKeys].sort());
      expect(keys.length).toBe(50);
      const narrow = searchResidents(big.ledger.db, { ...f, q: 'zhangw', tags: [] }, 0, 50, 300);
      expect(narrow.totalCapped).toBe(false);
      expect(narrow.rows.every((x) => x.name.startsWith('张'))).toBe(true);
    } finally {
      big.close();
    }
  });
});

describe('seeding', () => {
  it('seeding a seeded ledger again adds new people, new households and valid IDs', async () => {
    const { checkIdNumber } = await import('../../shared/rules/idNumber');
    const twice = openTempApp();
    try {
      seedCommunity(twice.ledger.db, 300);
      seedCommunity(twice.ledger.db, 200);
      const db = twice.ledger.db;
      expect(db.prepare('SELECT count(*) AS n, count(DISTINCT id_number) AS d FROM residents').get()).toEqual({ n: 500, d: 500 });
      const ids = db.prepare('SELECT id_number FROM residents').pluck().all() as string[];
      expect(ids.every((id) => checkIdNumber(id).ok)).toBe(true);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      twice.close();
    }
  });
});
