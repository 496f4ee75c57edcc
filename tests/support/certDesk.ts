/**
 * One desk issuing certificates in a process of its own (bundled by the test with esbuild): it opens
 * the ledger with the test key, drafts and issues `count` certificates as fast as it can, and prints
 * the numbers it got as JSON. Two of these at once are two counters issuing at the same moment.
 */
import { openApp } from '../../main/app';
import { ok } from './ledger';

async function main() {
  const [file, keyHex, residentId, count] = process.argv.slice(2);
  const app = openApp(file!, 'cli', { key: Buffer.from(keyHex!, 'hex') });
  const numbers: string[] = [];
  const item = (await ok(app, 'certs.items', {}))[0]!;
  for (let i = 0; i < Number(count); i++) {
    const { id } = await ok(app, 'certs.draft', { itemId: item.id, residentId: Number(residentId), purpose: '办理居住证', checks: item.checks });
    if (item.needsApproval) await ok(app, 'certs.approve', { id });
    numbers.push((await ok(app, 'certs.issue', { id })).number);
  }
  app.close();
  process.stdout.write(JSON.stringify(numbers));
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
