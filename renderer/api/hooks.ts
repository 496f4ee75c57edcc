import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../../shared/contract';
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
    mutationFn: (input) => call(method, input),
    onSuccess: () => client.invalidateQueries(),
  });
}
