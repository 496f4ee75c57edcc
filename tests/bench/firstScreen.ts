import { openApp } from '../../main/core/app';

/**
 * A cold start as the app does it: open the ledger, then fetch what the first screen shows. Bundled on its
 * own (dist/main/first-screen.cjs) so that the benchmark's own tools are not loaded into the measurement.
 */
async function main() {
  const app = openApp(process.argv[2]!, 'cli');
  for (const [m, i] of [['app.info', {}], ['community.tree', {}], ['residents.search', { offset: 0, limit: 50 }]] as const) {
    const r = await app.call(m, i);
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  app.close();
}
void main();
