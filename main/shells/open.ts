import { openHealthyApp, type App } from '../app';
import { AppError } from '../core/errors';
import { scheduleBackups } from '../core/backups';
import { localBackend, type Backend } from './backend';
import { deskBackend } from './desk/backend';
import { deskFileFor, pairWithHost, readDeskConfig, writeDeskConfig } from '../core/host/link';
import { startHosting } from './host';

export interface OpenedShell {
  /** Where calls go now: this PC's ledger, or (at a desk) the host. */
  backend(): Backend;
  /** One line for the console: which ledger, or which host. */
  describe(): string;
  /** Makes this PC a desk of a host; only while its own ledger holds nobody. */
  connect(address: string, code: string, name: string): Promise<Backend>;
  close(): Promise<void>;
}

/**
 * What both shells start with. A PC with `desk.json` beside its data is a desk and opens no ledger; any
 * other opens its own ledger (refusing a damaged one with a message, as before) and, when host mode
 * is on, the door for the office's desks.
 */
export async function openShellSide(ledgerPath: string, argv: string[], shell: 'browser' | 'electron', nativeBinding?: string): Promise<OpenedShell> {
  const deskFile = deskFileFor(ledgerPath);
  const desk = readDeskConfig(deskFile);
  let app: App | undefined;
  let hosting: Awaited<ReturnType<typeof startHosting>> | undefined;
  let backend: Backend;
  let label: string;
  if (desk) {
    backend = deskBackend(desk);
    label = `desk "${desk.name}" of the host at ${desk.address}`;
  } else {
    app = openHealthyApp(ledgerPath, shell, nativeBinding ? { nativeBinding } : {});
    backend = localBackend(app);
    hosting = await startHosting(app, ledgerPath, argv);
    label = `ledger ${ledgerPath}`;
    // Copies in the background once someone has signed in: the window does not wait. (--no-auto-backup: for benchmarks.)
    if (!argv.includes('--no-auto-backup')) scheduleBackups(app.vault);
  }
  return {
    backend: () => backend,
    describe: () => label,
    async connect(address, code, name) {
      const status = app && (await app.call('auth.status', {}));
      if (!app || !status?.ok || (status.value as { hasUsers: boolean }).hasUsers) throw new AppError('host.localLedgerInUse');
      const config = await pairWithHost(address, code, name);
      writeDeskConfig(deskFile, config);
      await hosting?.close();
      app.close();
      app = hosting = undefined;
      backend = deskBackend(config);
      label = `desk "${name}" of the host at ${address}`;
      return backend;
    },
    async close() {
      await hosting?.close();
      await backend.close();
    },
  };
}
