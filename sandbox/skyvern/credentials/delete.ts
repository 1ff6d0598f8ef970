/*
 * C6: delete a credential (contract 3.6): the vault item first, then the soft delete.
 */
import { naiveIsoNow } from '../../lib/time';
import type { SkyvernContext } from '../context';
import { HttpError, json } from '../http';
import { notFoundWithId } from './errors';
import { vaultCall, vaultForExisting } from './vault-choice';

export async function deleteCredential(
  ctx: SkyvernContext,
  organizationId: string,
  id: string,
  legacy: boolean,
): Promise<Response> {
  const row = ctx.store.getCredential(organizationId, id);
  if (row === undefined) throw notFoundWithId(id);
  const vault = vaultForExisting(ctx, row);
  // A custom service must accept the delete first; otherwise the credential stays (502).
  await vaultCall(() => vault.remove(row.item_id));
  if (!ctx.store.softDeleteCredential(row, naiveIsoNow())) {
    throw new HttpError(409, 'Credential was modified by another request. Please retry.');
  }
  ctx.totpCache.delete(id);
  return legacy ? json(200, null) : new Response(null, { status: 204 });
}
