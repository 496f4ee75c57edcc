/** What other modules may use of the community module (grids and buildings); its tables are its own. */
import { stmt, type Db } from '../../core/ledger';

/** The names of some buildings, in the order asked; an id that is not a building is left out. */
export function buildingNames(db: Db, ids: readonly number[]): { id: number; name: string }[] {
  const get = stmt(db, 'SELECT name FROM buildings WHERE id = ?');
  return ids.flatMap((id) => {
    const row = get.get(id) as { name: string } | undefined;
    return row ? [{ id, name: row.name }] : [];
  });
}
