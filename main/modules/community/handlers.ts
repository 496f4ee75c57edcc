import type { Grid } from '../../../shared/contract/community';
import { AppError } from '../../core/errors';
import { getSetting, setSetting, stmt, type Db } from '../../core/ledger';
import type { HandlerMap } from '../../core/dispatch';
import { LATEST_VERSION } from '../../core/ledger/migrations';
import { refreshPlaces } from '../residents/api';

export function communityTree(db: Db): Grid[] {
  const grids = stmt(db, 'SELECT id, name, leader FROM grids ORDER BY id').all() as { id: number; name: string; leader: string }[];
  const buildings = stmt(db, 'SELECT id, grid_id AS gridId, name, leader FROM buildings ORDER BY id').all() as Grid['buildings'];
  return grids.map((g) => ({ ...g, buildings: buildings.filter((b) => b.gridId === g.id) }));
}

function addGrid(db: Db, name: string, leader = ''): number {
  if (stmt(db, 'SELECT 1 FROM grids WHERE name = ?').get(name)) throw new AppError('community.gridExists', { name });
  return Number(stmt(db, 'INSERT INTO grids(name, leader) VALUES (?, ?)').run(name, leader).lastInsertRowid);
}

function addBuilding(db: Db, gridId: number, name: string, leader = ''): number {
  if (!stmt(db, 'SELECT 1 FROM grids WHERE id = ?').get(gridId)) throw new AppError('community.gridNotFound', { id: gridId });
  if (stmt(db, 'SELECT 1 FROM buildings WHERE grid_id = ? AND name = ?').get(gridId, name)) throw new AppError('community.buildingExists', { name });
  return Number(stmt(db, 'INSERT INTO buildings(grid_id, name, leader) VALUES (?, ?, ?)').run(gridId, name, leader).lastInsertRowid);
}

export const communityHandlers: HandlerMap<
  'app.info' | 'community.setup' | 'community.setPhone' | 'community.tree' | 'community.addGrid' | 'community.addBuilding' | 'community.rename' | 'community.setNames' | 'community.remove'
> = {
  'app.info': (_input, ctx) => ({
    setupDone: getSetting(ctx.db, 'setup_done') === '1',
    streetName: getSetting(ctx.db, 'street_name') ?? '',
    communityName: getSetting(ctx.db, 'community_name') ?? '',
    committeeName: getSetting(ctx.db, 'committee_name') ?? '',
    committeePhone: getSetting(ctx.db, 'committee_phone') ?? '',
    shell: ctx.shell,
    schemaVersion: LATEST_VERSION,
    // Where the ledger lies is for someone signed in at an open screen, not for the sign-in page or a locked one.
    ledgerPath: ctx.session.user && !ctx.session.locked ? ctx.ledgerPath : '',
  }),
  'community.setup': (input, ctx) => {
    if (getSetting(ctx.db, 'setup_done') === '1') throw new AppError('setup.alreadyDone');
    setSetting(ctx.db, 'street_name', input.streetName);
    setSetting(ctx.db, 'community_name', input.communityName);
    setSetting(ctx.db, 'committee_name', input.committeeName || `${input.communityName}居民委员会`);
    for (const g of input.grids) {
      const gridId = addGrid(ctx.db, g.name);
      for (const b of g.buildings) addBuilding(ctx.db, gridId, b);
    }
    setSetting(ctx.db, 'setup_done', '1');
    return { grids: input.grids.length };
  },
  'community.setPhone': ({ phone }, ctx) => {
    setSetting(ctx.db, 'committee_phone', phone);
    ctx.record('settings:committee_phone');
    return { phone };
  },
  'community.tree': (_input, ctx) => communityTree(ctx.db),
  'community.addGrid': (input, ctx) => ({ id: addGrid(ctx.db, input.name, input.leader) }),
  'community.addBuilding': (input, ctx) => ({ id: addBuilding(ctx.db, input.gridId, input.name, input.leader) }),
  'community.rename': (input, ctx) => {
    const taken =
      input.kind === 'grid'
        ? stmt(ctx.db, 'SELECT 1 FROM grids WHERE name = ? AND id <> ?').get(input.name, input.id)
        : stmt(ctx.db, 'SELECT 1 FROM buildings WHERE name = ? AND id <> ? AND grid_id = (SELECT grid_id FROM buildings WHERE id = ?)').get(input.name, input.id, input.id);
    if (taken) throw new AppError(input.kind === 'grid' ? 'community.gridNameTaken' : 'community.buildingNameTaken', { name: input.name });
    const table = input.kind === 'grid' ? 'UPDATE grids SET name = ?, leader = ? WHERE id = ?' : 'UPDATE buildings SET name = ?, leader = ? WHERE id = ?';
    const info = stmt(ctx.db, table).run(input.name, input.leader, input.id);
    if (info.changes === 0) throw new AppError(input.kind === 'grid' ? 'community.gridNotFound' : 'building.notFound', { id: input.id });
    // The residents' addresses, sort keys and search entries follow the new name, in the same transaction.
    refreshPlaces(ctx.db, input.kind === 'grid' ? { gridId: input.id } : { buildingId: input.id });
    ctx.record(`${input.kind}:${input.id}`);
    return { id: input.id };
  },
  'community.setNames': ({ communityName, committeeName }, ctx) => {
    setSetting(ctx.db, 'community_name', communityName);
    setSetting(ctx.db, 'committee_name', committeeName);
    return { communityName, committeeName };
  },
  'community.remove': ({ kind, id }, ctx) => {
    if (kind === 'grid') {
      if (!stmt(ctx.db, 'SELECT 1 FROM grids WHERE id = ?').get(id)) throw new AppError('community.gridNotFound', { id });
      const buildings = stmt(ctx.db, 'SELECT count(*) AS n FROM buildings WHERE grid_id = ?').get(id) as { n: number };
      if (buildings.n) throw new AppError('community.gridHasBuildings', { count: buildings.n });
      const used = stmt(
        ctx.db,
        'SELECT (SELECT count(*) FROM list_needs WHERE grid_id = ?) + (SELECT count(*) FROM residents WHERE grid_id = ?) + (SELECT count(*) FROM visits WHERE grid_id = ?) + (SELECT count(*) FROM problems WHERE grid_id = ?) AS n',
      ).get(id, id, id, id) as { n: number };
      if (used.n) throw new AppError('community.gridInUse', { count: used.n });
      stmt(ctx.db, 'DELETE FROM grids WHERE id = ?').run(id);
    } else {
      if (!stmt(ctx.db, 'SELECT 1 FROM buildings WHERE id = ?').get(id)) throw new AppError('building.notFound', { id });
      const households = stmt(ctx.db, 'SELECT count(*) AS n FROM households h JOIN dwellings w ON w.id = h.dwelling_id WHERE w.building_id = ?').get(id) as { n: number };
      if (households.n) throw new AppError('community.buildingHasHouseholds', { count: households.n });
      const recorded = stmt(ctx.db, 'SELECT (SELECT count(*) FROM visits WHERE building_id = ?) + (SELECT count(*) FROM problems WHERE building_id = ?) AS n').get(id, id) as { n: number };
      if (recorded.n) throw new AppError('community.buildingInUse', { count: recorded.n });
      stmt(ctx.db, 'DELETE FROM dwellings WHERE building_id = ?').run(id);
      stmt(ctx.db, 'DELETE FROM buildings WHERE id = ?').run(id);
    }
    ctx.record(`${kind}:${id}`);
    return { id };
  },
};
