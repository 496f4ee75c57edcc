/**
 * `npm run bench`: the figures of issue 11, each beside a raw-SQLite baseline measured in the same run
 * on the same file. Writes tests/bench/RESULTS.md and prints a summary.
 * LINLI_BENCH_SIZES=10000,100000 picks the ledger sizes (default 10k, 100k, 1M).
 * While tuning: LINLI_BENCH_PARTS=search (any of search,import,browser,lists,desk,desks) runs only those parts, and
 * LINLI_BENCH_DIR=/some/dir keeps the seeded ledgers there and reuses them next time (RESULTS.md is then not written).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openApp, type App } from '../../main/app';
import type { Db } from '../../main/core/ledger';
import { seedCommunity } from '../../main/modules/residents/seed';
import { measure, ms, now, type Summary } from './stats';
import { benchImport, BENCH_PASSWORD } from './importBench';
import { benchBrowser } from './browserBench';
import { benchLists } from './listsBench';
import { benchDesk } from './deskBench';
import { benchDesks } from './desksBench';

const SIZES = (process.env.LINLI_BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.LINLI_BENCH_RUNS ?? 200);
const ROOT = path.resolve(__dirname, '..', '..');
/** Ledgers here are encrypted like real ones; the key is handed over directly, the raw baseline uses it too. */
const KEEP_DIR = process.env.LINLI_BENCH_DIR;
const ALL_PARTS = 'search,import,browser,lists,desk,desks';
const PARTS = new Set((process.env.LINLI_BENCH_PARTS ?? ALL_PARTS).split(','));
const FULL_RUN = !KEEP_DIR && PARTS.size === ALL_PARTS.split(',').length;
const BENCH_KEY = keptKey();

/** A kept ledger folder holds its key beside the ledgers, so that the next run can open them. */
function keptKey(): Buffer {
  if (!KEEP_DIR) return randomBytes(32);
  fs.mkdirSync(KEEP_DIR, { recursive: true });
  const file = path.join(KEEP_DIR, 'bench.key');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'));
  return Buffer.from(fs.readFileSync(file, 'utf8'), 'hex');
}

interface Row {
  what: string;
  linli: Summary;
  raw?: Summary;
}

