import { runBrowserShell } from './index';

// Entry point of `node dist/main/browser.cjs` (tests and scripts start the browser shell directly).
void runBrowserShell(process.argv.slice(2));
