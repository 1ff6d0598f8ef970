/*
 * The organisation's custom credential service configuration: K1–K4 (contract section 5).
 * Stored as an organisation auth token whose `token` is plain JSON text, as Skyvern does.
 */
import { newId } from '../lib/ids';
import { pyJsonDumps } from '../lib/pyrepr';
import { naiveIsoNow } from '../lib/time';
import type { SkyvernContext } from './context';
import { HttpError, json } from './http';
import { outboundFetch, OutboundError, validateOutboundUrl } from './outbound';
import type { CustomServiceConfigRequest } from './schemas';
import { authTokenResponse } from './serialize';
import { CUSTOM_SERVICE_TOKEN_TYPE } from './vaults';

/** K4's provider path segment → the token type it revokes. */
const PROVIDER_TOKEN_TYPES: Record<string, string> = {
  onepassword: 'onepassword_service_account',
  bitwarden: 'bitwarden_credential',
  azure_credential: 'azure_client_secret_credential',
  custom_credential: CUSTOM_SERVICE_TOKEN_TYPE,
};

export function getCustomConfig(ctx: SkyvernContext, organizationId: string) {
  const row = ctx.store.activeToken(organizationId, CUSTOM_SERVICE_TOKEN_TYPE);
  if (row === undefined) {
    throw new HttpError(
      404,
      'No custom credential service configuration found for this organization',
    );
  }
  return json(200, authTokenResponse(row));
}

/** K2: no validation beyond the types; values are stored exactly as sent (contract 5.2). */
export function saveCustomConfig(
  ctx: SkyvernContext,
  organizationId: string,
  request: CustomServiceConfigRequest,
) {
  const config = request.values.config.values;
  const { id, seq } = newId('oat');
  const now = naiveIsoNow();
  const row = {
    id,
    seq,
    organization_id: organizationId,
    token_type: CUSTOM_SERVICE_TOKEN_TYPE,
    token: pyJsonDumps({ api_base_url: config.api_base_url, api_token: config.api_token }),
    created_at: now,
    modified_at: now,
  };
  ctx.store.replaceToken(row);
  return json(200, authTokenResponse({ ...row, valid: 1 }));
}

/** K3: a real bearer-authenticated GET of the URL from the body; only a final 2xx passes. */
export async function testCustomConnection(
  ctx: SkyvernContext,
  request: CustomServiceConfigRequest,
) {
  const config = request.values.config.values;
  const checked = validateOutboundUrl(config.api_base_url, ctx.policy);
  if (!checked.ok) throw new HttpError(400, checked.detail);
  let status: number;
  try {
    const response = await outboundFetch(
      checked.url,
      {
        method: 'GET',
        headers: { Authorization: `Bearer ${config.api_token}` },
        timeoutMs: ctx.testConnectionTimeoutMs,
      },
      ctx.policy,
    );
    status = response.status;
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    throw new HttpError(400, 'Connection test failed: could not reach the specified URL');
  }
  if (status < 200 || status >= 300) {
    throw new HttpError(400, `Connection test failed: server returned HTTP ${status}`);
  }
  return json(200, { success: true });
}

/** K4: revokes the provider's active configuration; idempotent. */
export function clearProviderConfig(ctx: SkyvernContext, organizationId: string, provider: string) {
  const tokenType = PROVIDER_TOKEN_TYPES[provider];
  if (tokenType === undefined || !Object.hasOwn(PROVIDER_TOKEN_TYPES, provider)) {
    throw new HttpError(404, 'Unsupported organization auth credential provider');
  }
  ctx.store.revokeTokens(organizationId, tokenType, naiveIsoNow());
  return json(200, { success: true });
}
