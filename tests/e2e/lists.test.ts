import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAsAdmin } from '../support/cli';
import { appForThisFile, artifactsDir, ledgerCli, pdfPages, pick, saveRefused } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '200'));
const flat = (s: string) => s.replace(/\s+/g, '');

async function addNeed(page: Page, need: { resident?: string; beneficiary?: string; category: string; content: string; urgent?: boolean }) {
  await page.getByTestId('need-add').click();
  if (need.resident) {
    await pick(page, 'need-resident', need.resident);
  } else {
    await page.getByTestId('need-for').getByText('社区公共').click();
    await page.getByTestId('need-beneficiary').fill(need.beneficiary!);
  }
  await pick(page, 'need-category', need.category);
  await page.getByTestId('need-content').fill(need.content);
  if (need.urgent) await page.getByTestId('need-urgency').getByText('紧急').click();
  await page.locator('#need-save').click();
  await page.getByTestId('need-number').waitFor();
  await expect.poll(() => page.getByTestId('need-content').innerText()).toBe(need.content);
  await page.evaluate(() => (window.location.hash = '#/lists/needs'));
}

async function addResource(page: Page, r: { provider: string; kind: string; category: string; content: string; capacity: number }) {
  await page.getByTestId('resource-add').click();
  await page.getByTestId('resource-kind').getByText(r.kind).click();
  await page.getByTestId('resource-provider').fill(r.provider);
  await pick(page, 'resource-category', r.category);
  await page.getByTestId('resource-content').fill(r.content);
  await page.getByTestId('resource-capacity').fill(String(r.capacity));
  await page.locator('#resource-save').click();
  await page.getByTestId('resource-list').getByText(r.provider).waitFor();
}

