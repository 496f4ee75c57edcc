import { openApp } from '../../main/app';
import { newSession } from '../../main/core/session';

/**
 * A cold start as the app does it: the ledger sealed, a sign-in unwraps its key (scrypt) and opens it,
 * then the first screen's data. Bundled on its own (dist/main/first-screen.cjs) so that the benchmark's
 * own tools are not loaded into the measurement. Prints how long the sign-in took.
 */
async function main() {
  const [file, username, password] = process.argv.slice(2) as [string, string, string];
  const app = openApp(file, 'cli');
  const session = newSession();
  const t = performance.now();
  const login = await app.dispatch(session, 'auth.login', { username, password });
  const loginMs = performance.now() - t;
  if (!login.ok) throw new Error(JSON.stringify(login));
  // The first screen is the dashboard: what is due today, and the figures.
  for (const [m, i] of [['app.info', {}], ['desk.dashboard', {}], ['reminders.list', {}]] as const) {
    const r = await app.dispatch(session, m, i);
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  app.close();
  console.log(JSON.stringify({ loginMs }));
}
void main();
