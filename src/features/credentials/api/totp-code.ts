import { queryOptions } from '@tanstack/react-query';
import { apiRequest, VAULT_BOUND_TIMEOUT_MS } from '../../../api/client';
import { totpCodeSchema } from '../../../api/schemas';
import { queryKeys } from '../../../api/query-keys';
import { credentialPath } from './credentials';

/**
 * The current authenticator code (C7). It is secret-derived and short-lived, so it is only
 * fetched while the user has revealed it, never kept after the panel unmounts, and refetched
 * when the server says its window ends.
 */
export const totpCodeQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.credentials.totpCode(id),
    queryFn: ({ signal }) =>
      apiRequest({
        path: credentialPath(id, '/totp-code'),
        schema: totpCodeSchema,
        signal,
        // A custom vault's key is fetched from it on a cache miss (contract 6.3).
        timeoutMs: VAULT_BOUND_TIMEOUT_MS,
      }),
    gcTime: 0,
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchInterval: (query) => {
      const data = query.state.data;
      // A little past the boundary so the server has rolled over to the next code.
      return data ? data.seconds_remaining * 1000 + 300 : false;
    },
  });
