import path from 'node:path';
import { expect, it } from 'vitest';
import { openAsAdmin } from '../support/cli';
import { appForThisFile, artifactsDir, ledgerCli, saveRefused } from './harness';

// A seeded community with its two lists: some needs are past their wanted-by date, some residents due a visit.
const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '300', '--needs', '30', '--resources', '6'));

it('today’s reminders: counted in the menu, each opens its record, one put aside with a reason', { timeout: 120_000 }, async () => {
  const { page } = app;
  await page.locator('.app-menu').getByText('今日待办').click();
  const list = page.getByTestId('reminders');
  await list.locator('.ant-list-item').first().waitFor();
  const count = await list.locator('.ant-list-item').count();
  expect(count).toBeGreaterThan(1);
  await expect.poll(() => page.getByTestId('todo-count').innerText()).toBe(String(count));
  const text = await list.innerText();
  expect(text).toContain('已过希望完成日期');
  expect(text).toContain('该走访了');
  await page.screenshot({ path: path.join(artifactsDir(), 'reminders.png'), fullPage: true });

  // The first overdue need opens on its own page.
  const needItem = list.locator('.ant-list-item').filter({ hasText: '已过希望完成日期' }).first();
  const number = /XQ\d{4}-\d{4}/.exec(await needItem.innerText())![0];
  await needItem.getByRole('link', { name: '去办理' }).click();
  await expect.poll(() => page.getByTestId('need-number').innerText()).toBe(number);
  await page.goBack();

  // Put aside: a reason is required, then it leaves the list until the day chosen.
  await list.locator('.ant-list-item').filter({ hasText: number }).locator('[data-testid^="snooze-"]').click();
  await page.getByTestId('snooze-form').waitFor();
  await saveRefused(page, '#snooze-save', '请填写“原因”。'); // no reason: refused in words, naming the field
  await page.getByTestId('snooze-reason').fill('已电话联系食堂，下周送');
  await page.locator('#snooze-save').click();
  await expect.poll(() => list.locator('.ant-list-item').count()).toBe(count - 1);
  expect(await list.innerText()).not.toContain(number);
  await page.getByText('另有 1 项已暂缓。').waitFor();
  await expect.poll(() => page.getByTestId('todo-count').innerText()).toBe(String(count - 1));
});

it('Ctrl+K from any page: a resident by name, a need by its number, opened from the keyboard', { timeout: 120_000 }, async () => {
  const { page } = app;
  const db = await openAsAdmin(app.db, { readonly: true });
  const name = db.prepare("SELECT name FROM residents WHERE status = 'active' AND length(name) = 3 ORDER BY id LIMIT 1").pluck().get() as string;
  const need = db.prepare('SELECT number, content FROM list_needs ORDER BY id LIMIT 1').get() as { number: string; content: string };
  db.close();
  await page.evaluate(() => (window.location.hash = '#/visits/board'));
  await page.keyboard.press('Control+k');
  await page.getByTestId('global-search').fill(name);
  const results = page.getByTestId('global-search-results');
  await results.getByText('居民').first().waitFor();
  expect(await results.innerText()).toContain(name);
  await page.screenshot({ path: path.join(artifactsDir(), 'global-search.png') });
  await page.keyboard.press('Enter');
  await page.getByTestId('global-search').waitFor({ state: 'detached' });
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/residents\/\d+$/);
  await page.getByText(name).first().waitFor();

  await page.keyboard.press('Control+k');
  await page.getByTestId('global-search').fill(need.number);
  await results.getByText('需求').first().waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('need-number').innerText()).toBe(need.number);
});
