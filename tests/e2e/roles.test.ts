import { expect, it } from 'vitest';
import { appForThisFile, createAccount, dialogSettled, ledgerCli, replaceTemporaryPassword, signIn, signOut } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '200'));

it('the administrator opens accounts; each role sees only its own work', async () => {
  const { page } = app;
  await createAccount(app.page, 'zhang', '张社工', '社区工作人员');
  await createAccount(app.page, 'li', '李调解', '调解员');
  await createAccount(app.page, 'zhao', '赵书记', '党支部书记');
  // The administrator's own row offers no 停用; another's asks first, and 取消 leaves it as it was.
  await page.evaluate(() => (window.location.hash = '#/users'));
  const adminRow = page.locator('tr', { hasText: 'admin' }).first();
  await adminRow.getByText('当前登录').waitFor();
  expect(await adminRow.getByRole('button', { name: /停\s*用/ }).count()).toBe(0);
  await page.getByTestId('disable-zhang').click();
  await page.getByText('停用 张社工 的账号？').waitFor();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /取\s*消/ }).click();
  // A tick in the permission matrix asks before it changes every account of the role.
  const tick = page.getByRole('checkbox', { name: '调解员 · 开具证明、查看登记簿' });
  const before = await tick.isChecked();
  await tick.click();
  await page.locator('.ant-modal-confirm-title').getByText(/让“调解员”/).waitFor();
  await dialogSettled(page);
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /取\s*消/ }).click();
  await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
  expect(await tick.isChecked()).toBe(before);
  await page.evaluate(() => (window.location.hash = '#/residents'));
  await signOut(app.page);

  // Staff: the ledger, but no accounts or activity log; the temporary password must be changed first.
  await signIn(page, 'zhang', 'temporary-2026');
  await replaceTemporaryPassword(app.page, 'zhang-own-2026');
  const menu = await page.locator('.app-menu').innerText();
  expect(menu).toContain('居民台账');
  expect(menu).not.toContain('账号与权限');
  expect(menu).not.toContain('操作记录');
  await signOut(app.page);

  // A mediator works on their mediation cases, and has no business in the resident ledger.
  await signIn(page, 'li', 'temporary-2026');
  await replaceTemporaryPassword(app.page, 'li-own-2026');
  // Their first screen: their cases in figures, nothing of the residents.
  const dashboard = page.getByTestId('dashboard');
  await dashboard.getByText('在办调解案件').waitFor();
  expect(await dashboard.innerText()).not.toContain('在册居民');
  expect(await page.locator('.app-menu').innerText()).not.toContain('居民台账');
  await page.locator('.app-menu').getByText('人民调解').click();
  await page.getByTestId('case-list').waitFor();
  await signOut(app.page);

  // A party secretary keeps the party's records, and sees nothing of the resident ledger.
  await signIn(page, 'zhao', 'temporary-2026');
  await replaceTemporaryPassword(app.page, 'zhao-own-2026');
  await page.getByText('党建工作').first().waitFor();
  expect(await page.locator('.app-menu').innerText()).not.toContain('居民台账');
  await signOut(app.page);

  // Back as administrator: every step is in the activity log, and the chain is intact.
  await signIn(page, 'admin', 'linli-e2e-2026');
  await page.evaluate(() => (window.location.hash = '#/audit'));
  const log = page.locator('.ant-table-tbody');
  // In words: the person's name (not the username), what part of Linli, what happened, to which record.
  await expect.poll(() => log.innerText()).toContain('赵书记');
  const text = await log.innerText();
  for (const action of ['登录', '退出', '修改密码', '账号与权限 · 修改数据', '账号 #']) expect(text).toContain(action);
  expect(text).not.toMatch(/users\.create|auth\.login/);
  await page.getByTestId('audit-codes').click();
  await expect.poll(() => log.innerText()).toMatch(/users\.create/);
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
