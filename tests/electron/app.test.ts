import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/ledger';

const ROOT = path.resolve(__dirname, '..', '..');

/** The Electron binary if it is installed and runs here; otherwise why not. */
function electron(): { binary?: string; reason?: string } {
  const pathFile = path.join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return { reason: 'the Electron binary was never downloaded (no network for it on this machine)' };
  const binary = path.join(ROOT, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8'));
  const probe = spawnSync(binary, ['--version'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
  if (probe.status !== 0) return { reason: `the Electron binary does not run here: ${probe.stderr || probe.error}` };
  if (!fs.existsSync(path.join(ROOT, 'node_modules', '.linli-electron'))) return { reason: 'no better-sqlite3 build for Electron (run `npm start` once on a networked machine)' };
  return { binary };
}

const { binary, reason } = electron();
if (!binary) console.log(`[electron tests skipped] ${reason}`);

describe.skipIf(!binary)('the real Electron app', () => {
  it('opens a hardened window on the setup screen and answers through the preload bridge', async () => {
    const { _electron } = await import('playwright-core');
    const dir = tempDir('linli-electron-');
    const version = spawnSync(binary!, ['--version'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
    const app = await _electron.launch({
      executablePath: binary!,
      args: [path.join(ROOT, 'dist/main/electron-main.cjs'), '--db', path.join(dir, 'ledger.db')],
      env: { ...process.env, LINLI_ELECTRON_SQLITE: path.join(ROOT, 'node_modules', '.linli-electron', version, 'better_sqlite3.node') },
    });
    try {
      const page = await app.firstWindow();
      await page.getByText('欢迎使用邻里').waitFor();
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((window as unknown as { linli: object }).linli))).toEqual(['call', 'listen', 'connect']);
      const info = await page.evaluate(() => (window as unknown as { linli: { call(m: string, i: unknown): Promise<{ ok: boolean; value: { shell: string } }> } }).linli.call('app.info', {}));
      expect(info).toMatchObject({ ok: true, value: { shell: 'electron' } });
      // No Node in the page, and the CSP forbids eval.
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => {
        try {
          return eval('1 + 1');
        } catch {
          return 'blocked';
        }
      })).toBe('blocked');
      // Navigation away from the app and new windows are refused.
      await page.evaluate(() => window.open('https://example.com'));
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('runs as a desk of a host: its calls go to the host over the pinned connection', async () => {
    const { _electron } = await import('playwright-core');
    const { openTempApp, ok } = await import('../support/ledger');
    const { startHostServer } = await import('../../main/shells/host/server');
    const { makePairingCode } = await import('../../main/core/host/registry');
    const { pairWithHost, writeDeskConfig, deskFileFor } = await import('../../main/core/host/link');
    const host = openTempApp();
    await ok(host, 'auth.createAdmin', { username: 'admin', displayName: '主机管理员', password: 'electron-desk-2026' });
    const server = await startHostServer(host, host.file, 0, '127.0.0.1');
    const dir = tempDir('linli-electron-desk-');
    const db = path.join(dir, 'ledger.db');
    writeDeskConfig(deskFileFor(db), await pairWithHost(`127.0.0.1:${server.port}`, makePairingCode(host.file).code, '电子窗口'));
    const version = spawnSync(binary!, ['--version'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
    const app = await _electron.launch({
      executablePath: binary!,
      args: [path.join(ROOT, 'dist/main/electron-main.cjs'), '--db', db],
      env: { ...process.env, LINLI_ELECTRON_SQLITE: path.join(ROOT, 'node_modules', '.linli-electron', version, 'better_sqlite3.node') },
    });
    try {
      const page = await app.firstWindow();
      // The host has its administrator: the desk shows the sign-in, not a first-run setup of its own.
      await page.getByTestId('login-username').waitFor();
      expect(fs.existsSync(db)).toBe(false);
    } finally {
      await app.close();
      await server.close();
      host.close();
    }
  });
});
