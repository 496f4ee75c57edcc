import { Vault, type VaultOptions } from './vault';
import { createDispatcher, type CallContext, type Dispatch, type Handlers } from './dispatch';
import { systemSession } from './session';
import type { Ledger } from './ledger';
import { Office } from './office';

export interface App {
  vault: Vault;
  /** The open ledger; throws "sign in first" while an encrypted ledger is still sealed. */
  readonly ledger: Ledger;
  dispatch: Dispatch;
  /** What changed in the ledger, for the shells to tell their windows and desks. */
  office: Office;
  /** Calls a method with every permission: for trusted code in this process (tests, benchmarks), never a transport. */
  call: (method: string, input: unknown) => ReturnType<Dispatch>;
  close(): void;
}

/**
 * The same services for every shell: Electron, the browser shell, the CLI, tests and benchmarks, around
 * the handlers the modules give (main/app.ts puts the two together; the core knows no module).
 * With `key` the ledger is opened (or created) encrypted at once: tests and benchmarks. Without, an
 * encrypted ledger waits for a sign-in to unwrap its key, and a ledger from before encryption is opened
 * as it is, to be encrypted when the administrator signs in.
 */
export function createApp(handlers: Handlers, ledgerPath: string, shell: CallContext['shell'], options: VaultOptions & { key?: Buffer } = {}): App {
  const vault = new Vault(ledgerPath, options);
  if (options.key) vault.open(options.key, true, vault.onDisk === 'new');
  else if (vault.onDisk === 'plain') vault.open(null);
  const office = new Office();
  const dispatch = createDispatcher({ vault, shell, handlers, office });
  const system = systemSession();
  return {
    vault,
    get ledger() {
      return vault.ledger;
    },
    dispatch,
    office,
    call: (method, input) => dispatch(system, method, input),
    close: () => vault.close(),
  };
}
