import type { App } from '../../app';
import { registerHostRuntime, type HostRuntime } from '../../core/host/runtime';
import { readHostFile, setHostMode } from '../../core/host/registry';
import { startHostServer, type HostServer } from './server';

/**
 * Host mode for this process: the door opens when the file says so (the settings page, `--host`), and
 * follows every change made there. Only here does Linli listen beyond loopback; LINLI_HOST_BIND keeps
 * it on one address (tests use 127.0.0.1).
 */
export async function startHosting(app: App, ledgerPath: string, argv: string[]): Promise<HostRuntime & { close(): Promise<void> }> {
  const portArg = argv.indexOf('--host-port');
  if (argv.includes('--host')) setHostMode(ledgerPath, true, portArg >= 0 ? Number(argv[portArg + 1]) : undefined);
  let server: HostServer | undefined;
  const runtime = {
    running: () => (server ? { port: server.port, fingerprint: server.fingerprint } : null),
    async apply(enabled: boolean, port: number) {
      if (server && (!enabled || server.port !== port)) {
        await server.close();
        server = undefined;
      }
      if (enabled && !server) {
        server = await startHostServer(app, ledgerPath, port, process.env.LINLI_HOST_BIND || '0.0.0.0');
        console.log(`Linli: host mode on, port ${server.port}, certificate ${server.fingerprint}`);
      }
    },
    signedIn() {
      const by = new Map<string, string[]>();
      for (const w of server?.windows() ?? []) if (w.user) by.set(w.deskId, [...(by.get(w.deskId) ?? []), w.user]);
      return by;
    },
    lastSeen: () => server?.lastSeen() ?? new Map<string, number>(),
    close: async () => {
      await server?.close();
      server = undefined;
    },
  };
  registerHostRuntime(ledgerPath, runtime);
  const f = readHostFile(ledgerPath);
  try {
    await runtime.apply(f.enabled, f.port);
  } catch (err) {
    // The port taken by another program: this PC still works on its own, and the settings page says why.
    console.error(`Linli: host mode could not listen on port ${f.port}:`, (err as Error).message);
  }
  return runtime;
}
