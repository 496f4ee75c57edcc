import { beforeAll, expect, it } from 'vitest';
import { openAsAdmin } from '../support/cli';
import { appForThisFile, ledgerCli } from './harness';
import { ResidentsScreen } from './pages/residents';

const app = appForThisFile((db) => void ledgerCli(db, 'seed', '--residents', '3000'));
let person: { name: string; id_number: string; name_initials: string; phone: string };
beforeAll(async () => {
  const db = await openAsAdmin(app.db, { readonly: true });
  // Someone whose initials are shared by few others, so the first page shows them.
  person = db
    .prepare(
      `SELECT name, id_number, name_initials, phone FROM residents r WHERE length(name) = 3 AND phone <> ''
       AND (SELECT count(*) FROM residents x WHERE x.name_initials LIKE r.name_initials || '%') < 20 LIMIT 1`,
    )
    .get() as typeof person;
  db.close();
});

it('finds a person by pinyin initials while typing', async () => {
  const list = new ResidentsScreen(app.page);
  await list.open();
  await expect.poll(() => list.total().textContent()).toBe('共 3000 人');
  await list.search(person.name_initials);
  await expect.poll(() => list.names(), { timeout: 5000 }).toContain(person.name);
  for (const name of await list.names()) expect(name.length).toBeGreaterThan(0);
});

it('finds a person by a fragment of the ID number and of the phone', async () => {
  const list = new ResidentsScreen(app.page);
  await list.search(person.id_number.slice(-6));
  await expect.poll(() => list.names()).toContain(person.name);
  await list.search(person.phone.slice(-5));
  await expect.poll(() => list.names()).toContain(person.name);
  // Masked everywhere; the full number only with a reason, and the reason is in the activity log.
  const masked = `${person.id_number.slice(0, 6)}********${person.id_number.slice(-4)}`;
  await app.page.getByRole('link', { name: person.name }).first().click();
  await expect.poll(() => app.page.getByTestId('resident-id').textContent()).toBe(masked);
  await app.page.getByTestId('reveal').click();
  await app.page.getByRole('button', { name: '核对身份' }).click();
  await app.page.getByRole('button', { name: '确 定' }).click();
  await expect.poll(() => app.page.getByTestId('resident-id').textContent()).toBe(person.id_number);
  await app.page.evaluate(() => (window.location.hash = '#/audit'));
  const firstRow = app.page.locator('.ant-table-tbody tr').first();
  await expect.poll(() => firstRow.innerText()).toContain('查看完整号码');
  expect(await firstRow.innerText()).toContain('核对身份');
  expect(await firstRow.innerText()).not.toContain(person.id_number);
});

it('says plainly when nothing matches', async () => {
  const list = new ResidentsScreen(app.page);
  await list.open();
  await list.search('查无此人啊');
  await app.page.getByText('没有找到符合条件的居民').waitFor();
});
