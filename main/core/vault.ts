import { AppError } from './errors';
import { fileKind, getSetting, openLedger, quickCheck, setSetting, type Ledger } from './ledger';
import { keysPathFor, readKeys, writeKeys, type KeyFile } from './keys';
import { backupDir, listBackups } from './backups';
import path from 'node:path';

export interface VaultOptions {
  nativeBinding?: string;
  /** The shells: quick_check once a day when the ledger is opened; a damaged file is not served. */
  healthCheck?: boolean;
}

/**
 * The ledger file, its key slots and whether it is open. An encrypted ledger stays sealed until someone
 * signs in (their password unwraps the key); a new one until the first administrator is created. Only
 * the sign-in calls work while it is sealed; everything else is told to sign in first.
 */
export class Vault {
  private current: Ledger | null = null;
  private ledgerKey: Buffer | null = null;
  private readonly openHooks: ((ledger: Ledger) => void)[] = [];
  private openedOnce = false;
  readonly keysPath: string;

  constructor(
    readonly ledgerPath: string,
    private readonly options: VaultOptions = {},
  ) {
    this.keysPath = keysPathFor(ledgerPath);
  }

  get isOpen(): boolean {
    return this.current !== null;
  }
  get ledger(): Ledger {
    if (!this.current) throw new AppError('auth.required');
    return this.current;
  }
  /** The key of the open ledger; null for a ledger from before encryption. */
  get key(): Buffer | null {
    return this.ledgerKey;
  }
  get onDisk(): 'new' | 'plain' | 'encrypted' {
    return fileKind(this.ledgerPath);
  }
  keys(): KeyFile | null {
    return readKeys(this.keysPath);
  }
  saveKeys(keys: KeyFile): void {
    writeKeys(this.keysPath, keys);
  }

  /** Runs when the ledger is first opened (now, if it is): the shells start their backups here. */
  onFirstOpen(hook: (ledger: Ledger) => void): void {
    if (this.openedOnce && this.current) hook(this.current);
    else this.openHooks.push(hook);
  }

  /** `keyProven`: the key came out of a slot (its GCM tag held), so a file it cannot read is a damaged file. */
  open(key: Buffer | null, keyProven = true): Ledger {
    if (this.current) return this.current;
    let ledger: Ledger;
    try {
      ledger = openLedger(this.ledgerPath, { key, nativeBinding: this.options.nativeBinding });
    } catch (err) {
      // So damaged that SQLite will not even read it (the key itself was proven by its slot).
      const code = (err as { code?: string }).code;
      if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (err instanceof AppError && err.code === 'ledger.wrongKey' && keyProven))
        throw this.damaged(String((err as Error).message), path.join(path.dirname(this.ledgerPath), 'backups'));
      throw err;
    }
    if (this.options.healthCheck) this.checkHealth(ledger);
    this.current = ledger;
    this.ledgerKey = key;
    if (!this.openedOnce) {
      this.openedOnce = true;
      for (const hook of this.openHooks.splice(0)) hook(ledger);
    }
    return ledger;
  }

  /** After encrypting a ledger from before encryption in place: the same connection, now under a key. */
  keyed(key: Buffer): void {
    this.ledgerKey = key;
  }

  /** Closes the file (to put a backup in its place, or at exit); it opens again with the same key. */
  close(): void {
    this.current?.close();
    this.current = null;
  }

  private checkHealth(ledger: Ledger): void {
    // quick_check reads the whole file (4 s at 1,000,000 residents): once a day is enough to catch a failing disk.
    const last = getSetting(ledger.db, 'last_quick_check');
    if (last && Date.now() - Date.parse(last) < 86_400_000) return;
    const verdict = quickCheck(ledger.db);
    if (verdict === 'ok') return setSetting(ledger.db, 'last_quick_check', new Date().toISOString());
    const dir = backupDir(ledger.db, this.ledgerPath);
    ledger.close();
    throw this.damaged(verdict, dir);
  }

  private damaged(problem: string, dir: string): AppError {
    const newest = listBackups(dir)[0];
    return new AppError(newest ? 'ledger.damagedWithBackup' : 'ledger.damaged', {
      problem: problem.slice(0, 200),
      backup: newest ? path.basename(newest.file) : '',
      folder: newest ? path.dirname(newest.file) : '',
    });
  }
}
