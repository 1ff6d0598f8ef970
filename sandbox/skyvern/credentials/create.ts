/*
 * C1: create a credential (contract 3.1).
 */
import { newId } from '../../lib/ids';
import { naiveIsoNow } from '../../lib/time';
import type { SkyvernContext } from '../context';
import { HttpError, json, UnexpectedError } from '../http';
import type { CreateCredentialRequest } from '../schemas';
import { credentialResponse } from '../serialize';
import type { CredentialFields } from '../store';
import { newItem, storedSeed, typeColumns } from './items';
import { checkBrowserProfile, isProfileRace, PROFILE_ALREADY_LINKED } from './profile-link';
import { proxyOnCreate, serializeProxy } from './proxy';
import { vaultCall, vaultForCreate } from './vault-choice';

export async function createCredential(
  ctx: SkyvernContext,
  organizationId: string,
  request: CreateCredentialRequest,
  legacy: boolean,
): Promise<Response> {
  const body = request.values;
  const seed = storedSeed(body.credential);
  // Validated before the vault write, so a bad profile leaves no orphan item (13.5).
  checkBrowserProfile(ctx, organizationId, body.browser_profile_id, null);
  const vault = vaultForCreate(ctx, organizationId, body.vault_type);
  const itemId = await vaultCall(() =>
    vault.create(body.name, newItem(body.credential, seed, null)),
  );

  let columns;
  try {
    columns = typeColumns(body.credential_type, body.credential);
  } catch (error) {
    // Skyvern deletes the item it just wrote before the error escapes.
    await vault.remove(itemId).catch(() => undefined);
    throw error;
  }
  const proxy = proxyOnCreate(
    body.proxy_location,
    body.proxy_session_id,
    body.pin_saved_session_ip,
  );
  const { id, seq } = newId('cred');
  const now = naiveIsoNow();
  const fields: CredentialFields = {
    name: body.name,
    credential_type: body.credential_type,
    vault_type: vault.kind,
    item_id: itemId,
    ...columns,
    browser_profile_id: body.browser_profile_id,
    auto_profile_disabled: body.auto_profile_disabled ? 1 : 0,
    pin_saved_session_ip: body.pin_saved_session_ip ? 1 : 0,
    tested_url: body.tested_url,
    user_context: null,
    save_browser_session_intent: 0,
    run_sequentially: 0,
    folder_id: null,
    proxy_location: serializeProxy(proxy.location),
    proxy_session_id: proxy.sessionId,
  };
  try {
    ctx.store.insertCredential({
      ...fields,
      id,
      seq,
      organization_id: organizationId,
      created_at: now,
    });
  } catch (error) {
    await vault.remove(itemId).catch(() => undefined);
    throw isProfileRace(error) ? new HttpError(400, PROFILE_ALREADY_LINKED) : error;
  }
  const row = ctx.store.getCredential(organizationId, id);
  if (row === undefined) throw new UnexpectedError('NoResultFound');
  return json(legacy ? 200 : 201, credentialResponse(row));
}
