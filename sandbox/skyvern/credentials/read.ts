/*
 * C2 and C3: list and get credentials (contract 3.2, 3.3). Only Skyvern's own table is read.
 */
import type { SkyvernContext } from '../context';
import { HttpError, json } from '../http';
import type { ListCredentialsQuery } from '../schemas';
import { credentialResponse } from '../serialize';

export function listCredentials(
  ctx: SkyvernContext,
  organizationId: string,
  query: ListCredentialsQuery,
) {
  const {
    page,
    page_size: pageSize,
    vault_type,
    credential_type,
    search,
    folder_id,
  } = query.values;
  // Offsets beyond what SQLite can address only ever mean "past the end".
  const offset = (page - 1) * pageSize;
  if (!Number.isSafeInteger(offset)) return json(200, []);
  const rows = ctx.store.listCredentials(
    organizationId,
    {
      vaultType: vault_type,
      credentialType: credential_type,
      folderId: folder_id,
      search: search === null ? null : search.toLowerCase(),
    },
    pageSize,
    offset,
  );
  return json(200, rows.map(credentialResponse));
}

export function getCredential(ctx: SkyvernContext, organizationId: string, id: string) {
  const row = ctx.store.getCredential(organizationId, id);
  if (row === undefined) throw new HttpError(404, 'Credential not found');
  return json(200, credentialResponse(row));
}
