import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { appForThisFile, artifactsDir, createAccount, dialogSettled, ledgerCli, pdfPages, pick } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '60'));
const flat = (s: string) => s.replace(/\s+/g, '');


it('a neighbours’ quarrel raised at the desk goes to mediation, its parties are identified afterwards, and the case is archived', { timeout: 240_000 }, async () => {
  const { page } = app;
  await createAccount(page, 'li', '李调解', '调解员');
  // 走访与诉求: a walk-in raises a dispute with the neighbour upstairs.
  await page.evaluate(() => (window.location.hash = '#/visits/problems'));
  await page.getByTestId('problem-add').click();
  await dialogSettled(page);
  await page.getByTestId('problem-raiser').fill('周桂兰');
  await pick(page, 'problem-category', '邻里纠纷');
  await page.getByTestId('problem-content').fill('楼上每晚十一点后拖动家具，多次沟通无果');
  await page.locator('#problem-save').click();
  await page.getByTestId('problem-form').waitFor({ state: 'detached' });
  // The new problem opens on its own page.
  await expect.poll(() => page.getByTestId('problem-content').innerText()).toContain('楼上每晚十一点后拖动家具');

  // 转人民调解: the case opens with both parties, their identities not yet checked.
  await page.getByTestId('problem-mediation').click();
  await dialogSettled(page);
  await page.getByTestId('step-otherParty').fill('楼上住户吴某');
  await pick(page, 'step-mediators', '李调解');
  await page.keyboard.press('Escape');
  await page.getByTestId('step-consent').check();
  await page.locator('#step-save').click();
  await page.getByTestId('case-state').waitFor();
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('已受理');
  expect(await page.getByText('未核验身份').count()).toBe(2);

  await page.getByTestId('case-rights').click();
  await page.getByTestId('case-session').click();
  await page.getByTestId('session-place').fill('社区调解室');
  await page.getByTestId('session-statements').fill('周桂兰：每晚噪声影响休息。\n吴某：愿意加装家具脚垫。');
  await page.getByTestId('session-result').fill('达成协议');
  await page.locator('#session-save').click();
  await page.getByText('达成协议').first().waitFor();
  await page.getByTestId('case-conclude').click();
  await page.getByTestId('conclude-terms').fill('一、吴某于三日内为家具加装脚垫；\n二、晚十点后不再拖动家具。');
  await page.getByTestId('conclude-performance').fill('三日内');
  await page.locator('#conclude-save').click();
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('调解成功');
  await page.getByTestId('case-followup').click();
  await page.getByTestId('followup-performed').fill('已加装脚垫，夜间安静');
  await page.locator('#followup-save').click();
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('履行完毕');

  // The archive waits, and the screen names what the file lacks.
  expect(await page.getByTestId('case-archive').isDisabled()).toBe(true);
  await page.getByText('卷宗还缺：当事人身份证明').first().waitFor();

  // The identity papers go into the file, and each party is confirmed against one.
  for (const name of ['周桂兰', '吴某']) {
    await pick(page, 'attach-kind', '当事人身份证明');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('attach-file').click()]);
    await chooser.setFiles({ name: `${name}-身份证.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(`id-card-${name}`) });
    await page.getByTestId('attachments').getByText(`${name}-身份证.jpg`).waitFor();
  }
  for (let i = 0; i < 2; i++) {
    await page.locator('[data-testid^="confirm-identity-"]').first().click();
    await dialogSettled(page);
    await pick(page, 'identity-paper', i === 0 ? '周桂兰' : '吴某');
    await page.locator('#identity-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
  }
  await expect.poll(() => page.getByText('未核验身份').count()).toBe(0);
  await page.getByTestId('case-archive').click();
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('已归档');

  // The agreement is the 人民调解委员会's, with every field of the party blocks.
  await page.getByTestId('print-agreement').click();
  await page.getByTestId('agreement-number').waitFor();
  const file = path.join(artifactsDir(), 'problem-mediation-agreement.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(artifactsDir(), 'problem-mediation-agreement')]);
  const pages = pdfPages(file);
  expect(pages).toHaveLength(1); // one sheet, as the paper form, even with every field left to fill by hand
  const text = flat(pages.join('\n'));
  for (const s of ['人民调解委员会', '民族：', '职业或职务：', '联系方式：', '单位或住址：', '年', '月', '日']) expect(text).toContain(flat(s));
  expect(text).not.toContain('居民委员会');
  expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
});
