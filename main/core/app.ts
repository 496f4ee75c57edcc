import { openLedger, type Ledger } from './ledger';
import { createDispatcher, type CallContext, type Dispatch } from './dispatch';
import { systemSession } from './session';
import { handlers } from '../modules';

export interface App {
  ledger: Ledger;
  dispatch: Dispatch;
  /** Calls a method with every permission: for trusted code in this process (tests, benchmarks), never a transport. */
  call: (method: string, input: unknown) => ReturnType<Dispatch>;
  close(): void;
}

/** The same services for every shell: Electron, the browser shell, the CLI, tests and benchmarks. */
export function openApp(ledgerPath: string, shell: CallContext['shell'], options: { nativeBinding?: string } = {}): App {
  const ledger = openLedger(ledgerPath, options);
  const dispatch = createDispatcher({ db: ledger.db, ledgerPath: ledger.path, shell, handlers });
  const system = systemSession();
  return {
    ledger,
    dispatch,
    call: (method, input) => dispatch(system, method, input),
    close: () => ledger.close(),
  };
}
