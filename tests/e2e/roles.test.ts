import { expect, it } from 'vitest';
import { appForThisFile, ledgerCli, signIn } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '200'));

async function signOut() {
  await app.page.getByTestId('user-menu').hover();
  await app.page.getByText('退出登录').click();
  await app.page.getByTestId('login-username').waitFor();
}

/** A new account's first sign-in: the temporary password must be replaced before anything else. */
async function replaceTemporaryPassword(next: string) {
  const { page } = app;
  await page.getByText('管理员为您设置了临时密码').waitFor();
  await page.getByLabel('现在的密码').fill('temporary-2026');
  await page.getByLabel('新密码（至少 8 位）').fill(next);
  await page.getByLabel('再输一遍密码').fill(next);
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByText('管理员为您设置了临时密码').waitFor({ state: 'detached' });
  await page.getByText('密码已修改。').waitFor();
}

async function createAccount(username: string, name: string, role: string) {
  const { page } = app;
  await page.evaluate(() => (window.location.hash = '#/users'));
  await page.getByTestId('add-user').click();
  await page.getByTestId('new-username').fill(username);
  await page.getByTestId('new-display-name').fill(name);
  await page.getByTestId('new-role').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: role }).click();
  await page.getByTestId('new-password').fill('temporary-2026');
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByRole('cell', { name: username, exact: true }).waitFor();
}

it('the administrator opens accounts; each role sees only its own work', async () => {
  const { page } = app;
  await createAccount('zhang', '张社工', '社区工作人员');
  await createAccount('li', '李调解', '调解员');
  await createAccount('zhao', '赵书记', '党支部书记');
  await page.evaluate(() => (window.location.hash = '#/residents'));
  await signOut();

  // Staff: the ledger, but no accounts or activity log; the temporary password must be changed first.
  await signIn(page, 'zhang', 'temporary-2026');
  await replaceTemporaryPassword('zhang-own-2026');
  const menu = await page.locator('.app-menu').innerText();
  expect(menu).toContain('居民台账');
  expect(menu).not.toContain('账号与权限');
  expect(menu).not.toContain('操作记录');
  await signOut();

  // A mediator has no business in the resident ledger.
  await signIn(page, 'li', 'temporary-2026');
  await replaceTemporaryPassword('li-own-2026');
  await page.getByText('您的账号目前没有可以使用的功能').waitFor();
  expect(await page.locator('.app-menu').innerText()).not.toContain('居民台账');
  await signOut();

  // A party secretary neither (their branch's members come with the party module).
  await signIn(page, 'zhao', 'temporary-2026');
  await replaceTemporaryPassword('zhao-own-2026');
  await page.getByText('您的账号目前没有可以使用的功能').waitFor();
  await signOut();

  // Back as administrator: every step is in the activity log, and the chain is intact.
  await signIn(page, 'admin', 'linli-e2e-2026');
  await page.evaluate(() => (window.location.hash = '#/audit'));
  const log = page.locator('.ant-table-tbody');
  await expect.poll(() => log.innerText()).toContain('zhao');
  const text = await log.innerText();
  for (const action of ['登录', '退出', '修改密码', '修改数据']) expect(text).toContain(action);
  await page.getByTestId('audit-verify').click();
  await expect.poll(() => page.getByTestId('audit-verdict').innerText()).toContain('记录完整');
});

it('Ctrl+L locks the screen, and only the password opens it again', async () => {
  const { page } = app;
  await page.evaluate(() => (window.location.hash = '#/residents'));
  await page.getByTestId('resident-search').waitFor();
  await page.keyboard.press('Control+l');
  await page.getByText('已锁定').first().waitFor();
  expect(await page.getByTestId('resident-search').count()).toBe(0);
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await page.getByText('用户名或密码不对').waitFor();
  await page.getByTestId('login-password').fill('linli-e2e-2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('resident-search').waitFor();
});
