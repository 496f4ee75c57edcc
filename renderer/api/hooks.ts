import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { moduleOf, type Input, type MethodName, type Output } from '../../shared/contract';
import { call } from './client';

export function useCall<M extends MethodName>(method: M, input: Input<M>, options: { enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useQuery<Output<M>, Error>({
    queryKey: [method, input],
    queryFn: ({ signal }) => call(method, input, signal),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/** A write: every cached read is stale afterwards, so all of them refetch. */
export function useWrite<M extends MethodName>(method: M) {
  const client = useQueryClient();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationKey: [method],
    mutationFn: (input) => call(method, input),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Modules whose screens add up the others (the desk's counts and reminders, the reports): any write touches them. */
const SUMMING = new Set(['desk', 'reports']);
/** Every screen names people and places: a change to those is a change to all of them. */
const EVERYWHERE = new Set(['residents', 'community']);

/** Does a write in these modules (as the office tells them: main/core/office.ts) change what a query for this method shows? */
export function touches(method: string, modules: readonly string[]): boolean {
  const own = moduleOf(method);
  return (own !== undefined && SUMMING.has(own)) || modules.some((m) => m === own || EVERYWHERE.has(m));
}