function peak(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Deterministic sample of residents to draw search terms from. */
function sample(db: Db, n: number) {
  const total = (db.prepare('SELECT max(id) AS m FROM residents').get() as { m: number }).m;
  const ids = Array.from({ length: n }, (_, i) => 1 + Math.floor(((i * 7919) % n) * (total / n)));
  const get = db.prepare('SELECT id, name, id_number, phone, address, name_initials, name_pinyin, grid_id FROM residents WHERE id >= ? LIMIT 1');
  return ids.map((id) => get.get(id) as { id: number; name: string; id_number: string; phone: string; address: string; name_initials: string; name_pinyin: string; grid_id: number });
}

const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function searchBench(app: App, n: number): Promise<Row[]> {
  const db = app.ledger.db;
  const people = sample(db, RUNS);
  const three = people.filter((p) => [...p.name].length >= 3);
  const phones = people.filter((p) => p.phone);
  const search = (input: Record<string, unknown>) => async () => {
    const r = await app.call('residents.search', { offset: 0, limit: 50, ...input });
    if (!r.ok) throw new Error(JSON.stringify(r));
  };
  const raw = (sql: string) => {
    const st = db.prepare(sql);
    return (params: unknown[]) => st.all(...params);
  };
  const trigram = raw('SELECT rowid FROM resident_fts WHERE resident_fts MATCH ? LIMIT 50');
  const short = raw('SELECT rowid FROM resident_short WHERE resident_short MATCH ? LIMIT 50');
  const range = (col: string) => raw(`SELECT id FROM residents WHERE ${col} >= ? AND ${col} < ? LIMIT 50`);
  const rows: Row[] = [];
  const kind = async (what: string, terms: string[], rawFn: (t: string) => unknown) => {
    rows.push({ what, linli: await measure(terms, (q) => search({ q })()), raw: await measure(terms, rawFn) });
  };
  await kind('1 Chinese character (surname)', people.map((p) => [...p.name][0]!), (t) => short([phrase(t)]));
  await kind('2 Chinese characters', people.map((p) => [...p.name].slice(0, 2).join('')), (t) => short([phrase(t)]));
  await kind('3 Chinese characters (full name)', three.map((p) => p.name), (t) => trigram([`{name address}: ${phrase(t)}`]));
  await kind('pinyin initials', people.map((p) => p.name_initials), (t) => range('name_initials')([t, `${t}\u007f`]));
  await kind('full pinyin', people.map((p) => p.name_pinyin), (t) => range('name_pinyin')([t, `${t}\u007f`]));
  await kind('ID prefix (8 digits)', people.map((p) => p.id_number.slice(0, 8)), (t) => range('id_number')([t, `${t}\u007f`]));
  await kind('ID suffix (6 characters)', people.map((p) => p.id_number.slice(-6)), (t) => trigram([`{idn phone address}: ${phrase(t)}`]));
  await kind('phone fragment (5 digits)', phones.map((p) => p.phone.slice(3, 8)), (t) => trigram([`{idn phone address}: ${phrase(t)}`]));
  await kind('address text (楼+单元)', people.map((p) => p.address.replace(/\d+室$/, '')), (t) => trigram([`{name address}: ${phrase(t)}`]));
  await kind('whole ID number', people.map((p) => p.id_number), (t) => raw('SELECT id FROM residents WHERE id_number = ?')([t]));
  const grids = people.map((p) => p.grid_id);
  const rawFilter = raw(
    "SELECT id FROM residents WHERE grid_id = ? AND status = 'active' AND birth_date <= date('now', '-60 years') AND birth_date > date('now', '-80 years') AND id IN (SELECT resident_id FROM resident_tags WHERE tag = 'alone') LIMIT 50",
  );
  rows.push({
    what: 'filters only: grid + care tag + age 60–79',
    linli: await measure(grids, (g) => search({ gridId: g, tags: ['alone'], ageMin: 60, ageMax: 79 })()),
    raw: await measure(grids, (g) => rawFilter([g])),
  });
  const pages = people.map((_, i) => i);
  const total = (db.prepare("SELECT count(*) AS c FROM residents WHERE status = 'active'").get() as { c: number }).c;
  const firstRaw = raw("SELECT * FROM residents WHERE status = 'active' ORDER BY address_key, id LIMIT 50");
  rows.push({ what: 'list: first page, default sort (with total)', linli: await measure(pages, () => search({})()), raw: await measure(pages, () => firstRaw([])) });
  const deepRaw = raw("SELECT * FROM residents WHERE status = 'active' ORDER BY address_key, id LIMIT 50 OFFSET ?");
  const deep = pages.map((i) => Math.max(0, Math.floor(total * 0.9) - (i % 20) * 50));
  rows.push({ what: 'list: a page 90% deep (with total)', linli: await measure(deep, (offset) => search({ offset })()), raw: await measure(deep, (o) => deepRaw([o])) });
  void n;
  return rows;
}

/**
 * A cold process: start Node, sign in (the password unwraps the ledger key: one scrypt), open the
 * ledger, fetch what the first screen shows. Raw: start Node, open the file with the key, the same two queries.
 */
function coldOpen(file: string): { linli: Summary; raw: Summary; loginMs: number } {
  const logins: number[] = [];
  const times = (args: string[]) => {
    const out: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = now();
      const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      out.push(now() - t);
      const m = /"loginMs":([\d.]+)/.exec(r.stdout);
      if (m) logins.push(Number(m[1]));
    }
    out.sort((a, b) => a - b);
    return { p50: out[2]!, p95: out[4]!, runs: 5 };
  };
  const linli = times([path.join(__dirname, 'first-screen.cjs'), file, 'bench', BENCH_PASSWORD]);
  const raw = times([
    '-e',
    `const D=require(${JSON.stringify(require.resolve('better-sqlite3-multiple-ciphers'))});const d=new D(${JSON.stringify(file)});d.pragma("key = \\"x'${BENCH_KEY.toString('hex')}'\\"");d.prepare("SELECT status, sum(n) FROM resident_tally GROUP BY status").all();d.prepare("SELECT * FROM tag_tally").all();`,
  ]);
  return { linli, raw, loginMs: logins.sort((a, b) => a - b)[Math.floor(logins.length / 2)] ?? 0 };
}

function fileSize(file: string): number {
  return ['', '-wal'].reduce((s, ext) => s + (fs.existsSync(file + ext) ? fs.statSync(file + ext).size : 0), 0);
}

