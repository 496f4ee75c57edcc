import fs from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, openTempApp, setUpCommunity, tempDir } from '../support/ledger';
import { openApp } from '../../main/app';
import { TEST_KEY } from '../support/ledger';
import { startHostServer, type HostServer } from '../../main/shells/host/server';
import { deskBackend } from '../../main/shells/desk/backend';
import { pairWithHost, type DeskConfig } from '../../main/core/host/link';
import { deskProof, makePairingCode, readHostFile, revokeDesk } from '../../main/core/host/registry';
import type { Backend, ShellEvent, WindowLink } from '../../main/shells/backend';
import type { CallResult } from '../../shared/contract';

/**
 * The host's door and its desks, in one process but over real TLS on loopback: pairing, what an
 * unknown or revoked desk gets, the pinned certificate, per-desk sessions, gapless numbers when two
 * desks issue at once, and the news pushed to every desk.
 */
const host = openTempApp();
const PASSWORD = 'desk-test-2026';
let server: HostServer;
const address = () => `127.0.0.1:${server.port}`;
const backends: Backend[] = [];

async function pair(name: string): Promise<DeskConfig> {
  const { code } = makePairingCode(host.file);
  return pairWithHost(address(), code, name);
}

async function signedInDesk(config: DeskConfig): Promise<{ backend: Backend; link: WindowLink; call: (m: string, i: unknown) => Promise<CallResult<unknown>> }> {
  const backend = deskBackend(config);
  backends.push(backend);
  const link = await backend.openWindow();
  const call = (m: string, i: unknown) => backend.call(link, m, i);
  const login = await call('auth.login', { username: 'admin', password: PASSWORD });
  expect(login.ok).toBe(true);
  return { backend, link, call };
}
const value = <T>(r: CallResult<unknown>): T => {
  if (!r.ok) throw new Error(`refused: ${r.messageKey}`);
  return r.value as T;
};

beforeAll(async () => {
  await ok(host, 'auth.createAdmin', { username: 'admin', displayName: '王主任', password: PASSWORD });
  await setUpCommunity(host);
  server = await startHostServer(host, host.file, 0, '127.0.0.1');
});
afterAll(async () => {
  for (const b of backends) await b.close();
  await server.close();
  host.close();
});

describe('pairing', () => {
  it('pins the host certificate with a one-time code, and records the desk by name', async () => {
    const { code } = makePairingCode(host.file);
    const config = await pairWithHost(address(), code.toLowerCase(), '一号窗口');
    expect(config.fingerprint).toBe(server.fingerprint);
    expect(readHostFile(host.file).desks.map((d) => d.name)).toContain('一号窗口');
    // The file never holds the desk's working credential.
    expect(fs.readFileSync(path.join(`${host.file}.host`, 'host.json'), 'utf8')).not.toContain(config.secret);
    // Used once.
    await expect(pairWithHost(address(), code, '二号窗口')).rejects.toMatchObject({ code: 'host.pairingRefused' });
  });

  it('refuses a wrong code, a taken name, and a proof made against another certificate', async () => {
    await expect(pairWithHost(address(), 'AAAA-BBBB-CCCC', '二号窗口')).rejects.toMatchObject({ code: 'host.pairingRefused' });
    const { code } = makePairingCode(host.file);
    await expect(pairWithHost(address(), code, '一号窗口')).rejects.toMatchObject({ code: 'host.deskNameTaken' });
    // A host in between would show its own certificate: the proof the desk makes is then for that one.
    const reply = await rawPost('/desk/pair', { name: '调解室', proof: deskProof(code, 'AA:BB', '调解室') });
    expect(reply.status).toBe(403);
  });

  it('says so plainly when nothing answers at the address', async () => {
    await expect(pairWithHost('127.0.0.1:1', 'AAAA-BBBB-CCCC', '三号窗口')).rejects.toMatchObject({ code: 'host.unreachable' });
    await expect(pairWithHost('not an address!', 'AAAA-BBBB-CCCC', '三号窗口')).rejects.toMatchObject({ code: 'host.badAddress' });
  });
});

