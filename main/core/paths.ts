import os from 'node:os';
import path from 'node:path';

/** The per-user app-data folder, the same one Electron's app.getPath('userData') gives for "Linli". */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Linli');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Linli');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Linli');
}

/** `--db FILE` wins over LINLI_DB, which wins over the app-data folder. */
export function resolveLedgerPath(argv: string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--db');
  if (i >= 0 && argv[i + 1]) return path.resolve(argv[i + 1]!);
  const inline = argv.find((a) => a.startsWith('--db='));
  if (inline) return path.resolve(inline.slice(5));
  if (env.LINLI_DB) return path.resolve(env.LINLI_DB);
  return path.join(defaultDataDir(env), 'linli.db');
}
