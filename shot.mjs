import { chromium } from 'playwright-core';
const [url, out, ...rest] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(url);
await page.waitForTimeout(2000);
for (const step of rest) {
  if (step.startsWith('hash=')) { await page.evaluate((h) => (location.hash = h), step.slice(5)); await page.waitForTimeout(1500); }
  if (step.startsWith('type=')) { await page.keyboard.type(step.slice(5)); await page.waitForTimeout(1200); }
}
await page.screenshot({ path: out });
console.log(errors.slice(0, 10).join('\n'));
await browser.close();
