import path from 'node:path';
import { expect, it } from 'vitest';
import { appForThisFile, artifactsDir, ledgerCli, signIn } from './harness';
import { ADMIN, openAsAdmin } from '../support/cli';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '300'));

const onRecord = async () => {
  const db = await openAsAdmin(app.db, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM residents WHERE status = 'active'").pluck().get() as number;
  } finally {
    db.close();
  }
};

it('a day’s mistake undone in a minute: back up, restore from the list with its counts, and undo the restore', async () => {
  const { page } = app;
  const before = await onRecord();
  await page.evaluate(() => (window.location.hash = '#/backups'));
  await page.getByTestId('backup-now').click();
  await page.getByText('已备份。').waitFor();
  const first = page.locator('[data-testid=backup-table] .ant-table-tbody tr').first();
  await expect.poll(() => first.innerText()).toContain(`${before} 人`);
  expect(await first.innerText()).toContain('手动');

  // The mistake: a resident recorded as moved out by accident, through the command line's services.
  const db = await openAsAdmin(app.db);
  db.prepare("UPDATE residents SET status = 'moved_out' WHERE id IN (1, 2, 3)").run();
  db.close();
  expect(await onRecord()).toBe(before - 3);

  await first.getByTestId('restore').click();
  await page.getByText(`这份备份里有 ${before} 位在册居民`).waitFor();
  await page.screenshot({ path: path.join(artifactsDir(), 'restore-confirm.png') });
  await page.locator('#restore-confirm').click();
  // Everyone signs in again on the restored ledger.
  await page.getByTestId('login-username').waitFor();
  expect(await onRecord()).toBe(before);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.evaluate(() => (window.location.hash = '#/backups'));
  await page.getByTestId('restore-undo').waitFor();
  const rows = await page.locator('[data-testid=backup-table] .ant-table-tbody tr').allInnerTexts();
  expect(rows.some((r) => r.includes('恢复前') && r.includes(`${before - 3} 人`))).toBe(true);
  await page.screenshot({ path: path.join(artifactsDir(), 'backups.png') });

  // Undo: the ledger as it was just before the restore comes back.
  await page.getByTestId('restore-undo').click();
  await page.locator('#restore-confirm').click();
  await page.getByTestId('login-username').waitFor();
  expect(await onRecord()).toBe(before - 3);
  await signIn(page, ADMIN.username, ADMIN.password);

  // The activity log of the ledger in place says who restored what.
  await page.evaluate(() => (window.location.hash = '#/audit'));
  await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('备份与恢复 · 恢复台账');
});

it('backups can go to another folder; a folder that cannot be written is refused with the reason', async () => {
  const { page } = app;
  await page.evaluate(() => (window.location.hash = '#/backups'));
  await page.getByTestId('backup-folder-input').fill('relative/folder');
  await page.getByRole('button', { name: '改用这个文件夹' }).click();
  await page.getByText('请填写完整的文件夹路径').waitFor();
  await page.getByTestId('backup-folder-input').fill('/proc/linli');
  await page.getByRole('button', { name: '改用这个文件夹' }).click();
  await page.getByText('不能往“/proc/linli”里写文件').waitFor();
  // A "folder" inside a file: as when the USB disk's letter now belongs to something else.
  const notAFolder = path.join(app.db, '台账备份');
  await page.getByTestId('backup-folder-input').fill(notAFolder);
  await page.getByRole('button', { name: '改用这个文件夹' }).click();
  await page.getByText(`不能往“${notAFolder}”里写文件`).waitFor();
  const usb = path.join(app.dir, 'usb', '台账备份');
  await page.getByTestId('backup-folder-input').fill(usb);
  await page.getByRole('button', { name: '改用这个文件夹' }).click();
  await expect.poll(() => page.getByTestId('backup-folder').innerText()).toBe(usb);
  await page.getByTestId('backup-now').click();
  await expect.poll(() => page.locator('[data-testid=backup-table] .ant-table-tbody tr').first().innerText()).toContain('手动');
});
