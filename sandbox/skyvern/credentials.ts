/*
 * The credential endpoints C1–C7 (contract section 3). Handlers receive validated input from
 * `endpoint()` and throw HttpError/UnexpectedError for the documented failures.
 */
import { randomBytes } from 'node:crypto';
import { newId } from '../lib/ids';
import { naiveIsoNow } from '../lib/time';
import { totpAt } from '../lib/totp';
import {
  AUTHENTICATOR_MESSAGES,
  normalizeAuthenticatorKey,
  SAVED_KEY_INVALID_MESSAGE,
} from './authenticator';
import type { SkyvernContext } from './context';
import { EmptyNotFound, HttpError, json, UnexpectedError } from './http';
import type {
  CreateCredentialRequest,
  CredentialInput,
  ListCredentialsQuery,
  ProxyLocation,
  UpdateCredentialRequest,
} from './schemas';
import { credentialResponse, parseStoredProxyLocation } from './serialize';
import type { CredentialFields, CredentialRow } from './store';
import {
  CustomServiceError,
  LocalVault,
  resolveCustomVault,
  VaultItemMissing,
  type CardItem,
  type Vault,
  type VaultItem,
} from './vaults';

const NO_AUTHENTICATOR = 'This credential does not have an authenticator app configured.';
const ISP = 'RESIDENTIAL_ISP';

// ---- helpers -------------------------------------------------------------------------------

function notFoundWithId(id: string): HttpError {
  return new HttpError(404, `Credential not found, credential_id=${id}`);
}

function customServiceFailure(error: CustomServiceError): HttpError {
  return new HttpError(502, `Custom credential service returned ${error.message}`);
}

/** Runs a vault call, turning custom-service failures into Skyvern's 502. */
async function vaultCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CustomServiceError) throw customServiceFailure(error);
    throw error;
  }
}

/** Authenticator validation (3.1 step 3): returns the seed to store for a password credential. */
function storedSeed(credential: CredentialInput): string | null {
  if (credential.kind !== 'password') return null;
  if (credential.totp_type !== 'authenticator') return credential.totp;
  const result = normalizeAuthenticatorKey(credential.totp);
  if (!result.ok) {
    throw new HttpError(400, {
      error_code: result.code,
      message: AUTHENTICATOR_MESSAGES[result.code],
    });
  }
  return result.stored;
}

/** The sandbox has no browser profiles, so any id names a missing one (3.9). */
function assertBrowserProfile(id: string | null): void {
  if (id !== null) throw new HttpError(400, `Browser profile not found, browser_profile_id=${id}`);
}

function lastFour(cardNumber: string): string {
  return Array.from(cardNumber).slice(-4).join('');
}

function mintSessionId(): string {
  return randomBytes(5).toString('hex');
}

