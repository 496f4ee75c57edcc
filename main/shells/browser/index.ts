import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { openShellSide } from '../open';
import { AppError } from '../../core/errors';
import { resolveLedgerPath } from '../../core/paths';
import { translate } from '../../../shared/i18n/resources';
import { startBrowserShell } from './server';
import { browserArgs, findBrowser } from './findBrowser';

/** Browser mode: the services on loopback, the renderer in a system browser's app window. */
export async function runBrowserShell(argv: string[]): Promise<void> {
  const ledgerPath = resolveLedgerPath(argv);
  let opened;
  try {
    opened = await openShellSide(ledgerPath, argv, 'browser');
  } catch (err) {
    if (err instanceof AppError) {
      console.error(translate('zh-CN', `errors:${err.code}`, err.params));
      process.exit(2);
    }
    throw err;
  }
  const portArg = argv.indexOf('--port');
  const shell = await startBrowserShell(opened.backend(), path.join(__dirname, '..', 'renderer'), portArg >= 0 ? Number(argv[portArg + 1]) : 0, {
    connect: async (address, code, name) => {
      const next = await opened.connect(address, code, name);
      console.log(`Linli: this PC is now the ${opened.describe()}`);
      return next;
    },
  });
  console.log(`Linli: ${opened.describe()}`);
  // The launch address is printed only when a person must open it by hand; it works once.
  if (argv.includes('--no-open')) console.log(`Linli: ${shell.launchUrl}`);
  else console.log(`Linli: ${shell.origin}`);
  const close = () => {
    void shell
      .close()
      .then(() => opened.close())
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
