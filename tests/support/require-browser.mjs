// Stops `npm test` with one line saying what to install when no browser can drive the end-to-end tests.
import fs from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
let found = candidates.find((c) => c && fs.existsSync(c));
if (!found) {
  try {
    const { chromium } = await import('playwright-core');
    if (fs.existsSync(chromium.executablePath())) found = chromium.executablePath();
  } catch {
    /* no playwright browser either */
  }
}
if (!found) {
  console.error('No browser for the end-to-end tests: run `sudo apt-get install -y chromium fonts-noto-cjk poppler-utils` (Debian/Ubuntu), or set CHROME_PATH to Chrome or Edge.');
  process.exit(1);
}
