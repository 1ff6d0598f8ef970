import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../api/client';
import {
  toCustomCredentialStatus,
  type CustomCredentialStatus,
} from '../../api/custom-credential-config';
import { queryKeys } from '../../api/query-keys';
import { successResponseSchema } from '../../api/schemas';
import { authTokenResponse } from '../../api/response-guards';

/** What the form sends: the URL as typed (trimmed) and the token exactly as typed. */
export interface CustomCredentialServiceInput {
  apiBaseUrl: string;
  apiToken: string;
}

function configBody(input: CustomCredentialServiceInput) {
  return { config: { api_base_url: input.apiBaseUrl, api_token: input.apiToken } };
}

/**
 * K2. Skyvern answers with the new configuration, token in clear: it is reduced to the masked
 * status right here, so neither the mutation's data nor the query cache ever holds it.
 */
export async function saveCustomCredentialConfig(
  input: CustomCredentialServiceInput,
): Promise<CustomCredentialStatus> {
  const response = await apiRequest({
    method: 'POST',
    path: '/v1/credentials/custom_credential/create',
    body: configBody(input),
    schema: authTokenResponse,
  });
  return toCustomCredentialStatus(response);
}

/** K4. The path is `/v1/credentials/custom_credential` (contract 1.2): not under `/custom_credential/`. */
export async function clearCustomCredentialConfig(): Promise<void> {
  await apiRequest({
    method: 'DELETE',
    path: '/v1/credentials/custom_credential',
    schema: successResponseSchema,
  });
}

/**
 * The outcome of K3 in words the panel can show. Skyvern reports every failed test as a 400 whose
 * `detail` is one of a few fixed strings (contract 5.3); they are matched here. Failures of
 * Skyvern itself (its own auth, network, 5xx) are thrown as ApiError instead: they say nothing
 * about the custom service.
 */
export type ConnectionTestOutcome =
  | { kind: 'success' }
  /** 404/405: the docs call this a pass, current Skyvern a failure. */
  | { kind: 'not-found-or-method'; status: number }
  | { kind: 'unauthorized'; status: number }
  | { kind: 'other-status'; status: number }
  | { kind: 'unreachable' }
  | { kind: 'host-blocked'; host: string }
  | { kind: 'invalid-url'; message: string }
  | { kind: 'rejected'; message: string };

const STATUS_FAILURE = /^Connection test failed: server returned HTTP (\d{3})\b/;
const UNREACHABLE = /^Connection test failed: could not reach the specified URL/;
const HOST_BLOCKED = /^The host in your url is blocked: (.*)$/s;
const INVALID_URL = /^Invalid URL\b/;

export function classifyTestFailure(error: ApiError): ConnectionTestOutcome | null {
  if (error.kind !== 'http' || error.status !== 400) return null;
  const message = error.message;
  const status = STATUS_FAILURE.exec(message);
  if (status) {
    const code = Number(status[1]);
    if (code === 404 || code === 405) return { kind: 'not-found-or-method', status: code };
    if (code === 401 || code === 403) return { kind: 'unauthorized', status: code };
    return { kind: 'other-status', status: code };
  }
  if (UNREACHABLE.test(message)) return { kind: 'unreachable' };
  const blocked = HOST_BLOCKED.exec(message);
  if (blocked) return { kind: 'host-blocked', host: (blocked[1] ?? '').trim() };
  // "Invalid URL: …", bare "Invalid URL", or pydantic's multi-line URL parsing message.
  if (INVALID_URL.test(message) || /\burl\b/i.test(message)) {
    return { kind: 'invalid-url', message };
  }
  return { kind: 'rejected', message };
}

/** K3: tests the given values without saving anything. */
export async function testCustomCredentialConnection(
  input: CustomCredentialServiceInput,
): Promise<ConnectionTestOutcome> {
  try {
    await apiRequest({
      method: 'POST',
      path: '/v1/credentials/custom_credential/test_connection',
      body: configBody(input),
      schema: successResponseSchema,
      // Skyvern gives the service 10 s; leave room for Skyvern's own answer.
      timeoutMs: 20_000,
    });
    return { kind: 'success' };
  } catch (error) {
    if (error instanceof ApiError) {
      const outcome = classifyTestFailure(error);
      if (outcome) return outcome;
    }
    throw error;
  }
}

/*
 * The hooks below never take the token as a mutation variable (the MutationCache keeps variables):
 * the caller passes a function that reads the form when the request is sent, and the secret-bearing
 * mutations are garbage-collected as soon as nothing observes them.
 */

export function useSaveCustomCredentialConfig(readInput: () => CustomCredentialServiceInput) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => saveCustomCredentialConfig(readInput()),
    gcTime: 0,
    onSuccess: (status) => {
      // Already masked: safe to cache, and the panel shows it without waiting for a refetch. It
      // is Skyvern's own answer, so nothing else needs fetching: credentials keep their vault.
      queryClient.setQueryData(queryKeys.customCredentialService.config(), status);
    },
  });
}

export function useTestCustomCredentialConnection(readInput: () => CustomCredentialServiceInput) {
  return useMutation({
    mutationFn: () => testCustomCredentialConnection(readInput()),
    gcTime: 0,
  });
}

export function useClearCustomCredentialConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clearCustomCredentialConfig,
    onSuccess: () => {
      queryClient.setQueryData<CustomCredentialStatus>(queryKeys.customCredentialService.config(), {
        configured: false,
      });
    },
  });
}