function cleanSession(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

interface ProxyState {
  location: ProxyLocation;
  sessionId: string | null;
}

/** Proxy fields on create (3.9). */
function proxyOnCreate(location: ProxyLocation, session: string | null, pin: boolean): ProxyState {
  let state: ProxyState = { location, sessionId: cleanSession(session) };
  if (state.sessionId !== null && state.location === null) state.location = ISP;
  if (state.location !== ISP) state.sessionId = null;
  else if (state.sessionId === null) state.sessionId = mintSessionId();
  if (pin && state.sessionId === null) state = { location: ISP, sessionId: mintSessionId() };
  return state;
}

/** Proxy fields on PATCH and update: only keys present in the body count (3.9). */
function proxyOnChange(
  current: ProxyState,
  present: ReadonlySet<string>,
  body: {
    proxy_location: ProxyLocation;
    proxy_session_id: string | null;
    rotate_proxy_session_id: boolean | null;
    pin_saved_session_ip: boolean | null;
  },
): ProxyState {
  const state = { ...current };
  const sentSession = present.has('proxy_session_id') ? cleanSession(body.proxy_session_id) : null;
  if (present.has('proxy_location')) {
    if (body.proxy_location === ISP) {
      state.location = ISP;
      state.sessionId = sentSession ?? state.sessionId ?? mintSessionId();
    } else {
      state.location = body.proxy_location;
      state.sessionId = null;
    }
  } else if (present.has('proxy_session_id')) {
    if (sentSession !== null) {
      state.location = ISP;
      state.sessionId = sentSession;
    } else {
      state.location = null;
      state.sessionId = null;
    }
  }
  if (body.rotate_proxy_session_id === true) {
    state.location = ISP;
    state.sessionId = mintSessionId();
  }
  if (body.pin_saved_session_ip === true && state.sessionId === null) {
    state.location = ISP;
    state.sessionId = mintSessionId();
  }
  return state;
}

/** The non-secret columns derived from the credential, by the request's credential_type. */
function typeColumns(
  credentialType: string,
  credential: CredentialInput,
): Pick<
  CredentialFields,
  'username' | 'totp_type' | 'totp_identifier' | 'card_last_four' | 'card_brand' | 'secret_label'
> {
  // Skyvern reads these attributes by credential_type; a shape that lacks them raises
  // AttributeError, which surfaces as an unhandled 500 (contract 3.1, shape selection caveat).
  if (credentialType !== credential.kind) throw new UnexpectedError('AttributeError');
  const none = {
    username: null,
    totp_type: 'none',
    totp_identifier: null,
    card_last_four: null,
    card_brand: null,
    secret_label: null,
  };
  if (credential.kind === 'password') {
    return {
      ...none,
      username: credential.username,
      totp_type: credential.totp_type,
      totp_identifier: credential.totp_identifier,
    };
  }
  if (credential.kind === 'credit_card') {
    return {
      ...none,
      card_last_four: lastFour(credential.card_number),
      card_brand: credential.card_brand,
    };
  }
  return { ...none, secret_label: credential.secret_label };
}

function newItem(
  credential: CredentialInput,
  seed: string | null,
  previous: VaultItem | null,
): VaultItem {
  if (credential.kind === 'password') {
    const oldMetadata = previous?.type === 'password' ? previous.metadata : null;
    return {
      type: 'password',
      username: credential.username,
      password: credential.password,
      totp: seed,
      totp_type: credential.totp_type,
      metadata: credential.present.has('metadata') ? credential.metadata : oldMetadata,
    };
  }
  if (credential.kind === 'credit_card') {
    const old: CardItem | null = previous?.type === 'credit_card' ? previous : null;
    let address = credential.present.has('billing_address')
      ? credential.billing_address
      : (old?.billing_address ?? null);
    // A sent address is merged over the old one: omitted sub-keys are kept.
    if (credential.present.has('billing_address') && address !== null && old?.billing_address) {
      address = { ...old.billing_address, ...address };
    }
    const sent = (key: string) => credential.present.has(key);
    return {
      type: 'credit_card',
      card_holder_name: credential.card_holder_name,
      card_number: credential.card_number,
      card_exp_month: credential.card_exp_month,
      card_exp_year: credential.card_exp_year,
      card_cvv: credential.card_cvv,
      card_brand: credential.card_brand,
      billing_address: address,
      billing_email: sent('billing_email')
        ? credential.billing_email
        : (old?.billing_email ?? null),
      billing_phone: sent('billing_phone')
        ? credential.billing_phone
        : (old?.billing_phone ?? null),
      metadata: sent('metadata') ? credential.metadata : (old?.metadata ?? null),
    };
  }
  return {
    type: 'secret',
    secret_value: credential.secret_value,
    secret_label: credential.secret_label,
  };
}

/** Whether an update must read the old item first to carry fields over (contract 6.3). */
function needsPreviousItem(credential: CredentialInput): boolean {
  if (credential.kind === 'password') return !credential.present.has('metadata');
  if (credential.kind === 'credit_card') {
    return ['billing_address', 'billing_email', 'billing_phone', 'metadata'].some(
      (key) => !credential.present.has(key),
    );
  }
  return false;
}

/** The vault for a new credential (3.1 step 5). */
function vaultForCreate(
  ctx: SkyvernContext,
  organizationId: string,
  requested: string | null,
): Vault {
  const vaultType = requested ?? ctx.credentialVaultType;
  switch (vaultType) {
    case 'skyvern':
      return new LocalVault(ctx.store, ctx.box, organizationId);
    case 'custom': {
      const resolved = resolveCustomVault({
        store: ctx.store,
        organizationId,
        envConfig: ctx.envCustomConfig,
        policy: ctx.policy,
        timeoutMs: ctx.customVaultTimeoutMs,
      });
      if (resolved.kind === 'ok') return resolved.vault;
      if (resolved.kind === 'not_configured') {
        throw new HttpError(
          400,
          `Custom credential service not configured for organization ${organizationId}`,
        );
      }
      throw new HttpError(
        400,
        'Custom credential service configuration for this organization is invalid. Re-save the API base URL and API token for the custom credential service.',
      );
    }
    case 'azure_vault':
      throw new HttpError(400, 'Azure Vault credential is not supported');
    case 'gcp':
      throw new HttpError(400, 'GCP credential vault is not supported');
    case 'bitwarden':
      // Not documented by the contract (Bitwarden failures were not analysed, section 9).
      throw new HttpError(400, 'Bitwarden credential vault is not supported');
    default:
      throw new HttpError(400, 'Credential storage not supported');
  }
}

/** The vault of an existing credential, for update and delete (3.5, 3.6). */
function vaultForExisting(ctx: SkyvernContext, row: CredentialRow): Vault {
  if (row.vault_type === 'skyvern') return new LocalVault(ctx.store, ctx.box, row.organization_id);
  if (row.vault_type === 'custom') {
    const resolved = resolveCustomVault({
      store: ctx.store,
      organizationId: row.organization_id,
      envConfig: ctx.envCustomConfig,
      policy: ctx.policy,
      timeoutMs: ctx.customVaultTimeoutMs,
    });
    if (resolved.kind === 'ok') return resolved.vault;
    if (resolved.kind === 'not_configured') {
      throw new HttpError(
        400,
        `Custom credential service not configured for organization ${row.organization_id}`,
      );
    }
    throw new UnexpectedError('CustomCredentialConfigurationError');
  }
  throw new HttpError(400, 'Unsupported credential storage type');
}

function currentProxy(row: CredentialRow): ProxyState {
  return {
    location: parseStoredProxyLocation(row.proxy_location),
    sessionId: row.proxy_session_id,
  };
}

function rowFields(row: CredentialRow): CredentialFields {
  const {
    id: _id,
    organization_id: _org,
    created_at: _created,
    modified_at: _modified,
    ...fields
  } = row;
  return fields;
}

const serializeProxy = (location: ProxyLocation) =>
  location === null ? null : JSON.stringify(location);

// ---- C1: create ----------------------------------------------------------------------------

export async function createCredential(
  ctx: SkyvernContext,
  organizationId: string,
  request: CreateCredentialRequest,
  legacy: boolean,
): Promise<Response> {
  const body = request.values;
  const seed = storedSeed(body.credential);
  assertBrowserProfile(body.browser_profile_id);
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
    browser_profile_id: null,
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
    throw error;
  }
  const row = ctx.store.getCredential(organizationId, id);
  if (row === undefined) throw new UnexpectedError('NoResultFound');
  return json(legacy ? 200 : 201, credentialResponse(row));
}

