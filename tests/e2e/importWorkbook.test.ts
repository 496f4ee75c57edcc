import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { appForThisFile, ledgerCli } from './harness';
import { ResidentsScreen } from './pages/residents';
import { OFFICE, officeXlsx } from '../support/officeSheets';

const app = appForThisFile((db) => void ledgerCli(db, 'setup', '--street', '朝阳门街道', '--community', '幸福里社区', '--grids', '第一网格=7号楼;第二网格=9号楼'));

it('a committee workbook as it is: sheets offered, a new building added to a grid in one step, households on screen', async () => {
  const { page } = app;
  const file = path.join(app.dir, '金色家园东区户籍台账.xlsx');
  fs.writeFileSync(file, await officeXlsx());

  await page.evaluate(() => (window.location.hash = '#/import'));
  await page.locator('input[type=file]').setInputFiles(file);
  const sheets = page.getByTestId('import-sheets');
  await sheets.waitFor();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'import-workbook-checked.png'), fullPage: true });
  const sheetRows = await sheets.locator('.ant-table-tbody tr').allInnerTexts();
  expect(sheetRows.map((r) => r.split('\t')[1])).toEqual(['7号楼', '8号楼', '填表说明']);
  expect(sheetRows[2]).toContain('没有认出表头');

  // The planted mistakes are listed by sheet and row; the totals and sign-off rows are skipped, not errors.
  const issues = await page.getByTestId('import-issues').locator('.ant-table-tbody tr').allInnerTexts();
  for (const m of OFFICE.mistakes) expect(issues.some((t) => t.startsWith(`${m.sheet}\t${m.row}\t`)), `${m.sheet} ${m.row}`).toBe(true);
  expect(issues.some((t) => t.includes('合计'))).toBe(false);
  await page.getByText(/已跳过 3 行/).click();
  await expect.poll(() => page.getByTestId('import-skipped').innerText()).toContain('填表人');

  // The columns as guessed, with sample values, shown and kept as they are.
  await page.getByTestId('import-map-7号楼').click();
  await page.getByRole('dialog').getByText('王建国 · 李秀英 · 王小明').waitFor();
  await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();

  // 8号楼 is not in the ledger: one step adds it to 第一网格, and its rows are ready.
  const newBuildings = page.getByTestId('import-new-buildings');
  await newBuildings.getByText('8号楼（7 行，未定网格）').waitFor();
  await page.getByTestId('import-grid').click();
  await page.locator('.ant-select-dropdown').getByText('第一网格', { exact: true }).click();
  await page.getByTestId('import-add-buildings').click();
  const people = Object.keys(OFFICE.people).length;
  await expect.poll(async () => (await page.getByTestId('import-summary').locator('.ant-statistic-content-value').allTextContents())[1]).toBe(String(people));

  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').getByText(`导入完成：新增 ${people} 人，更新 0 人。`).waitFor();

  // On screen: the list, and a household card with the family together.
  const list = new ResidentsScreen(page);
  await list.open();
  await expect.poll(() => list.total().textContent()).toBe(`共 ${people} 人`);
  await list.search('王建国');
  await page.getByRole('link', { name: '王建国' }).first().click();
  await page.getByRole('link', { name: /所在户|户卡/ }).or(page.getByRole('button', { name: /所在户|户卡/ })).first().click();
  const members = page.getByTestId('household-members');
  await members.waitFor();
  const text = await members.innerText();
  for (const name of ['王建国', '李秀英', '王小明', '王小红', '王芳', '张淑兰']) expect(text).toContain(name);
  expect(text).toContain('儿媳');
  expect(text).toContain('岳母');
  await page.screenshot({ path: path.join(app.dir, 'household-from-workbook.png') });
});
