import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { startShellProcess } from './harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { tempDir } from '../support/ledger';
import { testBrowserPath, TEST_CHROMIUM_FLAGS } from '../support/browser';
import { ADMIN, CLI, ROOT as ROOT_DIR, ledgerCli } from '../support/cli';
import { keysPathFor, readKeys } from '../../main/core/keys';
import { browserArgs } from '../../main/shells/browser/findBrowser';

/** The count of malformed requests thrown at the real server (the README quotes it). */
const FUZZ_REQUESTS = 3000;

interface Shell {
  child: ChildProcess;
  launchUrl: string;
  origin: string;
  port: number;
}

async function startShell(db: string): Promise<Shell> {
  const { child, url: launchUrl } = await startShellProcess(db, ['--no-auto-backup']);
  const url = new URL(launchUrl);
  return { child, launchUrl, origin: url.origin, port: Number(url.port) };
}

const stop = (s: Shell) =>
  new Promise<void>((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });

/** Raw bytes to the server, whatever they are; resolves with what came back (or '' when it hung up). */
function raw(port: number, bytes: Buffer | string, options: { slowMs?: number; cutAfter?: number } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const done = () => resolve(answer);
    socket.setTimeout(15_000, () => socket.destroy());
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.on('connect', async () => {
      const data = Buffer.from(bytes);
      const upTo = options.cutAfter ?? data.length;
      if (options.slowMs) {
        for (let i = 0; i < Math.min(upTo, 40); i++) {
          if (socket.destroyed) return;
          socket.write(data.subarray(i, i + 1));
          await new Promise((r) => setTimeout(r, options.slowMs));
        }
        socket.destroy();
        return;
      }
      socket.write(data.subarray(0, upTo));
      if (options.cutAfter !== undefined) socket.destroy();
      else socket.end();
    });
  });
}

