import path from 'node:path';
import { expect, it } from 'vitest';
import { appForThisFile, artifactsDir, ledgerCli } from './harness';
import { ResidentForm, ResidentsScreen } from './pages/residents';
import { validId } from '../support/sheets';

// Setup itself is covered by setup.test.ts; here the community exists already.
const app = appForThisFile((db) => void ledgerCli(db, 'setup', '--street', '朝阳门街道', '--community', '幸福里社区', '--grids', '第一网格=1号楼,2号楼,3号楼;第二网格=4号楼'));

it('a household of three typed in from the keyboard', async () => {
  const { page } = app;
  const form = new ResidentForm(page);
  await page.evaluate(() => (window.location.hash = '#/residents/new'));
  await form.field('name').waitFor();
  // Enter moves from field to field, as staff are used to in spreadsheets.
  await page.keyboard.type('张三丰');
  await page.keyboard.press('Enter');
  await page.keyboard.type('11010519491231002x');
  await page.keyboard.press('Enter');
  await page.getByText('出生日期 1949-12-31，女').waitFor(); // derived from the ID on leaving the field
  expect(await form.field('birthDate').inputValue()).toBe('1949-12-31');
  expect(await form.field('idNumber').inputValue()).toBe('11010519491231002X');
  await form.field('phone').fill('138 0013 8000');
  await form.choose('f-building', '3号楼');
  await form.field('unit').fill('2');
  await form.field('room').fill('301');
  await form.save();
  await page.getByText('户卡：第一网格 3号楼2单元301室').waitFor();

  for (const [name, id, relation] of [
    ['李秀英', validId('11010519520303002'), '配偶'],
    ['张小明', validId('11010519800101001'), '子'],
  ] as const) {
    await page.getByTestId('add-member').click();
    await form.field('name').waitFor();
    await page.getByTestId('household-picker').getByText('3号楼2单元301室').waitFor();
    await form.field('name').fill(name);
    await form.field('idNumber').fill(id);
    await form.field('idNumber').press('Enter');
    await form.choose('f-relation', relation);
    await form.save();
    await page.getByText('户卡：第一网格 3号楼2单元301室').waitFor();
  }
  const rows = page.getByTestId('household-members').locator('.ant-table-tbody tr');
  await expect.poll(() => rows.count()).toBe(3);
  const text = await page.getByTestId('household-members').innerText();
  expect(text).toContain('张三丰');
  expect(text).toContain('配偶');
  expect(text).toContain('110105********002X');

  // The households list: found by a member's name, opened with ↓ and Enter; the menu lights 家庭户.
  await page.locator('.app-menu').getByText('家庭户').click();
  const list = page.getByTestId('household-list');
  await expect.poll(() => list.innerText()).toContain('3号楼2单元301室');
  expect(await list.innerText()).toMatch(/张三丰\s+3/); // the head and the three living there
  await page.getByTestId('household-search').locator('input').fill('李秀英');
  await expect.poll(() => page.locator('.ant-pagination-total-text').innerText()).toBe('共 1 户');
  await page.getByTestId('household-search').locator('input').press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByText('户卡：第一网格 3号楼2单元301室').waitFor();
  expect(await page.locator('.app-menu .ant-menu-item-selected').innerText()).toBe('家庭户');

  // An address to a household that is not there (a stale link, a merged household) says so, in words.
  await page.evaluate(() => (window.location.hash = '#/households/999999'));
  await page.locator('.ant-result-warning').getByText('找不到这一户。').waitFor();
  await page.screenshot({ path: path.join(artifactsDir(), 'household-not-found.png') });
  await page.locator('.ant-result-warning').getByRole('button', { name: /返\s*回/ }).click();
  await page.getByText('户卡：第一网格 3号楼2单元301室').waitFor();
});

it('a wrong ID number gets a clear message and nothing is saved', async () => {
  const { page } = app;
  const form = new ResidentForm(page);
  await page.evaluate(() => (window.location.hash = '#/residents/new'));
  await form.field('name').waitFor();
  await form.field('name').fill('王五');
  await form.field('idNumber').fill('110105194912310021');
  await form.field('idNumber').press('Tab');
  await page.getByText('身份证号校验位不对，可能有一位输错了，请对照证件核对。').waitFor();
  await form.choose('f-gender', '男');
  await form.field('birthDate').fill('1949-12-31');
  await form.choose('f-building', '1号楼');
  await form.field('room').fill('101');
  await form.save();
  await page.getByText('身份证号校验位不对，可能有一位输错了，请对照证件核对。').waitFor();
  expect(await page.getByText('新增居民').first().isVisible()).toBe(true);
  // The same ID as someone already registered: warned at once, with a link to that person.
  await form.field('idNumber').fill('11010519491231002X');
  await form.field('idNumber').press('Tab');
  await page.getByTestId('duplicate-warning').getByText('这个身份证号已经登记过了：张三丰。').waitFor();

  // Leaving by the menu with the typing not saved: asked first; 继续填写 keeps it, 放弃 leaves.
  await page.locator('.ant-menu').getByText('居民台账').click();
  const ask = page.locator('.ant-modal-confirm').filter({ hasText: '放弃已填写的内容？' });
  await ask.waitFor();
  await ask.getByRole('button', { name: '继续填写' }).click();
  await ask.waitFor({ state: 'detached' });
  expect(await form.field('name').inputValue()).toBe('王五');
  expect(page.url()).toContain('#/residents/new');
  await page.locator('.ant-menu').getByText('居民台账').click();
  await ask.getByRole('button', { name: '放 弃' }).or(ask.getByRole('button', { name: '放弃' })).click();
  const list = new ResidentsScreen(page);
  await page.getByTestId('resident-search').locator('input').waitFor();
  await expect.poll(() => list.total().textContent()).toBe('共 3 人');
  expect(app.ledger('check')).toContain('ledger ok');
});
