import fs from 'node:fs';
import { findBrowser } from '../../main/shells/browser/findBrowser';

/** A Chromium for tests: the system one, CHROME_PATH, or Playwright's own download where the network allowed it. */
export async function testBrowserPath(): Promise<string | undefined> {
  const system = findBrowser();
  if (system) return system;
  try {
    const { chromium } = await import('playwright-core');
    const own = chromium.executablePath();
    return fs.existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
}

export const TEST_CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
