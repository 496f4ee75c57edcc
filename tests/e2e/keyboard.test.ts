import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, artifactsDir, ledgerCli, openWindow, startShellProcess, stopProcess } from './harness';
import { tempDir } from '../support/ledger';
import { afterAll, beforeAll } from 'vitest';

/**
 * An older staff member at a 1366×768 screen, keyboard only after the page opens: sign in, then a
 * resident typed in from the first field to 保存, Enter after each field. No list is left open, and
 * the keystrokes each task takes are counted (written down here, so a change that adds some is seen).
 */
const dir = tempDir('linli-keys-');
const db = path.join(dir, 'ledger.db');
let page: Page;
let close: () => Promise<void>;
let stop: () => Promise<void>;
let keystrokes = 0;

beforeAll(async () => {
  ledgerCli(db, 'init', '--admin', ADMIN.username);
  ledgerCli(db, 'setup', '--street', '示范街道', '--community', '幸福里社区', '--grids', '第一网格=1号楼,2号楼');
  const shell = await startShellProcess(db);
  stop = () => stopProcess(shell.child);
  const w = await openWindow(shell.url, { width: 1366, height: 768 });
  page = w.page;
  close = w.close;
});
afterAll(async () => {
  await close();
  await stop();
});

const openLists = () => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ has: page.locator('.ant-select-item') }).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
async function type(text: string) {
  await page.keyboard.type(text);
  keystrokes += [...text].length;
}
async function press(key: string) {
  await page.keyboard.press(key);
  keystrokes += 1;
}
const focusedId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.id || (document.activeElement as HTMLElement | null)?.getAttribute('data-testid') || document.activeElement?.tagName || '');

it('signs in with one Enter after the password', async () => {
  await page.getByTestId('login-username').waitFor();
  keystrokes = 0;
  await type(ADMIN.username);
  await press('Enter');
  expect(await focusedId()).toBe('password');
  await type(ADMIN.password);
  await press('Enter');
  await page.getByTestId('user-menu').waitFor();
  expect(keystrokes).toBe(ADMIN.username.length + ADMIN.password.length + 2);
});

it('types in a resident from the first field to 保存 with Enter alone, no list left open', { timeout: 90_000 }, async () => {
  await page.evaluate(() => (window.location.hash = '#/residents/new'));
  await page.getByTestId('f-name').waitFor();
  await expect.poll(focusedId).toBe('name');
  keystrokes = 0;
  // What the person types where the cursor lands; every other field is passed with Enter.
  const values: Record<string, string> = { name: '陈淑芬', idNumber: '11010519491231002X', buildingId: '1号楼', unit: '3', room: '501', phone: '13812345678' };
  const visited: string[] = [];
  for (let step = 0; step < 60; step++) {
    const id = await focusedId();
    visited.push(id);
    if (id === 'save-resident' || id === 'BUTTON') break;
    if (values[id]) await type(values[id]!);
    await press('Enter');
    // A list closing is still on screen for its short slide: it must be gone soon after.
    await expect.poll(openLists, { message: `a list left open after Enter in ${id}`, timeout: 1500 }).toBe(0);
  }
  expect(visited).toEqual(expect.arrayContaining(['name', 'idNumber', 'gender', 'buildingId', 'room', 'relation', 'note']));
  await page.screenshot({ path: path.join(artifactsDir(), 'keyboard-resident-1366.png') });
  await press('Enter');
  await page.getByText('已登记 陈淑芬').first().waitFor();
  // The saved resident's household page has the cursor on its title: Tab goes on from there, not from the top of the window.
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ant-card-head-title') ?? false)).toBe(true);
  // The count this path takes today: a change that adds keystrokes shows here.
  // 39 typed characters and 30 Enters (the fields, two placement choices, eight care tags, the note) — 2026-12-02.
  expect(keystrokes).toBe(69);
});

