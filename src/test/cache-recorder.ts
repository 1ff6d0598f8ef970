import type { QueryClient } from '@tanstack/react-query';

/**
 * Records what react-query holds at every cache event, not just at the end: secret-bearing
 * mutations are garbage-collected (gcTime 0) as soon as they settle, so a look at the cache after
 * the fact would miss a secret that sat in a mutation's variables while it was pending.
 */
export function recordQueryCache(queryClient: QueryClient): { text: () => string } {
  const snapshots: string[] = [];
  const now = () =>
    JSON.stringify({
      queries: queryClient
        .getQueryCache()
        .getAll()
        .map((query) => [query.queryKey, query.state]),
      mutations: queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => [mutation.options.mutationKey, mutation.state]),
    });
  const record = () => snapshots.push(now());
  queryClient.getMutationCache().subscribe(record);
  queryClient.getQueryCache().subscribe(record);
  return { text: () => [...snapshots, now()].join('\n') };
}
