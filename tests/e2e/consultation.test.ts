import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAsAdmin } from '../support/cli';
import { addDays } from '../../shared/rules/mediation';
import { todayIso } from '../../shared/rules/idNumber';
import { appForThisFile, artifactsDir, dialogSettled, ledgerCli, pdfPages, pick } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '200'));
const flat = (s: string) => s.replace(/\s+/g, '');
/** Days before today: the procedure happened in the past weeks, whatever day the test runs. */
const ago = (n: number) => addDays(todayIso(), -n);

/** The matter's next step: its button, its fields, save, and the dialog gone. */
async function next(page: Page, step: string, fill: Record<string, string>, more?: () => Promise<void>) {
  await page.getByTestId('matter-next').click();
  await dialogSettled(page);
  for (const [k, v] of Object.entries(fill)) await page.getByTestId(k).fill(v);
  await more?.();
  await page.locator(`#step-${step}-save`).click();
  await page.getByTestId(`step-${step}-form`).waitFor({ state: 'detached' });
}

it('a matter from proposal through the party review, the meeting and its published result to the residents’ feedback; the result notice printed', { timeout: 240_000 }, async () => {
  const { page } = app;
  const db = await openAsAdmin(app.db, { readonly: true });
  const [first, second] = db.prepare("SELECT r.name, b.name AS building FROM residents r JOIN buildings b ON b.id = r.building_id WHERE r.status = 'active' AND b.id = (SELECT min(id) FROM buildings) AND length(r.name) >= 2 GROUP BY r.name HAVING count(*) = 1 ORDER BY r.id LIMIT 2").all() as { name: string; building: string }[];
  db.close();

  await page.evaluate(() => (window.location.hash = '#/consultation'));
  await page.getByTestId('matter-add').click();
  await dialogSettled(page);
  await page.getByTestId('matter-title').fill('楼间空地改造');
  await page.getByTestId('matter-content').fill('楼前空地改停车位还是健身角，居民意见不一');
  await page.getByTestId('matter-raiser').fill(first!.name);
  await page.getByTestId('matter-date').fill(ago(30));
  await pick(page, 'matter-buildings', first!.building);
  await page.keyboard.press('Escape');
  await page.locator('#matter-save').click();
  await page.getByTestId('matter-number').waitFor();
  const number = await page.getByTestId('matter-number').innerText();
  expect(number).toMatch(/^YS\d{4}-\d{4}$/);

  await next(page, 'review', { 'step-date': ago(29), 'step-opinion': '同意提交居民议事会协商', 'step-reviewer': '刘书记' });
  // The participants: the party organisation, and two residents of the building picked from the ledger.
  await next(page, 'choose', { 'step-date': ago(28), 'participant-name-0': '刘书记' }, async () => {
    for (const [i, r] of [first!, second!].entries()) {
      await page.getByTestId('participant-add-resident').click();
      await pick(page, `participant-resident-${i + 1}`, r.name);
    }
  });
  await expect.poll(() => page.getByTestId('participants').locator('tbody tr').count()).toBe(3);
  await next(page, 'notice', { 'step-date': ago(27), 'step-meetingOn': ago(22), 'step-place': '居委会议事厅' });
  await next(page, 'meet', { 'step-date': ago(22), 'step-host': '刘书记', 'step-recorder': '小陈', 'view-who-0': first!.name, 'view-text-0': '停车太难，建议划车位', 'step-outcome': '东半边划车位，西半边建健身角' }, async () => {
    await page.locator('.ant-modal').getByText('协商一致', { exact: true }).click();
  });
  await expect.poll(() => page.getByTestId('matter-outcome').innerText()).toContain('东半边划车位');
  // Not yet published: the desk says so.
  await page.evaluate(() => (window.location.hash = '#/todo'));
  await page.getByTestId('reminders').getByText(`议题 ${number}`).first().waitFor();
  await page.goBack();
  await next(page, 'publish', { 'step-from': ago(21), 'step-to': ago(15) });
  await next(page, 'assign', { 'step-date': ago(14), 'step-executor': '安居物业', 'step-task': '划线12个车位，安装健身器材', 'step-dueBy': ago(5) });
  await next(page, 'carryOut', { 'step-date': ago(6), 'step-done': '车位已划线，器材已安装' });
  await next(page, 'feedback', { 'step-date': ago(4), 'step-how': '公示栏张贴并入户回访' });
  await page.getByText('已办结').first().waitFor();
  expect(await page.getByTestId('matter-next').count()).toBe(0);

  // The result notice on paper, with the committee's name and the period.
  await page.getByTestId('print-consult-result').click();
  await page.getByTestId('paper-result').waitFor();
  const pdf = path.join(artifactsDir(), 'consultation-result.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = flat(pdfPages(pdf).join('\n'));
  expect(text).toContain('协商结果公示');
  expect(text).toContain('东半边划车位，西半边建健身角');
  expect(text).toContain(flat(`${ago(21).slice(0, 4)}年`));
  expect(pdfPages(pdf)).toHaveLength(1);
  await page.goBack();

  // The yearly register lists it with its outcome.
  await page.evaluate((y) => (window.location.hash = `#/print/consult-register/${y}`), ago(30).slice(0, 4));
  await page.getByTestId('register-table').getByText(number).waitFor();
  expect(await page.getByTestId('register-table').innerText()).toContain('东半边划车位');
});
