import type { QueryClient } from '@tanstack/react-query';

declare global {
  interface Window {
    /** Test builds only: a JSON snapshot of everything react-query holds, for secret checks. */
    __dumpQueryCache?: () => string;
  }
}

/** Exposes the query cache to the e2e suite, in builds made with `--mode e2e` only. */
export function exposeQueryCacheForTests(client: QueryClient) {
  if (import.meta.env.VITE_EXPOSE_QUERY_CACHE !== 'true') return;
  window.__dumpQueryCache = () =>
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
}
