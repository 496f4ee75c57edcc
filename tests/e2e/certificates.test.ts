import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAsAdmin } from '../support/cli';
import { appForThisFile, artifactsDir, ledgerCli, pdfPages } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '200'));
const flat = (s: string) => s.replace(/\s+/g, '');

async function printPdf(page: Page, name: string): Promise<string> {
  const file = path.join(artifactsDir(), `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(artifactsDir(), name)]);
  return file;
}

it('a resident at the counter: a 居住证明 issued from their page, printed, voided, reissued; an abolished one refused; the register printed', { timeout: 180_000 }, async () => {
  const { page } = app;
  const db = await openAsAdmin(app.db, { readonly: true });
  const person = db.prepare("SELECT id, name, id_number FROM residents WHERE status = 'active' AND id_number IS NOT NULL ORDER BY id LIMIT 1").get() as { id: number; name: string; id_number: string };
  db.close();

  // The committee's phone, set once under 社区与楼栋, prints on every certificate.
  await page.evaluate(() => (window.location.hash = '#/community'));
  await page.getByTestId('committee-phone').fill('010-65432100');
  await page.getByTestId('committee-phone-save').click();
  await page.getByText('联系电话已保存').first().waitFor();

  // From the resident's page.
  await page.evaluate((id) => (window.location.hash = `#/residents/${id}`), person.id);
  await page.getByTestId('issue-certificate').click();
  await expect.poll(() => page.getByTestId('resident-picker').innerText()).toContain(person.name);

  // First the person asks for something the committee may not certify.
  await page.getByTestId('cert-what').fill('无犯罪记录');
  await page.getByTestId('cert-ask').click();
  await expect.poll(() => page.getByTestId('cert-refused').innerText()).toContain('不能开具：无犯罪记录证明');
  expect(await page.getByTestId('cert-refused').innerText()).toContain('由公安机关出具');
  await page.screenshot({ path: path.join(artifactsDir(), 'certificate-refused.png') });

  // Something neither on the list nor abolished: the answer stays on the page, not in a toast that vanishes.
  await page.getByTestId('cert-what').fill('停车位使用证明');
  await page.getByTestId('cert-ask').click();
  await expect.poll(() => page.getByTestId('cert-unanswered').innerText()).toContain('“停车位使用证明”不在本社区的证明事项清单中');
  await page.waitForTimeout(4000); // longer than a toast stays
  expect(await page.getByTestId('cert-unanswered').isVisible()).toBe(true);

  // Then the residence certificate.
  await page.getByTestId('cert-what').fill('居住证明');
  await page.getByTestId('cert-ask').click();
  await page.getByTestId('cert-unanswered').waitFor({ state: 'detached' });
  await page.getByTestId('cert-purpose').fill('子女入学');
  await page.getByTestId('cert-draft').click();
  await expect.poll(() => page.getByText('还有事项没有核验').count()).toBe(1); // nothing ticked yet: refused
  for (const box of await page.getByTestId('cert-checks').locator('input[type=checkbox]').all()) await box.check();
  await page.getByTestId('cert-draft').click();
  await expect.poll(() => page.getByTestId('certificate-paper').innerText()).toContain(`兹证明${person.name}`);
  await page.getByTestId('cert-approve').click();
  await page.getByTestId('cert-issue').click();
  await expect.poll(() => page.getByTestId('certificate-number').innerText()).toMatch(/〔\d{4}〕第0001号/);
  const first = /〔\d{4}〕第0001号/.exec(await page.getByTestId('certificate-number').innerText())![0];
  await page.screenshot({ path: path.join(artifactsDir(), 'certificate-issued.png') });
  await page.getByTestId('cert-print').click();
  await page.getByTestId('certificate-paper').waitFor();
  const [paper] = pdfPages(await printPdf(page, 'certificate'));
  for (const s of ['居住证明', first, person.name, person.id_number, '子女入学', '盖章处', '居民委员会', '联系电话：010-65432100']) expect(flat(paper!)).toContain(flat(s));
  expect(paper).not.toContain('第1页'); // one sheet: no page number under it
  expect(paper).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);

  // A mistake: void it with a reason, and reissue under a new number.
  await page.evaluate(() => (window.location.hash = '#/certificates/register'));
  await page.getByTestId(`void-${first}`).click();
  await page.getByTestId('void-reason').fill('用途写错了');
  await page.locator('#void-confirm').click();
  await expect.poll(() => page.getByTestId('cert-register').innerText()).toContain('作废：用途写错了');
  await page.getByTestId(`reissue-${first}`).click();
  await page.getByRole('button', { name: '重新开具' }).last().click();
  await page.getByTestId('cert-approve').click();
  await page.getByTestId('cert-issue').click();
  await expect.poll(() => page.getByTestId('certificate-number').innerText()).toContain('第0002号');
  expect(await page.getByTestId('certificate-paper').innerText()).toContain(`原 ${first} 已作废`);

  // The register: the refusal, the void pointing at its reissue, the reissue; printed on A4 landscape.
  await page.evaluate(() => (window.location.hash = '#/certificates/register'));
  const register = page.getByTestId('cert-register');
  await expect.poll(() => register.innerText()).toContain('不予开具');
  expect(await register.innerText()).toContain(`补开，原号 ${first}`);
  await page.getByTestId('register-print').click();
  await page.getByTestId('register-total').waitFor();
  const file = await printPdf(page, 'certificate-register');
  const text = flat(pdfPages(file).join('\n'));
  for (const s of ['证明开具登记簿', first, '第0002号', '无犯罪记录证明', '不予开具', '已作废', '用途写错了', person.name]) expect(text).toContain(flat(s));
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)!;
  expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([842, 595]);
});
