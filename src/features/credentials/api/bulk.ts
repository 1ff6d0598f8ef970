import { useQueryClient } from '@tanstack/react-query';
import { apiRequest, VAULT_BOUND_TIMEOUT_MS } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { Credential } from '../../../api/schemas';
import { credentialPath } from './credentials';
import { moveCredentialToFolder } from './folders';
import { isGone } from './mutations';

/*
 * The per-item work of the bulk actions, run through the shared task queue (src/lib/task-queue.ts:
 * about 4 at a time, 409 retried with backoff, 429/5xx a bounded number of times). Skyvern has no
 * bulk routes (contract 10.8), so every item is one request.
 */

export type BulkDeleteResult = 'deleted' | 'already-gone';

/**
 * C6 (`POST …/delete`). A 404 means the credential is gone: after a retry it is usually our own
 * earlier attempt that Skyvern applied before the answer was lost; either way the goal is met.
 */
export async function deleteForBulk(credential: Credential): Promise<BulkDeleteResult> {
  try {
    await apiRequest({
      method: 'POST',
      path: credentialPath(credential.credential_id, '/delete'),
      timeoutMs: VAULT_BOUND_TIMEOUT_MS,
    });
    return 'deleted';
  } catch (error) {
    if (isGone(error)) return 'already-gone';
    throw error;
  }
}

export type BulkMoveResult = 'moved' | 'already-there';

/** F6 for one credential; one already in the target folder costs no request. */
export async function moveForBulk(
  credential: Credential,
  folderId: string | null,
): Promise<BulkMoveResult> {
  if ((credential.folder_id ?? null) === folderId) return 'already-there';
  await moveCredentialToFolder(credential.credential_id, folderId);
  return 'moved';
}

/**
 * Refreshes what a bulk run changed, once, when a run ends (not after every item): the lists,
 * the folder counts, and the details of the credentials it touched.
 */
export function useRefreshAfterBulk() {
  const queryClient = useQueryClient();
  return async (touched: { deleted?: readonly string[]; moved?: readonly string[] }) => {
    for (const id of touched.deleted ?? []) {
      queryClient.removeQueries({ queryKey: queryKeys.credentials.detail(id) });
      queryClient.removeQueries({ queryKey: queryKeys.credentials.totpCode(id) });
    }
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.credentials.lists() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.folders.all() }),
      ...(touched.moved ?? []).map((id) =>
        queryClient.invalidateQueries({ queryKey: queryKeys.credentials.detail(id) }),
      ),
    ]);
  };
}
