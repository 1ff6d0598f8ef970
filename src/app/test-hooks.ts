import type { QueryClient } from '@tanstack/react-query';

declare global {
  interface Window {
    /** Test builds only: everything react-query has held since start-up, for secret checks. */
    __dumpQueryCache?: () => string;
  }
}

/** Exposes the query cache to the e2e suite, in builds made with `--mode e2e` only. */
export function exposeQueryCacheForTests(client: QueryClient) {
  if (import.meta.env.VITE_EXPOSE_QUERY_CACHE !== 'true') return;
  const dump = () =>
    JSON.stringify({
      queries: client
        .getQueryCache()
        .getAll()
        .map((query) => ({
          key: query.queryKey,
          data: query.state.data,
          error: String(query.state.error ?? ''),
        })),
      mutations: client
        .getMutationCache()
        .getAll()
        .map((mutation) => ({
          key: mutation.options.mutationKey ?? null,
          variables: mutation.state.variables,
          data: mutation.state.data,
        })),
    });
  // Secret-bearing mutations are dropped (gcTime 0) as soon as they settle, so a look at the
  // cache afterwards would miss a secret held in their variables while pending: every state the
  // cache passes through is kept, and the dump includes them all.
  const history: string[] = [];
  const record = () => history.push(dump());
  client.getMutationCache().subscribe(record);
  client.getQueryCache().subscribe(record);
  window.__dumpQueryCache = () => [...history, dump()].join('\n');
}
