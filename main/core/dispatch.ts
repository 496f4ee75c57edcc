import { z } from 'zod';
import { contract, isMethodName, type CallFailure, type CallResult, type InputIssue, type MethodName, type Output, type ParsedInput } from '../../shared/contract';
import { issueMessage } from '../../shared/contract/define';
import { DEFAULT_IDLE_MINUTES } from '../../shared/rules/roles';
import { AppError } from './errors';
import { textProblem } from '../../shared/rules/text';
import { getSetting, noteWrite, type Db } from './ledger';
import { appendAudit, type AuditEntry } from './audit';
import type { Session } from './session';
import type { Vault } from './vault';
import type { Office } from './office';

export type { Session } from './session';

export interface CallContext {
  /** The open ledger's connection (reading it while the ledger is sealed says "sign in first"). */
  readonly db: Db;
  vault: Vault;
  ledgerPath: string;
  shell: 'electron' | 'browser' | 'cli';
  session: Session;
  /** Who is acting, by the name records and papers keep (经办人, 登记人): the display name, else the account. */
  readonly actor: string;
  /** Handlers of writes tell the audit entry which record they touched. */
  record(ref: string): void;
  /** Reads that must leave a trace (a reveal, an export, a print, a login) write their own entry at once. */
  audit(action: string, record?: string, detail?: string): void;
  /** A job's batch: one transaction, all or nothing; what it returns is committed when this returns. */
  batch<T>(work: () => T): T;
  /** Tells every window, here and at the desks, what happened to the ledger (office.ts). */
  office: Office;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>>;
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };
export type Handlers = HandlerMap<MethodName>;

/** zod issues → message keys (shared with the forms, so both say the same). */
export function toInputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => {
    const { key, params } = issueMessage(issue);
    return { path: issue.path.join('.'), messageKey: key, ...(params ? { params } : {}) };
  });
}

/**
 * SQLite's storage failures in words the user can act on. The transaction has been rolled back by then,
 * so nothing of the write is kept and the screen must not say it was saved.
 */
function storageFailure(err: unknown): CallFailure | undefined {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code === 'SQLITE_FULL') return fail('ledger.full', 'ledger.full');
  if (code.startsWith('SQLITE_IOERR')) return fail('ledger.ioError', 'ledger.ioError');
  if (code.startsWith('SQLITE_READONLY')) return fail('ledger.readOnly', 'ledger.readOnly');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return fail('ledger.busy', 'ledger.busy');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return fail('ledger.corruptWrite', 'ledger.corruptWrite');
  return undefined;
}

/**
 * Text no person types (shared/rules/text.ts), refused in every string of every call before anything
 * else looks at it; the forms' own schemas say the same on the screen as it is typed.
 */
function unsafeText(value: unknown, at: string[] = [], depth = 0): InputIssue | undefined {
  if (typeof value === 'string') {
    const messageKey = textProblem(value);
    return messageKey ? { path: at.join('.'), messageKey } : undefined;
  }
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const issue = unsafeText(v, [...at, k], depth + 1);
    if (issue) return issue;
  }
  return undefined;
}

const CHECK_OUTPUT = process.env.LINLI_CHECK_OUTPUT === '1';

const fail = (code: string, messageKey: string, params?: Record<string, string | number>): CallFailure => ({
  ok: false,
  code,
  messageKey,
  ...(params ? { params } : {}),
});

/**
 * The only door into the ledger: authorise → parse → run (a write inside one transaction) → audit.
 * Every transport (Electron IPC, the browser shell's HTTP, the CLI) calls this and nothing else.
 */
