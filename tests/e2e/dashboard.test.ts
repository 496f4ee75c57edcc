import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAsAdmin } from '../support/cli';
import { appForThisFile, artifactsDir, dialogSettled, ledgerCli, pdfPages } from './harness';

// A seeded community with its two lists, so that the first screen has something due today.
const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '400', '--needs', '30', '--resources', '6'));
const flat = (s: string) => s.replace(/\s+/g, '');

async function printPdf(page: Page, name: string): Promise<string[]> {
  const file = path.join(artifactsDir(), `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(artifactsDir(), name)]);
  return pdfPages(file);
}

async function download(page: Page, click: () => Promise<void>): Promise<ExcelJS.Workbook> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const saved = path.join(app.dir, file.suggestedFilename());
  await file.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  return wb;
}

it('the first screen after signing in: what is due today, the community in figures and charts; one reminder opened; printed on A4', { timeout: 120_000 }, async () => {
  const { page } = app;
  // Signing in lands here: no menu to find first.
  const today = page.getByTestId('dash-today');
  await today.locator('.ant-list-item').first().waitFor();
  expect(await today.innerText()).toContain('已过希望完成日期');
  await expect.poll(() => page.getByTestId('fig-active').innerText()).toContain('400');
  const db = await openAsAdmin(app.db, { readonly: true });
  const households = db.prepare('SELECT count(*) FROM households').pluck().get() as number;
  db.close();
  expect(await page.getByTestId('fig-households').innerText()).toContain(String(households));
  for (const chart of ['pyramid', 'care', 'needs']) await page.getByTestId(`chart-${chart}`).locator('svg').first().waitFor();
  expect(await page.getByTestId('chart-pyramid').getAttribute('aria-label')).toMatch(/^0–9岁: 男 \d+, 女 \d+;/);
  await page.screenshot({ path: path.join(artifactsDir(), 'dashboard.png'), fullPage: true });

  // One reminder, opened from the first screen.
  const first = today.locator('.ant-list-item').filter({ hasText: '已过希望完成日期' }).first();
  const number = /XQ\d{4}-\d{4}/.exec(await first.innerText())![0];
  await first.getByRole('link', { name: '去办理' }).click();
  await expect.poll(() => page.getByTestId('need-number').innerText()).toBe(number);
  await page.goBack();

  await page.getByTestId('dash-print').click();
  await page.getByTestId('dash-print-figures').waitFor();
  await page.locator('.print-chart svg').first().waitFor();
  const pages = await printPdf(page, 'dashboard-print');
  const text = flat(pages.join('\n'));
  for (const s of ['幸福里社区工作概况', '在册居民', '400', '人口年龄结构', '特殊人群分布', '第1页']) expect(text).toContain(flat(s));
  await page.goBack();
});

it('a population report for last month: looked at, printed (its PDF read back), and taken as xlsx with the same figures', { timeout: 120_000 }, async () => {
  const { page } = app;
  await page.getByTestId('dash-reports').click();
  await page.getByTestId('report-population').click();
  const view = page.getByTestId('report-view');
  await view.getByText('一、按年龄段和性别').waitFor();
  const db = await openAsAdmin(app.db, { readonly: true });
  const han = db.prepare("SELECT count(*) FROM residents WHERE status = 'active' AND ethnicity = '01'").pluck().get() as number;
  const firstGrid = db.prepare('SELECT name FROM grids ORDER BY id LIMIT 1').pluck().get() as string;
  const inFirstGrid = db.prepare("SELECT count(*) FROM residents WHERE status = 'active' AND grid_id = (SELECT min(id) FROM grids)").pluck().get() as number;
  db.close();
  expect(await view.innerText()).toContain(String(han));
  await page.screenshot({ path: path.join(artifactsDir(), 'reports.png'), fullPage: true });

  const wb = await download(page, () => page.getByTestId('report-xlsx').click());
  const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
  expect(rows[0]![0]).toBe('幸福里社区人口统计表');
  expect(rows).toContainEqual(['在册人口', 400]);
  expect(rows.find((r) => r[0] === '汉族')?.[1]).toBe(han);

  // One grid, printed.
  await page.getByTestId('report-grid').click();
  await page.locator('.ant-select-dropdown:visible').getByText(firstGrid, { exact: true }).click();
  await expect.poll(() => view.innerText()).toContain(`· ${firstGrid}`);
  await page.getByTestId('report-print').click();
  await page.getByTestId('report-figures').waitFor();
  const pages = await printPdf(page, 'population-report');
  const text = flat(pages.join('\n'));
  for (const s of ['幸福里社区人口统计表', firstGrid, '在册人口', String(inFirstGrid), '一、按年龄段和性别', '80+', '二、按民族', '五、按网格', '第1页']) expect(text).toContain(flat(s));
  await page.goBack();
});

it('an upper department’s sheet: uploaded, columns checked, filled for the over-80s and read back', { timeout: 120_000 }, async () => {
  const { page } = app;
  const form = new ExcelJS.Workbook();
  const ws = form.addWorksheet('高龄');
  ws.addRow(['80周岁以上老人花名册']);
  ws.mergeCells('A1:F1');
  ws.addRow(['序号', '姓名', '性别', '公民身份号码', '家庭住址', '人群类别']);
  ws.addRow([]);
  ws.addRow(['填表人：', '', '审核人：']);
  const file = path.join(app.dir, '高龄花名册.xlsx');
  await form.xlsx.writeFile(file);

  await page.evaluate(() => (window.location.hash = '#/sheets'));
  await page.getByTestId('sheet-name').fill('高龄老人花名册');
  await page.getByTestId('sheet-department').fill('街道民政科');
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('sheet-upload').click();
  // The mapping opens at once, most columns already matched by their names.
  await dialogSettled(page);
  await page.getByText('对应字段：高龄老人花名册').waitFor();
  await page.getByText('已上传：6 列中已自动对应 6 列，请核对。').waitFor();
  await page.screenshot({ path: path.join(artifactsDir(), 'sheet-mapping.png') });
  await page.locator('#mapping-save').click();
  await page.getByText('对应关系已保存。').waitFor();

  await page.getByTestId('sheet-list').getByRole('button', { name: '填表导出' }).click();
  await dialogSettled(page);
  await page.getByTestId('fill-min-age').fill('80');
  await page.getByTestId('fill-full').check();
  const wb = await download(page, () => page.locator('#fill-now').click());
  const db = await openAsAdmin(app.db, { readonly: true });
  const limit = `${new Date().getFullYear() - 80}${new Date().toISOString().slice(4, 10)}`;
  const elders = db.prepare("SELECT name, id_number FROM residents WHERE status = 'active' AND birth_date != '' AND birth_date <= ? ORDER BY name").all(limit) as { name: string; id_number: string }[];
  db.close();
  expect(elders.length).toBeGreaterThan(0);
  const sheet = wb.getWorksheet('高龄')!;
  const filled: { name: string; id_number: string }[] = [];
  for (let r = 3; r < 3 + elders.length; r++) filled.push({ name: String(sheet.getCell(r, 2).value), id_number: String(sheet.getCell(r, 4).value) });
  expect(filled.sort((a, b) => a.name.localeCompare(b.name) || a.id_number.localeCompare(b.id_number))).toEqual([...elders].sort((a, b) => a.name.localeCompare(b.name) || a.id_number.localeCompare(b.id_number)));
  expect(sheet.getCell(3 + elders.length, 1).value).toBe('填表人：');
  expect(fs.existsSync(file)).toBe(true);
  await page.getByText(`已填好 ${elders.length} 行并导出`).waitFor();
});
