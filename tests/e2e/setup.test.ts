import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { artifactsDir, closeBrowser, popupSettled, signIn, startApp } from './harness';

afterAll(closeBrowser);

it('first run: the setup screen creates the community, its grids and buildings', async () => {
  const app = await startApp(undefined, { fresh: true });
  const { page } = app;
  try {
    await page.getByText('欢迎使用邻里').waitFor();
    await page.getByTestId('admin-username').fill('wang');
    await page.getByTestId('admin-name').fill('王主任');
    await page.getByTestId('admin-password').fill('a-long-secret');
    await page.getByTestId('admin-confirm').fill('a-long-secret');
    await page.getByLabel('所属街道').fill('朝阳门街道');
    await page.getByLabel('社区名称').fill('幸福里社区');
    await page.getByTestId('grid-buildings-0').fill('1-3, 综合楼');
    await page.getByRole('button', { name: '添加网格' }).click();
    await page.getByTestId('grid-buildings-1').fill('4, 5');
    await page.getByRole('button', { name: '完成设置，开始使用' }).click();
    // The ledger was created encrypted: its recovery code is shown once, to print and keep.
    await page.getByText('请打印并保管好恢复码').waitFor();
    const code = (await page.getByTestId('recovery-code').innerText()).trim();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{5}$/);
    await page.screenshot({ path: path.join(artifactsDir(), 'recovery-code.png') });
    const sheet = path.join(artifactsDir(), 'recovery-sheet.pdf');
    await page.pdf({ path: sheet, format: 'A4' });
    const printed = spawnSync('pdftotext', ['-layout', sheet, '-'], { encoding: 'utf8' }).stdout;
    expect(printed).toContain('邻里台账恢复码');
    expect(printed.replace(/\s+/g, '')).toContain(code);
    expect(printed).not.toContain('我已经打印'); // the sheet prints alone, without the buttons
    expect(printed.split('\f').filter((p) => p.trim()).length).toBe(1);
    expect(spawnSync('pdfinfo', [sheet], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+1\n/); // no blank second sheet
    expect(printed).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/); // dated the Chinese way
    expect(await page.getByTestId('recovery-continue').isDisabled()).toBe(true);
    await page.getByTestId('recovery-kept').click();
    await page.getByTestId('recovery-continue').click();
    await page.getByText('邻里 · 幸福里社区').waitFor();
    await page.evaluate(() => (window.location.hash = '#/community'));
    await page.getByText('第1网格').first().waitFor();
    const tags = await page.locator('[data-testid^="building-"]').allTextContents();
    expect(tags).toEqual(['1号楼', '2号楼', '3号楼', '综合楼', '4号楼', '5号楼']);
    // A building typed by mistake is renamed from the keyboard: Enter on it, its menu, the new name, Enter.
    await page.getByTestId('building-综合楼').focus();
    await page.keyboard.press('Enter');
    await page.locator('.ant-dropdown:visible').getByText('改名').click();
    // An empty name is refused under the field, as the contract refuses it; nothing is sent.
    await page.getByTestId('rename-name').fill('  ');
    await page.keyboard.press('Enter');
    await page.getByTestId('rename-form').getByText('请填写“新名称”').waitFor();
    await page.getByTestId('rename-name').fill('综合楼（社区服务站）');
    await page.keyboard.press('Enter');
    await page.getByTestId('building-综合楼（社区服务站）').waitFor();
    // An empty grid's building can be removed, after a question.
    await page.getByTestId('building-5号楼').click();
    // The menu just opened is the last one (the one before may still be sliding away).
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item').filter({ hasText: '删除' }).last().click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /删\s*除/ }).click();
    await page.getByTestId('building-5号楼').waitFor({ state: 'detached' });
    expect(await page.getByText('第2网格').count()).toBeGreaterThan(0);
    // The administrator is signed in; after signing out the password is asked for again.
    expect(await page.getByTestId('user-menu').innerText()).toContain('王主任');
    await page.getByTestId('user-menu').hover();
    await popupSettled(page);
    await page.getByText('退出登录').click();
    await page.getByTestId('login-username').waitFor();
    await signIn(page, 'wang', 'a-long-secret');
    await page.getByText('邻里 · 幸福里社区').waitFor();
    // The first screen of an empty ledger leads to filling it: one resident at a time, or the sheets kept today.
    const first = page.getByTestId('dash-first-steps');
    await first.waitFor();
    expect(await first.getByRole('link').allInnerTexts()).toEqual(['登记第一位居民', '导入现有台账']);
    // Every password forgotten: the code from the safe sets a new one, typed as people type it.
    await page.getByTestId('user-menu').hover();
    await popupSettled(page);
    await page.getByText('退出登录').click();
    await page.getByTestId('login-forgot').click();
    await page.getByTestId('recover-username').fill('wang');
    await page.getByTestId('recover-code').fill(code.toLowerCase().replace(/-/g, ' '));
    await page.getByTestId('recover-password').fill('a-new-secret-2');
    await page.getByTestId('recover-confirm').fill('a-new-secret-2');
    await page.getByRole('button', { name: '设置新密码并登录' }).click();
    await page.getByText('邻里 · 幸福里社区').waitFor();
  } finally {
    await app.stop();
  }
});

it('setup refuses to go on without the community name or with a short password, and says so', async () => {
  const app = await startApp(undefined, { fresh: true });
  const { page } = app;
  try {
    await page.getByTestId('admin-username').fill('wang');
    await page.getByTestId('admin-name').fill('王主任');
    await page.getByTestId('admin-password').fill('short');
    await page.getByLabel('所属街道').fill('朝阳门街道');
    await page.getByRole('button', { name: '完成设置，开始使用' }).click();
    await page.getByText('请填写“社区名称”。').waitFor(); // the message names the field
    await page.getByText('密码至少 8 位。').waitFor();
    expect(await page.getByText('欢迎使用邻里').isVisible()).toBe(true);
  } finally {
    await app.stop();
  }
});
