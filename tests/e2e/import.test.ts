import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { appForThisFile, ledgerCli } from './harness';
import { ResidentsScreen } from './pages/residents';
import { messyWorkbook } from '../support/sheets';

const app = appForThisFile((db) => void ledgerCli(db, 'setup', '--street', '朝阳门街道', '--community', '幸福里社区', '--grids', '第一网格=1号楼,2号楼;第二网格=4号楼'));

it('imports a messy spreadsheet: a report by Excel row first, then only the valid rows', async () => {
  const { page } = app;
  const { buffer, expected } = await messyWorkbook();
  const file = path.join(app.dir, '居民台账.xlsx');
  fs.writeFileSync(file, buffer);

  await page.evaluate(() => (window.location.hash = '#/import'));
  await page.locator('input[type=file]').setInputFiles(file);
  const summary = page.getByTestId('import-summary');
  await summary.waitFor();
  const stats = await summary.locator('.ant-statistic-content-value').allTextContents();
  expect(stats).toEqual(['8', String(expected.valid), String(expected.invalid), '3', '0']); // 张三丰 and 李四 are one household
  const issues = await page.getByTestId('import-issues').locator('.ant-table-tbody tr').allInnerTexts();
  const byRow = (row: number) => issues.filter((t) => t.startsWith(`台账\t${row}\t`)).join(' ');
  expect(byRow(6)).toContain('校验位不对');
  expect(byRow(7)).toContain('Excel');
  expect(byRow(9)).toContain('“台账”第 5 行的身份证号重复');
  expect(byRow(10)).toContain('电话号码不对');
  expect(byRow(10)).toContain('15 位旧号码'); // the upgrade is shown, as a note

  // The problem list downloads as a spreadsheet with the same rows.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载问题清单' }).click()]);
  const saved = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  expect(wb.worksheets[0]!.rowCount).toBe(1 + issues.length);

  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').getByText('导入完成：新增 4 人，更新 0 人。').waitFor();
  const list = new ResidentsScreen(page);
  await list.open();
  await expect.poll(() => list.total().textContent()).toBe('共 4 人');
  expect((await list.names()).sort()).toEqual(['吴十', '张三丰', '李四', '钱七'].sort());
});

it('the export of the list opens in Excel with IDs masked', async () => {
  const { page } = app;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  const saved = path.join(app.dir, 'export.xlsx');
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const ws = wb.worksheets[0]!;
  // The first line says a masked copy cannot be imported again; the header is under it.
  expect(String(ws.getRow(1).getCell(1).value)).toContain('不能再导入');
  expect(ws.rowCount).toBe(6);
  expect(ws.getRow(2).getCell(7).value).toBe('公民身份号码');
  const ids = [3, 4, 5, 6].map((r) => String(ws.getRow(r).getCell(7).value));
  expect(ids).toContain('110105********002X');
});
