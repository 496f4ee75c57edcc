// Takes the README's screenshot from the running app: a seeded ledger in the browser shell.
// Usage: npm run build && node build/screenshot.mjs [out.png]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const out = process.argv[2] ?? 'docs/screenshot.png';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-shot-'));
const db = path.join(dir, 'ledger.db');
const env = { ...process.env, LINLI_PASSWORD: 'screenshot-2026' };
spawnSync(process.execPath, ['dist/main/cli.cjs', 'init', '--admin', 'zhang', '--db', db], { stdio: 'inherit', env });
spawnSync(process.execPath, ['dist/main/cli.cjs', 'seed', '--residents', '5000', '--user', 'zhang', '--db', db], { stdio: 'inherit', env });
const shell = spawn(process.execPath, ['dist/main/browser.cjs', '--db', db, '--no-open'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => {
  let text = '';
  shell.stdout.on('data', (d) => {
    text += d;
    const m = /Linli: (http:\S+)/.exec(text);
    if (m) resolve(m[1]);
  });
});
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
await page.goto(url);
await page.getByTestId('login-username').fill('zhang');
await page.getByTestId('login-password').fill('screenshot-2026');
await page.getByTestId('login-submit').click();
await page.getByTestId('resident-search').locator('input').pressSequentially('wang', { delay: 40 });
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
await browser.close();
shell.kill();
console.log(`screenshot: ${out}`);