/** A request as any PC on the network could send it: TLS, but no desk credential. */
function rawPost(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = https.request({ host: '127.0.0.1', port: server.port, path: pathname, method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)), ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

describe('who may reach the host', () => {
  it('gives a PC that is not a paired desk nothing, not even the sign-in', async () => {
    for (const p of ['/desk/session', '/rpc/auth.status', '/rpc/auth.login', '/desk/events']) {
      const r = await rawPost(p, { username: 'admin', password: PASSWORD });
      expect(r.status, p).toBe(403);
      expect(r.body).not.toContain('hasUsers');
    }
    expect((await rawPost('/rpc/auth.status', {}, { 'x-linli-desk': 'deadbeef.notasecret' })).status).toBe(403);
  });

  it('cuts a revoked desk off at once, signed in or not', async () => {
    const desk = await signedInDesk(await pair('临时电脑'));
    expect(value<{ user: { username: string } }>(await desk.call('auth.status', {})).user.username).toBe('admin');
    revokeDesk(host.file, '临时电脑');
    const after = await desk.call('auth.status', {});
    expect(after).toMatchObject({ ok: false, code: 'deskRevoked', messageKey: 'host.deskRevoked' });
  });

  it('refuses a host that presents another certificate than the one pinned', async () => {
    const config = await pair('三号窗口');
    // Another Linli host (its own key pair) at the address this desk was paired with.
    const other = openApp(path.join(tempDir(), 'ledger.db'), 'cli', { key: TEST_KEY });
    const impostor = await startHostServer(other, other.vault.ledgerPath, 0, '127.0.0.1');
    try {
      const desk = deskBackend({ ...config, address: `127.0.0.1:${impostor.port}` });
      backends.push(desk);
      const heard: ShellEvent[] = [];
      desk.listen((e) => heard.push(e));
      const r = await desk.call({}, 'auth.status', {});
      expect(r).toMatchObject({ ok: false, code: 'hostCertChanged', messageKey: 'host.certChanged' });
      // The window is told it is the certificate, not an outage to wait out.
      expect(heard).toContainEqual({ type: 'host', up: false, certChanged: true });
    } finally {
      await impostor.close();
      other.close();
    }
  });
});

describe('people at many desks', () => {
  it('keeps a session per desk window, and the activity log names the desk', async () => {
    const a = await signedInDesk(await pair('调解室'));
    const b = deskBackend(await pair('书记办公室'));
    backends.push(b);
    const bLink = await b.openWindow();
    // Signed in at one desk is not signed in at another.
    expect(value<{ user: unknown }>(await b.call(bLink, 'auth.status', {})).user).toBeNull();
    await a.call('community.addGrid', { name: '第九网格' });
    const log = host.ledger.db.prepare("SELECT actor, desk FROM audit_log WHERE method = 'community.addGrid' ORDER BY id DESC LIMIT 1").get() as { actor: string; desk: string };
    expect(log).toEqual({ actor: 'admin', desk: '调解室' });
    expect(server.windows().filter((w) => w.user === '王主任').length).toBeGreaterThanOrEqual(1);
  });

  it('numbers two certificates issued at the same moment at two desks one after the other', async () => {
    const tree = value<{ buildings: { id: number }[] }[]>(await host.call('community.tree', {}));
    const residentId = value<{ id: number }>(
      await host.call('residents.create', { name: '李秀英', idNumber: '110105195604120042', gender: '2', relation: '02', residenceType: 'registered', moveInDate: '2010-05-01', placement: { kind: 'new', buildingId: tree[0]!.buildings[0]!.id, unit: '2', room: '202' } }),
    ).id;
    const item = value<{ id: number; checks: string[] }[]>(await host.call('certs.items', {}))[0]!;
    const desks = [await signedInDesk(await pair('窗口甲')), await signedInDesk(await pair('窗口乙'))];
    const drafts: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { id } = value<{ id: number }>(await host.call('certs.draft', { itemId: item.id, residentId, purpose: '办理居住证', checks: item.checks }));
      await host.call('certs.approve', { id });
      drafts.push(id);
    }
    // Three rounds of both desks pressing 出具 at once.
    const numbers: string[] = [];
    for (let i = 0; i < 6; i += 2) {
      const both = await Promise.all([desks[0]!.call('certs.issue', { id: drafts[i] }), desks[1]!.call('certs.issue', { id: drafts[i + 1] })]);
      numbers.push(...both.map((r) => value<{ number: string }>(r).number));
    }
    const serials = numbers.map((n) => Number(/第(\d+)号/.exec(n)![1])).sort((x, y) => x - y);
    expect(new Set(serials).size).toBe(6);
    expect(serials[5]! - serials[0]!).toBe(5);
  });

  it('tells every desk what changed, within two seconds of the write', async () => {
    const a = await signedInDesk(await pair('网格员'));
    const b = await signedInDesk(await pair('前台'));
    const heard = new Promise<{ e: ShellEvent; ms: number }>((resolve) => {
      const started = Date.now();
      const stop = b.backend.listen((e) => {
        if (e.type === 'changed' && e.modules.includes('community')) {
          stop();
          resolve({ e, ms: Date.now() - started });
        }
      });
    });
    await new Promise((r) => setTimeout(r, 300)); // the stream is open
    await a.call('community.addGrid', { name: '第十网格' });
    const { ms } = await heard;
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a save over a newer version, naming who saved it and where', async () => {
    const a = await signedInDesk(await pair('窗口丙'));
    const b = await signedInDesk(await pair('窗口丁'));
    const tree = value<{ buildings: { id: number }[] }[]>(await host.call('community.tree', {}));
    const { id } = value<{ id: number }>(
      await host.call('residents.create', { name: '赵建国', idNumber: '110105195003070019', gender: '1', relation: '02', residenceType: 'registered', placement: { kind: 'new', buildingId: tree[0]!.buildings[1]!.id, unit: '1', room: '301' } }),
    );
    const opened = value<Record<string, unknown> & { version: number }>(await a.call('residents.get', { id }));
    const fields = { name: '赵建国', idNumber: '110105195003070019', gender: '1', birthDate: '1950-03-07', ethnicity: '01', phone: '', hukouAddress: '', relation: '02', residenceType: 'registered', political: '', education: '', marital: '', occupation: '', tags: [], note: '' };
    expect((await a.call('residents.update', { id, ...fields, occupation: '退休', version: opened.version })).ok).toBe(true);
    const stale = await b.call('residents.update', { id, ...fields, note: '独居', version: opened.version });
    expect(stale).toMatchObject({ ok: false, code: 'record.stale', params: { by: '王主任', desk: '窗口丙' } });
    // Nothing of the refused save was written.
    expect(value<{ note: string; occupation: string }>(await host.call('residents.get', { id }))).toMatchObject({ note: '', occupation: '退休' });
  });
});

