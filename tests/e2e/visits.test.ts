import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAsAdmin } from '../support/cli';
import { appForThisFile, artifactsDir, dialogSettled, ledgerCli, pdfPages, pick } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '200'));
const flat = (s: string) => s.replace(/\s+/g, '');


async function step(page: Page, button: string, fill: Record<string, string> = {}) {
  await page.getByTestId(`problem-${button}`).click();
  await dialogSettled(page);
  for (const [k, v] of Object.entries(fill)) await page.getByTestId(`step-${k}`).fill(v);
  await page.locator('#step-save').click();
  await page.getByTestId('step-form').waitFor({ state: 'detached' });
}

it('a round of three visits, two problems raised from them: one resolved and confirmed, one escalated with the reply; the day’s board printed', { timeout: 240_000 }, async () => {
  const { page } = app;
  const db = await openAsAdmin(app.db, { readonly: true });
  // Three households of one building, by their head's name as the picker shows them.
  const heads = db
    .prepare(
      `SELECT b.name AS building, g.name AS grid, r.name AS head FROM households h JOIN dwellings d ON d.id = h.dwelling_id JOIN buildings b ON b.id = d.building_id
       JOIN grids g ON g.id = b.grid_id JOIN residents r ON r.id = h.head_id WHERE b.id = (SELECT min(id) FROM buildings) ORDER BY d.unit, d.room LIMIT 3`,
    )
    .all() as { building: string; grid: string; head: string }[];
  db.close();
  await page.evaluate(() => (window.location.hash = '#/visits/visits'));

  // The round, typed in at the desk: the date, who went and the building stay from one visit to the next.
  await page.getByTestId('visit-visitors').fill('网格员小王');
  await pick(page, 'visit-grid', heads[0]!.grid);
  await pick(page, 'visit-building', heads[0]!.building);
  const notes = ['楼道灯不亮，老人晚上出门不便', '家中一切正常', '楼下夜间施工，噪声很大'];
  for (const [i, h] of heads.entries()) {
    await pick(page, 'visit-household', h.head);
    await page.getByTestId('visit-met').fill(h.head);
    await page.getByTestId('visit-seen').fill(notes[i]!);
    await page.getByTestId('visit-save').click();
    await expect.poll(() => page.getByTestId('visit-list').locator('tbody tr').filter({ hasText: notes[i]! }).count()).toBe(1);
    expect(await page.getByTestId('visit-visitors').inputValue()).toBe('网格员小王');
  }

  // Two problems from the first and third visits.
  const raiseFrom = async (note: string, category: string, content: string) => {
    await page.getByTestId('visit-list').locator('tbody tr').filter({ hasText: note }).getByRole('button', { name: '登记问题' }).click();
    await page.getByTestId('problem-raiser').fill(note === notes[0] ? heads[0]!.head : heads[2]!.head);
    await pick(page, 'problem-category', category);
    await page.getByTestId('problem-content').fill(content);
    await page.locator('#problem-save').click();
    await page.getByTestId('problem-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('visit-list').locator('tbody tr').filter({ hasText: note }).locator('td').nth(5).innerText()).toBe('1');
  };
  await raiseFrom(notes[0]!, '公共设施', '1单元楼道灯不亮');
  await raiseFrom(notes[2]!, '环境卫生', '夜间施工噪声扰民');

  // The lamp: accepted, resolved, confirmed with the resident, answered.
  await page.evaluate(() => (window.location.hash = '#/visits/problems'));
  await page.getByTestId('problem-list').getByText('1单元楼道灯不亮').click();
  await expect.poll(() => page.getByTestId('problem-state').innerText()).toBe('已发现');
  await step(page, 'accept');
  await expect.poll(() => page.getByTestId('problem-state').innerText()).toBe('已受理');
  await step(page, 'resolve', { resolution: '物业已更换灯泡' });
  await step(page, 'confirm', { note: '电话回访，居民说灯亮了' });
  await expect.poll(() => page.getByTestId('problem-state').innerText()).toBe('已确认');
  await step(page, 'answer', { answer: '已告知居民处理结果' });
  await expect.poll(() => page.getByTestId('problem-state').innerText()).toBe('已反馈');

  // The noise: beyond the community, so it is escalated to the street; the reply is recorded.
  await page.evaluate(() => (window.location.hash = '#/visits/problems'));
  await page.getByTestId('problem-list').getByText('夜间施工噪声扰民').click();
  await step(page, 'escalate', { toWhom: '街道城管科', deadline: '' });
  await expect.poll(() => page.getByTestId('problem-state').innerText()).toBe('办理中');
  await page.getByTestId('escalations').getByRole('button', { name: '登记部门回复' }).click();
  await page.getByTestId('step-reply').fill('已责令施工单位晚10点后停工');
  await page.locator('#step-save').click();
  await page.getByTestId('escalations').getByText('已责令施工单位晚10点后停工').waitFor();
  // The referral form (吹哨单), printed.
  await page.getByTestId('escalations').getByRole('button', { name: '打印吹哨单' }).click();
  await page.getByText('吹 哨 单').waitFor();
  const referral = path.join(artifactsDir(), 'visits-referral.pdf');
  await page.pdf({ path: referral, preferCSSPageSize: true, printBackground: true });
  const referralText = flat(pdfPages(referral).join('\n'));
  for (const s of ['吹哨单', '街道城管科', '夜间施工噪声扰民', '已责令施工单位晚10点后停工', '承办部门（盖章）']) expect(referralText).toContain(flat(s));
  await page.goBack();
  await page.screenshot({ path: path.join(artifactsDir(), 'visits-problem.png'), fullPage: true });

  // The day's board: two came in, one closed, one still open and whose it is.
  await page.evaluate(() => (window.location.hash = '#/visits/board'));
  await expect.poll(() => page.getByTestId('board-open').locator('tbody tr').count()).toBe(1);
  expect(await page.getByTestId('board-open').innerText()).toContain('夜间施工噪声扰民');
  expect(await page.getByTestId('board-closed').innerText()).toContain('1单元楼道灯不亮');
  expect(await page.getByTestId('board-people').innerText()).toContain('admin'); // whoever accepted it owns it
  await page.screenshot({ path: path.join(artifactsDir(), 'visits-board.png'), fullPage: true });
  await page.getByTestId('board-print').click();
  await page.getByText('诉求日销账表').first().waitFor();
  await page.getByTestId('board').waitFor();
  const board = path.join(artifactsDir(), 'visits-board.pdf');
  await page.pdf({ path: board, preferCSSPageSize: true, printBackground: true });
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', board, path.join(artifactsDir(), 'visits-board')]);
  const text = flat(pdfPages(board).join('\n'));
  for (const s of ['诉求日销账表', '今日新增', '今日办结', '仍未办结', '夜间施工噪声扰民', '已吹哨', '1单元楼道灯不亮', '已反馈']) expect(text).toContain(flat(s));
});