// ---- C2, C3: list and get ------------------------------------------------------------------

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

// ---- C4: PATCH -----------------------------------------------------------------------------

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
  if (present.has('browser_profile_id')) assertBrowserProfile(body.browser_profile_id);

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
  if (present.has('browser_profile_id')) fields.browser_profile_id = null;
  if (body.pin_saved_session_ip !== null)
    fields.pin_saved_session_ip = body.pin_saved_session_ip ? 1 : 0;
  const proxy = proxyOnChange(currentProxy(row), present, body);
  fields.proxy_location = serializeProxy(proxy.location);
  fields.proxy_session_id = proxy.sessionId;

  if (!ctx.store.updateCredential(row, fields, naiveIsoNow())) throw new EmptyNotFound();
  const updated = ctx.store.getCredential(organizationId, id);
  if (updated === undefined) throw new EmptyNotFound();
  return json(200, credentialResponse(updated));
}

// ---- C5: update (replace the secret) -------------------------------------------------------

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
  if (present.has('browser_profile_id')) assertBrowserProfile(body.browser_profile_id);
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
  if (present.has('browser_profile_id')) fields.browser_profile_id = null;
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

  if (!ctx.store.updateCredential(row, fields, naiveIsoNow())) {
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

// ---- C6: delete ----------------------------------------------------------------------------

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

// ---- C7: current authenticator code --------------------------------------------------------

export async function currentTotpCode(ctx: SkyvernContext, organizationId: string, id: string) {
  const row = ctx.store.getCredential(organizationId, id);
  if (row === undefined) throw new HttpError(404, 'Credential not found');
  if (row.credential_type !== 'password' || row.totp_type !== 'authenticator') {
    throw new HttpError(400, NO_AUTHENTICATOR);
  }
  const now = ctx.now();
  const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
  const cached = ctx.totpCache.get(id);
  if (cached !== undefined && now < cached.expiresAtMs) {
    const secondsRemaining = Math.max(1, Math.ceil((cached.expiresAtMs - now) / 1000));
    return json(200, { code: cached.code, seconds_remaining: secondsRemaining }, noStore);
  }

  let vault: Vault;
  if (row.vault_type === 'skyvern') {
    vault = new LocalVault(ctx.store, ctx.box, organizationId);
  } else if (row.vault_type === 'custom') {
    const resolved = resolveCustomVault({
      store: ctx.store,
      organizationId,
      envConfig: ctx.envCustomConfig,
      policy: ctx.policy,
      timeoutMs: ctx.customVaultTimeoutMs,
    });
    if (resolved.kind === 'not_configured') {
      throw new HttpError(400, 'Custom credential service is not configured for this organization');
    }
    if (resolved.kind === 'invalid')
      throw new HttpError(500, 'Unable to retrieve credential from vault');
    vault = resolved.vault;
  } else {
    throw new HttpError(400, 'Unsupported credential storage type');
  }

  let item: VaultItem;
  try {
    item = await vaultCall(() => vault.get(row.item_id));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(500, 'Unable to retrieve credential from vault');
  }
  if (item.type !== 'password') throw new HttpError(400, NO_AUTHENTICATOR);
  if (item.totp === null || item.totp.trim() === '') {
    throw new HttpError(400, {
      error_code: 'authenticator_key_required',
      message: SAVED_KEY_INVALID_MESSAGE,
    });
  }
  const parsed = normalizeAuthenticatorKey(item.totp);
  if (!parsed.ok) {
    throw new HttpError(400, {
      error_code: 'invalid_authenticator_key',
      message: SAVED_KEY_INVALID_MESSAGE,
    });
  }
  const { code, secondsRemaining } = totpAt(parsed.params, now);
  const periodMs = parsed.params.period * 1000;
  ctx.totpCache.set(id, {
    code,
    period: parsed.params.period,
    expiresAtMs: Math.floor(now / periodMs) * periodMs + periodMs,
  });
  return json(200, { code, seconds_remaining: secondsRemaining }, noStore);
}
