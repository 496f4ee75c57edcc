import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayIso } from '../../shared/rules/idNumber';
import { addMonths } from '../../shared/rules/party';
import { paperDate } from '../../shared/rules/dates';
import { openAsAdmin } from '../support/cli';
import { appForThisFile, artifactsDir, createAccount, ledgerCli, pdfPages, pick, replaceTemporaryPassword, signIn, signOut } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '200'));
const TODAY = todayIso();
const ago = (months: number) => addMonths(TODAY, -months);

/** antd puts an InputNumber's test id on the input itself or on its wrapper, depending on addons. */
const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

async function addMember(page: Page, m: { name: string; join: string; full?: string; base?: string }) {
  await page.getByTestId('member-add').click();
  await page.getByTestId('m-name').fill(m.name);
  await page.getByTestId('m-joinDate').fill(m.join);
  if (m.full) await page.getByTestId('m-fullDate').fill(m.full);
  else await pick(page, 'm-category', '预备党员');
  if (m.base) await numberInput(page, 'm-duesBase').fill(m.base);
  await page.getByTestId('member-save').click();
  await page.getByTestId('member-form').waitFor({ state: 'detached' });
  await page.getByTestId('party-members').getByText(m.name, { exact: true }).waitFor();
}

/** Records the drawer's next step and waits until the step's row shows its date. */
async function recordStep(page: Page, step: number, date: string, fill?: () => Promise<void>) {
  const drawer = page.getByTestId('file-drawer');
  await drawer.getByText(new RegExp(`^记录下一步：`)).waitFor();
  await page.getByTestId('step-date').fill(date);
  await fill?.();
  await page.getByTestId('step-save').click();
  await expect.poll(() => drawer.locator('.ant-table-tbody tr').nth(step - 1).innerText(), { message: `step ${step}` }).toContain(date);
}

