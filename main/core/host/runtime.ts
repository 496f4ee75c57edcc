/**
 * The host's network door as the hosting handlers see it. The shell that owns the process (browser
 * shell or Electron) registers it; in the CLI there is none, and the handlers change the file only.
 */
export interface HostRuntime {
  /** The port listened on and the certificate's fingerprint, or null while host mode is off. */
  running(): { port: number; fingerprint: string } | null;
  /** Starts, restarts on another port, or stops the door to match the file. */
  apply(enabled: boolean, port: number): Promise<void>;
  /** Who is signed in at which desk (desk id → display names). */
  signedIn(): Map<string, string[]>;
  lastSeen(): Map<string, number>;
}

const runtimes = new Map<string, HostRuntime>();
export const registerHostRuntime = (ledgerPath: string, r: HostRuntime) => runtimes.set(ledgerPath, r);
export const hostRuntime = (ledgerPath: string): HostRuntime | undefined => runtimes.get(ledgerPath);
