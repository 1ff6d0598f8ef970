/*
 * C5: replace a credential's stored secret (contract 3.5): a new vault item, then the old one is
 * removed after the response.
 */
import { naiveIsoNow } from '../../lib/time';
import type { SkyvernContext } from '../context';
import { EmptyNotFound, HttpError, json } from '../http';
import type { CreateCredentialRequest } from '../schemas';
import { credentialResponse } from '../serialize';
import type { CredentialFields } from '../store';
import { VaultItemMissing, type VaultItem } from '../vaults';
import { notFoundWithId } from './errors';
import { needsPreviousItem, newItem, rowFields, storedSeed, typeColumns } from './items';
import { checkBrowserProfile, isProfileRace, PROFILE_ALREADY_LINKED } from './profile-link';
import { currentProxy, proxyOnChange, serializeProxy } from './proxy';
import { vaultCall, vaultForExisting } from './vault-choice';

export async function updateCredential(
  ctx: SkyvernContext,
  organizationId: string,
  id: string,
  request: CreateCredentialRequest,
): Promise<Response> {
  const row = ctx.store.getCredential(organizationId, id);
  if (row === undefined) throw notFoundWithId(id);
  const body = request.values;
  const present = request.present;
  const seed = storedSeed(body.credential);
  if (present.has('browser_profile_id'))
    checkBrowserProfile(ctx, organizationId, body.browser_profile_id, row.id);
  // The credential's own vault, whatever the body says: credentials never move between vaults.
  const vault = vaultForExisting(ctx, row);

  let previous: VaultItem | null = null;
  if (needsPreviousItem(body.credential)) {
    try {
      previous = await vaultCall(() => vault.get(row.item_id));
    } catch (error) {
      if (error instanceof VaultItemMissing)
        throw new HttpError(404, 'Credential vault item not found');
      throw error;
    }
  }
  const newItemId = await vaultCall(() =>
    vault.create(body.name, newItem(body.credential, seed, previous)),
  );
  const discardNew = () => vault.remove(newItemId).catch(() => undefined);

  let columns;
  try {
    columns = typeColumns(body.credential_type, body.credential);
  } catch (error) {
    await discardNew();
    throw error;
  }
  const fields: CredentialFields = {
    ...rowFields(row),
    name: body.name,
    credential_type: body.credential_type,
    item_id: newItemId,
    ...columns,
  };
  if (body.tested_url !== null) fields.tested_url = body.tested_url;
  if (present.has('browser_profile_id')) fields.browser_profile_id = body.browser_profile_id;
  if (present.has('auto_profile_disabled'))
    fields.auto_profile_disabled = body.auto_profile_disabled ? 1 : 0;
  if (present.has('pin_saved_session_ip'))
    fields.pin_saved_session_ip = body.pin_saved_session_ip ? 1 : 0;
  const proxy = proxyOnChange(currentProxy(row), present, {
    ...body,
    pin_saved_session_ip: present.has('pin_saved_session_ip') ? body.pin_saved_session_ip : null,
  });
  fields.proxy_location = serializeProxy(proxy.location);
  fields.proxy_session_id = proxy.sessionId;

  let written: boolean;
  try {
    written = ctx.store.updateCredential(row, fields, naiveIsoNow());
  } catch (error) {
    await discardNew();
    throw isProfileRace(error) ? new HttpError(400, PROFILE_ALREADY_LINKED) : error;
  }
  if (!written) {
    await discardNew();
    throw new HttpError(409, 'Credential was modified by another request. Please retry.');
  }
  ctx.totpCache.delete(id);
  // The old item is removed after the response; failures are ignored, as in Skyvern.
  ctx.background(() => vault.remove(row.item_id).catch(() => undefined));
  const updated = ctx.store.getCredential(organizationId, id);
  if (updated === undefined) throw new EmptyNotFound();
  return json(200, credentialResponse(updated));
}
