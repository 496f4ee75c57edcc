import { AppError } from './errors';
import { connect, fileKind, getSetting, openLedger, quickCheck, setSetting, type Ledger } from './ledger';
import { keysPathFor, readKeys, type KeyFile } from './keys';
import { backupDir, listBackups } from './backups';
import fs from 'node:fs';
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
  /**
   * What is on disk. A missing or empty ledger is 'new' only when nothing of an earlier one is left: a key
   * file, a WAL or backups beside it mean the ledger was lost or emptied ('gone'), and making a new one
   * there would replace its keys — the old password and every backup would be refused as another ledger's.
   */
  get onDisk(): 'new' | 'plain' | 'encrypted' | 'gone' {
    const kind = fileKind(this.ledgerPath);
    if (kind !== 'new') return kind;
    const backups = path.join(path.dirname(this.ledgerPath), 'backups');
    const traces = [this.keysPath, `${this.ledgerPath}-wal`].some((f) => fs.existsSync(f)) || (fs.existsSync(backups) && fs.readdirSync(backups).some((f) => f.endsWith('.db')));
    return traces ? 'gone' : 'new';
  }
  /** The refusal for a ledger that is gone: restore it from a backup, never start again over its keys. */
  goneError(): AppError {
    const newest = listBackups(path.join(path.dirname(this.ledgerPath), 'backups'))[0];
    return new AppError(newest ? 'ledger.goneWithBackup' : 'ledger.gone', { file: path.basename(this.ledgerPath), backup: newest ? path.basename(newest.file) : '', folder: newest ? path.dirname(newest.file) : '' });
  }
  keys(): KeyFile | null {
    return readKeys(this.keysPath);
  }

  /** Runs when the ledger is first opened (now, if it is): the shells start their backups here. */
  onFirstOpen(hook: (ledger: Ledger) => void): void {
    if (this.openedOnce && this.current) hook(this.current);
    else this.openHooks.push(hook);
  }

  /** `keyProven`: the key came out of a slot (its GCM tag held), so a file it cannot read is a damaged file. */
  open(key: Buffer | null, keyProven = true, creating = false): Ledger {
    if (this.current) return this.current;
    const kind = this.onDisk;
    if (!creating && kind !== 'plain' && kind !== 'encrypted') throw this.goneError();
    let ledger: Ledger;
    try {
      ledger = openLedger(this.ledgerPath, { key, nativeBinding: this.options.nativeBinding });
    } catch (err) {
      // So damaged that SQLite will not even read it (the key itself was proven by its slot) — or the
      // key file beside it belongs to another ledger: the backups tell which.
      const code = (err as { code?: string }).code;
      const backups = path.join(path.dirname(this.ledgerPath), 'backups');
      if (err instanceof AppError && err.code === 'ledger.wrongKey' && keyProven && key && this.otherLedgersKeys(key, backups)) throw new AppError('ledger.keysOfAnother', { file: path.basename(this.keysPath) });
      if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (err instanceof AppError && err.code === 'ledger.wrongKey' && keyProven)) throw this.damaged(String((err as Error).message), backups);
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

  /** The key opened none of the backups either (and there are some): the key file is another ledger's. */
  private otherLedgersKeys(key: Buffer, dir: string): boolean {
    const backups = listBackups(dir);
    if (!backups.length) return false;
    return !backups.slice(0, 3).some((b) => {
      try {
        connect(b.file, { key, readonly: true }).close();
        return true;
      } catch {
        return false;
      }
    });
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
