import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiRequest } from '../../../api/client';
import { mutationKeys, queryKeys } from '../../../api/query-keys';
import { credentialResponse } from '../../../api/response-guards';
import { credentialPath } from './credentials';
import { isGone } from './mutations';

/*
 * Credential folders (contract 10, routes F1–F6). Loaded only by the lazy folder panel and the
 * folder dialogs, never by the list's first paint. Folder payloads carry no secrets.
 */

export const folderSchema = z.object({
  folder_id: z.string(),
  title: z.string(),
  description: z.nullish(z.string()),
  credential_count: z.int(),
  created_at: z.optional(z.string()),
  modified_at: z.optional(z.string()),
});
export type Folder = z.infer<typeof folderSchema>;
export const folderListSchema = z.array(folderSchema);
const folderDeletedSchema = z.object({ status: z.string(), folder_id: z.string() });

/** Contract 10.2: 1–255 characters, stored exactly as sent. */
export const FOLDER_TITLE_MAX = 255;
/** F2 allows up to 500 per page; one page of the largest size covers any realistic set. */
export const FOLDER_PAGE_SIZE = 500;

function folderPath(id: string): string {
  return `/v1/credential_folders/${encodeURIComponent(id)}`;
}

export function fetchFolders(signal?: AbortSignal) {
  return apiRequest({
    path: '/v1/credential_folders',
    query: { page: 1, page_size: FOLDER_PAGE_SIZE },
    schema: folderListSchema,
    signal,
  });
}

export const folderListQuery = () =>
  queryOptions({
    queryKey: queryKeys.folders.list(),
    queryFn: ({ signal }) => fetchFolders(signal),
    // Skyvern sorts by modified_at with no tie-breaker; a stable, readable order is by title.
    select: (folders: Folder[]) =>
      [...folders].sort((a, b) =>
        a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
      ),
  });

export function fetchFolder(id: string, signal?: AbortSignal) {
  return apiRequest({ path: folderPath(id), schema: folderSchema, signal });
}

export const folderDetailQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.folders.detail(id),
    queryFn: ({ signal }) => fetchFolder(id, signal),
  });

export interface FolderInput {
  title: string;
  description?: string | undefined;
}

export function createFolder(input: FolderInput) {
  return apiRequest({
    method: 'POST',
    path: '/v1/credential_folders',
    body: { title: input.title, description: input.description || null },
    schema: folderSchema,
  });
}

/** F4 is a partial update: absent fields stay as they are; a description cannot go back to null. */
export function updateFolder(id: string, input: Partial<FolderInput>) {
  return apiRequest({ method: 'PUT', path: folderPath(id), body: input, schema: folderSchema });
}

export function deleteFolder(id: string) {
  return apiRequest({ method: 'DELETE', path: folderPath(id), schema: folderDeletedSchema });
}

/**
 * F6 (contract 10.8): `PUT /v1/credentials/{id}/folder`, the only way to file a credential.
 * `null` takes it out of its folder. An unknown folder is a 400, an unknown credential a 404.
 */
export function moveCredentialToFolder(credentialId: string, folderId: string | null) {
  return apiRequest({
    method: 'PUT',
    path: credentialPath(credentialId, '/folder'),
    body: { folder_id: folderId },
    schema: credentialResponse,
  });
}

function useRefreshFolders() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.folders.all() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.credentials.lists() }),
    ]);
}

export function useCreateFolder() {
  const refresh = useRefreshFolders();
  return useMutation({
    mutationKey: mutationKeys.createFolder(),
    mutationFn: createFolder,
    onSuccess: () => refresh(),
  });
}

export function useUpdateFolder(id: string) {
  const refresh = useRefreshFolders();
  return useMutation({
    mutationKey: mutationKeys.updateFolder(),
    mutationFn: (input: Partial<FolderInput>) => updateFolder(id, input),
    onSuccess: () => refresh(),
  });
}

export function useDeleteFolder(id: string) {
  const refresh = useRefreshFolders();
  return useMutation({
    mutationKey: mutationKeys.deleteFolder(),
    // A second delete answers 404 (contract 10.7): the folder is gone either way.
    mutationFn: () =>
      deleteFolder(id).catch((error: unknown) => {
        if (isGone(error)) {
          return { status: 'deleted', folder_id: id };
        }
        throw error;
      }),
    onSuccess: () => refresh(),
  });
}
