import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { openAsAdmin } from '../support/cli';
import { chromium, type Browser } from 'playwright-core';
import { findBrowser } from '../../main/shells/browser/findBrowser';
import { now, summarise, ms } from './stats';
import { BENCH_PASSWORD } from './importBench';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The app opened and signed in, as the person at the desk does. */
async function openSignedIn(browser: Browser, url: string, viewport?: { width: number; height: number }) {
  const page = await browser.newPage(viewport ? { viewport } : {});
  await page.goto(url);
  await page.getByTestId('login-username').fill('bench');
  await page.getByTestId('login-password').fill(BENCH_PASSWORD);
  await page.getByTestId('login-submit').click();
  // Everyone lands on the dashboard; these figures are about the resident ledger.
  await page.getByTestId('user-menu').waitFor();
  await page.evaluate(() => (window.location.hash = '#/residents'));
  return page;
}

async function shell(db: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'browser.cjs'), '--db', db, '--no-open', '--no-auto-backup'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let text = '';
    child.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /Linli: (http:\S+)/.exec(text);
      if (m) resolve(m[1]!);
    });
  });
  return { url, stop: () => child.kill() };
}

/** 居民花名册 of 1,000 residents: from opening the print view to the PDF on disk. */
async function rosterPdf(browser: Browser, dir: string): Promise<string[]> {
  const db = path.join(dir, 'roster-1000.db');
  const env = { ...process.env, LINLI_PASSWORD: BENCH_PASSWORD };
  spawnSync(process.execPath, [path.join(__dirname, 'cli.cjs'), 'init', '--admin', 'bench', '--db', db], { env });
  spawnSync(process.execPath, [path.join(__dirname, 'cli.cjs'), 'seed', '--residents', '1000', '--user', 'bench', '--db', db], { env });
  const s = await shell(db);
  const page = await openSignedIn(browser, s.url);
  await page.getByTestId('resident-search').waitFor();
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i < 3; i++) {
    const t = now();
    await page.evaluate((n) => (window.location.hash = `#/print/roster?run=${n}`), i);
    await page.getByTestId('roster-total').waitFor();
    const file = path.join(dir, `roster-${i}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    times.push(now() - t);
    pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
    await page.evaluate(() => (window.location.hash = '#/residents'));
    await page.getByTestId('resident-search').waitFor();
  }
  await page.close();
  s.stop();
  const sm = summarise(times);
  return [`Roster of 1,000 residents printed to PDF (${pages} A4 pages): p50 ${(sm.p50 / 1000).toFixed(2)} s, worst of 3 ${(sm.p95 / 1000).toFixed(2)} s.`];
}

/** Keystroke → rows on screen, in the real UI on a large ledger: the last key of a term to its rows painted. */
async function keystrokes(browser: Browser, ledger: string): Promise<string[]> {
  const d = await openAsAdmin(ledger, { readonly: true, who: { username: 'bench', password: BENCH_PASSWORD } });
  const count = (d.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }).n;
  const people = d.prepare('SELECT name, name_initials, id_number, phone FROM residents WHERE id % 997 = 0 LIMIT 40').all() as { name: string; name_initials: string; id_number: string; phone: string }[];
  d.close();
  const terms = people.flatMap((p, i) => [p.name, p.name_initials, p.id_number.slice(-6), i % 2 ? p.phone.slice(3, 8) : [...p.name][0]!]).filter((t) => t && t.length);
  const s = await shell(ledger);
  const page = await openSignedIn(browser, s.url, { width: 1400, height: 900 });
  const box = page.getByTestId('resident-search').locator('input');
  await box.waitFor();
  const times: number[] = [];
  for (const term of terms) {
    await box.fill('');
    await page.locator('[data-testid=resident-results][data-shown-q=""]').waitFor({ state: 'attached' });
    const chars = [...term];
    if (chars.length > 1) {
      await box.pressSequentially(chars.slice(0, -1).join(''));
      await page.waitForTimeout(150);
    }
    const t = now();
    await page.keyboard.type(chars[chars.length - 1]!);
    await page.waitForFunction(
      (q) => new Promise((resolve) => requestAnimationFrame(() => resolve(document.querySelector(`[data-testid=resident-results]`)?.getAttribute('data-shown-q') === q))),
      term,
      { polling: 'raf' },
    );
    times.push(now() - t);
  }
  await page.close();
  s.stop();
  const sm = summarise(times);
  return [
    `Keystroke to rows on screen, browser shell, ${count.toLocaleString('en-US')}-resident ledger, ${sm.runs} terms (names, initials, ID and phone fragments, single characters; includes the 80 ms typing pause): p50 ${ms(sm.p50)} ms, p95 ${ms(sm.p95)} ms.`,
  ];
}

export async function benchBrowser(dir: string, ledger: string, _root: string): Promise<string[]> {
  const executablePath = findBrowser();
  if (!executablePath || !fs.existsSync(executablePath)) return ['No Chromium found: the roster PDF and keystroke figures were not measured.'];
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  try {
    return ['## In the browser', '', ...(await rosterPdf(browser, dir)), '', ...(await keystrokes(browser, ledger))];
  } finally {
    await browser.close();
  }
}
