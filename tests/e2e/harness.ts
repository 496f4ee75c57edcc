import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { tempDir } from '../support/ledger';
import { testBrowserPath, TEST_CHROMIUM_FLAGS } from '../support/browser';
import { ADMIN, ROOT, ledgerCli } from '../support/cli';


export interface Running {
  dir: string;
  db: string;
  url: string;
  page: Page;
  /** The ledger command line against this test's ledger. */
  ledger(...args: string[]): string;
  stop(): Promise<void>;
}

export { ADMIN, ledgerCli };

let browser: Browser | undefined;
async function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    const executablePath = await testBrowserPath();
    if (!executablePath) throw new Error('no Chromium: apt-get install chromium fonts-noto-cjk');
    browser = await chromium.launch({ executablePath, args: TEST_CHROMIUM_FLAGS });
  }
  return browser;
}
export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

/** The built browser shell as its own process on a ledger, and the one-time address it prints (with --no-open). */
export async function startShellProcess(db: string, extra: string[] = [], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist/main/browser.cjs'), '--db', db, '--no-open', ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser shell did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Linli: (http:\/\/127\.0\.0\.1:\d+\/\?launch=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`browser shell exited ${code}: ${out}`)));
  });
  return { child, url };
}

/** A window of its own (its own context: no shared storage) on a shell's one-time address. */
export async function openWindow(url: string, viewport = { width: 1366, height: 768 }): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const context = await (await sharedBrowser()).newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

/** Ends a process a test started, and waits until it has gone. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await gone;
}

/**
 * Starts the real browser shell (the built app: dist/) on its own ledger in its own folder and opens
 * it in Chromium, as `npm start -- --browser` does. `prepare` runs CLI commands on the ledger first.
 */
