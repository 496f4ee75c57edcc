import { expect, it } from 'vitest';
import { appForThisFile, ledgerCli, popupSettled } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '120'));

async function pickLanguage(label: string) {
  await app.page.getByTestId('language').click();
  await popupSettled(app.page);
  await app.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).click();
}

it('switches language at any time; antd, code lists and the page follow, and the choice is kept', async () => {
  const { page } = app;
  await page.evaluate(() => (window.location.hash = '#/residents'));
  await page.getByText('居民台账').first().waitFor();
  expect(await page.locator('.ant-pagination-prev').getAttribute('title')).toBe('上一页');

  await pickLanguage('English');
  await page.getByRole('menuitem', { name: 'Residents' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
  expect(await page.locator('.ant-pagination-prev').getAttribute('title')).toBe('Previous Page');
  expect(await page.locator('.ant-table-thead').innerText()).toContain('Citizen ID');
  expect(await page.locator('.ant-table-tbody').innerText()).toMatch(/Male|Female/);

  await pickLanguage('繁體中文');
  await page.getByRole('menuitem', { name: '居民台帳' }).waitFor();
  expect(await page.locator('.ant-pagination-prev').getAttribute('title')).toBe('上一頁');
  expect(await page.locator('.ant-table-tbody').innerText()).toMatch(/戶籍人口|常住人口|流動人口|人戶分離/); // the code list follows the script

  await page.reload();
  await page.getByRole('menuitem', { name: '居民台帳' }).waitFor();
});
