import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { CredentialListParams } from '../../../api/schemas';
import { credentialListResponse, credentialResponse } from '../../../api/response-guards';

/*
 * Queries of the credential resource. This module is part of the list's first load, so it only
 * reads; mutations (and everything that handles secrets) live in ./mutations.ts, loaded with the
 * dialogs.
 */

export function credentialPath(id: string, suffix = ''): string {
  return `/v1/credentials/${encodeURIComponent(id)}${suffix}`;
}

export function fetchCredentials(params: CredentialListParams, signal?: AbortSignal) {
  return apiRequest({
    path: '/v1/credentials',
    query: {
      page: params.page,
      page_size: params.page_size,
      credential_type: params.credential_type,
      vault_type: params.vault_type,
      search: params.search,
      folder_id: params.folder_id,
    },
    schema: credentialListResponse,
    signal,
  });
}

export const credentialListQuery = (params: CredentialListParams) =>
  queryOptions({
    queryKey: queryKeys.credentials.list(params),
    queryFn: ({ signal }) => fetchCredentials(params, signal),
    // Paging and filtering keep the previous rows on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

export function fetchCredential(id: string, signal?: AbortSignal) {
  return apiRequest({ path: credentialPath(id), schema: credentialResponse, signal });
}

export const credentialDetailQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.credentials.detail(id),
    queryFn: ({ signal }) => fetchCredential(id, signal),
  });
