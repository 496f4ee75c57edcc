import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { connect, type Db } from '../../main/core/ledger';
import { keysPathFor, readKeys, unwrapKey, userTag } from '../../main/core/keys';

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

/**
 * A direct connection to a ledger the command line made, as the administrator: the key is unwrapped
 * from the administrator's slot, the way signing in does it. For tests that look at what is stored.
 */
export async function openAsAdmin(file: string, options: { readonly?: boolean; who?: { username: string; password: string } } = {}): Promise<Db> {
  return connect(file, { key: await ledgerKey(file, options.who), readonly: options.readonly });
}

/** The ledger key, unwrapped from a user's slot as signing in does it. */
export async function ledgerKey(file: string, who = ADMIN): Promise<Buffer> {
  const slot = readKeys(keysPathFor(file))?.slots[userTag(who.username)];
  const key = slot && (await unwrapKey(slot, who.password, userTag(who.username)));
  if (!key) throw new Error(`no key slot for ${who.username} beside ${file}`);
  return key;
}