async function main() {
  const started = now();
  const dir = KEEP_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-'));
  const lines: string[] = [];
  const say = (s = '') => {
    lines.push(s);
    console.log(s);
  };
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  say('# Linli benchmark results');
  say();
  say(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, SQLite ${(openApp(path.join(dir, 'v.db'), 'cli', { key: BENCH_KEY }).ledger.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}.`);
  say('Times in milliseconds. "raw" is the bare SQLite statement for the same question on the same file in the same run;');
  say('"Linli" is the call through dispatch (zod validation, permission check, the routed query, total count, sorting, row mapping, masking).');
  const growth: Record<string, Record<number, number>> = {};
  const ledgers: Record<number, string> = {};
  for (const n of SIZES) {
    const file = path.join(dir, `ledger-${n}.db`);
    const t = now();
    const reused = fs.existsSync(file);
    const app = openApp(file, 'cli', { key: BENCH_KEY });
    if (!reused) {
      const created = await app.call('auth.createAdmin', { username: 'bench', displayName: 'bench', password: BENCH_PASSWORD });
      if (!created.ok) throw new Error(JSON.stringify(created));
      seedCommunity(app.ledger.db, n);
    }
    const seedMs = now() - t;
    app.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    ledgers[n] = file;
    if (!PARTS.has('search')) {
      app.close();
      continue;
    }
    const rows = await searchBench(app, n);
    app.close();
    const open = coldOpen(file);
    say();
    say(`## ${n.toLocaleString('en-US')} residents`);
    say();
    say(`${reused ? 'Reused a kept ledger, opened' : 'Seeded'} in ${(seedMs / 1000).toFixed(1)} s (generate + insert + index). Ledger on disk (encrypted): ${(fileSize(file) / 2 ** 20).toFixed(0)} MB. Sign-in alone (scrypt N=2^17 unwrapping the ledger key): ${ms(open.loginMs)} ms.`);
    say();
    say('| question | Linli p50 | Linli p95 | raw p50 | raw p95 | p95 ratio |');
    say('|---|---:|---:|---:|---:|---:|');
    for (const r of [...rows, { what: 'cold process: sign in (key unwrap) → open ledger → first screen data', ...open }]) {
      say(`| ${r.what} | ${ms(r.linli.p50)} | ${ms(r.linli.p95)} | ${r.raw ? ms(r.raw.p50) : '–'} | ${r.raw ? ms(r.raw.p95) : '–'} | ${r.raw ? (r.linli.p95 / Math.max(r.raw.p95, 0.001)).toFixed(1) + '×' : '–'} |`);
      (growth[r.what] ??= {})[n] = r.linli.p95;
    }
  }
  if (SIZES.length > 1) {
    say();
    say('## How p95 grows with the ledger');
    say();
    say(`| question | ${SIZES.map((n) => n.toLocaleString('en-US')).join(' | ')} |`);
    say(`|---|${SIZES.map(() => '---:').join('|')}|`);
    for (const [what, byN] of Object.entries(growth)) say(`| ${what} | ${SIZES.map((n) => ms(byN[n]!)).join(' | ')} |`);
  }
  say();
  if (PARTS.has('import')) for (const line of await benchImport(dir)) say(line);
  say();
  const keystrokeLedger = ledgers[100_000] ?? ledgers[SIZES[SIZES.length - 1]!]!;
  if (PARTS.has('browser')) for (const line of await benchBrowser(dir, keystrokeLedger, ROOT)) say(line);
  say();
  if (PARTS.has('lists')) for (const line of await benchLists(dir, BENCH_KEY)) say(line);
  say();
  if (PARTS.has('desk')) for (const line of await benchDesk(ledgers[SIZES[SIZES.length - 1]!]!, BENCH_KEY)) say(line);
  say();
  if (PARTS.has('desks')) for (const line of await benchDesks(ledgers[100_000] ?? ledgers[SIZES[SIZES.length - 1]!]!, BENCH_KEY, ROOT)) say(line);
  say();
  say(`Peak memory of the benchmark process (seeding and searching every ledger): ${peak()} MB. Whole run: ${((now() - started) / 60000).toFixed(1)} min.`);
  if (FULL_RUN) fs.writeFileSync(path.join(ROOT, 'tests', 'bench', 'RESULTS.md'), lines.join('\n') + '\n');
  if (!KEEP_DIR) fs.rmSync(dir, { recursive: true, force: true });
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
