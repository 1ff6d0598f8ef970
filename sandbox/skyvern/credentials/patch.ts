/*
 * C4: PATCH a credential's metadata (contract 3.4, 3.9). Never touches the vault.
 */
import { naiveIsoNow } from '../../lib/time';
import type { SkyvernContext } from '../context';
import { EmptyNotFound, HttpError, json } from '../http';
import type { UpdateCredentialRequest } from '../schemas';
import { credentialResponse } from '../serialize';
import { notFoundWithId } from './errors';
import { rowFields } from './items';
import { checkBrowserProfile, isProfileRace, PROFILE_ALREADY_LINKED } from './profile-link';
import { currentProxy, proxyOnChange, serializeProxy } from './proxy';

export function patchCredential(
  ctx: SkyvernContext,
  organizationId: string,
  id: string,
  request: UpdateCredentialRequest,
) {
  const row = ctx.store.getCredential(organizationId, id);
  if (row === undefined) throw notFoundWithId(id);
  const body = request.values;
  const present = request.present;
  if (body.run_sequentially === true) {
    throw new HttpError(400, 'Sequential credential execution is not supported by this deployment');
  }
  // Re-linking the profile this credential already owns is allowed (13.5).
  if (present.has('browser_profile_id'))
    checkBrowserProfile(ctx, organizationId, body.browser_profile_id, row.id);

  const fields = rowFields(row);
  if (body.name !== null) fields.name = body.name;
  // tested_url and user_context can be set but never cleared here.
  if (body.tested_url !== null) fields.tested_url = body.tested_url;
  if (body.user_context !== null) fields.user_context = body.user_context;
  if (body.save_browser_session_intent !== null) {
    fields.save_browser_session_intent = body.save_browser_session_intent ? 1 : 0;
  }
  if (body.auto_profile_disabled !== null)
    fields.auto_profile_disabled = body.auto_profile_disabled ? 1 : 0;
  if (body.run_sequentially === false) fields.run_sequentially = 0;
  // Present and null unlinks; absent leaves the link alone.
  if (present.has('browser_profile_id')) fields.browser_profile_id = body.browser_profile_id;
  if (body.pin_saved_session_ip !== null)
    fields.pin_saved_session_ip = body.pin_saved_session_ip ? 1 : 0;
  const proxy = proxyOnChange(currentProxy(row), present, body);
  fields.proxy_location = serializeProxy(proxy.location);
  fields.proxy_session_id = proxy.sessionId;

  let written: boolean;
  try {
    written = ctx.store.updateCredential(row, fields, naiveIsoNow());
  } catch (error) {
    throw isProfileRace(error) ? new HttpError(400, PROFILE_ALREADY_LINKED) : error;
  }
  if (!written) throw new EmptyNotFound();
  const updated = ctx.store.getCredential(organizationId, id);
  if (updated === undefined) throw new EmptyNotFound();
  return json(200, credentialResponse(updated));
}
