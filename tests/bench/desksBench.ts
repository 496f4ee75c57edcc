import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { openApp } from '../../main/app';
import { newSession } from '../../main/core/session';
import { makePairingCode, setHostMode, updateHostFile } from '../../main/core/host/registry';
import { pairWithHost } from '../../main/core/host/link';
import { deskBackend } from '../../main/shells/desk/backend';
import type { Backend, WindowLink } from '../../main/shells/backend';
import type { CallResult } from '../../shared/contract';
import type { ResidentDetail } from '../../shared/contract/residents';
import { ms, now, summarise } from './stats';
import { BENCH_PASSWORD } from './importBench';

const DESKS = Number(process.env.LINLI_BENCH_DESKS ?? 20);
const SECONDS = Number(process.env.LINLI_BENCH_DESKS_SECONDS ?? 60);
/** A person at a busy desk: a keystroke, a click, a save every half second or so — far busier than a real office. */
const THINK_MS: [number, number] = [250, 750];

type Kind = 'search while typing' | 'open a record' | 'save a record' | 'list page' | 'dashboard' | 'reminders';
const KINDS: Kind[] = ['search while typing', 'open a record', 'save a record', 'list page', 'dashboard', 'reminders'];
/** The office mix: mostly finding people and looking at them, some saves, the desk now and then. */
const MIX: [Kind, number][] = [
  ['search while typing', 40],
  ['open a record', 25],
  ['list page', 15],
  ['save a record', 10],
  ['dashboard', 5],
  ['reminders', 5],
];

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华'];

