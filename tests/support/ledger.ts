import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openApp, type App } from '../../main/app';
import { connect, type Db } from '../../main/core/ledger';
import { newSession, systemSession, type Session } from '../../main/core/session';
import { DEFAULT_PERMISSIONS } from '../../shared/contract';
import type { Role } from '../../shared/rules/roles';
import type { Input, MethodName, Output } from '../../shared/contract';

/** A real ledger file in its own temporary folder. */
export function tempDir(prefix = 'linli-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Test ledgers are encrypted like real ones; the key is handed over directly instead of through a password. */
export const TEST_KEY = randomBytes(32);

export function openTempApp(): App & { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'ledger.db');
  return Object.assign(openApp(file, 'cli', { key: TEST_KEY }), { dir, file });
}

/** A second connection to a test ledger (or a copy of one), as another process would open it. */
export const openRaw = (file: string, options: { readonly?: boolean; key?: Buffer } = {}): Db => connect(file, { key: TEST_KEY, ...options });

/** Calls through dispatch and fails the test with the message key when the call is refused. */
export async function ok<M extends MethodName>(app: App, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await app.call(method, input);
  if (!r.ok) throw new Error(`${method} refused: ${r.messageKey} ${JSON.stringify(r.params ?? {})} ${JSON.stringify(r.issues ?? [])}`);
  return r.value as Output<M>;
}

export async function setUpCommunity(app: App) {
  await ok(app, 'community.setup', {
    streetName: '朝阳门街道',
    communityName: '幸福里社区',
    grids: [
      { name: '第一网格', buildings: ['1号楼', '2号楼', '3号楼'] },
      { name: '第二网格', buildings: ['4号楼', '5号楼'] },
    ],
  });
  return ok(app, 'community.tree', {});
}

/** A call in a fresh trusted session (or the one given): a session kept across a faked clock would lock itself as idle. */
export async function sys<M extends MethodName>(app: App, method: M, input: Input<M>, session: Session = systemSession()): Promise<Output<M>> {
  const r = await app.dispatch(session, method, input);
  if (!r.ok) throw new Error(`${method} refused: ${r.messageKey} ${JSON.stringify(r.issues ?? [])}`);
  return r.value as Output<M>;
}


/** Calls as a signed-in person of a built-in role, with that role's default permissions (displayName `<role>姓名`). */
export function asRole(app: App, role: Role) {
  const session: Session = { ...newSession(), user: { id: 1, username: role, displayName: `${role}姓名`, role, mustChangePassword: false }, permissions: new Set(DEFAULT_PERMISSIONS[role]) };
  return <M extends MethodName>(method: M, input: Input<M>) => app.dispatch(session, method, input);
}
