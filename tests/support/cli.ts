import path from 'node:path';
import { spawnSync } from 'node:child_process';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The built command line (npm test builds before it tests). */
export const CLI = path.join(ROOT, 'dist/main/cli.cjs');

/** The administrator every test ledger starts with. */
export const ADMIN = { username: 'admin', password: 'linli-e2e-2026' };

/** The ledger command line on a test ledger, signed in as the administrator. */
export function ledgerCli(db: string, ...args: string[]): string {
  const who = args[0] === 'init' ? [] : ['--user', ADMIN.username];
  const r = spawnSync(process.execPath, [CLI, ...args, ...who, '--db', db], {
    encoding: 'utf8',
    env: { ...process.env, LINLI_PASSWORD: ADMIN.password },
  });
  if (r.status !== 0) throw new Error(`ledger ${args.join(' ')} failed: ${r.stderr}${r.stdout}`);
  return r.stdout;
}
