import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { openAsAdmin } from '../support/cli';
import { appForThisFile, artifactsDir, createAccount, ledgerCli, pdfPages, pick, replaceTemporaryPassword, signIn, signOut } from './harness';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '200'));
const flat = (s: string) => s.replace(/\s+/g, '');

it('a mediator takes a neighbour dispute from intake through two sessions to an agreement, a follow-up and the archive', { timeout: 240_000 }, async () => {
  const { page } = app;
  await createAccount(page, 'li', '李调解', '调解员');
  await signOut(page);
  await signIn(page, 'li', 'temporary-2026');
  await replaceTemporaryPassword(page, 'li-own-2026');
  await page.getByTestId('dashboard').waitFor(); // everyone starts on the dashboard
  await page.locator('.app-menu').getByText('人民调解').click();
  const db = await openAsAdmin(app.db, { readonly: true });
  const [a, b] = db.prepare("SELECT name FROM residents WHERE status = 'active' AND length(name) = 3 ORDER BY id LIMIT 2").pluck().all() as string[];
  db.close();

  // Intake: both neighbours picked from the ledger, consent ticked.
  await page.getByTestId('case-add').click();
  await pick(page, 'party-resident-0', a!);
  await pick(page, 'party-resident-1', b!);
  await expect(page.getByTestId('party-name-0').inputValue()).resolves.toBe(a);
  await page.getByTestId('party-id-0').check();
  await page.getByTestId('party-id-1').check();
  // The mediator at the desk is already the case's mediator.
  await expect.poll(() => page.getByTestId('intake-mediators').innerText()).toContain('李调解');
  await page.getByTestId('intake-facts').fill('楼上卫生间漏水，楼下天花板受损，双方多次争吵。');
  await page.locator('#case-accept').click();
  await page.getByText('调解必须出于自愿').first().waitFor(); // no consent yet: refused
  await page.getByTestId('intake-consent').check();
  await page.locator('#case-accept').click();
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('已受理');

  await page.getByTestId('case-rights').click();
  // A photo of the damage, kept inside the ledger with the case.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('attach-file').click()]);
  await chooser.setFiles({ name: '天花板.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('jpeg-bytes-for-the-test') });
  await page.getByTestId('attachments').getByText('天花板.jpg').waitFor();
  for (const [statements, result] of [
    [`${a}：漏水已三个月，要求修好并赔偿。\n${b}：愿意修，但赔偿太高。`, '双方同意再约时间'],
    [`双方到现场查看，确认渗漏点在${b}家卫生间。`, '达成协议'],
  ]) {
    await page.getByTestId('case-session').click();
    await page.getByTestId('session-place').fill('社区调解室');
    await page.getByTestId('session-statements').fill(statements!);
    await page.getByTestId('session-result').fill(result!);
    await page.locator('#session-save').click();
    await page.getByText(result!).first().waitFor();
  }
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('调解中');

  // The first session's record and the rights notice (one page per party), printed.
  await page.getByTestId('print-session-1').click();
  await page.locator('.meeting-record').waitFor();
  const record = path.join(artifactsDir(), 'mediation-session.pdf');
  await page.pdf({ path: record, preferCSSPageSize: true, printBackground: true });
  const recordText = flat(pdfPages(record).join('\n'));
  for (const s of ['人民调解笔录', '社区调解室', '漏水已三个月', '双方同意再约时间', '以上笔录已向当事人宣读', '记录人（签名）']) expect(recordText).toContain(flat(s));
  await page.goBack();
  await page.getByTestId('print-rights').click();
  await page.getByText('人民调解权利义务告知书').first().waitFor();
  const notice = path.join(artifactsDir(), 'mediation-rights.pdf');
  await page.pdf({ path: notice, preferCSSPageSize: true, printBackground: true });
  const noticePages = pdfPages(notice);
  expect(noticePages).toHaveLength(2); // one for each party
  expect(flat(noticePages[0]!)).toContain(flat(`${a}：`));
  expect(flat(noticePages[1]!)).toContain(flat(`${b}：`));
  expect(flat(noticePages[0]!)).toContain('要求终止调解');
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', notice, path.join(artifactsDir(), 'mediation-rights')]);
  await page.goBack();

  await page.getByTestId('case-conclude').click();
  await page.getByTestId('conclude-terms').fill(`一、${b}于十日内修复卫生间防水层；\n二、${b}赔偿${a}天花板修缮费 1200 元。`);
  await page.getByTestId('conclude-performance').fill('十日内一次付清');
  await page.locator('#conclude-save').click();
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('调解成功');
  expect(await page.getByText('可在').first().innerText()).toContain('前共同申请司法确认');

  // The agreement, printed in the official layout.
  await page.getByTestId('print-agreement').click();
  await page.getByTestId('agreement-number').waitFor();
  const file = path.join(artifactsDir(), 'mediation-agreement.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(artifactsDir(), 'mediation-agreement')]);
  const pages = pdfPages(file);
  expect(pages).toHaveLength(1); // one sheet, as the paper form
  const text = flat(pages.join('\n'));
  for (const s of ['人民调解协议书', '人调协字第1号', a!, b!, '经调解，自愿达成如下协议', '1200', '本协议一式3份', '签名盖章或按指印', '人民调解员（签名）', '人民调解委员会印']) expect(text).toContain(flat(s));
  await page.goBack();

  // Follow-up, then the archive.
  await page.getByTestId('case-followup').click();
  await page.getByTestId('followup-performed').fill('已修复，已赔偿');
  await page.locator('#followup-save').click();
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('履行完毕');
  await page.getByTestId('case-archive').click();
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('已归档');
  await page.screenshot({ path: path.join(artifactsDir(), 'mediation-case.png'), fullPage: true });

  // The whole case file as one PDF: cover, contents, then the documents in the official order, each
  // on the page the contents gives.
  await page.getByTestId('print-file').click();
  const contents = page.getByTestId('file-contents');
  await expect.poll(() => contents.locator('tbody tr').last().innerText()).toMatch(/\d+\s*$/);
  const listed = (await contents.locator('tbody tr').allInnerTexts()).map((row) => Number(/(\d+)\s*$/.exec(row)![1]));
  const caseFile = path.join(artifactsDir(), 'mediation-case-file.pdf');
  await page.pdf({ path: caseFile, preferCSSPageSize: true, printBackground: true });
  spawnSync('pdftoppm', ['-png', '-r', '50', caseFile, path.join(artifactsDir(), 'mediation-case-file')]);
  const filePages = pdfPages(caseFile).map(flat);
  expect(filePages[0]).toContain('人民调解卷宗');
  expect(filePages[0]).toContain('人调字第1号');
  expect(filePages[1]).toContain('卷内目录');
  const headings = ['人民调解申请书', '受理登记表', '权利义务告知书', '人民调解笔录', '人民调解笔录', '人民调解协议书', '回访记录', '结案报告表', '封底'];
  expect(listed).toHaveLength(headings.length);
  headings.forEach((h, i) => expect(filePages[listed[i]! - 1], `${h} on page ${listed[i]}`).toContain(h));
  expect(filePages).toHaveLength(listed[listed.length - 1]!);

  // Another dispute that cannot be settled: it ends with the routes the parties were told of.
  await page.evaluate(() => (window.location.hash = '#/mediation'));
  await page.getByTestId('case-add').click();
  await page.getByTestId('party-name-0').fill('孙某');
  await page.getByTestId('party-name-1').fill('物业公司');
  await expect.poll(() => page.getByTestId('intake-mediators').innerText()).toContain('李调解');
  await page.getByTestId('intake-facts').fill('物业费争议');
  await page.getByTestId('intake-consent').check();
  await page.locator('#case-accept').click();
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('已受理');
  await page.getByTestId('case-conclude').click();
  await page.getByTestId('conclude-outcome').getByText('调解不成功').click();
  await page.getByTestId('conclude-routes').getByText('向人民法院起诉').click();
  await page.getByTestId('conclude-reason').fill('被申请人拒绝调解');
  await page.locator('#conclude-save').click();
  await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('调解不成功');
  expect(await page.getByText('已告知：向人民法院起诉').count()).toBe(1);
});
