import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { openHealthyApp, type App } from '../../core/app';
import { localBackend, type Backend } from '../backend';
import { deskBackend } from '../desk/backend';
import { deskFileFor, pairWithHost, readDeskConfig, writeDeskConfig } from '../desk/link';
import { startHosting } from '../host';
import { AppError } from '../../core/errors';
import { resolveLedgerPath } from '../../core/paths';
import { translate } from '../../../shared/i18n/resources';
import { startBrowserShell } from './server';
import { scheduleBackups } from '../../core/backups';
import { browserArgs, findBrowser } from './findBrowser';

/** Browser mode: the services on loopback, the renderer in a system browser's app window. */
export async function runBrowserShell(argv: string[]): Promise<void> {
  const ledgerPath = resolveLedgerPath(argv);
  const deskFile = deskFileFor(ledgerPath);
  const desk = readDeskConfig(deskFile);
  let app: App | undefined;
  let hosting: Awaited<ReturnType<typeof startHosting>> | undefined;
  let backend: Backend;
  if (desk) {
    // A desk: no ledger here at all; every call goes to the host it was paired with.
    backend = deskBackend(desk);
  } else {
    try {
      app = openHealthyApp(ledgerPath, 'browser');
    } catch (err) {
      if (err instanceof AppError) {
        console.error(translate('zh-CN', `errors:${err.code}`, err.params));
        process.exit(2);
      }
      throw err;
    }
    backend = localBackend(app);
    hosting = await startHosting(app, ledgerPath, argv);
  }
  // A new PC can become a desk from its first screen: only while its own ledger holds nobody.
  const connect = async (address: string, code: string, name: string): Promise<Backend> => {
    if (!app || ((await app.call('auth.status', {})) as { ok: boolean; value?: { hasUsers: boolean } }).value?.hasUsers) throw new AppError('host.localLedgerInUse');
    const config = await pairWithHost(address, code, name);
    writeDeskConfig(deskFile, config);
    await hosting?.close();
    app.close();
    app = hosting = undefined;
    console.log(`Linli: this PC is now the desk "${name}" of the host at ${address}`);
    return deskBackend(config);
  };
  const portArg = argv.indexOf('--port');
  const shell = await startBrowserShell(backend, path.join(__dirname, '..', 'renderer'), portArg >= 0 ? Number(argv[portArg + 1]) : 0, { connect });
  console.log(desk ? `Linli: desk "${desk.name}" of the host at ${desk.address}` : `Linli: ledger ${ledgerPath}`);
  // Copies in the background once someone has signed in: the window does not wait. (--no-auto-backup: for benchmarks.)
  if (app && !argv.includes('--no-auto-backup')) scheduleBackups(app.vault);
  // The launch address is printed only when a person must open it by hand; it works once.
  if (argv.includes('--no-open')) console.log(`Linli: ${shell.launchUrl}`);
  else console.log(`Linli: ${shell.origin}`);
  const close = () => {
    void shell
      .close()
      .then(() => hosting?.close())
      .then(() => shell.backend().close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  if (argv.includes('--no-open')) return;
  const browser = findBrowser();
  if (!browser) {
    console.log(`Linli: no Chromium, Chrome or Edge found; open ${shell.launchUrl} in a browser on this computer (it works once).`);
    return;
  }
  const profile = path.join(path.dirname(ledgerPath), 'browser-profile');
  const launchPage = writeLaunchPage(profile, shell.launchUrl);
  let claimed = false;
  void shell.claimed.then(() => {
    claimed = true;
    fs.rmSync(launchPage, { force: true });
  });
  const child = spawn(browser, browserArgs(pathToFileURL(launchPage).href, profile), { stdio: 'ignore' });
  const started = Date.now();
  // While no window has taken the launch code, the address with it still opens Linli (once).
  const cannotShow = () =>
    console.log(claimed ? 'Linli: the browser window closed at once; start Linli again.' : `Linli: the browser window could not be shown; open ${shell.launchUrl} in a browser on this computer (it works once).`);
  child.on('error', cannotShow);
  child.on('exit', (code) => {
    // A browser that dies at once (no display, a policy) leaves the service running for a browser opened by hand;
    // a window the user closed ends the session, like closing the Electron window.
    if (code !== 0 || Date.now() - started < 5000) cannotShow();
    else close();
  });
}

/**
 * The launch code reaches the window through a page only this user can read, not through the command
 * line (which `ps` shows to every local user); the page goes once the code is used.
 */
function writeLaunchPage(profile: string, launchUrl: string): string {
  fs.mkdirSync(profile, { recursive: true, mode: 0o700 });
  const file = path.join(profile, 'linli-open.html');
  fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><script>location.replace(${JSON.stringify(launchUrl)})</script>`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}
