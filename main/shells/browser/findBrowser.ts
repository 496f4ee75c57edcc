import fs from 'node:fs';
import path from 'node:path';

/** A system Chromium, Chrome or Edge, in the usual places; CHROME_PATH first. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/opt/google/chrome/chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ...['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].flatMap((v) =>
      env[v] ? [path.join(env[v]!, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), path.join(env[v]!, 'Google', 'Chrome', 'Application', 'chrome.exe')] : [],
    ),
  ];
  return candidates.find((c): c is string => !!c && fs.existsSync(c));
}

// No translation bar over the app: it has its own languages, and the offer to translate confuses.
export const CHROMIUM_FLAGS = ['--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=Translate'];

/**
 * The app window: a private (incognito) window of its own profile, so that nothing typed or visited —
 * ID numbers, names, search terms — is kept by the browser on disk (no history, no autofill, no cache).
 * The address is a local page that holds the one-time launch code, never the code itself.
 */
export function browserArgs(launchPage: string, profile: string, isRoot = process.getuid?.() === 0): string[] {
  return [`--app=${launchPage}`, `--user-data-dir=${profile}`, '--incognito', ...CHROMIUM_FLAGS, ...(isRoot ? ['--no-sandbox'] : [])];
}
