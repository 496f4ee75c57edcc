import { createApp, type App } from './core/app';
import type { CallContext } from './core/dispatch';
import type { VaultOptions } from './core/vault';
import { handlers } from './modules';

export type { App };

/** The app with every module: what the shells, the CLI, tests and benchmarks open. */
export function openApp(ledgerPath: string, shell: CallContext['shell'], options: VaultOptions & { key?: Buffer } = {}): App {
  return createApp(handlers, ledgerPath, shell, options);
}

/** For the shells: a damaged file is not opened for writing; the user is told plainly, with the newest backup. */
export function openHealthyApp(ledgerPath: string, shell: CallContext['shell'], options: { nativeBinding?: string } = {}): App {
  return openApp(ledgerPath, shell, { ...options, healthCheck: true });
}
