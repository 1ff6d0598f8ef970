/*
 * Where credential secrets live: the local `skyvern` vault (AES-256-GCM items in SQLite) or a
 * custom credential service reached over HTTP exactly as contract section 6 describes.
 */
import { randomBytes } from 'node:crypto';
import type { SecretBox } from '../lib/crypto';
import { pyRepr } from '../lib/pyrepr';
import { naiveIsoNow } from '../lib/time';
import { BILLING_ADDRESS_KEYS, TOTP_TYPES, type BillingAddress, type TotpType } from './schemas';
import {
  isJsonContentType,
  OutboundError,
  outboundFetch,
  validateOutboundUrl,
  type HostPolicy,
  type OutboundResponse,
} from './outbound';
import type { SkyvernStore } from './store';
import {
  enumOf,
  isPlainObject,
  nullable,
  str,
  stringMap,
  type JsonObject,
  type Schema,
} from './validation';

export interface PasswordItem {
  type: 'password';
  username: string;
  password: string;
  totp: string | null;
  totp_type: TotpType;
  metadata: Record<string, string> | null;
}

export interface CardItem {
  type: 'credit_card';
  card_holder_name: string;
  card_number: string;
  card_exp_month: string;
  card_exp_year: string;
  card_cvv: string;
  card_brand: string;
  billing_address: Partial<BillingAddress> | null;
  billing_email: string | null;
  billing_phone: string | null;
  metadata: Record<string, string> | null;
}

export interface SecretItem {
  type: 'secret';
  secret_value: string;
  secret_label: string | null;
}

export type VaultItem = PasswordItem | CardItem | SecretItem;

export interface Vault {
  readonly kind: 'skyvern' | 'custom';
  /** Stores a new item and returns its id. */
  create(name: string, item: VaultItem): Promise<string>;
  get(itemId: string): Promise<VaultItem>;
  remove(itemId: string): Promise<void>;
}

/** A local vault item that should exist but does not. */
export class VaultItemMissing extends Error {
  override name = 'VaultItemMissing';
}

/** A custom-service failure; Skyvern answers 502 "Custom credential service returned <message>". */
export class CustomServiceError extends Error {
  override name = 'CustomServiceError';
}

export class LocalVault implements Vault {
  readonly kind = 'skyvern';

  constructor(
    private readonly store: SkyvernStore,
    private readonly box: SecretBox,
    private readonly organizationId: string,
  ) {}

  async create(_name: string, item: VaultItem): Promise<string> {
    const id = `creditem_${randomBytes(12).toString('hex')}`;
    this.store.insertVaultItem(
      id,
      this.organizationId,
      this.box.seal(JSON.stringify(item), id),
      naiveIsoNow(),
    );
    return id;
  }

  async get(itemId: string): Promise<VaultItem> {
    const sealed = this.store.getVaultItem(itemId, this.organizationId);
    if (sealed === undefined) throw new VaultItemMissing(itemId);
    return JSON.parse(this.box.open(sealed, itemId)) as VaultItem;
  }

  async remove(itemId: string): Promise<void> {
    this.store.deleteVaultItem(itemId, this.organizationId);
  }
}

// ---- the custom credential service client (contract 6.2) ------------------------------------

const SENSITIVE_KEY = /pass|secret|token|key|auth|cvv|card_number|totp|credential/i;

function parseJsonBody(response: OutboundResponse): unknown {
  if (!isJsonContentType(response.contentType) || response.text.trim() === '') return undefined;
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    return undefined;
  }
}

/** Python truthiness of a parsed JSON value. */
function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '')
    return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** The `<message>` for a non-2xx answer (contract 6.4). */
function httpFailure(response: OutboundResponse): string {
  const body = parseJsonBody(response);
  if (isPlainObject(body)) {
    for (const key of ['message', 'error', 'detail', 'error_message']) {
      const value = body[key];
      if (truthy(value))
        return `HTTP ${response.status}: ${typeof value === 'string' ? value : pyRepr(value)}`;
    }
    return `HTTP ${response.status}: ${pyRepr(body, (key) => SENSITIVE_KEY.test(key))}`;
  }
  const text = response.text.trim();
  return text === '' ? `HTTP ${response.status}` : `HTTP ${response.status}: ${text}`;
}

const is2xx = (status: number) => status >= 200 && status < 300;

