import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiRequest } from './client';
import { queryKeys } from './query-keys';
import type { AuthTokenResponse } from './schemas';
import { authTokenResponse, parseStoredConfig } from './response-guards';
import { parseSkyvernTimestamp } from './timestamps';

/**
 * The organisation's custom credential service configuration, as the console may keep it.
 * Skyvern's get endpoint (K1) returns the service's API token in clear text; it is stripped here,
 * inside the query function, so it never reaches the react-query cache. Only a mask survives.
 */
export type CustomCredentialStatus =
  | { configured: false }
  | {
      configured: true;
      id: string;
      apiBaseUrl: string;
      /** `••••••••1a2b`: at most the last four characters, fewer for short tokens. */
      tokenMask: string;
      tokenSet: boolean;
      createdAt: Date;
      updatedAt: Date;
    };

/** How much of a token may be shown: nothing for short tokens, never more than four characters. */
export function maskToken(token: string): string {
  const visible = token.length >= 16 ? 4 : token.length >= 10 ? 2 : 0;
  return '••••••••' + (visible ? token.slice(-visible) : '');
}

/** Turns a K1/K2 response into what the console keeps, dropping the token. */
export function toCustomCredentialStatus(response: AuthTokenResponse): CustomCredentialStatus {
  const { token } = response;
  let apiBaseUrl = '';
  let tokenMask = '';
  let tokenSet = false;
  try {
    const stored = parseStoredConfig(JSON.parse(token.token));
    if (stored) {
      apiBaseUrl = stored.api_base_url;
      tokenSet = stored.api_token.length > 0;
      tokenMask = tokenSet ? maskToken(stored.api_token) : '';
    }
  } catch {
    // A configuration Skyvern cannot use either; shown as configured with no details.
  }
  return {
    configured: true,
    id: token.id,
    apiBaseUrl,
    tokenMask,
    tokenSet,
    createdAt: parseSkyvernTimestamp(token.created_at),
    updatedAt: parseSkyvernTimestamp(token.modified_at),
  };
}

export async function fetchCustomCredentialStatus(
  signal?: AbortSignal,
): Promise<CustomCredentialStatus> {
  try {
    const response = await apiRequest({
      path: '/v1/credentials/custom_credential/get',
      schema: authTokenResponse,
      signal,
    });
    return toCustomCredentialStatus(response);
  } catch (error) {
    // Skyvern answers 404 when nothing is configured for the organisation (contract 5.1).
    if (error instanceof ApiError && error.kind === 'http' && error.status === 404) {
      return { configured: false };
    }
    throw error;
  }
}

export const customCredentialStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.customCredentialService.config(),
    queryFn: ({ signal }) => fetchCustomCredentialStatus(signal),
  });
