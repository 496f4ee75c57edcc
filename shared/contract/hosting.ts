import { z } from 'zod';
import { method, permissions } from './define';
import { requiredText } from './fields';

export const deskRow = z.object({
  name: z.string(),
  pairedAt: z.string(),
  /** The last call from it (this run of the host, or as last written down); empty if never. */
  lastSeen: z.string(),
  /** Who is signed in there now. */
  signedIn: z.array(z.string()),
  revoked: z.boolean(),
});
export type DeskRow = z.infer<typeof deskRow>;

export const hostStatus = z.object({
  enabled: z.boolean(),
  port: z.number(),
  /** Listening now (host mode can be on in the file while this process is the CLI). */
  running: z.boolean(),
  fingerprint: z.string(),
  /** This PC's addresses on the office network: what to type at the desks. */
  addresses: z.array(z.string()),
  desks: z.array(deskRow),
});
export type HostStatus = z.infer<typeof hostStatus>;

export const port = z.number().int().min(1024, { error: 'host.badPort' }).max(65535, { error: 'host.badPort' });

/** Hosting the ledger for other desks: the administrator's. The built-in roles that hold each by default; the administrator holds every permission. */
export const hostingPermissions = permissions({
  'hosting.manage': [],
});

export const hostingContract = {
  'hosting.status': method({ input: z.object({}).strict(), output: hostStatus, kind: 'read', permission: 'hosting.manage' }),
  /** Host mode on or off, and on which port: the network is reached only while it is on. */
  'hosting.setMode': method({ input: z.object({ enabled: z.boolean(), port }).strict(), output: hostStatus, kind: 'job', permission: 'hosting.manage' }),
  /** A one-time code for pairing one desk, valid for minutes. */
  'hosting.newCode': method({ input: z.object({}).strict(), output: z.object({ code: z.string(), expires: z.string() }), kind: 'job', permission: 'hosting.manage' }),
  /** The desk can no longer reach even the sign-in; whoever is signed in there is cut off. */
  'hosting.revoke': method({ input: z.object({ name: requiredText(20) }).strict(), output: hostStatus, kind: 'job', permission: 'hosting.manage' }),
};