/** The body Skyvern POSTs for an item: type fields only, optional ones only when set. */
export function customServicePayload(name: string, item: VaultItem): JsonObject {
  if (item.type === 'password') {
    const payload: JsonObject = {
      name,
      type: 'password',
      username: item.username,
      password: item.password,
      totp: item.totp,
      totp_type: item.totp_type,
    };
    if (item.metadata !== null && Object.keys(item.metadata).length > 0)
      payload['metadata'] = item.metadata;
    return payload;
  }
  if (item.type === 'credit_card') {
    const payload: JsonObject = {
      name,
      type: 'credit_card',
      card_holder_name: item.card_holder_name,
      card_number: item.card_number,
      card_exp_month: item.card_exp_month,
      card_exp_year: item.card_exp_year,
      card_cvv: item.card_cvv,
      card_brand: item.card_brand,
    };
    if (item.billing_address !== null) {
      const address = Object.fromEntries(
        Object.entries(item.billing_address).filter(
          ([, value]) => value !== null && value !== undefined,
        ),
      );
      if (Object.keys(address).length > 0) payload['billing_address'] = address;
    }
    if (item.billing_email !== null) payload['billing_email'] = item.billing_email;
    if (item.billing_phone !== null) payload['billing_phone'] = item.billing_phone;
    if (item.metadata !== null && Object.keys(item.metadata).length > 0)
      payload['metadata'] = item.metadata;
    return payload;
  }
  const payload: JsonObject = { name, type: 'secret', secret_value: item.secret_value };
  if (item.secret_label !== null) payload['secret_label'] = item.secret_label;
  return payload;
}

const REQUIRED_FIELDS = {
  password: ['username', 'password'],
  credit_card: [
    'card_number',
    'card_cvv',
    'card_exp_month',
    'card_exp_year',
    'card_brand',
    'card_holder_name',
  ],
  secret: ['secret_value'],
} as const;
const TYPE_NAMES = { password: 'password', credit_card: 'credit card', secret: 'secret' } as const;

const optionalText = nullable(str());
const totpTypeSchema = enumOf(TOTP_TYPES);
const metadataSchema = nullable(stringMap());

/** Turns a GET answer into an item, with Skyvern's retrieval messages (contract 6.4). */
export function parseCustomItem(itemId: string, body: unknown): VaultItem {
  if (!isPlainObject(body) || Object.keys(body).length === 0) {
    throw new CustomServiceError(`Credential not found: ${itemId}`);
  }
  const prefix = 'Failed to retrieve credential via custom API: ';
  const type = body['type'];
  if (type !== 'password' && type !== 'credit_card' && type !== 'secret') {
    throw new CustomServiceError(`${prefix}Unsupported credential type from API`);
  }
  const missing = REQUIRED_FIELDS[type].filter((key) => !truthy(body[key]));
  if (missing.length > 0) {
    throw new CustomServiceError(
      `${prefix}Missing required ${TYPE_NAMES[type]} fields from API: ${pyRepr(missing)}`,
    );
  }
  // Present keys are validated like Skyvern's item model; the first error becomes the message.
  const check = <T>(key: string, schema: Schema<T>, fallback: T): T => {
    if (!Object.hasOwn(body, key)) return fallback;
    const result = schema.parse(body[key], [key]);
    if (result.ok) return result.value;
    const issue = result.issues[0];
    throw new CustomServiceError(
      `${prefix}${issue?.loc.join('.') ?? key}: ${issue?.msg ?? 'invalid value'}`,
    );
  };
  const text = (key: string): string => check(key, str(), '');
  if (type === 'password') {
    return {
      type,
      username: text('username'),
      password: text('password'),
      totp: check('totp', optionalText, null),
      totp_type: check<TotpType>('totp_type', totpTypeSchema, 'none'),
      metadata: check('metadata', metadataSchema, null),
    };
  }
  if (type === 'credit_card') {
    const address = body['billing_address'];
    const billing: Partial<BillingAddress> | null = isPlainObject(address)
      ? Object.fromEntries(
          BILLING_ADDRESS_KEYS.filter((key) => typeof address[key] === 'string').map((key) => [
            key,
            address[key] as string,
          ]),
        )
      : null;
    return {
      type,
      card_holder_name: text('card_holder_name'),
      card_number: text('card_number'),
      card_exp_month: text('card_exp_month'),
      card_exp_year: text('card_exp_year'),
      card_cvv: text('card_cvv'),
      card_brand: text('card_brand'),
      billing_address: billing,
      billing_email: check('billing_email', optionalText, null),
      billing_phone: check('billing_phone', optionalText, null),
      metadata: check('metadata', metadataSchema, null),
    };
  }
  return {
    type,
    secret_value: text('secret_value'),
    secret_label: check('secret_label', optionalText, null),
  };
}

