import os from 'node:os';
import type { CallContext, HandlerMap } from '../../core/dispatch';
import { makePairingCode, readHostFile, revokeDesk, setHostMode } from '../../core/host/registry';
import { hostRuntime } from '../../core/host/runtime';
import { fingerprintOf, hostDirFor } from '../../core/host/identity';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import type { HostStatus } from '../../../shared/contract/hosting';

/** This PC's IPv4 addresses on its networks (not loopback): what the desks type. */
function officeAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

export function hostStatusOf(ledgerPath: string): HostStatus {
  const f = readHostFile(ledgerPath);
  const runtime = hostRuntime(ledgerPath);
  const running = runtime?.running() ?? null;
  const signedIn = runtime?.signedIn() ?? new Map<string, string[]>();
  const seen = runtime?.lastSeen() ?? new Map<string, number>();
  const certFile = path.join(hostDirFor(ledgerPath), 'tls-cert.pem');
  return {
    enabled: f.enabled,
    port: f.port,
    running: running !== null,
    fingerprint: running?.fingerprint ?? (fs.existsSync(certFile) ? fingerprintOf(fs.readFileSync(certFile)) : ''),
    addresses: officeAddresses(),
    desks: f.desks
      .map((d) => ({
        name: d.name,
        pairedAt: d.pairedAt,
        lastSeen: seen.has(d.id) ? new Date(seen.get(d.id)!).toISOString() : (d.lastSeen ?? ''),
        signedIn: d.revokedAt ? [] : (signedIn.get(d.id) ?? []),
        revoked: !!d.revokedAt,
      }))
      .sort((a, b) => Number(a.revoked) - Number(b.revoked) || a.name.localeCompare(b.name, 'zh-CN')),
  };
}

const applied = async (ctx: CallContext) => {
  const f = readHostFile(ctx.ledgerPath);
  try {
    await hostRuntime(ctx.ledgerPath)?.apply(f.enabled, f.port);
  } catch (err) {
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    // Host mode stays off rather than on in the file and closed in fact.
    setHostMode(ctx.ledgerPath, false);
    throw new AppError('host.portTaken', { port: f.port });
  }
  return hostStatusOf(ctx.ledgerPath);
};

export const hostingHandlers: HandlerMap<'hosting.status' | 'hosting.setMode' | 'hosting.newCode' | 'hosting.revoke'> = {
  'hosting.status': (_i, ctx) => hostStatusOf(ctx.ledgerPath),
  'hosting.setMode': async ({ enabled, port }, ctx) => {
    // From a desk, switching the door off or moving it would cut that desk (and every other) off mid-word.
    if (ctx.session.desk && (!enabled || port !== readHostFile(ctx.ledgerPath).port)) throw new AppError('host.changeAtHost');
    setHostMode(ctx.ledgerPath, enabled, port);
    ctx.record(`host:${enabled ? 'on' : 'off'}:${port}`);
    return applied(ctx);
  },
  'hosting.newCode': async (_i, ctx) => {
    const made = makePairingCode(ctx.ledgerPath);
    ctx.record('host:pairing-code');
    return made;
  },
  'hosting.revoke': async ({ name }, ctx) => {
    revokeDesk(ctx.ledgerPath, name);
    ctx.record(`desk:${name}`);
    return hostStatusOf(ctx.ledgerPath);
  },
};