it('a new branch secretary goes from an empty branch to a printed roster, an admitted member and a meeting record', { timeout: 240_000 }, async () => {
  const { page } = app;
  await createAccount(page, 'zhao', '赵书记', '党支部书记');
  await signOut(page);
  await signIn(page, 'zhao', 'temporary-2026');
  await replaceTemporaryPassword(page, 'zhao-own-2026');
  await page.getByTestId('dashboard').waitFor(); // everyone starts on the dashboard
  await page.locator('.app-menu').getByText('党建工作').click();

  // An empty desk says where to start: the branch itself.
  await page.getByText('先建立党组织').waitFor();
  await page.getByTestId('branch-add').click();
  await page.getByTestId('branch-name').fill('幸福里社区党支部');
  await page.getByTestId('branch-secretary').fill('赵书记');
  await page.locator('#branch-save').click();
  await page.getByText('党组织已保存。').waitFor();

  // With a branch in place the desk opens on the roster. Members: three who live elsewhere, typed in;
  // one resident, picked from the ledger (nothing typed twice).
  await page.getByText('还没有党员。').waitFor();
  await addMember(page, { name: '王建国', join: '1998-07-01', full: '1999-07-01', base: '5400' });
  await addMember(page, { name: '孙丽', join: '2005-06-01', full: '2006-06-01', base: '3000' });
  await addMember(page, { name: '周强', join: '2012-03-01', full: '2013-03-01', base: '12000' });
  const db = await openAsAdmin(app.db, { readonly: true });
  const resident = db.prepare("SELECT name, id_number FROM residents WHERE status = 'active' AND length(name) = 3 AND birth_date < '1990-01-01' ORDER BY id LIMIT 1").get() as { name: string; id_number: string };
  db.close();
  await page.getByTestId('member-add').click();
  await pick(page, 'member-resident', resident.name);
  await expect(page.getByTestId('m-name').count()).resolves.toBe(0); // no second copy of the resident's details
  await page.getByTestId('m-joinDate').fill('2015-07-01');
  await page.getByTestId('m-fullDate').fill('2016-07-01');
  await page.getByTestId('member-save').click();
  await page.getByTestId('party-members').getByText(resident.name, { exact: true }).waitFor();
  // The dues of 王建国 follow the bands: 5400 × 1.5% = 81.00.
  expect(await page.getByTestId('party-members').locator('tr', { hasText: '王建国' }).innerText()).toContain('81.00');

  // Development: an applicant from application to full member, with dates that respect the rules.
  await page.getByRole('tab', { name: '发展党员' }).click();
  await page.getByTestId('file-open').click();
  await page.getByTestId('f-name').fill('赵志远');
  await page.getByTestId('f-idNumber').fill('110105199503010010');
  await page.locator('#file-create').click();
  await page.getByTestId('file-drawer').waitFor();
  const plan: [number, string, (() => Promise<void>)?][] = [
    [1, ago(40)],
    [2, ago(40)],
    [3, ago(38)],
    [4, ago(38)],
    [5, ago(38), async () => (await page.getByTestId('step-people0').fill('王建国'), await page.getByTestId('step-people1').fill('孙丽'))],
    [6, ago(32)],
  ];
  for (const [n, d, fill] of plan) await recordStep(page, n, d, fill);
  // Too early: a year as activist has not passed.
  await page.getByTestId('step-date').fill(ago(30));
  await page.getByTestId('step-save').click();
  await expect.poll(() => page.getByTestId('step-refused').innerText()).toContain(`确定为入党积极分子满一年后，才能列为发展对象：最早 ${ago(26)}`);
  await page.screenshot({ path: path.join(artifactsDir(), 'party-step-refused.png') });
  const rest: [number, string, (() => Promise<void>)?][] = [
    [7, ago(25)],
    [8, ago(25)],
    [9, ago(25), async () => (await page.getByTestId('step-people0').fill('王建国'), await page.getByTestId('step-people1').fill('周强'))],
    [10, ago(24)],
    [11, ago(24), async () => void (await numberInput(page, 'step-hours').fill('24'))],
    [12, ago(23)],
    [13, ago(23)],
    [14, ago(23)],
    // Four full members may vote: three present and in favour is a quorum and a majority.
    [15, ago(22), async () => (await numberInput(page, 'step-present').fill('3'), await numberInput(page, 'step-inFavour').fill('3'))],
    [16, ago(21)],
    [17, ago(20)],
    [18, ago(20)],
    [19, ago(20)],
    [20, ago(20)],
    [21, ago(14)],
    [22, ago(11)],
    [23, ago(10), async () => (await numberInput(page, 'step-present').fill('4'), await numberInput(page, 'step-inFavour').fill('4'))],
    [24, ago(9)],
  ];
  for (const [n, d, fill] of rest) await recordStep(page, n, d, fill);
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: '党员花名册' }).click();
  const row = page.getByTestId('party-members').locator('tr', { hasText: '赵志远' });
  await expect.poll(() => row.innerText()).toContain('正式党员');
  expect(await row.innerText()).toContain(ago(22)); // 入党日期 = the branch meeting of step ⑮

  // A branch meeting with attendance from the branch's own list.
  await page.getByRole('tab', { name: '三会一课' }).click();
  await page.getByTestId('meeting-add').click();
  await page.getByTestId('meeting-place').fill('社区党群服务中心');
  await page.getByTestId('meeting-host').fill('赵书记');
  await page.getByTestId('meeting-recorder').fill('孙丽');
  await page.getByTestId('meeting-topic').fill('学习党章，讨论本季度为民服务项目');
  await page.getByTestId('attend-周强').click();
  await page.getByTestId('reason-周强').fill('出差');
  await page.getByTestId('meeting-content').fill('一、集体学习党章。\n二、讨论为老服务项目安排。');
  await page.getByTestId('meeting-resolutions').fill('同意开展重阳节为老服务。');
  await page.locator('#meeting-save').click();
  await page.getByTestId('meeting-list').getByText('学习党章，讨论本季度为民服务项目').waitFor();
  expect(await page.getByTestId('meeting-list').innerText()).toContain('4 / 5 人');
  await page.screenshot({ path: path.join(artifactsDir(), 'party-meetings.png') });

  // Dues for this month: 王建国 pays the 81.00 the bands give.
  await page.getByRole('tab', { name: '党费' }).click();
  await page.getByTestId('pay-王建国').click();
  await expect(numberInput(page, 'dues-paid').inputValue()).resolves.toBe('81.00');
  await page.getByTestId('dues-collector').fill('孙丽');
  await page.locator('#dues-save').click();
  await expect.poll(() => page.getByTestId('dues-sheet').locator('tr', { hasText: '王建国' }).innerText()).toContain('孙丽');
  expect(await page.getByTestId('dues-totals').innerText()).toContain('已交 81.00 元');

  // An in-service member reports: the posts claimed, a service given, the receipt for the employer.
  await page.getByRole('tab', { name: '在职党员报到' }).click();
  await page.getByTestId('reporter-add').click();
  await page.getByTestId('r-name').fill('冯志刚');
  await page.getByTestId('r-employer').fill('市供电公司');
  await page.getByTestId('r-employerOrg').fill('市供电公司党委');
  await page.getByTestId('r-reportedOn').fill(ago(2));
  await pick(page, 'r-posts', '关爱帮扶');
  await page.keyboard.press('Escape');
  await page.locator('#reporter-save').click();
  await page.getByTestId('reporter-list').getByText('冯志刚').waitFor();
  await page.getByTestId('serve-冯志刚').click();
  await page.getByTestId('s-date').fill(ago(1));
  await page.getByTestId('s-content').fill('为独居老人检修电路');
  await page.locator('#service-save').click();
  await expect.poll(() => page.getByTestId('reporter-list').locator('tr', { hasText: '冯志刚' }).innerText()).toContain('1 次，2 小时');
  await page.getByTestId('receipt-冯志刚').click();
  await page.getByTestId('receipt-to').waitFor();
  const receipt = path.join(artifactsDir(), 'party-receipt.pdf');
  await page.pdf({ path: receipt, preferCSSPageSize: true, printBackground: true });
  const [slip] = pdfPages(receipt);
  for (const s of ['在职党员进社区报到回执', '市供电公司党委', '冯志刚', paperDate(ago(2)), '关爱帮扶', '（盖章）']) expect(slip!.replace(/\s+/g, '')).toContain(s);
  await page.goBack();

  // The meeting record, printed.
  await page.getByRole('tab', { name: '三会一课' }).click();
  await page.locator('[data-testid^="meeting-print-"]').first().click();
  await page.getByTestId('meeting-counts').waitFor();
  const minutes = path.join(artifactsDir(), 'party-meeting.pdf');
  await page.pdf({ path: minutes, preferCSSPageSize: true, printBackground: true });
  const [m] = pdfPages(minutes);
  for (const s of ['幸福里社区党支部会议记录', '支部党员大会', '社区党群服务中心', '应到 5 人，实到 4 人，缺席 1 人', '周强（出差）', '同意开展重阳节为老服务', '主持人（签字）', '记录人（签字）']) expect(m).toContain(s);

  // The roster, printed: A4 landscape, the branch and every member, no ID numbers.
  await page.evaluate(() => (window.location.hash = '#/party/roster?branch=1'));
  await page.getByTestId('party-roster-print').click();
  await page.getByTestId('party-roster-total').waitFor();
  const roster = path.join(artifactsDir(), 'party-roster.pdf');
  await page.pdf({ path: roster, preferCSSPageSize: true, printBackground: true });
  const text = pdfPages(roster).join('\n');
  expect(text).toMatch(/共\s*5\s*人/);
  for (const s of ['幸福里社区党支部党员花名册', '王建国', '孙丽', '周强', resident.name, '赵志远', '正式党员', '入党日期']) expect(text).toContain(s);
  expect(text).not.toContain(resident.id_number);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(spawnSync('pdfinfo', [roster], { encoding: 'utf8' }).stdout)!;
  expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([842, 595]);
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', roster, path.join(artifactsDir(), 'party-roster')]);
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', minutes, path.join(artifactsDir(), 'party-meeting')]);
});
