import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

type AuthFailureHandler = () => void;
let onAuthFailure: AuthFailureHandler = () => {};

/** The router registers how to send the user to Connection when Skyvern refuses the key. */
export function setAuthFailureHandler(handler: AuthFailureHandler) {
  onAuthFailure = handler;
}

function handleError(error: unknown) {
  if (isApiError(error) && error.isAuthError) onAuthFailure();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
}
