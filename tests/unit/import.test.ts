import { translate } from '../../shared/i18n/resources';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ok, openTempApp, setUpCommunity } from '../support/ledger';
import { messyWorkbook, residentsCsv, validId } from '../support/sheets';

type TestApp = ReturnType<typeof openTempApp>;
let app: TestApp;
beforeEach(async () => {
  app = openTempApp();
  await setUpCommunity(app);
});
afterEach(() => app.close());

const count = () => (app.ledger.db.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }).n;

describe('spreadsheet import', () => {
  it('checks a messy sheet without writing, reports by Excel row, then imports only the valid rows', async () => {
    const { buffer, expected } = await messyWorkbook();
    const report = await ok(app, 'residents.importCheck', { fileName: '台账.xlsx', base64: buffer.toString('base64'), lang: 'zh-CN' });
    expect(count()).toBe(0);
    expect(report.rows).toBe(8);
    expect(report.valid).toBe(expected.valid);
    expect(report.invalid).toBe(expected.invalid);
    expect(report.errors.map((e) => ({ row: e.row, code: e.code }))).toEqual(expected.errors);
    expect(report.errors.find((e) => e.row === 7)!.message).toContain('Excel');
    expect(report.errors.find((e) => e.row === 6)!.column).toBe('身份证号码');
    expect(report.warnings).toMatchObject([{ row: 10, code: 'id.upgraded' }]);
    const done = await ok(app, 'residents.importCommit', { token: report.token });
    expect(done).toMatchObject({ created: 4, updated: 0 });
    expect(count()).toBe(4);
    const zhang = (await ok(app, 'residents.search', { q: 'zsf' })).rows[0]!;
    expect(zhang.name).toBe('张三丰');
    const card = await ok(app, 'households.card', { id: zhang.householdId! });
    expect(card.members.map((m) => m.name)).toEqual(['张三丰', '李四']);
    const qian = (await ok(app, 'residents.search', { q: '钱七' })).rows[0]!;
    expect(qian.tags).toEqual(['dibao']);
    const zhou = await ok(app, 'residents.search', { q: '周九' });
    expect(zhou.total).toBe(0);
  });

  it('updates residents by ID on a second import instead of duplicating them', async () => {
    const { buffer } = await messyWorkbook();
    const first = await ok(app, 'residents.importCheck', { fileName: 'a.xlsx', base64: buffer.toString('base64'), lang: 'zh-CN' });
    await ok(app, 'residents.importCommit', { token: first.token });
    const again = await ok(app, 'residents.importCheck', { fileName: 'a.xlsx', base64: buffer.toString('base64'), lang: 'zh-CN' });
    expect(again.toUpdate).toBe(4);
    expect(await ok(app, 'residents.importCommit', { token: again.token })).toMatchObject({ created: 0, updated: 4 });
    expect(count()).toBe(4);
  });

  it('gives messages in the language asked for and a downloadable report', async () => {
    const { buffer } = await messyWorkbook();
    const report = await ok(app, 'residents.importCheck', { fileName: 'a.xlsx', base64: buffer.toString('base64'), lang: 'en-US' });
    expect(report.errors[0]!.message).toMatch(/check character/);
    const file = await ok(app, 'residents.importReportFile', { token: report.token });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.length).toBe(1 + report.errors.length + report.warnings.length);
  });

  it('reads CSV saved by Excel in GB18030, with quoted fields', async () => {
    // Bytes as Excel on Chinese Windows saves them (GB18030), made once with Python's codec:
    // 姓名,公民身份号码,性别,民族,楼栋,房号,与户主关系,网格 / 王小二 … / "李,三" …
    const gb = Buffer.from(
      'd0d5c3fb2cb9abc3f1c9edb7ddbac5c2eb2cd0d4b1f02cc3f1d7e52cc2a5b6b02cb7bfbac52cd3ebbba7d6f7b9d8cfb52ccdf8b8f10d0acdf5d0a1b6fe2c3131303130353139393030313031303031302cc4d02cbaba2c31bac5c2a52c3130312cbba7d6f72cb5dad2bbcdf8b8f10d0a22c0ee2cc8fd222c3131303130353139393130313031303032362cc5ae2cbaba2c31bac5c2a52c3130312cc6de2cb5dad2bbcdf8b8f10d0a',
      'hex',
    );
    expect(gb.toString('utf8')).toContain('\uFFFD'); // not UTF-8: the decoder must notice
    const report = await ok(app, 'residents.importCheck', { fileName: 'a.csv', base64: gb.toString('base64'), lang: 'zh-CN' });
    expect(report).toMatchObject({ rows: 2, valid: 2, invalid: 0 });
    await ok(app, 'residents.importCommit', { token: report.token });
    expect((await ok(app, 'residents.search', { q: '李,三' })).total).toBe(1);
  });

  it('refuses files it cannot read with a clear key', async () => {
    expect(await app.call('residents.importCheck', { fileName: 'a.doc', base64: 'AAAA', lang: 'zh-CN' })).toMatchObject({ ok: false, code: 'import.fileType' });
    expect(await app.call('residents.importCheck', { fileName: 'a.xls', base64: 'AAAA', lang: 'zh-CN' })).toMatchObject({ ok: false, code: 'import.unreadable' });
    expect(await app.call('residents.importCheck', { fileName: 'a.xlsx', base64: 'AAAA', lang: 'zh-CN' })).toMatchObject({ ok: false, code: 'import.notXlsx' });
    const noHeader = Buffer.from('a,b,c\n1,2,3\n').toString('base64');
    expect(await app.call('residents.importCheck', { fileName: 'a.csv', base64: noHeader, lang: 'zh-CN' })).toMatchObject({ ok: false, code: 'import.noHeader' });
  });

  it('the template it hands out imports back cleanly once filled in', async () => {
    const tpl = await ok(app, 'residents.importTemplate', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(tpl.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    const row: Record<string, string> = { 姓名: '陈静', 公民身份号码: validId('11010519850505002'), 网格: '第一网格', 楼栋: '2号楼', 房号: '601', 与户主关系: '户主' };
    ws.addRow(headers.map((h) => row[h] ?? ''));
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const report = await ok(app, 'residents.importCheck', { fileName: 't.xlsx', base64: buf.toString('base64'), lang: 'zh-CN' });
    expect(report).toMatchObject({ rows: 1, valid: 1, invalid: 0 });
  });

  describe('in batches', () => {
    beforeEach(() => void (process.env.LINLI_IMPORT_BATCH_ROWS = '100'));
    afterEach(() => void delete process.env.LINLI_IMPORT_BATCH_ROWS);
    const runs = () => app.ledger.db.prepare('SELECT id, rows, rows_done, created, state FROM import_runs ORDER BY id').all();
    const check = (buffer: Buffer) => ok(app, 'residents.importCheck', { fileName: 'big.csv', base64: buffer.toString('base64'), lang: 'zh-CN' });

    it('stops after the batch in hand, keeps whole batches, and the same file continues where it stopped', async () => {
      const file = residentsCsv(1000);
      const report = await check(file);
      const committing = app.call('residents.importCommit', { token: report.token });
      // The job yields between batches: progress is answered while it runs, then Stop is honoured.
      let seen = 0;
      while (seen === 0) {
        await new Promise((r) => setImmediate(r));
        seen = (await ok(app, 'residents.importProgress', { token: report.token })).rowsDone;
      }
      await ok(app, 'residents.importCancel', { token: report.token });
      const stopped = await committing;
      expect(stopped).toMatchObject({ ok: true, value: { stopped: true, rows: 1000 } });
      const done = (stopped as { value: { rowsDone: number } }).value.rowsDone;
      expect(done % 100).toBe(0);
      expect(done).toBeLessThan(1000);
      expect(count()).toBe(done);
      expect(runs()).toEqual([{ id: 1, rows: 1000, rows_done: done, created: done, state: 'stopped' }]);

      const again = await check(file);
      expect(again.resume).toEqual({ runId: 1, rowsDone: done });
      expect(await ok(app, 'residents.importCommit', { token: again.token })).toMatchObject({ runId: 1, created: 1000, updated: 0, rowsDone: 1000, stopped: false });
      expect(count()).toBe(1000);
      expect(runs()).toEqual([{ id: 1, rows: 1000, rows_done: 1000, created: 1000, state: 'done' }]);
      // Every resident found by search: the index was kept batch by batch.
      expect((await ok(app, 'residents.search', { q: '居民999' })).total).toBe(1);
      // Heads stayed heads across the batch boundaries: 500 households, each with its head.
      expect(app.ledger.db.prepare('SELECT count(*) AS n FROM households WHERE head_id IS NOT NULL').get()).toEqual({ n: 500 });
    });

    it('a desk writing between batches is seen by the batches after it (households remembered across batches are forgotten)', async () => {
      const report = await check(residentsCsv(1000));
      const building = app.ledger.db.prepare("SELECT id FROM buildings WHERE name = '1号楼'").get() as { id: number };
      const committing = app.call('residents.importCommit', { token: report.token });
      // The heads come first (batches 1-5), their spouses after (6-10): the spouses join households found before the rename.
      while ((await ok(app, 'residents.importProgress', { token: report.token })).rowsDone === 0) await new Promise((r) => setImmediate(r));
      await ok(app, 'community.rename', { kind: 'building', id: building.id, name: '一号楼', leader: '' });
      expect(await committing).toMatchObject({ ok: true, value: { created: 1000 } });
      const addresses = app.ledger.db.prepare('SELECT DISTINCT substr(address, 1, instr(address, \'楼\')) AS b FROM residents').all();
      expect(addresses).toEqual([{ b: '一号楼' }]);
      expect(app.ledger.db.prepare('SELECT count(*) AS n FROM households WHERE head_id IS NOT NULL').get()).toEqual({ n: 500 });
      expect(app.ledger.db.prepare('SELECT count(*) AS n FROM (SELECT household_id FROM residents GROUP BY household_id HAVING count(*) = 2)').get()).toEqual({ n: 500 });
    });

    it('refuses a second import while one runs', async () => {
      const first = await check(residentsCsv(500));
      const second = await check(residentsCsv(10, 5000));
      const running = app.call('residents.importCommit', { token: first.token });
      expect(await app.call('residents.importCommit', { token: second.token })).toMatchObject({ ok: false, code: 'import.busy' });
      expect(await running).toMatchObject({ ok: true, value: { created: 500 } });
    });

    it('an import that hits a full disk says exactly what was kept, and the batch in hand rolls back whole', async () => {
      const report = await check(residentsCsv(1000));
      const db = app.ledger.db;
      // A ledger that cannot grow: SQLite answers SQLITE_FULL exactly as on a full disk.
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages + 40}`);
      const r = await app.call('residents.importCommit', { token: report.token });
      const [run] = runs() as { rows_done: number; created: number }[];
      expect(run!.rows_done).toBeGreaterThan(0);
      expect(run!.rows_done % 100).toBe(0);
      expect(r).toMatchObject({ ok: false, code: 'import.fullPartly', params: { done: run!.rows_done, rows: 1000, next: run!.rows_done + 1 } });
      expect(translate('zh-CN', 'errors:import.fullPartly', (r as { params: Record<string, number> }).params)).toContain(`前 ${run!.rows_done} 行已经保存`);
      expect(count()).toBe(run!.rows_done);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Single writes on the full ledger: each one saved whole until the first that does not fit,
      // which is refused with the same message and leaves nothing behind.
      let saved = 0;
      let refused: unknown;
      for (let i = 0; i < 5000 && !refused; i++) {
        const seq = String(i % 1000).padStart(3, '0');
        const r = await app.call('residents.create', {
          name: `满盘${i}`,
          idNumber: validId(`110105197001${String(1 + Math.floor(i / 1000)).padStart(2, '0')}${seq}`),
          gender: i % 2 ? '1' : '2',
          relation: '02',
          residenceType: 'registered',
          placement: { kind: 'new', buildingId: 1, unit: '9', room: String(i) },
        });
        if (r.ok) saved++;
        else refused = r;
      }
      expect(refused).toMatchObject({ ok: false, code: 'ledger.full' });
      expect(count()).toBe(run!.rows_done + saved);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.pragma('max_page_count = 1073741823');
    });
  });
});

