import path from 'node:path';
import { expect, it } from 'vitest';
import { addDays } from '../../shared/rules/mediation';
import { todayIso } from '../../shared/rules/idNumber';
import { appForThisFile, artifactsDir, dialogSettled, ledgerCli, pdfPages } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '50'));
const flat = (s: string) => s.replace(/\s+/g, '');

it('a new volunteer signs up for an activity, serves two hours, and gets a printed, numbered hours certificate', { timeout: 240_000 }, async () => {
  const { page } = app;
  await page.evaluate(() => (window.location.hash = '#/volunteers'));
  await page.getByTestId('volunteer-add').click();
  await dialogSettled(page);
  await page.locator('.ant-modal').getByText('社区外人员', { exact: true }).click();
  await page.getByTestId('volunteer-name').fill('钱师傅');
  await page.getByTestId('volunteer-skills').fill('水电维修');
  await page.getByTestId('volunteer-joined').fill(addDays(todayIso(), -60));
  await page.locator('#volunteer-save').click();
  await page.getByTestId('volunteer-name').filter({ hasText: '钱师傅' }).waitFor();

  // An activity ten days ago, 09:00–11:00: signed up, then attended with the two hours it lasted.
  await page.evaluate(() => (window.location.hash = '#/volunteers/activities'));
  await page.getByTestId('activity-add').click();
  await dialogSettled(page);
  // Saved empty: the fields the contract requires (ContractItem) each say so under themselves, and the dialog stays.
  await page.locator('#activity-save').click();
  for (const field of ['activity-title', 'activity-place']) {
    await page.locator('.ant-modal .ant-form-item').filter({ has: page.getByTestId(field) }).locator('.ant-form-item-explain-error').waitFor();
  }
  await page.screenshot({ path: path.join(artifactsDir(), 'volunteers-activity-required.png') });
  await page.getByTestId('activity-title').fill('义务维修小家电');
  await page.getByTestId('activity-place').fill('社区活动室');
  await page.getByTestId('activity-date').fill(addDays(todayIso(), -10));
  await page.locator('#activity-save').click();
  await page.getByTestId('activity-number').waitFor();
  expect(await page.getByTestId('activity-number').innerText()).toMatch(/^HD\d{4}-\d{4}$/);
  await page.getByTestId('signup-pick').click();
  await page.keyboard.type('钱师傅');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '钱师傅' }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('signup-save').click();
  await expect.poll(() => page.getByTestId('activity-people').locator('tbody tr').filter({ hasText: '钱师傅' }).count()).toBe(1);
  await page.getByTestId('attend-save').click();
  await expect.poll(() => page.getByTestId('activity-state').innerText()).toBe('已举行');

  // Her page: two hours this year; the certificate is numbered and printed.
  await page.evaluate(() => (window.location.hash = '#/volunteers/people'));
  await page.getByTestId('volunteer-list').locator('tbody tr').filter({ hasText: '钱师傅' }).click();
  await expect.poll(() => page.getByTestId('volunteer-hours').innerText()).toBe('2');
  await page.getByTestId('volunteer-certificate').click();
  await page.getByTestId('hours-certificate').waitFor();
  const pdf = path.join(artifactsDir(), 'volunteer-certificate.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const pages = pdfPages(pdf);
  const text = flat(pages.join('\n'));
  expect(pages).toHaveLength(1);
  expect(text).toContain('志愿服务时长证明');
  expect(text).toContain('钱师傅');
  expect(text).toContain('累计参加志愿服务2小时');
  expect(text).toMatch(/ZY\d{4}-0001/);
});
