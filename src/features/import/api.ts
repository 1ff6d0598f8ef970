import { z } from 'zod/mini';
import { apiRequest, VAULT_BOUND_TIMEOUT_MS } from '../../api/client';
import { totpCodeSchema, type CreateCredentialRequest, type Credential } from '../../api/schemas';
import { credentialListResponse, credentialResponse } from '../../api/response-guards';

/*
 * The few Skyvern calls the import makes, as plain functions: they are called from the import's
 * own queue, never through react-query, so no request body (which carries secrets) and no answer
 * lands in the cache. The credentials feature has its own versions; a feature may not import
 * another outside the declared edges (eslint.config.js), and these are thin.
 */

function credentialPath(id: string, suffix = ''): string {
  return `/v1/credentials/${encodeURIComponent(id)}${suffix}`;
}

/** Contract 3.2: a substring search over name, username, label, brand and last four. */
export const SEARCH_MAX = 200;
const SEARCH_PAGE_SIZE = 100;

export function searchCredentials(text: string, signal?: AbortSignal): Promise<Credential[]> {
  return apiRequest({
    path: '/v1/credentials',
    query: { page: 1, page_size: SEARCH_PAGE_SIZE, search: text.slice(0, SEARCH_MAX) },
    schema: credentialListResponse,
    signal,
  });
}

export function createCredential(body: CreateCredentialRequest): Promise<Credential> {
  return apiRequest({
    method: 'POST',
    path: '/v1/credentials',
    body,
    schema: credentialResponse,
    timeoutMs: VAULT_BOUND_TIMEOUT_MS,
  });
}

/** Contract 3.5: the full body again, so attaching a key needs the login's password. */
export function replaceCredential(id: string, body: CreateCredentialRequest): Promise<Credential> {
  return apiRequest({
    method: 'POST',
    path: credentialPath(id, '/update'),
    body,
    schema: credentialResponse,
    timeoutMs: VAULT_BOUND_TIMEOUT_MS,
  });
}

export function fetchTotpCode(id: string, signal?: AbortSignal) {
  return apiRequest({
    path: credentialPath(id, '/totp-code'),
    schema: totpCodeSchema,
    signal,
    timeoutMs: VAULT_BOUND_TIMEOUT_MS,
  });
}

const folderSchema = z.object({ folder_id: z.string(), title: z.string() });
export type ImportFolder = z.infer<typeof folderSchema>;

/** F2: one page of the largest size (500) covers any realistic set. */
export function listFolders(): Promise<ImportFolder[]> {
  return apiRequest({
    path: '/v1/credential_folders',
    query: { page: 1, page_size: 500 },
    schema: z.array(folderSchema),
  });
}

/** F1. */
export function createFolder(title: string): Promise<ImportFolder> {
  return apiRequest({
    method: 'POST',
    path: '/v1/credential_folders',
    body: { title, description: null },
    schema: folderSchema,
  });
}

/** F6. */
export function assignFolder(credentialId: string, folderId: string): Promise<Credential> {
  return apiRequest({
    method: 'PUT',
    path: credentialPath(credentialId, '/folder'),
    body: { folder_id: folderId },
    schema: credentialResponse,
  });
}
