import fs from 'node:fs';
import { openApp, type App } from '../app';
import { AppError } from '../core/errors';
import { resolveLedgerPath } from '../core/paths';
import { seedCommunity } from '../modules/residents/seed';
import { seedLists } from '../modules/lists/seed';
import { newSession } from '../core/session';
import { appendAudit } from '../core/audit';
import { backupDir, checkBackupFile, listBackups, restoreFrom } from '../core/backups';
import { LATEST_VERSION } from '../core/ledger/migrations';
import { connect } from '../core/ledger';
import { keyForCheck } from '../modules/accounts/credentials';
import path from 'node:path';
import { translate, isLanguage, DEFAULT_LANGUAGE } from '../../shared/i18n/resources';
import type { CallResult, Permission } from '../../shared/contract';
import type { HostStatus } from '../../shared/contract/hosting';
import { PAIRING_MINUTES } from '../core/host/registry';
import { deskFileFor, pairWithHost, writeDeskConfig } from '../core/host/link';

const USAGE = `usage: npm run ledger -- <command> [--db FILE] [--json] [--user NAME]
  The password comes from LINLI_PASSWORD, or is asked for in a terminal.
  init --admin NAME                 create the ledger (encrypted) and its administrator; prints the recovery code
  recover --user NAME               set a new password with the recovery code (LINLI_RECOVERY_CODE or asked)
  setup --street S --community C --grids "第一网格=1号楼,2号楼;第二网格=3号楼"
                                    first-run setup without the screen
  seed --residents N [--needs N --resources N]
                                    add a deterministic synthetic community of N residents,
                                    and open needs and resources on its two lists
  import residents FILE [--dry-run] [--grid NAME]  check, then import a workbook (.xlsx .xls .et .ods .csv);
                                    --grid: add buildings the ledger lacks to that grid
  export residents --out FILE       the resident list as .xlsx (IDs and phones masked)
  backup --out FILE                 a consistent copy of the ledger
  backups                           the automatic backups, newest first
  restore --from FILE               put a backup in the ledger's place (the current one is kept aside)
  restore --undo                    go back to the ledger as it was before the last restore
  check                             integrity check
  audit verify                      check the activity log's hash chain (exit 1 if broken)
  host status                       host mode, its port and certificate, and the desks
  host on [--port N] | host off     let the desks of the office network in (TLS), or not
  host code                         a one-time pairing code for one desk (valid ${PAIRING_MINUTES} minutes)
  desks                             the paired desks: last seen, who is signed in there
  desks revoke NAME                 cut a desk off: it cannot reach even the sign-in
  desk connect HOST[:PORT] --code CODE --name NAME
                                    make this PC a desk of that host (no ledger of its own then)`;

const lang = isLanguage(process.env.LINLI_LANG) ? process.env.LINLI_LANG : DEFAULT_LANGUAGE;

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

class CliFailure extends Error {}

/** With LINLI_STATS=1 the benchmark learns the phases' times and the peak memory from stderr. */
const phases: Record<string, number> = {};

/** A failed call as one line in the user's language. */
function unwrap<T>(r: CallResult<unknown>): T {
  if (r.ok) return r.value as T;
  const issues = (r.issues ?? []).map((i) => `${i.path}: ${translate(lang, `errors:${i.messageKey}`, i.params)}`).join('; ');
  throw new CliFailure(translate(lang, `errors:${r.messageKey}`, r.params) + (issues ? ` ${issues}` : ''));
}

const VALUE_OPTIONS = ['--db', '--residents', '--out', '--street', '--community', '--grids', '--user', '--admin', '--port', '--code', '--name'];

async function password(question = 'password: '): Promise<string> {
  return process.env.LINLI_PASSWORD ?? prompt(question, true);
}

