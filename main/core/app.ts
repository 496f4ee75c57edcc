import path from 'node:path';
import { getSetting, openLedger, quickCheck, setSetting, type Ledger } from './ledger';
import { AppError } from './errors';
import { backupDir, listBackups } from './backups';
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

/**
 * For the shells, before a window sees the ledger: a damaged file is not opened for writing; the user is
 * told plainly, with the newest backup to go back to.
 */
export function openHealthyApp(ledgerPath: string, shell: CallContext['shell'], options: { nativeBinding?: string } = {}): App {
  const damaged = (problem: string, dir: string) => {
    const newest = listBackups(dir)[0];
    return new AppError(newest ? 'ledger.damagedWithBackup' : 'ledger.damaged', {
      problem: problem.slice(0, 200),
      backup: newest ? path.basename(newest.file) : '',
      folder: newest ? path.dirname(newest.file) : '',
    });
  };
  let app: App;
  try {
    app = openApp(ledgerPath, shell, options);
  } catch (err) {
    // So damaged that SQLite will not even read it: the backups are in the default folder then.
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw damaged(String((err as Error).message), path.join(path.dirname(ledgerPath), 'backups'));
    throw err;
  }
  // quick_check reads the whole file (4 s at 1,000,000 residents): once a day is enough to catch a failing disk.
  const last = getSetting(app.ledger.db, 'last_quick_check');
  if (last && Date.now() - Date.parse(last) < 86_400_000) return app;
  const verdict = quickCheck(app.ledger.db);
  if (verdict === 'ok') {
    setSetting(app.ledger.db, 'last_quick_check', new Date().toISOString());
    return app;
  }
  const dir = backupDir(app.ledger.db, ledgerPath);
  app.close();
  throw damaged(verdict, dir);
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
