import path from 'node:path';
import { spawn } from 'node:child_process';
import { openHealthyApp } from '../../core/app';
import { AppError } from '../../core/errors';
import { resolveLedgerPath } from '../../core/paths';
import { translate } from '../../../shared/i18n/resources';
import { startBrowserShell } from './server';
import { scheduleBackups } from '../../core/backups';
import { CHROMIUM_FLAGS, findBrowser } from './findBrowser';

/** Browser mode: the services on loopback, the renderer in a system browser's app window. */
export async function runBrowserShell(argv: string[]): Promise<void> {
  const ledgerPath = resolveLedgerPath(argv);
  let app;
  try {
    app = openHealthyApp(ledgerPath, 'browser');
  } catch (err) {
    if (err instanceof AppError) {
      console.error(translate('zh-CN', `errors:${err.code}`, err.params));
      process.exit(2);
    }
    throw err;
  }
  const portArg = argv.indexOf('--port');
  const shell = await startBrowserShell(app, path.join(__dirname, '..', 'renderer'), portArg >= 0 ? Number(argv[portArg + 1]) : 0);
  console.log(`Linli: ledger ${ledgerPath}`);
  // Copies in the background once someone has signed in: the window does not wait. (--no-auto-backup: for benchmarks.)
  if (!argv.includes('--no-auto-backup')) scheduleBackups(app.vault);
  console.log(`Linli: ${shell.url}`);
  const close = () => {
    void shell.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  if (argv.includes('--no-open')) return;
  const browser = findBrowser();
  if (!browser) {
    console.log('Linli: no Chromium, Chrome or Edge found; open the address above in a browser on this computer.');
    return;
  }
  const profile = path.join(path.dirname(ledgerPath), 'browser-profile');
  const child = spawn(browser, [`--app=${shell.url}`, `--user-data-dir=${profile}`, ...CHROMIUM_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])], {
    stdio: 'ignore',
  });
  const started = Date.now();
  const cannotShow = () => console.log('Linli: the browser window could not be shown; open the address above in a browser on this computer.');
  child.on('error', cannotShow);
  child.on('exit', (code) => {
    // A browser that dies at once (no display, a policy) leaves the service running for a browser opened by hand;
    // a window the user closed ends the session, like closing the Electron window.
    if (code !== 0 || Date.now() - started < 5000) cannotShow();
    else close();
  });
}
