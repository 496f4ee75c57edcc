import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { runBrowserShell } from './browser';

/** The Electron binary, downloading it once if npm's install step was skipped; undefined if it cannot be had. */
function electronBinary(): { binary?: string; reason?: string } {
  const pkg = path.join(process.cwd(), 'node_modules', 'electron');
  if (!fs.existsSync(pkg)) return { reason: 'the electron package is not installed' };
  if (!fs.existsSync(path.join(pkg, 'path.txt'))) {
    const r = spawnSync(process.execPath, [path.join(pkg, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
    if (r.status !== 0) return { reason: 'its binary could not be downloaded (offline?)' };
  }
  const binary = path.join(pkg, 'dist', fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8'));
  if (!fs.existsSync(binary)) return { reason: 'its binary is missing' };
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (probe.status !== 0) return { reason: 'its binary does not run here' };
  return { binary };
}

/**
 * better-sqlite3-multiple-ciphers is built for Node's ABI (tests, CLI, browser shell). Electron needs its own build,
 * kept beside it so that running Electron never overwrites the one the tests use.
 */
function electronSqlite(binary: string): string | undefined {
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }).stdout.trim().replace(/^v/, '');
  const dir = path.join(process.cwd(), 'node_modules', '.linli-electron', version);
  const file = path.join(dir, 'better_sqlite3.node');
  if (fs.existsSync(file)) return file;
  const work = path.join(dir, 'work');
  fs.mkdirSync(work, { recursive: true });
  fs.cpSync(path.join(process.cwd(), 'node_modules', 'better-sqlite3-multiple-ciphers'), work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  const r = spawnSync('npx', ['--no-install', 'prebuild-install', '--runtime', 'electron', '--target', version], { cwd: work, stdio: 'ignore', shell: process.platform === 'win32' });
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (r.status !== 0 || !fs.existsSync(built)) return undefined;
  fs.copyFileSync(built, file);
  return file;
}

function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--browser')) return void runBrowserShell(argv);
  const { binary, reason } = electronBinary();
  const sqlite = binary && electronSqlite(binary);
  if (!binary || !sqlite) {
    console.log(`Linli: Electron cannot run here (${reason ?? 'no better-sqlite3 build for Electron could be fetched'}); starting the browser shell instead.`);
    return void runBrowserShell(argv);
  }
  const child = spawn(binary, [path.join(__dirname, 'electron-main.cjs'), ...argv], { stdio: 'inherit', env: { ...process.env, LINLI_ELECTRON_SQLITE: sqlite } });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main();
