import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { openAsAdmin } from '../support/cli';
import { appForThisFile, artifactsDir, ledgerCli, pdfPages } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '300'));

function pageSize(file: string): number[] {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)!;
  return [Math.round(Number(m[1])), Math.round(Number(m[2]))];
}

it('prints the filtered roster: A4 landscape, header on every page, page numbers, masked IDs', async () => {
  const { page } = app;
  await page.evaluate(() => (window.location.hash = '#/print/roster?gridId=1'));
  await page.getByTestId('roster-total').waitFor();
  const total = Number(/\d+/.exec((await page.getByTestId('roster-total').textContent())!)![0]);
  const file = path.join(artifactsDir(), 'roster.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });

  const pages = pdfPages(file);
  expect(pages.length).toBeGreaterThan(2);
  // The count said before printing is the count printed, within one sheet.
  const said = Number(/\d+/.exec(await page.getByTestId('print-pages').innerText())![0]);
  expect(Math.abs(said - pages.length), `said ${said}, printed ${pages.length}`).toBeLessThanOrEqual(1);
  expect(pages[0]).toContain('幸福里社区居民花名册');
  expect(pages[0]).toContain('筛选条件：第1网格');
  expect(pages[0]).toContain(`共 ${total} 人`);
  pages.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain('公民身份号码'); // the header row repeats
    expect(text.replace(/\s+/g, ' '), `page ${i + 1}`).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
  });
  const all = pages.join('\n');
  const db = await openAsAdmin(app.db, { readonly: true });
  const grid1 = db.prepare('SELECT name, id_number FROM residents WHERE grid_id = 1 ORDER BY address_key').all() as { name: string; id_number: string }[];
  db.close();
  expect(grid1.length).toBe(total);
  for (const r of [grid1[0]!, grid1[grid1.length - 1]!]) {
    expect(all).toContain(r.name);
    expect(all).toContain(`${r.id_number.slice(0, 6)}********${r.id_number.slice(-4)}`);
    expect(all).not.toContain(r.id_number);
  }
  expect(pageSize(file)).toEqual([842, 595]); // A4 landscape, in points
  // 高龄 prints in 特殊人群 as the screen shows it, and the paper is dated the Chinese way.
  const look = await openAsAdmin(app.db, { readonly: true });
  const eighty = look.prepare("SELECT count(*) FROM residents WHERE grid_id = 1 AND status = 'active' AND birth_date <> '' AND birth_date <= date('now', '-80 years')").pluck().get() as number;
  look.close();
  expect(eighty).toBeGreaterThan(0);
  expect((all.match(/高龄/g) ?? []).length).toBeGreaterThanOrEqual(eighty);
  expect(pages[0]).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, path.join(artifactsDir(), 'roster')]);
});

it('prints a household card on A4 portrait with every member', async () => {
  const { page } = app;
  const db = await openAsAdmin(app.db, { readonly: true });
  const h = db.prepare('SELECT household_id AS id, count(*) AS n FROM residents GROUP BY household_id HAVING n >= 3 LIMIT 1').get() as { id: number; n: number };
  const names = (db.prepare('SELECT name FROM residents WHERE household_id = ?').all(h.id) as { name: string }[]).map((r) => r.name);
  db.close();
  await page.evaluate((id) => (window.location.hash = `#/print/household/${id}`), h.id);
  await page.getByText('户 卡').waitFor();
  const file = path.join(artifactsDir(), 'household-card.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const [text] = pdfPages(file);
  for (const n of names) expect(text).toContain(n);
  expect(text).toContain('户主');
  expect(text).toContain('（盖章）');
  expect(pageSize(file)).toEqual([595, 842]); // A4 portrait
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(artifactsDir(), 'household-card')]);
});
