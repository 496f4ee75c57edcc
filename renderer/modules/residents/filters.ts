import type { ResidentFilters } from '../../../shared/contract/residents';

/** The list's filters live in the address (#/residents?q=…), so Back and printing keep them. */
export function filtersFromQuery(q: URLSearchParams): Required<Pick<ResidentFilters, 'q' | 'tags'>> & ResidentFilters {
  const num = (k: string) => (q.get(k) ? Number(q.get(k)) : undefined);
  return {
    q: q.get('q') ?? '',
    gridId: num('gridId'),
    buildingId: num('buildingId'),
    status: (q.get('status') as ResidentFilters['status']) ?? 'active',
    tags: q.get('tags') ? q.get('tags')!.split(',') : [],
    ageMin: num('ageMin'),
    ageMax: num('ageMax'),
    gender: (q.get('gender') as ResidentFilters['gender']) ?? undefined,
    residenceType: q.get('residenceType') ?? undefined,
    sort: (q.get('sort') as ResidentFilters['sort']) ?? 'address',
    order: (q.get('order') as ResidentFilters['order']) ?? 'asc',
  };
}

export function filtersToQuery(f: ResidentFilters): Record<string, string | number | undefined> {
  return {
    q: f.q || undefined,
    gridId: f.gridId,
    buildingId: f.buildingId,
    status: f.status === 'active' ? undefined : f.status,
    tags: f.tags?.length ? f.tags.join(',') : undefined,
    ageMin: f.ageMin,
    ageMax: f.ageMax,
    gender: f.gender,
    residenceType: f.residenceType,
    sort: f.sort === 'address' ? undefined : f.sort,
    order: f.order === 'asc' ? undefined : f.order,
  };
}