it('staff list three needs and two resources, match them with reasons, confirm; a member claims, serves two hours, the resident rates it; the need list is printed', { timeout: 240_000 }, async () => {
  const { page } = app;
  const db = await openAsAdmin(app.db, { readonly: true });
  const [elder, child] = db.prepare("SELECT name FROM residents WHERE status = 'active' AND length(name) = 3 ORDER BY id LIMIT 2").pluck().all() as string[];
  db.close();
  await page.evaluate(() => (window.location.hash = '#/lists/needs'));

  // Bad input first: nothing typed, a clear message, nothing saved.
  await page.getByTestId('need-add').click();
  await saveRefused(page, '#need-save', '请选择是哪位居民的需求。');
  await page.keyboard.press('Escape');

  await addNeed(page, { resident: elder!, category: '助餐', content: '腿脚不便，希望每天中午送饭', urgent: true });
  await addNeed(page, { resident: child!, category: '课业辅导', content: '孩子数学跟不上，需要课后辅导' });
  await addNeed(page, { beneficiary: '3号楼全体居民', category: '环境整治', content: '楼道堆放杂物需要清理' });
  await expect.poll(() => page.getByTestId('need-list').locator('tbody tr').count()).toBe(3);

  await page.evaluate(() => (window.location.hash = '#/lists/resources'));
  await addResource(page, { provider: '社区老年食堂', kind: '驻区单位', category: '助餐', content: '老年助餐送餐上门', capacity: 5 });
  await addResource(page, { provider: '大学生志愿者', kind: '志愿者', category: '课业辅导', content: '周末学业辅导', capacity: 2 });

  // The matching run: two proposals with their reasons; the clean-up need has no resource yet.
  await page.evaluate(() => (window.location.hash = '#/lists/match'));
  await page.getByTestId('match-run').click();
  await expect.poll(() => page.getByTestId('match-summary').innerText()).toBe('推荐 2 项，1 项暂无合适资源。');
  const proposals = page.getByTestId('match-proposals');
  const lunchRow = proposals.locator('tbody tr').filter({ hasText: '希望每天中午送饭' });
  await expect.poll(() => lunchRow.innerText()).toContain('社区老年食堂');
  expect(await lunchRow.getByTestId('reasons').innerText()).toContain('类别相同 · +40 分');
  expect(await lunchRow.getByTestId('reasons').innerText()).toContain('本期还能服务 5/5 次');
  expect(await proposals.locator('tbody tr').first().innerText()).toContain('紧急'); // urgent first
  await page.getByTestId('match-confirm').click();
  await page.getByText('已派单 2 项。').waitFor();
  await page.screenshot({ path: path.join(artifactsDir(), 'lists-match.png'), fullPage: true });

  // The tutoring need: the member (a volunteer) claims it and gives two hours in two visits.
  await page.evaluate(() => (window.location.hash = '#/lists/needs'));
  await page.getByTestId('needs-filter').getByText('办理中').click();
  await page.getByTestId('need-list').getByText('孩子数学跟不上').click();
  await expect.poll(() => page.getByTestId('need-state').innerText()).toBe('已派单');
  expect(await page.getByTestId('match-provider').innerText()).toBe('大学生志愿者');
  await page.getByTestId('need-claim').click();
  await page.getByTestId('claim-by').fill('志愿者小周');
  await page.locator('#claim-save').click();
  await expect.poll(() => page.getByTestId('need-state').innerText()).toBe('已认领');
  for (const content of ['辅导分数运算', '讲解应用题']) {
    await page.getByTestId('need-service').click();
    await page.getByTestId('service-hours').fill('1');
    await page.getByTestId('service-content').fill(content);
    await page.locator('#service-save').click();
    await page.getByTestId('services').getByText(content).waitFor();
  }
  await expect.poll(() => page.getByTestId('need-state').innerText()).toBe('服务中');
  expect(await page.getByTestId('services').innerText()).toContain('共 2 小时');
  await page.getByTestId('need-complete').click();
  await page.locator('#complete-save').click();
  await expect.poll(() => page.getByTestId('need-state').innerText()).toBe('已完成');
  await page.getByTestId('need-feedback').click();
  await page.getByTestId('feedback-rate').locator('.ant-rate-star').nth(3).click(); // 4 stars
  await page.getByTestId('feedback-comment').fill('孩子进步很大');
  await page.locator('#feedback-save').click();
  await expect.poll(() => page.getByTestId('need-state').innerText()).toBe('已评价');
  expect(await page.getByTestId('feedback-line').innerText()).toContain('4 星');
  await page.screenshot({ path: path.join(artifactsDir(), 'lists-need.png'), fullPage: true });

  // The service record card, printed.
  await page.getByTestId('print-card').click();
  await page.getByText('服务记录卡').first().waitFor();
  const card = path.join(artifactsDir(), 'lists-service-card.pdf');
  await page.pdf({ path: card, preferCSSPageSize: true, printBackground: true });
  const cardText = flat(pdfPages(card).join('\n'));
  for (const s of ['服务记录卡', '大学生志愿者', '志愿者小周', '辅导分数运算', '讲解应用题', '合计2小时', '4星', '孩子进步很大', '服务对象（签名）']) expect(cardText).toContain(flat(s));
  await page.goBack();

  // The need list for the notice board: every need, residents' names masked.
  await page.evaluate(() => (window.location.hash = '#/lists/needs'));
  await page.getByTestId('needs-filter').getByText('全部').click();
  await page.getByTestId('needs-print').click();
  await expect.poll(() => page.getByTestId('print-count').innerText()).toBe('共 3 项');
  const list = path.join(artifactsDir(), 'lists-needs.pdf');
  await page.pdf({ path: list, preferCSSPageSize: true, printBackground: true });
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', list, path.join(artifactsDir(), 'lists-needs')]);
  const text = flat(pdfPages(list).join('\n'));
  for (const s of ['需求清单', '腿脚不便', '孩子数学跟不上', '楼道堆放杂物', '3号楼全体居民', '已评价', '已派单', '待匹配', `${[...elder!][0]}**`, '居民姓名已隐去']) expect(text).toContain(flat(s));
  expect(text).not.toContain(elder!);
  expect(text).not.toContain(child!);
});