it('saves from any field with Ctrl+S, and Enter twice leaves a note', { timeout: 60_000 }, async () => {
  await page.evaluate(() => (window.location.hash = '#/residents/new'));
  await page.getByTestId('f-name').waitFor();
  await expect.poll(focusedId).toBe('name');
  await type('刘建华');
  // Straight to the note: one line, then Enter twice goes on with no blank line kept.
  await page.locator('#note').focus();
  await type('子女在外地');
  await press('Enter');
  await press('Enter');
  expect(await page.locator('#note').inputValue()).toBe('子女在外地');
  expect(await focusedId()).not.toBe('note');
  await page.locator('#name').focus();
  await press('Control+s');
  // Refused in words (no ID, no birth date, no address yet), but the save key did try to save.
  await page.locator('.ant-form-item-explain-error').first().waitFor();
});

it('leaving a half-filled form asks first; the rows of a list are reached with Tab, walked with ↓ and opened with Enter', { timeout: 60_000 }, async () => {
  ledgerCli(db, 'seed', '--residents', '5'); // a list of more than one
  // The form of the test before is half-filled: the way away is asked, 继续填写 first (Enter keeps typing).
  await page.evaluate(() => (window.location.hash = '#/residents'));
  const ask = page.locator('.ant-modal-confirm').filter({ hasText: '放弃已填写的内容？' });
  await ask.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, ''))).toBe('继续填写');
  await press('Tab');
  await press('Enter');
  await page.getByTestId('resident-search').locator('input').waitFor();
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('[data-testid="resident-search"]') !== null)).toBe(true);
  await page.locator('.openable-row').first().waitFor();
  await page.screenshot({ path: path.join(artifactsDir(), 'residents-list-1366.png') });
  // Every row is a Tab stop …
  expect(await page.locator('.openable-row').first().getAttribute('tabindex')).toBe('0');
  // … and the short way: ↓ from the search box to the first person found, ↓ to the next, Enter.
  keystrokes = 0;
  await press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('openable-row') ?? false)).toBe(true);
  const rows = page.locator('.openable-row');
  await press('ArrowDown');
  const second = await rows.nth(1).innerText();
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).innerText)).toBe(second);
  await press('Enter');
  await expect.poll(() => page.url()).toMatch(/#\/residents\/\d+$/);
  await page.getByTestId('resident-id').waitFor();
  expect(second).toContain(await page.locator('.page-card .ant-card-head-title').first().innerText().then((title) => title.split(/\s/)[0]!));
  // From the search box to the second resident's page: ↓ ↓ Enter — 2026-12-02.
  expect(keystrokes).toBe(3);
});

it('a need typed in from the keyboard alone: Tab to 登记需求, the person, the category, what is needed, Ctrl+S', { timeout: 60_000 }, async () => {
  await page.evaluate(() => (window.location.hash = '#/lists/needs'));
  await page.getByTestId('need-add').waitFor();
  keystrokes = 0;
  const onAdd = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'need-add');
  for (let i = 0; i < 30 && !(await onAdd()); i++) await press('Tab');
  expect(await onAdd()).toBe(true);
  await press('Enter');
  // The dialog opens with the cursor in its first box: whose need it is.
  await page.getByTestId('need-form').waitFor();
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="need-resident"]'))).toBe(true);
  await type('陈淑芬');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '陈淑芬' }).first().waitFor();
  // Each key where the person sees the cursor has gone (as they would, looking at the screen).
  const focusIn = (testId: string) => expect.poll(() => page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId)).toBe(true);
  await press('Enter'); // picks her and moves on to the grid (filled from her address)
  await focusIn('need-grid');
  await press('Enter'); // the grid as it is: on to the category
  await focusIn('need-category');
  await type('助餐');
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode').filter({ hasText: '助餐' }).first().waitFor();
  await press('Enter'); // picks it, on to what is needed
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('need-content');
  await type('腿脚不便，希望中午送饭上门');
  await press('Control+s');
  await page.getByTestId('need-number').waitFor();
  expect(await page.getByTestId('need-content').innerText()).toBe('腿脚不便，希望中午送饭上门');
  expect(await openLists()).toBe(0);
  await page.screenshot({ path: path.join(artifactsDir(), 'keyboard-need-1366.png') });
  // Written down (2026-12-02): 3 Tabs to 登记需求 and Enter, 18 characters typed, 3 Enters and Ctrl+S.
  expect(keystrokes).toBe(26);
});