/** A deterministic pseudo-random stream per desk, so two runs make the same calls. */
function stream(seed: number) {
  let x = seed * 2654435761 || 1;
  return () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

/** What one call of a kind is: the method and its input, for desk `d` on its `n`th action. */
function plan(kind: Kind, next: () => number, residents: number, d: number): { method: string; input: unknown }[] {
  const id = () => 1 + Math.floor(next() * residents);
  switch (kind) {
    case 'search while typing': {
      // Three keystrokes: the surname, then the first given character, then the second.
      const name = SURNAMES[Math.floor(next() * SURNAMES.length)]! + GIVEN[Math.floor(next() * GIVEN.length)]! + GIVEN[Math.floor(next() * GIVEN.length)]!;
      return [1, 2, 3].map((n) => ({ method: 'residents.search', input: { q: name.slice(0, n), offset: 0, limit: 20 } }));
    }
    case 'open a record':
      return [{ method: 'residents.get', input: { id: id() } }];
    case 'list page':
      return [{ method: 'residents.search', input: { offset: Math.floor(next() * 200) * 20, limit: 20 } }];
    case 'dashboard':
      return [{ method: 'desk.dashboard', input: {} }];
    case 'reminders':
      return [{ method: 'reminders.list', input: {} }];
    case 'save a record': {
      // Each desk edits its own share of the residents, so every acknowledged save can be checked after.
      const own = Math.max(1, Math.floor(residents / DESKS));
      return [{ method: 'residents.get', input: { id: 1 + d + DESKS * Math.floor(next() * own) } }];
    }
  }
}

function pick(next: () => number): Kind {
  let r = next() * 100;
  for (const [k, w] of MIX) if ((r -= w) < 0) return k;
  return 'open a record';
}

/** The form's save of a record as opened: the same fields back, with a note that says which save it was. */
function saveOf(r: ResidentDetail, note: string) {
  return {
    id: r.id,
    name: r.name,
    idNumber: '',
    keepIdNumber: true,
    gender: r.gender,
    birthDate: r.birthDate.length === 10 ? r.birthDate : '',
    ethnicity: r.ethnicity,
    phone: '',
    keepPhone: true,
    hukouAddress: r.hukouAddress,
    relation: r.relation,
    residenceType: r.residenceType,
    political: r.political,
    education: r.education,
    marital: r.marital,
    occupation: r.occupation,
    tags: r.tags,
    note,
    version: r.version,
  };
}

/**
 * Issue 20's figures: 20 desks busy for a minute on a 100,000-resident ledger, each its own paired
 * desk with its own session, calling a host in its own process over TLS on loopback. Beside them, the
 * same calls in-process, one at a time, in the same run: what the network path and the sharing cost.
 */
export async function benchDesks(file: string, key: Buffer, root: string): Promise<string[]> {
  const port = await freePort();
  const run = Date.now().toString(36);
  setHostMode(file, true, port);
  const host: ChildProcess = spawn(process.execPath, [path.join(root, 'dist/main/browser.cjs'), '--db', file, '--no-open', '--no-auto-backup'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LINLI_HOST_BIND: '127.0.0.1' },
  });
  const times = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  const errors: string[] = [];
  let saves = 0;
  let stale = 0;
  const acknowledged = new Map<number, string>();
  const backends: Backend[] = [];
  let residents = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      host.stdout!.on('data', (d: Buffer) => ((out += d), /host mode on/.test(out) && resolve()));
      host.stderr!.on('data', (d: Buffer) => (out += d));
      host.on('exit', (c) => reject(new Error(`host exited ${c}: ${out}`)));
      setTimeout(() => reject(new Error(`host did not start: ${out}`)), 30_000);
    });
    const desks: { backend: Backend; link: WindowLink }[] = [];
    for (let d = 0; d < DESKS; d++) {
      const config = await pairWithHost(`127.0.0.1:${port}`, makePairingCode(file).code, `bench-${run}-${d + 1}`);
      const backend = deskBackend(config);
      backends.push(backend);
      const link = await backend.openWindow();
      const login = await backend.call(link, 'auth.login', { username: 'bench', password: BENCH_PASSWORD });
      if (!login.ok) throw new Error(`desk ${d} could not sign in: ${login.messageKey}`);
      desks.push({ backend, link });
    }
    const count = await desks[0]!.backend.call(desks[0]!.link, 'residents.search', { offset: 0, limit: 1 });
    residents = (count as { value: { total: number } }).value.total;

    const until = now() + SECONDS * 1000;
    const started = now();
    await Promise.all(
      desks.map(async ({ backend, link }, d) => {
        const next = stream(d + 1);
        let n = 0;
        const call = (method: string, input: unknown) => backend.call(link, method, input);
        while (now() < until) {
          const kind = pick(next);
          for (const c of plan(kind, next, residents, d)) {
            const t = now();
            let r: CallResult<unknown> = await call(c.method, c.input);
            if (kind === 'save a record' && r.ok) {
              // Opened above; the person types for a moment, then the save is what is timed.
              const note = `bench ${d + 1}.${++n}`;
              const t2 = now();
              r = await call('residents.update', saveOf(r.value as ResidentDetail, note));
              times.get(kind)!.push(now() - t2);
              if (r.ok) {
                saves++;
                acknowledged.set((c.input as { id: number }).id, note);
              } else if (r.code === 'record.stale') stale++;
            } else times.get(kind)!.push(now() - t);
            if (!r.ok && r.code !== 'record.stale' && !(r.code === 'resident.notFound')) errors.push(`${c.method}: ${r.code}`);
          }
          await new Promise((res) => setTimeout(res, THINK_MS[0] + next() * (THINK_MS[1] - THINK_MS[0])));
        }
      }),
    );
    const elapsed = (now() - started) / 1000;
    for (const b of backends) await b.close();
    backends.length = 0;
    host.kill('SIGTERM');
    await new Promise((r) => host.once('exit', r));

    // Every save the host acknowledged is in the ledger, as the last one of its record said.
    const app = openApp(file, 'cli', { key });
    const noteOf = app.ledger.db.prepare('SELECT note FROM residents WHERE id = ?').pluck();
    const lost = [...acknowledged].filter(([id, note]) => noteOf.get(id) !== note).length;

    // The same calls in-process, one after another: no network, no other desk.
    const local = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
    const session = await signedIn(app);
    const next = stream(99);
    for (let i = 0; i < 400; i++) {
      const kind = KINDS[i % KINDS.length]!;
      for (const c of plan(kind, next, residents, i % DESKS)) {
        const t = now();
        const r = await app.dispatch(session, c.method, c.input);
        if (kind === 'save a record' && r.ok) {
          const t2 = now();
          await app.dispatch(session, 'residents.update', saveOf(r.value as ResidentDetail, `local ${i}`));
          local.get(kind)!.push(now() - t2);
        } else local.get(kind)!.push(now() - t);
      }
    }
    app.close();

    const lines = [
      `## ${DESKS} desks on one host`,
      '',
      `${DESKS} paired desks (each its own TLS connection, session and sign-in) for ${elapsed.toFixed(0)} s on a ${residents.toLocaleString('en-US')}-resident ledger, the host in its own process, all on this 2-core machine.`,
      `Each desk does the office mix (search while typing 40 %, open a record 25 %, list page 15 %, save 10 %, dashboard 5 %, reminders 5 %) with ${THINK_MS[0]}–${THINK_MS[1]} ms between actions.`,
      '"in-process" is the same call through dispatch in one process, one at a time, in the same run. Goals: search p95 ≤ 50 ms and save p95 ≤ 100 ms with every desk busy.',
      '',
      '| call | calls | desks p50 | desks p95 | in-process p50 | in-process p95 |',
      '|---|---:|---:|---:|---:|---:|',
    ];
    for (const k of KINDS) {
      const remote = summarise(times.get(k)!);
      const near = summarise(local.get(k)!);
      lines.push(`| ${k} | ${remote.runs} | ${ms(remote.p50)} | ${ms(remote.p95)} | ${ms(near.p50)} | ${ms(near.p95)} |`);
    }
    lines.push('');
    lines.push(`Saves acknowledged: ${saves} (${(saves / elapsed).toFixed(1)} per second), refused as stale: ${stale}, errors: ${errors.length}${errors.length ? ` (${[...new Set(errors)].slice(0, 5).join('; ')})` : ''}, lost writes: ${lost} of ${acknowledged.size} records checked.`);
    return lines;
  } finally {
    for (const b of backends) await b.close();
    if (host.exitCode === null && host.signalCode === null) {
      host.kill('SIGKILL');
      await new Promise((r) => host.once('exit', r));
    }
    // A kept ledger is used again next run: this run's desks and host mode go with it.
    setHostMode(file, false);
    updateHostFile(file, (f) => void (f.desks = f.desks.filter((d) => !d.name.startsWith('bench-'))));
  }
}

/** The in-process baseline signs in like a window, so the same permission checks run. */
async function signedIn(app: ReturnType<typeof openApp>) {
  const s = newSession();
  const r = await app.dispatch(s, 'auth.login', { username: 'bench', password: BENCH_PASSWORD });
  if (!r.ok) throw new Error(`bench could not sign in: ${r.messageKey}`);
  return s;
}