async function prompt(question: string, secret: boolean): Promise<string> {
  if (!process.stdin.isTTY) throw new CliFailure(`run the command in a terminal to be asked, or set ${secret ? 'LINLI_PASSWORD' : 'LINLI_RECOVERY_CODE'}`);
  const readline = await import('node:readline/promises');
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Echo off while a password is typed.
  if (secret) (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => (s === question ? process.stderr.write(s) : undefined);
  const answer = await rl.question(question);
  rl.close();
  if (secret) process.stderr.write('\n');
  return answer;
}

async function run(argv: string[], app: App, json: boolean): Promise<unknown> {
  const [command, sub, file] = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && VALUE_OPTIONS.includes(argv[i - 1]!)));
  const out = (human: string, data: unknown) => (json ? data : human);
  // The command line signs in like a window does, and is held to that user's permissions.
  const session = newSession();
  const call = (method: string, input: unknown) => app.dispatch(session, method, input);
  if (command === 'init') {
    const admin = option(argv, '--admin');
    if (!admin) throw new CliFailure('init needs --admin NAME: the ledger is created, encrypted, with its administrator');
    const me = unwrap<{ recoveryCode?: string }>(await call('auth.createAdmin', { username: admin, displayName: admin, password: await password() }));
    const code = me.recoveryCode ?? '';
    return out(
      `ledger ready: ${app.vault.ledgerPath}, administrator ${admin}\n\nRecovery code (print it and keep it in the safe; it opens the ledger when every password is lost):\n\n  ${code}\n`,
      { path: app.vault.ledgerPath, admin, recoveryCode: code },
    );
  }
  const user = option(argv, '--user');
  if (command === 'desk') {
    if (sub !== 'connect' || !file) throw new CliFailure(USAGE);
    const name = option(argv, '--name');
    const code = option(argv, '--code');
    if (!name || !code) throw new CliFailure('desk connect needs --code (made on the host) and --name (what the host calls this PC)');
    if (app.vault.onDisk !== 'new') throw new AppError('host.localLedgerInUse');
    const config = await pairWithHost(file, code, name);
    writeDeskConfig(deskFileFor(app.vault.ledgerPath), config);
    return out(`this PC is now the desk "${name}" of the host at ${file} (certificate ${config.fingerprint})`, { name, address: file, fingerprint: config.fingerprint });
  }
  if (command === 'recover') {
    if (!user) throw new CliFailure('recover needs --user NAME: whose password to set');
    const code = process.env.LINLI_RECOVERY_CODE ?? (await prompt('recovery code: ', false));
    unwrap(await call('auth.recover', { username: user, recoveryCode: code, password: await password('new password: ') }));
    return out(`${user} can sign in with the new password`, { user });
  }
  if (app.vault.onDisk === 'gone') throw app.vault.goneError();
  if (app.vault.onDisk === 'new') throw new CliFailure('there is no ledger here yet: run `npm run ledger -- init --admin NAME` first');
  if (!user) throw new CliFailure('say who you are: --user NAME (the password from LINLI_PASSWORD or the terminal)');
  if (command === 'check') return out(...checkReadOnly(app, app.vault.onDisk === 'encrypted' ? await keyForCheck(app.vault, user, await password()) : null));
  const signedIn = unwrap<{ recoveryCode?: string }>(await call('auth.login', { username: user, password: await password() }));
  if (signedIn.recoveryCode) process.stderr.write(`The ledger is now encrypted. Recovery code (print it and keep it in the safe):\n\n  ${signedIn.recoveryCode}\n\n`);
  const need = (p: Permission) => {
    if (!session.permissions.has(p)) throw new CliFailure(translate(lang, 'errors:call.forbidden'));
  };
  switch (command) {
    case 'setup': {
      const grids = (option(argv, '--grids') ?? '')
        .split(';')
        .filter(Boolean)
        .map((g) => {
          const [name = '', buildings = ''] = g.split('=');
          return { name: name.trim(), buildings: buildings.split(',').map((b) => b.trim()).filter(Boolean) };
        });
      const r = unwrap<{ grids: number }>(
        await call('community.setup', { streetName: option(argv, '--street') ?? '', communityName: option(argv, '--community') ?? '', grids }),
      );
      return out(`community set up with ${r.grids} grids`, r);
    }
    case 'seed': {
      const n = Number(option(argv, '--residents'));
      if (!Number.isInteger(n) || n < 1) throw new CliFailure('seed needs --residents N (a whole number)');
      need('residents.import');
      const r = seedCommunity(app.ledger.db, n);
      const needs = Number(option(argv, '--needs') ?? 0);
      const resources = Number(option(argv, '--resources') ?? 0);
      if (!Number.isInteger(needs) || !Number.isInteger(resources) || needs < 0 || resources < 0) throw new CliFailure('--needs and --resources take whole numbers');
      if (needs || resources) seedLists(app.ledger.db, needs, resources);
      appendAudit(app.ledger.db, { actor: session.user!.username, userId: session.user!.id, action: 'import', method: 'cli.seed', detail: `${r.residents} synthetic residents, ${needs} needs, ${resources} resources` });
      return out(`seeded ${r.residents} residents in ${r.households} households, ${r.buildings} buildings, ${r.grids} grids; ${needs} needs, ${resources} resources`, { ...r, needs, resources });
    }
    case 'import': {
      if (sub !== 'residents' || !file) throw new CliFailure(USAGE);
      const started = performance.now();
      type Report = { token: string; rows: number; valid: number; invalid: number; waiting: number; newBuildings: { name: string; grid: string; rows: number }[]; errors: { sheet: string; row: number; column: string; code: string; message: string }[] };
      let report = unwrap<Report>(await call('residents.importCheck', { fileName: file, base64: fs.readFileSync(file).toString('base64'), lang }));
      // --grid NAME: buildings the ledger does not have yet are added to that grid, as the wizard's one step does.
      const gridName = option(argv, '--grid');
      if (gridName && report.waiting) {
        const grid = unwrap<{ id: number; name: string }[]>(await call('community.tree', {})).find((g) => g.name === gridName);
        if (!grid) throw new CliFailure(`no grid named ${gridName}`);
        report = unwrap<Report>(await call('residents.importAddBuildings', { token: report.token, lang, gridId: grid.id }));
      }
      if (report.waiting) process.stderr.write(`${report.waiting} rows wait for buildings the ledger does not have (${report.newBuildings.filter((b) => !b.grid).map((b) => b.name).join(', ')}): add them with --grid NAME\n`);
      const summary = { rows: report.rows, valid: report.valid, invalid: report.invalid, waiting: report.waiting, errors: report.errors.map(({ sheet, row, column, code, message }) => ({ sheet, row, column, code, message })) };
      if (argv.includes('--dry-run')) {
        await call('residents.importCancel', { token: report.token });
        return out(`${report.rows} rows: ${report.valid} valid, ${report.invalid} invalid\n${summary.errors.map((e) => `  ${e.sheet} row ${e.row} ${e.column}: ${e.message}`).join('\n')}`, summary);
      }
      const checked = performance.now();
      const resume = (report as { resume?: { rowsDone: number } }).resume;
      if (resume) process.stderr.write(`continuing an import of this file cut off after ${resume.rowsDone} rows\n`);
      // Ctrl+C stops after the batch in hand instead of killing the process mid-write.
      const stop = () => void call('residents.importCancel', { token: report.token });
      process.once('SIGINT', stop);
      let finished = false;
      const committing = call('residents.importCommit', { token: report.token }).finally(() => (finished = true));
      // Each batch committed is reported on stderr as it lands: `committed 4000/100000`.
      let reported = resume?.rowsDone ?? 0;
      while (!finished) {
        await new Promise((resolve) => setImmediate(resolve));
        const p = await call('residents.importProgress', { token: report.token });
        if (p.ok && (p.value as { rowsDone: number }).rowsDone > reported) {
          reported = (p.value as { rowsDone: number }).rowsDone;
          process.stderr.write(`committed ${reported}/${report.valid}\n`);
        }
      }
      process.off('SIGINT', stop);
      const done = unwrap<{ runId: number; created: number; updated: number; rowsDone: number; stopped: boolean }>(await committing);
      phases.check = Math.round(checked - started);
      phases.commit = Math.round(performance.now() - checked);
      if (done.stopped) return out(`stopped after ${done.rowsDone} of ${report.valid} rows (run ${done.runId}); import the same file again to continue`, { ...summary, ...done });
      return out(`imported: ${done.created} added, ${done.updated} updated (run ${done.runId}); ${report.invalid} rows with problems not imported`, { ...summary, ...done });
    }
    case 'export': {
      const target = option(argv, '--out');
      if (sub !== 'residents' || !target) throw new CliFailure(USAGE);
      const f = unwrap<{ base64: string }>(await call('residents.export', { lang, status: 'all' }));
      fs.writeFileSync(target, Buffer.from(f.base64, 'base64'));
      return out(`written ${target}`, { out: target });
    }
    case 'backup': {
      const target = option(argv, '--out');
      if (!target) throw new CliFailure(USAGE);
      need('users.manage');
      if (fs.existsSync(target)) throw new CliFailure(`${target} exists: choose a new file name`);
      app.ledger.db.prepare('VACUUM INTO ?').run(target); // encrypted under the ledger's key, like the ledger
      return out(`backup written to ${target}`, { out: target });
    }
    case 'backups': {
      need('users.manage');
      const list = listBackups(backupDir(app.ledger.db, app.vault.ledgerPath)).map((b) => ({ file: b.file, at: b.at.toISOString(), size: b.size }));
      return out(list.map((b) => `${b.at}  ${(b.size / 2 ** 20).toFixed(1)} MB  ${b.file}`).join('\n') || 'no automatic backups yet', list);
    }
    case 'restore': {
      need('users.manage');
      const dir = backupDir(app.ledger.db, app.vault.ledgerPath);
      const source = argv.includes('--undo') ? listBackups(dir).find((b) => /-before-restore(-\d+)?\.db$/.test(b.file))?.file : option(argv, '--from');
      if (!source) throw new CliFailure(argv.includes('--undo') ? 'nothing to undo: no restore has been made' : USAGE);
      const { residents } = checkBackupFile(path.resolve(source), LATEST_VERSION, app.vault.key);
      // The restored ledger is opened again (migrating it if it is older) and records who restored it.
      const kept = await restoreFrom(app.vault, path.resolve(source), LATEST_VERSION);
      appendAudit(app.ledger.db, { actor: session.user!.username, userId: null, action: 'restore', method: 'cli.restore', detail: path.basename(source) });
      return out(`restored ${path.basename(source)} (${residents} residents); the ledger as it was is kept as ${kept.file} (npm run ledger -- restore --undo)`, { restored: source, residents, kept: kept.file });
    }
    case 'host': {
      if (sub === 'on' || sub === 'off') {
        const port = option(argv, '--port');
        const now = unwrap<HostStatus>(await call('hosting.status', {}));
        const st = unwrap<HostStatus>(await call('hosting.setMode', { enabled: sub === 'on', port: port ? Number(port) : now.port }));
        return out(`host mode ${st.enabled ? `on, port ${st.port} (it opens when Linli starts on this PC)` : 'off'}`, st);
      }
      if (sub === 'code') {
        const made = unwrap<{ code: string; expires: string }>(await call('hosting.newCode', {}));
        return out(`pairing code ${made.code} (works once, until ${made.expires})`, made);
      }
      if (sub !== 'status') throw new CliFailure(USAGE);
      const st = unwrap<HostStatus>(await call('hosting.status', {}));
      return out(
        [`host mode: ${st.enabled ? `on, port ${st.port}` : 'off'}`, `certificate: ${st.fingerprint || '(made when host mode first starts)'}`, `addresses: ${st.addresses.join(', ') || '-'}`, `desks: ${st.desks.filter((d) => !d.revoked).length}`].join('\n'),
        st,
      );
    }
    case 'desks': {
      if (sub === 'revoke') {
        if (!file) throw new CliFailure('desks revoke needs the desk\'s NAME');
        const st = unwrap<HostStatus>(await call('hosting.revoke', { name: file }));
        return out(`desk "${file}" revoked: it can no longer reach this host`, st);
      }
      if (sub) throw new CliFailure(USAGE);
      const st = unwrap<HostStatus>(await call('hosting.status', {}));
      return out(
        st.desks.map((d) => `${d.name}\t${d.revoked ? 'revoked' : `last seen ${d.lastSeen || 'never'}`}\t${d.signedIn.join(', ')}`).join('\n') || 'no desks paired yet',
        st.desks,
      );
    }
    case 'audit': {
      if (sub !== 'verify') throw new CliFailure(USAGE);
      const v = unwrap<{ ok: boolean; entries: number; brokenAt: number | null }>(await call('audit.verify', {}));
      if (!v.ok) throw new CliFailure(translate(lang, 'common:audit.broken', { id: v.brokenAt ?? 0 }));
      return out(translate(lang, 'common:audit.intact', { count: v.entries }), v);
    }
    default:
      throw new CliFailure(USAGE);
  }
}

