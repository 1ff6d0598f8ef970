/*
 * What one import row does against Skyvern, for the shared task queue (src/lib/task-queue.ts).
 *
 * Nothing is created twice:
 * - a row remembers the credential it created, so a retry (the queue's, or Retry failed) after a
 *   later step failed (filing it in its folder) does not create it again;
 * - a create whose answer was lost (timeout, network, an unreadable or 5xx answer) may have been
 *   applied: before it is sent again, the server's search is asked for a credential with the same
 *   type, name and username that was not there before the import, and that one is adopted.
 */
import { isApiError } from '../../api/client';
import type { CreateCredentialRequest, Credential } from '../../api/schemas';
import { classifyHttpError, type ErrorClass } from '../../lib/task-queue';
import {
  assignFolder,
  createCredential,
  createFolder,
  listFolders,
  replaceCredential,
  searchCredentials,
} from './api';
import { requestFor, type PlanRow } from './plan';

export interface RowResult {
  credentialId: string;
}

/** The answer may never have come back although Skyvern applied the request. */
export function mayHaveBeenApplied(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.kind === 'http') return error.status >= 500;
  return (
    error.kind === 'timeout' ||
    error.kind === 'network' ||
    error.kind === 'cors' ||
    error.kind === 'unreadable'
  );
}

/**
 * Skyvern's unhandled 500s carry no CORS headers, so the browser reports them as unreadable:
 * those are retried (boundedly) like any 5xx.
 */
export function classifyImportError(error: unknown): ErrorClass {
  if (isApiError(error) && (error.kind === 'unreadable' || error.kind === 'cors')) {
    return 'transient';
  }
  return classifyHttpError(error);
}

function sameCredential(body: CreateCredentialRequest, credential: Credential): boolean {
  if (credential.credential_type !== body.credential_type || credential.name !== body.name) {
    return false;
  }
  if (credential.credential_type === 'password' && body.credential_type === 'password') {
    return credential.credential.username === body.credential.username;
  }
  return true;
}

export interface ImportRunner {
  /** Finds or creates the folders the rows are filed in. Throws when Skyvern refuses. */
  prepareFolders(titles: readonly string[]): Promise<void>;
  run(row: PlanRow): Promise<RowResult>;
  /** The credential a row created, even when a later step failed. */
  createdId(rowId: string): string | undefined;
  forget(): void;
}

/** `preexisting`: ids of credentials seen before the import (the dry run's search answers). */
export function createImportRunner(preexisting: ReadonlySet<string>): ImportRunner {
  const known = new Set(preexisting);
  const created = new Map<string, string>();
  const uncertain = new Set<string>();
  const folderIds = new Map<string, string>();

  async function adoptApplied(body: CreateCredentialRequest): Promise<string | undefined> {
    const found = await searchCredentials(body.name || '');
    return found.find(
      (credential) => !known.has(credential.credential_id) && sameCredential(body, credential),
    )?.credential_id;
  }

  return {
    async prepareFolders(titles) {
      const wanted = titles.filter((title) => title && !folderIds.has(title));
      if (wanted.length === 0) return;
      const existing = await listFolders();
      for (const folder of existing) {
        if (!folderIds.has(folder.title)) folderIds.set(folder.title, folder.folder_id);
      }
      for (const title of wanted) {
        if (folderIds.has(title)) continue;
        const folder = await createFolder(title);
        folderIds.set(title, folder.folder_id);
      }
    },

    async run(row) {
      const id = row.entry.id;
      const request = requestFor(row);
      if (!request) throw new Error('This row is not ready to import.');
      let credentialId = created.get(id);
      if (credentialId === undefined) {
        if (request.kind === 'update') {
          credentialId = (await replaceCredential(request.credentialId, request.body))
            .credential_id;
        } else {
          if (uncertain.has(id)) {
            credentialId = await adoptApplied(request.body);
            uncertain.delete(id);
          }
          if (credentialId === undefined) {
            try {
              credentialId = (await createCredential(request.body)).credential_id;
            } catch (error) {
              if (mayHaveBeenApplied(error)) uncertain.add(id);
              throw error;
            }
          }
        }
        created.set(id, credentialId);
        known.add(credentialId);
      }
      const folder = row.entry.folder;
      const folderId = folder ? folderIds.get(folder) : undefined;
      if (folderId !== undefined && request.kind === 'create') {
        await assignFolder(credentialId, folderId);
      }
      return { credentialId };
    },

    createdId: (rowId) => created.get(rowId),

    forget() {
      created.clear();
      uncertain.clear();
      folderIds.clear();
      known.clear();
    },
  };
}
