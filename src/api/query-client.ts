import {
  MutationCache,
  QueryCache,
  QueryClient,
  type DefaultError,
  type DefaultedQueryObserverOptions,
  type QueryKey,
  type QueryObserverOptions,
} from '@tanstack/react-query';
import { getAuthFailure, reportAuthFailure, subscribeAuthFailure } from './auth-state';
import { isApiError } from './client';

/*
 * A refused API key never navigates anywhere (docs/decisions/auth-failures.md). It is recorded in
 * api/auth-state; forms show it inline, the layout shows one banner, and every query pauses until
 * a new key is entered, so a 5-second poll does not hammer Skyvern with a key it refuses.
 */
function handleError(error: unknown) {
  if (isApiError(error) && error.isAuthError) reportAuthFailure(error);
}

/** `enabled` that is also false while Skyvern refuses the key, whatever the query asked for. */
function pausedWhileRefused<Q>(
  own: boolean | ((query: Q) => boolean) | undefined,
): (query: Q) => boolean {
  return (query) => {
    if (getAuthFailure() !== null) return false;
    const value = typeof own === 'function' ? own(query) : own;
    return value !== false;
  };
}

class AuthAwareQueryClient extends QueryClient {
  override defaultQueryOptions<
    TQueryFnData = unknown,
    TError = DefaultError,
    TData = TQueryFnData,
    TQueryData = TQueryFnData,
    TQueryKey extends QueryKey = QueryKey,
    TPageParam = never,
  >(
    options:
      | QueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey, TPageParam>
      | DefaultedQueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey>,
  ): DefaultedQueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey> {
    if (options._defaulted) return super.defaultQueryOptions(options);
    const defaulted = super.defaultQueryOptions(options);
    // The wrapper reads the pause live, so one wrap per options object is enough.
    defaulted.enabled = pausedWhileRefused(defaulted.enabled);
    return defaulted;
  }
}

export function createQueryClient(): QueryClient {
  const client = new AuthAwareQueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Only retry what might succeed unchanged, once: a stopped server should be reported
        // in seconds, not after a minute of silent back-off.
        retry: (failureCount, error) =>
          failureCount < 1 && isApiError(error) && error.isRetryable && error.kind !== 'cors',
        retryDelay: 800,
      },
      mutations: { retry: false },
    },
  });
  // A new key lifts the pause: refetch what is on screen, which also restarts polling.
  let paused = getAuthFailure() !== null;
  subscribeAuthFailure(() => {
    const nowPaused = getAuthFailure() !== null;
    if (paused && !nowPaused) void client.invalidateQueries();
    paused = nowPaused;
  });
  return client;
}