export class CustomVault implements Vault {
  readonly kind = 'custom';
  /** B: the base URL without a trailing slash (contract 6.1). */
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly token: string,
    private readonly policy: HostPolicy,
    private readonly timeoutMs: number,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  private async call(
    verb: 'create' | 'retrieve' | 'delete',
    method: 'GET' | 'POST' | 'DELETE',
    target: string,
    body?: string,
  ): Promise<OutboundResponse> {
    const prefix = `Failed to ${verb} credential via custom API: `;
    const check = validateOutboundUrl(target, this.policy);
    if (!check.ok) throw new CustomServiceError(prefix + check.detail);
    try {
      return await outboundFetch(
        check.url,
        {
          method,
          headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
          body,
          timeoutMs: this.timeoutMs,
        },
        this.policy,
      );
    } catch (error) {
      throw new CustomServiceError(
        prefix + (error instanceof OutboundError ? error.message : String(error)),
      );
    }
  }

  async create(name: string, item: VaultItem): Promise<string> {
    const response = await this.call(
      'create',
      'POST',
      this.base,
      JSON.stringify(customServicePayload(name, item)),
    );
    if (!is2xx(response.status)) throw new CustomServiceError(httpFailure(response));
    const body = parseJsonBody(response);
    if (!isPlainObject(body))
      throw new CustomServiceError('Empty or invalid response from custom credential API');
    const id = body['id'];
    if ((typeof id === 'string' && id !== '') || (typeof id === 'number' && id !== 0))
      return String(id);
    throw new CustomServiceError(
      "Invalid response format from custom credential API: missing 'id' field",
    );
  }

  async get(itemId: string): Promise<VaultItem> {
    const response = await this.call('retrieve', 'GET', `${this.base}/${itemId}`);
    if (!is2xx(response.status)) throw new CustomServiceError(httpFailure(response));
    return parseCustomItem(itemId, parseJsonBody(response));
  }

  async remove(itemId: string): Promise<void> {
    const response = await this.call('delete', 'DELETE', `${this.base}/${itemId}`);
    if (!is2xx(response.status)) throw new CustomServiceError(httpFailure(response));
  }
}

export type CustomVaultResolution =
  { kind: 'ok'; vault: CustomVault } | { kind: 'not_configured' } | { kind: 'invalid' };

export const CUSTOM_SERVICE_TOKEN_TYPE = 'custom_credential_service';

/**
 * Which custom service applies (contract 6.1): the env-level pair for everyone when both are set,
 * else the organisation's active configuration.
 */
export function resolveCustomVault(options: {
  store: SkyvernStore;
  organizationId: string;
  envConfig: { baseUrl: string; token: string } | null;
  policy: HostPolicy;
  timeoutMs: number;
}): CustomVaultResolution {
  if (options.envConfig !== null) {
    return {
      kind: 'ok',
      vault: new CustomVault(
        options.envConfig.baseUrl,
        options.envConfig.token,
        options.policy,
        options.timeoutMs,
      ),
    };
  }
  const row = options.store.activeToken(options.organizationId, CUSTOM_SERVICE_TOKEN_TYPE);
  if (row === undefined) return { kind: 'not_configured' };
  let config: unknown;
  try {
    config = JSON.parse(row.token);
  } catch {
    return { kind: 'invalid' };
  }
  if (!isPlainObject(config)) return { kind: 'invalid' };
  const { api_base_url: baseUrl, api_token: token } = config;
  if (
    typeof baseUrl !== 'string' ||
    typeof token !== 'string' ||
    baseUrl.trim() === '' ||
    token.trim() === ''
  ) {
    return { kind: 'invalid' };
  }
  return { kind: 'ok', vault: new CustomVault(baseUrl, token, options.policy, options.timeoutMs) };
}
