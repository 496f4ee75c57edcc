import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { appForThisFile, artifactsDir, ledgerCli, pick } from './harness';

/**
 * Every page of the menu at 1366×768 (the office screen) in the three languages: no page wider than
 * the window, no menu entry cut off. Each is photographed into artifacts/screens/ to be looked at.
 */
const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '200', '--needs', '5', '--resources', '3'), { viewport: { width: 1366, height: 768 } });

it('each page fits 1366 px in 简体中文, 繁體中文 and English, with nothing in the menu cut off', { timeout: 240_000 }, async () => {
  const { page } = app;
  const dir = path.join(artifactsDir(), 'screens');
  fs.mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  for (const [language, label] of [['zh-CN', '简体中文'], ['zh-TW', '繁體中文'], ['en-US', 'English']] as const) {
    if (language !== 'zh-CN') await pick(page, 'language', label);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
    const entries = await page.locator('.ant-layout-sider .ant-menu-item').count();
    expect(entries).toBeGreaterThan(10);
    for (let i = 0; i < entries; i++) {
      const item = page.locator('.ant-layout-sider .ant-menu-item').nth(i);
      await item.click();
      await page.locator('.page-card, [data-testid="dashboard"]').first().waitFor();
      await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
      const route = await page.evaluate(() => window.location.hash.replace(/^#\//, '').split('?')[0]!.replace(/\W+/g, '-') || 'home');
      const { pageWidth, cut } = await page.evaluate(() => ({
        pageWidth: document.documentElement.scrollWidth,
        cut: Array.from(document.querySelectorAll<HTMLElement>('.ant-layout-sider .ant-menu-title-content')).filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.innerText),
      }));
      if (pageWidth > 1366) problems.push(`${language} ${route}: the page is ${pageWidth} px wide`);
      if (cut.length) problems.push(`${language} ${route}: menu cut off: ${cut.join(', ')}`);
      await page.screenshot({ path: path.join(dir, `${language}-${route}.png`) });
    }
  }
  expect(problems).toEqual([]);
});
