import { openLedger, type Ledger } from './ledger';
import { createDispatcher, LOCAL_OPERATOR, type CallContext, type Dispatch } from './dispatch';
import { handlers } from '../modules';

export interface App {
  ledger: Ledger;
  dispatch: Dispatch;
  /** Calls a method as the local operator: what the shells do until accounts arrive. */
  call: (method: string, input: unknown) => ReturnType<Dispatch>;
  close(): void;
}

/** The same services for every shell: Electron, the browser shell, the CLI, tests and benchmarks. */
export function openApp(ledgerPath: string, shell: CallContext['shell'], options: { nativeBinding?: string } = {}): App {
  const ledger = openLedger(ledgerPath, options);
  const dispatch = createDispatcher({ db: ledger.db, ledgerPath: ledger.path, shell, handlers });
  return {
    ledger,
    dispatch,
    call: (method, input) => dispatch(LOCAL_OPERATOR, method, input),
    close: () => ledger.close(),
  };
}