/**
 * `ledger check` reads the file through a read-only connection before anything signs in, writes an
 * audit entry or checkpoints the WAL: a damaged ledger is looked at as it is, never changed first.
 */
function checkReadOnly(app: App, key: Buffer | null): [string, unknown] {
  const file = app.vault.ledgerPath;
  app.close();
  let db;
  try {
    db = connect(file, { key, readonly: true });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new CliFailure(`the ledger cannot be read at all (${(err as Error).message}): restore it from a backup (npm run ledger -- backups)`);
  }
  try {
    let rows: { integrity_check: string }[];
    let fk: unknown[];
    try {
      rows = db.pragma('integrity_check') as { integrity_check: string }[];
      fk = db.pragma('foreign_key_check') as unknown[];
    } catch (err) {
      throw new CliFailure(`the ledger is damaged (${(err as Error).message}): restore it from a backup (npm run ledger -- backups)`);
    }
    const ok = rows.length === 1 && rows[0]!.integrity_check === 'ok' && fk.length === 0;
    if (!ok) throw new CliFailure(`integrity problems: ${JSON.stringify({ integrity: rows.slice(0, 20), foreignKeys: fk.length })}; restore it from a backup (npm run ledger -- backups)`);
    return ['ledger ok', { ok }];
  } finally {
    db.close();
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  let app: App | undefined;
  try {
    app = openApp(resolveLedgerPath(argv), 'cli');
    const result = await run(argv, app, json);
    console.log(json ? JSON.stringify(result) : result);
  } catch (err) {
    const message = err instanceof AppError ? translate(lang, `errors:${err.code}`, err.params) : err instanceof CliFailure ? err.message : String(err);
    if (json) console.log(JSON.stringify({ error: message }));
    else console.error(message);
    process.exitCode = 1;
  } finally {
    app?.close();
    if (process.env.LINLI_STATS) console.error(`LINLI_STATS ${JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), phases })}`);
  }
}

void main();
