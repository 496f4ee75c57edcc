import { z } from 'zod';
import { method, permissions } from './define';
import { requiredText } from './fields';

export const backupRow = z.object({
  /** The file's full path: restore takes it back. */
  file: z.string(),
  name: z.string(),
  at: z.string(),
  size: z.number(),
  /** daily, auto, manual, before-import, before-restore … (the name says why it was taken) */
  reason: z.string(),
  /** Counted in the copy itself; null when the copy cannot be read (damaged, or another ledger's). */
  residents: z.number().nullable(),
  households: z.number().nullable(),
});
export type BackupRow = z.infer<typeof backupRow>;

/** Backups and restores: the administrator's alone. The built-in roles that hold each by default; the administrator holds every permission. */
export const backupsPermissions = permissions({
  'backups.manage': [],
});

export const backupsContract = {
  'backups.list': method({
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), defaultFolder: z.string(), backups: z.array(backupRow) }),
    kind: 'read',
    permission: 'backups.manage',
  }),
  'backups.create': method({ input: z.object({}).strict(), output: backupRow, kind: 'read', permission: 'backups.manage' }),
  /** Puts a backup (from the list, or a file picked by hand) in the ledger's place; the current one is kept first. */
  'backups.restore': method({
    input: z.object({ file: requiredText(1000) }).strict(),
    output: z.object({ restored: z.string(), kept: z.string(), residents: z.number() }),
    kind: 'read',
    permission: 'backups.manage',
  }),
  /** Where backups go (a USB disk, a network folder); empty for the default folder beside the ledger. */
  'backups.setFolder': method({
    input: z.object({ folder: z.string().trim().max(1000) }).strict(),
    output: z.object({ folder: z.string() }),
    kind: 'write',
    permission: 'backups.manage',
  }),
};
