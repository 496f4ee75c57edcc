import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from '../../main/core/ledger';
import ExcelJS from 'exceljs';
import { openApp } from '../../main/app';
import { seedCommunity } from '../../main/modules/residents/seed';
import { openWorkbook } from '../../main/core/sheets';
import { now } from './stats';

export const BENCH_PASSWORD = 'linli-bench-2026';
const ROWS = Number(process.env.LINLI_BENCH_IMPORT_ROWS ?? 100_000);
const HEADERS = ['姓名', '公民身份号码', '性别', '出生日期', '民族', '联系电话', '网格', '楼栋', '单元', '房号', '户号', '与户主关系', '人员类型'];

/** 100,000 residents as a staff member's sheet: 13 columns, IDs as text. */
export async function makeSheet(dir: string, count = ROWS): Promise<{ file: string; rows: string[][] }> {
  const source = path.join(dir, `import-source-${count}.db`);
  const app = openApp(source, 'cli', { key: randomBytes(32) });
  seedCommunity(app.ledger.db, count, 777);
  const rows = (
    app.ledger.db
      .prepare(
        `SELECT r.name, r.id_number, CASE r.gender WHEN '1' THEN '男' ELSE '女' END, r.birth_date, '汉族', r.phone, g.name, b.name,
           w.unit, w.room, h.number, CASE r.relation WHEN '02' THEN '户主' WHEN '10' THEN '配偶' WHEN '20' THEN '子' ELSE '女' END, '户籍人口'
         FROM residents r JOIN households h ON h.id = r.household_id JOIN dwellings w ON w.id = h.dwelling_id
         JOIN buildings b ON b.id = w.building_id JOIN grids g ON g.id = b.grid_id ORDER BY r.id`,
      )
      .raw()
      .all() as string[][]
  ).map((r) => r.map(String));
  app.close();
  const file = path.join(dir, `residents-${count}.xlsx`);
  // Shared strings, as Excel and WPS write them.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('居民');
  ws.addRow(HEADERS).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return { file, rows };
}

