/*
 * Credential folders F1–F6 (contract section 10). Folder routes answer 200 everywhere (create and
 * delete included); assignment (F6) returns the credential.
 */
import { newId } from '../lib/ids';
import { naiveIsoNow } from '../lib/time';
import type { SkyvernContext } from './context';
import type {
  AssignFolderRequest,
  CreateFolderRequest,
  ListFoldersQuery,
  UpdateFolderRequest,
} from './folder-schemas';
import type { FolderRow } from './folder-store';
import { HttpError, json } from './http';
import { credentialResponse } from './serialize';

/** Key order of 10.2: the base-class fields first. */
function folderResponse(row: FolderRow, credentialCount: number) {
  return {
    title: row.title,
    description: row.description,
    folder_id: row.id,
    organization_id: row.organization_id,
    credential_count: credentialCount,
    created_at: row.created_at,
    modified_at: row.modified_at,
  };
}

function folderNotFound(id: string): HttpError {
  return new HttpError(404, `Credential folder ${id} not found`);
}

function liveFolder(ctx: SkyvernContext, organizationId: string, id: string): FolderRow {
  const row = ctx.folders.get(organizationId, id);
  if (row === undefined) throw folderNotFound(id);
  return row;
}

function countOf(ctx: SkyvernContext, organizationId: string, id: string): number {
  return ctx.folders.counts(organizationId, [id]).get(id) ?? 0;
}

/** F1: a new folder always counts 0 (10.3). */
export function createFolder(
  ctx: SkyvernContext,
  organizationId: string,
  request: CreateFolderRequest,
) {
  const { id, seq } = newId('cfld');
  const now = naiveIsoNow();
  const row: FolderRow = {
    id,
    organization_id: organizationId,
    title: request.values.title,
    description: request.values.description,
    created_at: now,
    modified_at: now,
  };
  ctx.folders.insert({ ...row, seq });
  return json(200, folderResponse(row, 0));
}

/** F2 (10.4). */
export function listFolders(ctx: SkyvernContext, organizationId: string, query: ListFoldersQuery) {
  const { page, page_size: pageSize, search } = query.values;
  const offset = (page - 1) * pageSize;
  if (!Number.isSafeInteger(offset)) return json(200, []);
  const rows = ctx.folders.list(organizationId, search, pageSize, offset);
  const counts = ctx.folders.counts(
    organizationId,
    rows.map((row) => row.id),
  );
  return json(
    200,
    rows.map((row) => folderResponse(row, counts.get(row.id) ?? 0)),
  );
}

/** F3 (10.5). */
export function getFolder(ctx: SkyvernContext, organizationId: string, id: string) {
  const row = liveFolder(ctx, organizationId, id);
  return json(200, folderResponse(row, countOf(ctx, organizationId, id)));
}

/** F4: a partial update despite the verb; null never clears (10.6). */
export function updateFolder(
  ctx: SkyvernContext,
  organizationId: string,
  id: string,
  request: UpdateFolderRequest,
) {
  const row = liveFolder(ctx, organizationId, id);
  const { title, description } = request.values;
  const next: FolderRow = {
    ...row,
    title: title ?? row.title,
    description: description ?? row.description,
  };
  if (!ctx.folders.update(next, naiveIsoNow())) throw folderNotFound(id);
  const updated = liveFolder(ctx, organizationId, id);
  return json(200, folderResponse(updated, countOf(ctx, organizationId, id)));
}

/** F5: soft delete; its credentials become unfiled and are never deleted (10.7). */
export function deleteFolder(ctx: SkyvernContext, organizationId: string, id: string) {
  if (!ctx.folders.softDelete(organizationId, id, naiveIsoNow())) throw folderNotFound(id);
  return json(200, { status: 'deleted', folder_id: id });
}

/** F6: credential first (404), then folder (400); null or "" unfiles (10.8). */
export function assignFolder(
  ctx: SkyvernContext,
  organizationId: string,
  credentialId: string,
  request: AssignFolderRequest,
) {
  const credential = ctx.store.getCredential(organizationId, credentialId);
  if (credential === undefined) throw new HttpError(404, `Credential ${credentialId} not found`);
  const sent = request.values.folder_id;
  const folderId = sent === null || sent === '' ? null : sent;
  if (folderId !== null && ctx.folders.get(organizationId, folderId) === undefined) {
    throw new HttpError(400, `Credential folder ${folderId} not found`);
  }
  if (!ctx.folders.assign(organizationId, credentialId, folderId, naiveIsoNow())) {
    throw new HttpError(404, `Credential ${credentialId} not found`);
  }
  const updated = ctx.store.getCredential(organizationId, credentialId);
  if (updated === undefined) throw new HttpError(404, `Credential ${credentialId} not found`);
  return json(200, credentialResponse(updated));
}
