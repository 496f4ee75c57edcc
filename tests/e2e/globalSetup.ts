import { testBrowserPath } from '../support/browser';

/** Without a browser the end-to-end tests cannot run: say in one line what to install, and stop. */
export default async function requireBrowser(): Promise<void> {
  if (await testBrowserPath()) return;
  console.error('No browser for the end-to-end tests: run `sudo apt-get install -y chromium fonts-noto-cjk poppler-utils` (Debian/Ubuntu), or set CHROME_PATH to Chrome or Edge.');
  process.exit(1);
}