export async function startApp(prepare?: (db: string) => void, options: { fresh?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Running> {
  const dir = tempDir('linli-e2e-');
  const db = path.join(dir, 'ledger.db');
  // Unless the test is about the first run, the ledger has its administrator, who signs in below.
  if (!options.fresh) ledgerCli(db, 'init', '--admin', ADMIN.username);
  prepare?.(db);
  const viewport = options.viewport ?? { width: 1400, height: 900 };
  const { child, url } = await startShellProcess(db);
  const context = await (await sharedBrowser()).newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  if (!options.fresh) await signIn(page, ADMIN.username, ADMIN.password);
  return {
    dir,
    db,
    url,
    page,
    ledger: (...args) => ledgerCli(db, ...args),
    stop: async () => {
      await context.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (problems.length) throw new Error(`page errors: ${problems.join('\n')}`);
    },
  };
}

export function artifactsDir(): string {
  const dir = path.join(ROOT, 'tests', 'e2e', 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Text of a PDF, page by page (poppler's pdftotext, form feed between pages). */
export function pdfPages(file: string): string[] {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr} (apt-get install poppler-utils)`);
  const pages = r.stdout.split('\f').filter((p) => p.trim() !== '');
  // Every official paper writes its dates the Chinese way (2026年12月1日): a 2026-12-01 on one is a defect.
  const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(r.stdout);
  if (iso) throw new Error(`${path.basename(file)} prints the date ${iso[0]} as a screen does, not as 年月日: ${r.stdout.slice(Math.max(0, iso.index - 60), iso.index + 30)}`);
  return pages;
}

/** Signs in on the login screen, as a person would. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // Signed in: the desk, the setup screen, or (a new account) the temporary password to replace first.
  await page.getByTestId('user-menu').or(page.getByText('欢迎使用邻里')).or(page.getByText('管理员为您设置了临时密码')).first().waitFor();
}

/**
 * One app for all the tests of a file: started (with `prepare` on its ledger) before them, stopped after.
 * The object is filled in once started, so tests use it as `app.page`, `app.ledger(…)`.
 */
export function appForThisFile(prepare?: (db: string) => void, options?: Parameters<typeof startApp>[1]): Running {
  const app = {} as Running;
  beforeAll(async () => {
    Object.assign(app, await startApp(prepare, options));
  });
  // What the screen showed when a test failed: the log says where, the picture says why.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && app.page) await app.page.screenshot({ path: path.join(artifactsDir(), `failed-${ctx.task.name.slice(0, 40).replace(/[^\w\u4e00-\u9fff]+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
  });
  afterAll(async () => {
    await app.stop();
    await closeBrowser();
  });
  return app;
}

/**
 * Waits until every open drop-down (a select's list, a menu) has finished sliding open: a click on it
 * while it slides can miss, the more often the busier the machine.
 */
export async function popupSettled(page: Page) {
  await page.locator('.ant-select-dropdown:visible, .ant-dropdown:visible').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-select-dropdown[class*="-appear"], .ant-select-dropdown[class*="-enter"], .ant-dropdown[class*="-appear"], .ant-dropdown[class*="-enter"]'));
}

/** Signs out through the user menu, as a person would. */
export async function signOut(page: Page) {
  await page.getByTestId('user-menu').hover();
  await popupSettled(page);
  await page.getByText('退出登录').click();
  await page.getByTestId('login-username').waitFor();
}

/** A new account's first sign-in: the temporary password must be replaced before anything else. */
export async function replaceTemporaryPassword(page: Page, next: string) {
  await page.getByText('管理员为您设置了临时密码').waitFor();
  await page.getByLabel('现在的密码').fill('temporary-2026');
  await page.getByLabel('新密码（至少 8 位）').fill(next);
  await page.getByLabel('再输一遍密码').fill(next);
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByText('管理员为您设置了临时密码').waitFor({ state: 'detached' });
  await page.getByText('密码已修改。').last().waitFor();
}

/** The administrator opens an account with a temporary password on the accounts screen. */
export async function createAccount(page: Page, username: string, name: string, role: string) {
  await page.evaluate(() => (window.location.hash = '#/users'));
  await page.getByTestId('add-user').click();
  await page.getByTestId('new-username').fill(username);
  await page.getByTestId('new-display-name').fill(name);
  // A click while the dropdown is still sliding open can land on the option next to the one meant:
  // pick until the select shows the role asked for.
  for (let attempt = 0; attempt < 3 && !(await page.getByTestId('new-role').innerText()).includes(role); attempt++) {
    await page.getByTestId('new-role').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: role });
    await option.waitFor();
    await page.waitForTimeout(300);
    await option.click();
  }
  if (!(await page.getByTestId('new-role').innerText()).includes(role)) throw new Error(`could not choose the role ${role}`);
  await page.getByTestId('new-password').fill('temporary-2026');
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByRole('cell', { name: username, exact: true }).waitFor();
}

/** Waits until no dialog is still zooming in: a click during antd's opening motion can be lost on a busy machine. */
export async function dialogSettled(page: Page) {
  await page.locator('.ant-modal').last().waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-appear-active, .ant-zoom-enter-active'));
}

/** Presses a dialog's save button once it has settled, and waits for the refusal `message`. */
export async function saveRefused(page: Page, saveSelector: string, message: string) {
  await dialogSettled(page);
  await page.locator(saveSelector).click();
  await page.getByText(message).first().waitFor();
}

/** Picks an option by typing it; a click while the list is still sliding open can miss, so it checks and tries again. */
export async function pick(page: Page, testId: string, text: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(text);
    // A tree select's list is virtual: what is typed is what is shown.
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option, .ant-select-dropdown:visible .ant-select-tree-treenode').filter({ hasText: text }).first();
    await option.waitFor();
    await page.waitForTimeout(200);
    await option.click();
    if ((await page.getByTestId(testId).innerText()).includes(text)) return;
    await page.keyboard.press('Escape');
  }
  throw new Error(`could not pick ${text} in ${testId}`);
}
