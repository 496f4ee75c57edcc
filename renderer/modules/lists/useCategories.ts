import { useMemo } from 'react';
import type { Category } from '../../../shared/contract/lists';
import { useCall } from '../../api/hooks';

export interface CategoryNode {
  value: number;
  title: string;
  disabled?: boolean;
  children: CategoryNode[];
}

/** The category list as the tree the pickers show (top level first, each with its children). */
export function categoryTree(list: readonly Category[], activeOnly: boolean): CategoryNode[] {
  const shown = list.filter((c) => !activeOnly || c.active);
  const node = (c: Category): CategoryNode => ({ value: c.id, title: c.name, children: shown.filter((x) => x.parentId === c.id).map(node) });
  return shown.filter((c) => c.parentId === null || !shown.some((p) => p.id === c.parentId)).map(node);
}

export function useCategories(activeOnly = true) {
  const q = useCall('lists.categories', {});
  const tree = useMemo(() => categoryTree(q.data ?? [], activeOnly), [q.data, activeOnly]);
  return { list: q.data ?? [], tree, isPending: q.isPending };
}