/** A small deterministic generator: the same run every time, so a failure can be replayed. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

async function claim(s: Shell, code = new URL(s.launchUrl).searchParams.get('launch')!): Promise<Response> {
  return fetch(`${s.origin}/session/claim`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-linli-launch': code }, body: '{}' });
}

const rpc = (s: Shell, token: string, method: string, input: unknown) =>
  fetch(`${s.origin}/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-linli-token': token }, body: JSON.stringify(input) });

describe('the browser shell over real HTTP', () => {
  let dir: string;
  let db: string;
  let shell: Shell;
  beforeAll(async () => {
    dir = tempDir('linli-http-');
    db = path.join(dir, 'ledger.db');
    ledgerCli(db, 'init', '--admin', ADMIN.username);
    shell = await startShell(db);
  });
  afterAll(async () => {
    await stop(shell);
  });

  it(`no request ends the process: ${FUZZ_REQUESTS} malformed paths, headers, bodies and methods, slow and cut-off bodies`, async () => {
    const host = `127.0.0.1:${shell.port}`;
    // The ones the probe found, first: a malformed escape in the path and in the method name.
    for (const p of ['/%FF', '/%E0%A4%A', '/%', '/rpc/%FF', '/assets/%C0%AF..%C0%AF', '/%00', '/..%2F..%2Fetc%2Fpasswd']) {
      const answer = await raw(shell.port, `GET ${p} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      expect(answer, p).toMatch(/^HTTP\/1\.1 (400|404)/);
      expect((await raw(shell.port, `POST ${p} HTTP/1.1\r\nHost: ${host}\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}`)).slice(0, 12)).toMatch(/^HTTP\/1\.1 4\d\d/);
    }
    const token = ((await (await claim(shell)).json()) as { token: string }).token;
    const next = rng(20261201);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
    const junk = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)));
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'CONNECT', 'G\u00e9T', ''];
    const paths = ['/', '/rpc/residents.search', '/rpc/%FF', '/rpc/', '/rpc/auth.status', '/session/claim', '/%', '/index.html', `/${'a'.repeat(9000)}`, '/rpc/__proto__', '/rpc/residents.search%00'];
    const bodies = ['{}', '{', 'null', '[]', '"x"', `{"q":"${'\u0000'.repeat(20)}"}`, '{"__proto__":{"x":1}}', `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"q":"\\ud800"}', ''];
    let answered = 0;
    const batch: Promise<string>[] = [];
    for (let i = 0; i < FUZZ_REQUESTS; i++) {
      const kind = next();
      let request: Buffer | string;
      const options: { slowMs?: number; cutAfter?: number } = {};
      if (kind < 0.15) request = junk(1 + Math.floor(next() * 400));
      else {
        const body = kind < 0.5 ? pick(bodies) : junk(Math.floor(next() * 200)).toString('latin1');
        const headers = [
          next() < 0.9 ? `Host: ${pick([host, 'evil.example', '', `localhost:${shell.port}`])}` : '',
          next() < 0.7 ? `content-type: ${pick(['application/json', 'text/plain', '', 'application/json; charset=gbk'])}` : '',
          next() < 0.7 ? `x-linli-token: ${pick([token, 'wrong', '', token + 'x'])}` : '',
          next() < 0.3 ? `origin: ${pick(['http://evil.example', shell.origin, 'null'])}` : '',
          next() < 0.8 ? `content-length: ${pick([String(Buffer.byteLength(body, 'latin1')), '-1', 'abc', '99999999999', '0', String(Buffer.byteLength(body, 'latin1') + 50)])}` : '',
          next() < 0.1 ? 'transfer-encoding: chunked' : '',
          next() < 0.05 ? `x-big: ${'b'.repeat(20_000)}` : '',
        ].filter(Boolean);
        request = `${pick(methods)} ${pick(paths)} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}`;
        if (next() < 0.05) options.cutAfter = Math.floor(Buffer.byteLength(request, 'latin1') * next());
        if (next() < 0.01) options.slowMs = 30;
      }
      batch.push(raw(shell.port, request, options));
      if (batch.length === 50) answered += (await Promise.all(batch.splice(0))).length;
    }
    answered += (await Promise.all(batch)).length;
    expect(answered).toBe(FUZZ_REQUESTS);
    // Still alive, still serving, and the token still works.
    expect(shell.child.exitCode).toBeNull();
    expect((await fetch(`${shell.origin}/`)).status).toBe(200);
    expect(await (await rpc(shell, token, 'auth.status', {})).json()).toMatchObject({ ok: true });
  });

  it('caps what is being received at once: eight 15 MB bodies together do not take the memory', async () => {
    const rss = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${shell.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    const before = rss();
    const token = 'not-needed-for-the-cap';
    // Each body sends 15 MB and holds back its last half MB until the shell has answered one of them: eight
    // bodies, 120 MB, cannot all be taken under the 48 MB cap, so the shell must refuse some while the rest
    // wait, however slowly a loaded machine runs them. (A shell that never refused would hang the test.)
    const chunk = Buffer.alloc(15 * 1024 * 1024, 0x61);
    let answered!: () => void;
    const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
    const body = () => {
      let first = true;
      return new ReadableStream<Uint8Array>({
        async pull(c) {
          if (first) {
            first = false;
            c.enqueue(chunk);
            return;
          }
          await firstAnswer;
          c.enqueue(Buffer.alloc(512 * 1024, 0x61));
          c.close();
        },
      });
    };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${shell.origin}/session/claim`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-linli-token': token }, body: body(), duplex: 'half' } as RequestInit)
          .then((r) => r.status)
          .catch(() => 0)
          .finally(answered),
      ),
    );
    // Some are refused as too large while the others are received; none is held beyond the caps.
    expect(answers.some((s) => s === 413 || s === 0), `answers: ${answers.join(' ')}`).toBe(true);
    expect(rss() - before).toBeLessThan(200);
    expect((await fetch(`${shell.origin}/rpc/auth.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(17 * 1024 * 1024, 0x20) }).catch(() => ({ status: 0 }))).status).not.toBe(200);
    expect(shell.child.exitCode).toBeNull();
  });

  it('the launch code works once; the token changes at sign-in, and one taken before is worth nothing', async () => {
    const fresh = await startShell(db);
    try {
      const first = await claim(fresh);
      expect(first.status).toBe(200);
      const before = ((await first.json()) as { token: string }).token;
      expect((await claim(fresh)).status).toBe(401); // the address in the history is dead
      const login = await rpc(fresh, before, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      expect(((await login.json()) as { ok: boolean }).ok).toBe(true);
      const after = login.headers.get('x-linli-token');
      expect(after).toBeTruthy();
      expect(after).not.toBe(before);
      // The token seen before sign-in no longer acts as whoever signed in.
      const stolen = await rpc(fresh, before, 'residents.search', {});
      expect(stolen.status).toBe(401);
      expect(await stolen.json()).toMatchObject({ ok: false, messageKey: 'call.windowExpired' });
      expect(await (await rpc(fresh, after!, 'residents.search', {})).json()).toMatchObject({ ok: true });
    } finally {
      await stop(fresh);
    }
  });

  it('parallel guesses over HTTP are each counted: the right password is refused afterwards', async () => {
    const other = tempDir('linli-http-lock-');
    const file = path.join(other, 'ledger.db');
    ledgerCli(file, 'init', '--admin', ADMIN.username);
    const s = await startShell(file);
    try {
      const token = ((await (await claim(s)).json()) as { token: string }).token;
      const wrong = await Promise.all(Array.from({ length: 6 }, (_x, i) => rpc(s, token, 'auth.login', { username: ADMIN.username, password: `wrong-guess-${i}` }).then((r) => r.json())));
      expect(wrong.every((w) => (w as { ok: boolean }).ok === false)).toBe(true);
      expect(await (await rpc(s, token, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).json()).toMatchObject({ ok: false, code: 'auth.lockedOut' });
    } finally {
      await stop(s);
    }
  });
});

describe('the command line', () => {
  it('ten command lines guessing at once cost ten counted tries, and the lock holds', async () => {
    const dir = tempDir('linli-cli-lock-');
    const db = path.join(dir, 'ledger.db');
    ledgerCli(db, 'init', '--admin', ADMIN.username);
    const run = (password: string) =>
      new Promise<string>((resolve) => {
        const c = spawn(process.execPath, [CLI, 'backups', '--user', ADMIN.username, '--db', db], { env: { ...process.env, LINLI_PASSWORD: password } });
        let out = '';
        c.stdout.on('data', (d) => (out += d));
        c.stderr.on('data', (d) => (out += d));
        c.on('exit', () => resolve(out));
      });
    const outs = await Promise.all(Array.from({ length: 10 }, (_x, i) => run(`wrong-guess-${i}`)));
    expect(outs.every((o) => !o.includes('no automatic backups'))).toBe(true);
    const throttle = Object.values(readKeys(keysPathFor(db))!.throttle)[0]!;
    expect(Date.parse(throttle.until)).toBeGreaterThan(Date.now());
    expect(await run(ADMIN.password)).toContain('密码输错次数太多');
  });
});

describe('opening the window', () => {
  it('the launch code reaches the window through a page only the user can read, is used once, and the page goes', async () => {
    const dir = tempDir('linli-launch-');
    const db = path.join(dir, 'ledger.db');
    ledgerCli(db, 'init', '--admin', ADMIN.username);
    // A stand-in for Chromium: it records its command line, opens the --app page as a browser would
    // (reads the address the page sends it to) and claims the token there.
    const fake = path.join(dir, 'fake-browser.cjs');
    const seen = path.join(dir, 'seen.json');
    fs.writeFileSync(
      fake,
      `#!${process.execPath}
const fs = require('node:fs');
const app = process.argv.find((a) => a.startsWith('--app=')).slice(6);
const page = fs.readFileSync(new URL(app), 'utf8');
const mode = fs.statSync(new URL(app)).mode & 0o777;
const launch = new URL(page.slice(page.indexOf('location.replace("') + 18, page.indexOf('")')));
fetch(launch.origin + '/session/claim', { method: 'POST', headers: { 'content-type': 'application/json', 'x-linli-launch': launch.searchParams.get('launch') }, body: '{}' })
  .then((r) => r.json())
  // Written whole, then moved into place: the test never reads it half-written.
  .then((claimed) => (fs.writeFileSync(${JSON.stringify(seen + '.tmp')}, JSON.stringify({ argv: process.argv, mode, page: new URL(app).pathname, claimed: !!claimed.token })), fs.renameSync(${JSON.stringify(seen + '.tmp')}, ${JSON.stringify(seen)})));
setTimeout(() => undefined, 60000);
`,
      { mode: 0o755 },
    );
    const child = spawn(process.execPath, [path.join(ROOT_DIR, 'dist/main/browser.cjs'), '--db', db, '--no-auto-backup'], { env: { ...process.env, CHROME_PATH: fake }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await expect.poll(() => fs.existsSync(seen), { timeout: 20_000 }).toBe(true);
      const record = JSON.parse(fs.readFileSync(seen, 'utf8')) as { argv: string[]; mode: number; page: string; claimed: boolean };
      expect(record.claimed).toBe(true);
      expect(record.mode).toBe(0o600);
      expect(record.argv.join(' ')).not.toMatch(/launch=|[?&]t=/);
      expect(record.argv).toContain('--incognito');
      expect(out).not.toMatch(/launch=/);
      // Once used, the page that held the code is gone.
      await expect.poll(() => fs.existsSync(record.page), { timeout: 5_000 }).toBe(false);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});

describe('ledger check', () => {
  it('looks at the file read-only: no sign-in entry, no checkpoint, the file unchanged', async () => {
    const dir = tempDir('linli-check-');
    const db = path.join(dir, 'ledger.db');
    ledgerCli(db, 'init', '--admin', ADMIN.username);
    ledgerCli(db, 'setup', '--street', '朝阳门街道', '--community', '幸福里社区', '--grids', '第一网格=1号楼');
    // The ledger byte for byte, and nothing in its WAL (a read-only look may leave an empty one).
    const state = () => `${fs.readFileSync(db).toString('base64')}|${fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0}`;
    const before = state();
    expect(ledgerCli(db, 'check')).toContain('ledger ok');
    expect(state()).toBe(before);
    // A file damaged in the middle is reported as such, and left exactly as it was found.
    const bytes = fs.readFileSync(db);
    bytes.fill(0x5a, 4096 * 2, 4096 * 3);
    fs.writeFileSync(db, bytes);
    fs.rmSync(`${db}-wal`, { force: true });
    fs.rmSync(`${db}-shm`, { force: true });
    const damaged = fs.readFileSync(db);
    expect(() => ledgerCli(db, 'check')).toThrow(/integrity|damaged|损坏|cannot be read/);
    expect(fs.readFileSync(db).equals(damaged)).toBe(true);
  });
});

describe('the browser profile keeps nothing typed', () => {
  it('a canary typed into the resident form and the search is nowhere in the profile after quitting', async () => {
    const executablePath = await testBrowserPath();
    if (!executablePath) throw new Error('no Chromium: apt-get install chromium');
    const dir = tempDir('linli-profile-');
    const db = path.join(dir, 'ledger.db');
    ledgerCli(db, 'init', '--admin', ADMIN.username);
    ledgerCli(db, 'setup', '--street', '朝阳门街道', '--community', '幸福里社区', '--grids', '第一网格=1号楼');
    const s = await startShell(db);
    const profile = path.join(dir, 'browser-profile');
    // The flags the app window is opened with, less the private-window one: the renderer itself must not leave the canary behind.
    const flags = browserArgs('about:blank', profile, true).filter((f) => !f.startsWith('--app=') && !f.startsWith('--user-data-dir=') && f !== '--incognito');
    const context = await chromium.launchPersistentContext(profile, { executablePath, args: [...new Set([...TEST_CHROMIUM_FLAGS, ...flags])], locale: 'zh-CN' });
    const digits = '11010519770707913'; // a canary: seventeen digits of an ID number
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(s.launchUrl);
      await page.getByTestId('login-username').fill(ADMIN.username);
      await page.getByTestId('login-password').fill(ADMIN.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-menu').waitFor();
      await page.evaluate(() => (window.location.hash = '#/residents'));
      const search = page.getByTestId('resident-search');
      await search.waitFor();
      await search.locator('input').first().fill(digits);
      await search.locator('input').first().press('Enter');
      await page.waitForTimeout(800);
      expect(page.url()).not.toContain(digits);
      await page.evaluate(() => (window.location.hash = '#/residents/new'));
      await page.getByTestId('f-name').fill('金丝雀乙丙');
      await page.getByTestId('f-idNumber').fill(digits);
      await page.waitForTimeout(500);
    } finally {
      await context.close();
      await stop(s);
    }
    const hits: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) {
          const bytes = fs.readFileSync(p);
          if (bytes.includes(Buffer.from(digits)) || bytes.includes(Buffer.from(digits, 'utf16le')) || bytes.includes(Buffer.from('金丝雀乙丙'))) hits.push(path.relative(profile, p));
        }
      }
    };
    walk(profile);
    expect(hits).toEqual([]);
  });
});