describe('what a shell opens', () => {
  it('a PC with desk.json is a desk and opens no ledger of its own; any other opens its ledger (both shells start here)', async () => {
    const { openShellSide } = await import('../../main/shells/open');
    const { deskFileFor, writeDeskConfig } = await import('../../main/core/host/link');
    const deskDb = path.join(tempDir(), 'ledger.db');
    writeDeskConfig(deskFileFor(deskDb), await pair('配置检查'));
    const desk = await openShellSide(deskDb, ['--no-auto-backup'], 'electron');
    try {
      expect(desk.backend().kind).toBe('desk');
      expect(desk.describe()).toContain('配置检查');
      expect(fs.existsSync(deskDb)).toBe(false);
      expect((fs.statSync(deskFileFor(deskDb)).mode & 0o077).toString(8)).toBe('0');
      // It reaches the host's sign-in, which knows its administrator.
      const w = await desk.backend().openWindow();
      expect(value<{ hasUsers: boolean }>(await desk.backend().call(w, 'auth.status', {})).hasUsers).toBe(true);
    } finally {
      await desk.close();
    }
    const localDb = path.join(tempDir(), 'ledger.db');
    const local = await openShellSide(localDb, ['--no-auto-backup'], 'electron');
    try {
      expect(local.backend().kind).toBe('local');
    } finally {
      await local.close();
    }
  });

  it('counts wrong passwords per account on the host, whichever desks they come from at once', async () => {
    const desks = await Promise.all(['甲', '乙', '丙'].map(async (n) => deskBackend(await pair(`猜密码${n}`))));
    backends.push(...desks);
    await host.call('users.create', { username: 'clerk', displayName: '小刘', role: 'staff', password: 'temporary-2026' });
    const links = await Promise.all(desks.map((d) => d.openWindow()));
    const tries = await Promise.all(Array.from({ length: 9 }, (_, i) => desks[i % 3]!.call(links[i % 3]!, 'auth.login', { username: 'clerk', password: `wrong-${i}` })));
    expect(tries.every((r) => !r.ok)).toBe(true);
    // Locked on the host: the right password is refused now at every desk.
    const right = await desks[0]!.call(links[0]!, 'auth.login', { username: 'clerk', password: 'temporary-2026' });
    expect(right).toMatchObject({ ok: false, code: 'auth.lockedOut' });
  });
});
