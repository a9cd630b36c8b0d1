import {
  type DefaultError,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';

/**
 * `useQuery` whose fetch starts while the component renders, not after React has committed it.
 * useQuery asks in its subscription (an effect), so a view opened with a new question first
 * mounts, lays out and paints its controls, and only then puts the question in DuckDB's queue:
 * on opening a view that was ~20–30 ms of the worker idling. Starting it in render is
 * idempotent: a question already answered (`staleTime: Infinity`) or being answered is not asked
 * again, and useQuery's own subscription then joins the running fetch.
 */
export function useEagerQuery<TQueryFnData, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  options: UseQueryOptions<TQueryFnData, DefaultError, TData, TQueryKey>,
): UseQueryResult<TData, DefaultError> {
  const client = useQueryClient();
  // `enabled` as a function is resolved against the query by useQuery; only a plain yes starts early.
  if (options.enabled === undefined || options.enabled === true) {
    const state = client.getQueryState(options.queryKey);
    if (state?.data === undefined && state?.fetchStatus !== 'fetching') {
      // prefetchQuery swallows errors: the observer below reports them.
      void client.prefetchQuery(options as never);
    }
  }
  return useQuery(options);
}
