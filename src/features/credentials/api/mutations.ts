import { useRef } from 'react';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest, isApiError, VAULT_BOUND_TIMEOUT_MS } from '../../../api/client';
import type { CreateCredentialRequest } from '../../../api/schemas';
import { credentialResponse } from '../../../api/response-guards';
import { mutationKeys, queryKeys } from '../../../api/query-keys';
import { credentialPath } from './credentials';
import { browserProfileKeys, type RunSettingsPatch } from '../run-settings/model';

/*
 * Credential mutations. Secret-bearing ones (create, update) never receive the request body as a
 * react-query variable, because the MutationCache keeps variables after a mutation settles: the
 * caller puts the body in a ref with `send(body)`, `mutationFn` takes it out, and the ref is
 * cleared when the mutation settles. `gcTime: 0` drops the mutation itself as soon as it is idle.
 */

/** A 404 means the credential is gone: every list and its detail are refreshed. */
async function forgetIfGone(queryClient: QueryClient, id: string, error: unknown) {
  if (isGone(error)) {
    queryClient.removeQueries({ queryKey: queryKeys.credentials.detail(id) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.credentials.lists() });
  }
}

export type SaveTarget = { mode: 'create' } | { mode: 'edit'; credentialId: string };

export function useSaveCredential(target: SaveTarget) {
  const queryClient = useQueryClient();
  const pending = useRef<CreateCredentialRequest | null>(null);
  const mutation = useMutation({
    mutationKey: mutationKeys.saveCredential(target.mode),
    gcTime: 0,
    mutationFn: () => {
      const body = pending.current;
      if (!body) throw new Error('Nothing to save.');
      return apiRequest({
        method: 'POST',
        path:
          target.mode === 'create'
            ? '/v1/credentials'
            : credentialPath(target.credentialId, '/update'),
        body,
        schema: credentialResponse,
        // May wait on a custom credential service (contract 6.2–6.3).
        timeoutMs: VAULT_BOUND_TIMEOUT_MS,
      });
    },
    onSettled: () => {
      pending.current = null;
    },
    onSuccess: async (credential) => {
      queryClient.setQueryData(queryKeys.credentials.detail(credential.credential_id), credential);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.credentials.lists() }),
        queryClient.invalidateQueries({
          queryKey: queryKeys.credentials.totpCode(credential.credential_id),
        }),
      ]);
    },
    onError: async (error) => {
      if (target.mode === 'edit') await forgetIfGone(queryClient, target.credentialId, error);
    },
  });
  return {
    ...mutation,
    /** Sends `body` once; it is never stored by react-query. */
    send(body: CreateCredentialRequest, options?: Parameters<typeof mutation.mutate>[1]) {
      pending.current = body;
      mutation.mutate(undefined, options);
    },
  };
}

export function useRenameCredential(credentialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.renameCredential(),
    gcTime: 0,
    mutationFn: (name: string) =>
      apiRequest({
        method: 'PATCH',
        path: credentialPath(credentialId),
        body: { name },
        schema: credentialResponse,
      }),
    onSuccess: async (credential) => {
      queryClient.setQueryData(queryKeys.credentials.detail(credentialId), credential);
      await queryClient.invalidateQueries({ queryKey: queryKeys.credentials.lists() });
    },
    onError: (error) => forgetIfGone(queryClient, credentialId, error),
  });
}

/**
 * PATCH with run settings only (contract 3.4): no secret, no vault call. Linking or unlinking a
 * profile changes which profiles are free, so the profile queries are refreshed too.
 */
export function useUpdateRunSettings(credentialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.updateRunSettings(),
    gcTime: 0,
    mutationFn: (patch: RunSettingsPatch) =>
      apiRequest({
        method: 'PATCH',
        path: credentialPath(credentialId),
        body: patch,
        schema: credentialResponse,
      }),
    onSuccess: async (credential) => {
      queryClient.setQueryData(queryKeys.credentials.detail(credentialId), credential);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.credentials.lists() }),
        queryClient.invalidateQueries({ queryKey: browserProfileKeys.all() }),
      ]);
    },
    onError: (error) => forgetIfGone(queryClient, credentialId, error),
  });
}

export function useDeleteCredential(credentialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.deleteCredential(),
    gcTime: 0,
    // POST …/delete, not DELETE /v1/credentials/{id}: on /v1 that path clears a vault
    // provider's configuration instead (contract 1.2).
    mutationFn: () =>
      apiRequest({
        method: 'POST',
        path: credentialPath(credentialId, '/delete'),
        timeoutMs: VAULT_BOUND_TIMEOUT_MS,
      }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.credentials.detail(credentialId) });
      queryClient.removeQueries({ queryKey: queryKeys.credentials.totpCode(credentialId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.credentials.lists() });
    },
    onError: (error) => forgetIfGone(queryClient, credentialId, error),
  });
}

/** The request may have reached Skyvern even though no answer came back. */
export function mayHaveBeenApplied(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.kind === 'timeout' ||
      error.kind === 'network' ||
      error.kind === 'cors' ||
      error.kind === 'unreadable')
  );
}

export function isGone(error: unknown): error is ApiError {
  // `404 Organization not found` is about the key, not the credential (contract 1.3).
  return isApiError(error) && error.kind === 'http' && error.status === 404 && !error.isAuthError;
}
