/*
 * Vault-provider configuration P1–P8 (contract 12.1–12.4); P9 is K4's clear route in
 * ./custom-config. Answers are Skyvern's, secrets included (the 1Password token and the Azure client
 * secret come back in clear; the Bitwarden master password never does). Unlike Skyvern, which
 * stores these rows in plain text, the sandbox seals each configuration with AES-256-GCM, bound to
 * its row id.
 */
import { newId } from '../lib/ids';
import { naiveIsoNow } from '../lib/time';
import type { SkyvernContext } from './context';
import { HttpError, json } from './http';
import { bitwardenItems, onePasswordItems } from './provider-items';
import type {
  AzureCredentialRequest,
  BitwardenCredentialRequest,
  OnePasswordTokenRequest,
} from './provider-schemas';
import type { AuthTokenRow } from './store';

export const ONEPASSWORD_TOKEN_TYPE = 'onepassword_service_account';
export const BITWARDEN_TOKEN_TYPE = 'bitwarden_credential';
export const AZURE_TOKEN_TYPE = 'azure_client_secret_credential';

interface BitwardenConfig {
  email: string;
  master_password: string;
}
interface AzureConfig {
  tenant_id: string;
  client_id: string;
  client_secret: string;
}

/** The common token fields, in the order of 12.1, then the provider's own field. */
function tokenResponse(row: AuthTokenRow, extra: Record<string, unknown>) {
  return {
    token: {
      id: row.id,
      organization_id: row.organization_id,
      token_type: row.token_type,
      valid: true,
      created_at: row.created_at,
      modified_at: row.modified_at,
      ...extra,
    },
  };
}

/** Revokes the type's active row and stores the sealed value as the new one. */
function save(ctx: SkyvernContext, organizationId: string, tokenType: string, value: string) {
  const { id, seq } = newId('oat');
  const now = naiveIsoNow();
  const row: AuthTokenRow = {
    id,
    organization_id: organizationId,
    token_type: tokenType,
    token: ctx.box.seal(value, id),
    valid: 1,
    created_at: now,
    modified_at: now,
  };
  ctx.store.replaceToken({ ...row, seq });
  return row;
}

/** The newest valid row and its opened value, or null when nothing is configured. */
function load(ctx: SkyvernContext, organizationId: string, tokenType: string) {
  const row = ctx.store.activeToken(organizationId, tokenType);
  return row === undefined ? null : { row, value: ctx.box.open(row.token, row.id) };
}

// ---- 1Password -----------------------------------------------------------------------------

export function getOnePassword(ctx: SkyvernContext, organizationId: string) {
  const found = load(ctx, organizationId, ONEPASSWORD_TOKEN_TYPE);
  if (found === null) {
    throw new HttpError(404, 'No OnePassword service account token found for this organization');
  }
  return json(200, tokenResponse(found.row, { token: found.value }));
}

export function saveOnePassword(
  ctx: SkyvernContext,
  organizationId: string,
  request: OnePasswordTokenRequest,
) {
  const token = request.values.token;
  const row = save(ctx, organizationId, ONEPASSWORD_TOKEN_TYPE, token);
  return json(200, tokenResponse(row, { token }));
}

/** P3: never falls back to a server-wide token. */
export function listOnePasswordItems(ctx: SkyvernContext, organizationId: string) {
  const found = load(ctx, organizationId, ONEPASSWORD_TOKEN_TYPE);
  if (found === null) return json(200, { configured: false, items: [] });
  return json(200, { configured: true, items: onePasswordItems(found.value) });
}

// ---- Bitwarden -----------------------------------------------------------------------------

export function getBitwarden(ctx: SkyvernContext, organizationId: string) {
  const found = load(ctx, organizationId, BITWARDEN_TOKEN_TYPE);
  if (found === null) {
    throw new HttpError(404, 'No Bitwarden credential found for this organization');
  }
  const config = JSON.parse(found.value) as BitwardenConfig;
  return json(200, tokenResponse(found.row, { credential: { email: config.email } }));
}

export function saveBitwarden(
  ctx: SkyvernContext,
  organizationId: string,
  request: BitwardenCredentialRequest,
) {
  const { email, master_password } = request.values.credential.values;
  const config: BitwardenConfig = { email, master_password };
  const row = save(ctx, organizationId, BITWARDEN_TOKEN_TYPE, JSON.stringify(config));
  return json(200, tokenResponse(row, { credential: { email } }));
}

/** P6: never falls back to the server's Bitwarden settings. */
export function listBitwardenItems(ctx: SkyvernContext, organizationId: string) {
  const found = load(ctx, organizationId, BITWARDEN_TOKEN_TYPE);
  if (found === null) return json(200, { configured: false, items: [] });
  const config = JSON.parse(found.value) as BitwardenConfig;
  return json(200, {
    configured: true,
    items: bitwardenItems(config.email, config.master_password),
  });
}

// ---- Azure ---------------------------------------------------------------------------------

function azureResponse(row: AuthTokenRow, config: AzureConfig) {
  return tokenResponse(row, {
    credential: {
      tenant_id: config.tenant_id,
      client_id: config.client_id,
      client_secret: config.client_secret,
    },
  });
}

export function getAzure(ctx: SkyvernContext, organizationId: string) {
  const found = load(ctx, organizationId, AZURE_TOKEN_TYPE);
  if (found === null) {
    throw new HttpError(404, 'No Azure Client Secret Credential found for this organization');
  }
  return json(200, azureResponse(found.row, JSON.parse(found.value) as AzureConfig));
}

export function saveAzure(
  ctx: SkyvernContext,
  organizationId: string,
  request: AzureCredentialRequest,
) {
  const { tenant_id, client_id, client_secret } = request.values.credential.values;
  const config: AzureConfig = { tenant_id, client_id, client_secret };
  const row = save(ctx, organizationId, AZURE_TOKEN_TYPE, JSON.stringify(config));
  return json(200, azureResponse(row, config));
}