export function createDispatcher(base: { vault: Vault; shell: CallContext['shell']; handlers: Handlers; office: Office }) {
  const { vault, handlers } = base;
  return async function dispatch(session: Session, name: string, raw: unknown): Promise<CallResult<unknown>> {
    if (typeof name !== 'string' || !isMethodName(name)) return fail('unknownMethod', 'call.unknownMethod', { method: String(name).slice(0, 60) });
    const spec = contract[name];
    const who = (): Pick<AuditEntry, 'actor' | 'userId' | 'desk'> => ({ actor: session.user?.username ?? '', userId: session.user?.id ?? null, desk: session.desk });
    if (spec.permission !== 'public') {
      if (!session.user || !vault.isOpen) return fail('authRequired', 'auth.required');
      const db = vault.ledger.db;
      const idle = Number(getSetting(db, 'idle_minutes') ?? DEFAULT_IDLE_MINUTES);
      if (!session.locked && Date.now() - session.lastSeen > idle * 60_000) {
        session.locked = true;
        appendAudit(db, { ...who(), action: 'lock', method: 'idle' });
      }
      if (session.locked && spec.permission !== 'signedIn') return fail('locked', 'auth.locked');
      // A temporary password set by the administrator opens nothing until it is replaced.
      if (session.user.mustChangePassword && spec.permission !== 'signedIn') return fail('mustChangePassword', 'auth.mustChangePassword');
      if (spec.permission !== 'signedIn' && !session.permissions.has(spec.permission)) {
        appendAudit(db, { ...who(), action: 'refused', method: name, detail: spec.permission });
        return fail('forbidden', 'call.forbidden', { permission: spec.permission });
      }
      session.lastSeen = Date.now();
    }
    // Input is looked at only for callers allowed to make the call at all.
    const unsafe = unsafeText(raw ?? {});
    if (unsafe) return { ...fail('invalidInput', 'call.invalidInput'), issues: [unsafe] };
    const parsed = spec.input.safeParse(raw ?? {});
    if (!parsed.success) return { ...fail('invalidInput', 'call.invalidInput'), issues: toInputIssues(parsed.error) };
    let recordRef = '';
    const ctx: CallContext = {
      get db() {
        return vault.ledger.db;
      },
      vault,
      office: base.office,
      ledgerPath: vault.ledgerPath,
      shell: base.shell,
      session,
      actor: session.user?.displayName || session.user?.username || '',
      record: (ref) => (recordRef = ref),
      audit: (action, record, detail) => appendAudit(ctx.db, { ...who(), action, method: name, record, detail }),
      // IMMEDIATE: the write lock is taken (or waited for) at BEGIN. A deferred transaction that reads
      // first and then writes fails at once with SQLITE_BUSY when another process wrote in between.
      batch: (work) => {
        const out = ctx.db.transaction(work).immediate();
        noteWrite(ctx.db);
        return out;
      },
    };
    const handler = handlers[name] as Handler<MethodName>;
    // Tests only (LINLI_CHECK_OUTPUT=1): a result that breaks the method's own contract fails the call loudly.
    const checked = <T>(value: T): T => {
      if (!CHECK_OUTPUT) return value;
      const r = spec.output.safeParse(value);
      if (!r.success) throw new Error(`the result of ${name} breaks its contract: ${JSON.stringify(r.error.issues.slice(0, 3))}`);
      return value;
    };
    try {
      if (spec.kind === 'write') {
        const db = ctx.db;
        const value = db
          .transaction(() => {
            const out = handler(parsed.data as never, ctx);
            if (out instanceof Promise) throw new Error(`write handler ${name} must be synchronous`);
            appendAudit(db, { ...who(), action: 'write', method: name, record: recordRef });
            return out;
          })
          .immediate();
        noteWrite(db);
        base.office.committed(name);
        return { ok: true, value: checked(value) };
      }
      if (spec.kind === 'job') {
        try {
          return { ok: true, value: checked(await handler(parsed.data as never, ctx)) };
        } finally {
          // Whatever of the job committed is on record, even when it stopped on an error.
          if (recordRef) appendAudit(ctx.db, { ...who(), action: 'write', method: name, record: recordRef });
          base.office.committed(name);
        }
      }
      return { ok: true, value: checked(await handler(parsed.data as never, ctx)) };
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.code, err.params);
      const storage = storageFailure(err);
      if (storage) {
        console.error(`[linli] ${name} failed and was rolled back:`, err);
        return storage;
      }
      if (err instanceof z.ZodError) return { ...fail('invalidInput', 'call.invalidInput'), issues: toInputIssues(err) };
      console.error(`[linli] ${name} failed:`, err);
      return fail('internal', 'call.internal');
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