/** The command line importing a sheet into a new ledger, in a process of its own, as staff would run it. */
function cliImport(dir: string, file: string, name: string) {
  const cli = path.join(__dirname, 'cli.cjs');
  const target = path.join(dir, `${name}.db`);
  const env = { ...process.env, LINLI_PASSWORD: BENCH_PASSWORD };
  spawnSync(process.execPath, [cli, 'init', '--admin', 'bench', '--db', target], { env });
  const t = now();
  const r = spawnSync(process.execPath, [cli, 'import', 'residents', file, '--db', target, '--user', 'bench', '--json'], { encoding: 'utf8', env: { ...env, LINLI_STATS: '1' }, maxBuffer: 2 ** 28 });
  const ms = now() - t;
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr} ${r.stdout.slice(0, 500)}`);
  const result = JSON.parse(r.stdout) as { rows: number; valid: number; created: number };
  const stats = JSON.parse(/LINLI_STATS (.*)/.exec(r.stderr)![1]!) as { maxRssMb: number; phases: Record<string, number> };
  return { ms, result, stats };
}

/**
 * What this design cannot go below: the workbook read with no check at all, and the imported ledger's
 * rows written again set-based into an empty file of the same schema, under a key — one transaction
 * each for the tables, their indexes and the search index, no batches, no households worked out.
 */
async function floor(file: string, imported: string) {
  const buffer = fs.readFileSync(file);
  const t = now();
  let rows = 0;
  for (const sheet of openWorkbook(path.basename(file), buffer)) for await (const _row of sheet.rows()) rows++;
  const read = now() - t;

  const app = openApp(imported, 'cli');
  const signedIn = await app.call('auth.login', { username: 'bench', password: BENCH_PASSWORD });
  if (!signedIn.ok) throw new Error('floor: cannot sign in to the imported ledger');
  const db = app.ledger.db;
  const copy = path.join(path.dirname(imported), 'floor.db');
  for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
  db.exec(`ATTACH DATABASE '${copy}' AS f KEY "x'${randomBytes(32).toString('hex')}'"`);
  db.pragma('f.journal_mode = WAL');
  db.pragma('f.synchronous = FULL');
  db.pragma('f.cache_size = -65536');
  db.pragma('foreign_keys = OFF'); // the rows are copied parents first, and were consistent already
  const schema = db.prepare("SELECT type, name, tbl_name AS tbl, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").all() as { type: string; name: string; tbl: string; sql: string }[];
  const tables = ['grids', 'buildings', 'dwellings', 'households', 'residents', 'resident_events', 'resident_tags'];
  const into = (sql: string) => sql.replace(/^(CREATE (?:UNIQUE |VIRTUAL )?(?:TABLE|INDEX) (?:IF NOT EXISTS )?)("?\w+"?)/, '$1f.$2');
  const step = (work: () => void) => {
    const t0 = now();
    db.transaction(work)();
    return now() - t0;
  };
  step(() => {
    for (const s of schema) if (s.type === 'table' && (tables.includes(s.name) || /^resident_(fts|short)$/.test(s.name))) db.exec(into(s.sql));
  });
  const written = step(() => {
    for (const name of tables) db.exec(`INSERT INTO f.${name} SELECT * FROM main.${name}`);
  });
  const indexed = step(() => {
    for (const s of schema) if (s.type === 'index' && tables.includes(s.tbl)) db.exec(into(s.sql));
  });
  const searchable = step(() => {
    db.exec("INSERT INTO f.resident_fts(rowid, name, address, idn, phone) SELECT id, name, address, coalesce(id_number, ''), phone FROM main.residents");
    db.exec('INSERT INTO f.resident_short(rowid, grams) SELECT id, name_grams(name) FROM main.residents');
  });
  const indexes = schema.filter((s) => s.type === 'index' && tables.includes(s.tbl)).length;
  app.close();
  for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
  return { read, rows, written, indexed, searchable, indexes };
}

export async function benchImport(dir: string): Promise<string[]> {
  const { file, rows } = await makeSheet(dir);
  const out: string[] = [`## Import of a ${ROWS.toLocaleString('en-US')}-row spreadsheet (${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB, 13 columns)`, ''];
  // Linli: read (streaming), validate, commit, index — and a large community's 20,000 rows on their own.
  const { ms: linliMs, result, stats } = cliImport(dir, file, 'import-target');
  const small = await makeSheet(dir, 20_000);
  const twenty = cliImport(dir, small.file, 'import-20k');

  const least = await floor(file, path.join(dir, 'import-target.db'));

  // Raw: the same rows inserted as they are, no reading, no validation, no index upkeep.
  // Encrypted too, like the ledger: the baseline pays for the same cipher.
  const raw = connect(path.join(dir, 'raw.db'), { key: randomBytes(32) });
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(`CREATE TABLE r (${HEADERS.map((_, i) => `c${i} TEXT`).join(', ')})`);
  const ins = raw.prepare(`INSERT INTO r VALUES (${HEADERS.map(() => '?').join(', ')})`);
  const t2 = now();
  raw.transaction(() => {
    for (const row of rows) ins.run(...row);
  })();
  const rawMs = now() - t2;
  raw.close();

  // The status quo: LibreOffice opening the same file (converting it to csv), where it is installed.
  let office = 'LibreOffice (`soffice`) is not installed on this machine: not measured.';
  let officeMs: number | undefined;
  const soffice = spawnSync('which', ['soffice'], { encoding: 'utf8' }).stdout.trim();
  if (soffice) {
    const t3 = now();
    const o = spawnSync(soffice, ['--headless', '--convert-to', 'csv', '--outdir', dir, file], { encoding: 'utf8' });
    officeMs = now() - t3;
    office = o.status === 0 ? `${(officeMs / 1000).toFixed(1)} s` : `failed: ${o.stderr}`;
  }

  out.push('| step | time | memory |', '|---|---:|---:|');
  out.push(`| Linli: read + validate (check, nothing written) | ${(stats.phases.check! / 1000).toFixed(1)} s | |`);
  out.push(`| Linli: commit + search index | ${(stats.phases.commit! / 1000).toFixed(1)} s | |`);
  out.push(`| Linli: whole command (process start to exit) | ${(linliMs / 1000).toFixed(1)} s | peak ${stats.maxRssMb} MB |`);
  out.push(`| raw: INSERT of the same rows, one transaction | ${(rawMs / 1000).toFixed(2)} s | |`);
  out.push(`| Linli: 20,000 rows, check + commit (what a signed-in user waits for) | ${((twenty.stats.phases.check! + twenty.stats.phases.commit!) / 1000).toFixed(1)} s | |`);
  out.push(`| Linli: 20,000 rows, whole command (with process start and sign-in) | ${(twenty.ms / 1000).toFixed(1)} s | peak ${twenty.stats.maxRssMb} MB |`);
  out.push(`| LibreOffice opening the file (→ csv) | ${office} | |`);
  out.push(`| floor: the workbook read, no checks (${least.rows.toLocaleString('en-US')} rows) | ${(least.read / 1000).toFixed(2)} s | |`);
  out.push(`| floor: the imported rows written again set-based, one transaction (grids … events) | ${(least.written / 1000).toFixed(2)} s | |`);
  out.push(`| floor: … their ${least.indexes} indexes built | ${(least.indexed / 1000).toFixed(2)} s | |`);
  out.push(`| floor: … the search index built | ${(least.searchable / 1000).toFixed(2)} s | |`);
  out.push('');
  out.push(
    `Imported ${result.created.toLocaleString('en-US')} of ${result.rows.toLocaleString('en-US')} rows. Linli / raw insert: ${(linliMs / rawMs).toFixed(1)}×` +
      (officeMs ? `; Linli / LibreOffice: ${(linliMs / officeMs).toFixed(2)}× (check + commit alone: ${((stats.phases.check! + stats.phases.commit!) / officeMs).toFixed(2)}×).` : '.'),
  );
  const leastMs = least.read + least.written + least.indexed + least.searchable;
  out.push(
    '',
    `The floor of this design (read with no checks, then the same rows, indexes and search index written set-based, encrypted): ${(leastMs / 1000).toFixed(1)} s` +
      (officeMs ? `, ${(leastMs / officeMs).toFixed(2)}× LibreOffice` : '') +
      `; Linli's check + commit is ${((stats.phases.check! + stats.phases.commit!) / leastMs).toFixed(2)}× the floor.`,
  );
  return out;
}
