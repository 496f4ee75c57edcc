import { z } from 'zod';
import { method, permissions } from './define';
import { id, phone, requiredText, optionalText } from './fields';

const gridInput = z.object({
  name: requiredText(40),
  buildings: z.array(requiredText(40)).max(500).default([]),
});

export const building = z.object({ id, gridId: id, name: z.string(), leader: z.string() });
export const grid = z.object({ id, name: z.string(), leader: z.string(), buildings: z.array(building) });
export type Grid = z.infer<typeof grid>;
export type Building = z.infer<typeof building>;

export const appInfo = z.object({
  setupDone: z.boolean(),
  streetName: z.string(),
  communityName: z.string(),
  committeeName: z.string(),
  /** The committee's own phone, printed on its certificates. */
  committeePhone: z.string(),
  shell: z.enum(['electron', 'browser', 'cli']),
  schemaVersion: z.number(),
  ledgerPath: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

/** Community staff keep the grids and buildings. The built-in roles that hold each by default; the administrator holds every permission. */
export const communityPermissions = permissions({
  'community.edit': ['staff'],
});

export const communityContract = {
  'app.info': method({ input: z.object({}).strict(), output: appInfo, kind: 'read', permission: 'public' }),
  'community.setup': method({
    input: z
      .object({
        streetName: requiredText(60),
        communityName: requiredText(60),
        committeeName: optionalText(80),
        grids: z.array(gridInput).min(1, { error: 'setup.needGrid' }).max(200),
      })
      .strict(),
    output: z.object({ grids: z.number() }),
    kind: 'write',
    permission: 'community.edit',
  }),
  'community.setPhone': method({ input: z.object({ phone: phone.or(z.literal('')) }).strict(), output: z.object({ phone: z.string() }), kind: 'write', permission: 'community.edit' }),
  'community.tree': method({ input: z.object({}).strict(), output: z.array(grid), kind: 'read', permission: 'residents.view' }),
  'community.addGrid': method({
    input: z.object({ name: requiredText(40), leader: optionalText(40) }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'community.edit',
  }),
  'community.addBuilding': method({
    input: z.object({ gridId: id, name: requiredText(40), leader: optionalText(40) }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'community.edit',
  }),
  /** The community's and the committee's names, as printed on every paper. */
  'community.setNames': method({
    input: z.object({ communityName: requiredText(40), committeeName: requiredText(60) }).strict(),
    output: z.object({ communityName: z.string(), committeeName: z.string() }),
    kind: 'write',
    permission: 'community.edit',
  }),
  /** Removes a grid without buildings, or a building where no household was ever registered: a mistake, not history. */
  'community.remove': method({
    input: z.object({ kind: z.enum(['grid', 'building']), id }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'community.edit',
  }),
  'community.rename': method({
    input: z.object({ kind: z.enum(['grid', 'building']), id, name: requiredText(40), leader: optionalText(40) }).strict(),
    output: z.object({ id }),
    kind: 'write',
    permission: 'community.edit',
  }),
};
