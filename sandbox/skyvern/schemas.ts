/*
 * Skyvern's request models for this subset (contract sections 3, 4 and 5), written with the small
 * pydantic look-alike in ./validation so that 422 bodies carry the same loc/msg/type.
 */
import { pyRepr } from '../lib/pyrepr';
import {
  bool,
  custom,
  datetime,
  enumOf,
  isPlainObject,
  map,
  model,
  nullable,
  optional,
  queryInt,
  required,
  str,
  stringMap,
  union,
  valueError,
  type Issue,
  type Model,
  type Parsed,
  type Schema,
} from './validation';

export const CREDENTIAL_TYPES = ['password', 'credit_card', 'secret'] as const;
export const VAULT_TYPES = ['skyvern', 'bitwarden', 'azure_vault', 'gcp', 'custom'] as const;
export const TOTP_TYPES = ['authenticator', 'email', 'text', 'passkey', 'none'] as const;
export const OTP_TYPES = ['totp', 'magic_link'] as const;
export const PROXY_LOCATIONS = [
  'RESIDENTIAL',
  'US-CA',
  'US-NY',
  'US-TX',
  'US-FL',
  'US-WA',
  'RESIDENTIAL_ES',
  'RESIDENTIAL_IE',
  'RESIDENTIAL_GB',
  'RESIDENTIAL_IN',
  'RESIDENTIAL_JP',
  'RESIDENTIAL_FR',
  'RESIDENTIAL_DE',
  'RESIDENTIAL_NZ',
  'RESIDENTIAL_ZA',
  'RESIDENTIAL_AR',
  'RESIDENTIAL_AU',
  'RESIDENTIAL_BR',
  'RESIDENTIAL_TR',
  'RESIDENTIAL_CA',
  'RESIDENTIAL_MX',
  'RESIDENTIAL_IT',
  'RESIDENTIAL_NL',
  'RESIDENTIAL_PH',
  'RESIDENTIAL_KR',
  'RESIDENTIAL_SA',
  'RESIDENTIAL_ISP',
  'NONE',
] as const;

export type CredentialType = (typeof CREDENTIAL_TYPES)[number];
export type VaultType = (typeof VAULT_TYPES)[number];
export type TotpType = (typeof TOTP_TYPES)[number];
export type OtpType = (typeof OTP_TYPES)[number];

export interface GeoTarget {
  country: string;
  subdivision: string | null;
  city: string | null;
}
export type ProxyLocation = string | GeoTarget | null;

const optionalString = () => optional(nullable(str()), null);

// ---- credential payloads -------------------------------------------------------------------

export interface BillingAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  state_code: string | null;
  postal_code: string | null;
  country: string | null;
  country_code: string | null;
}
export const BILLING_ADDRESS_KEYS = [
  'line1',
  'line2',
  'city',
  'state',
  'state_code',
  'postal_code',
  'country',
  'country_code',
] as const;

const billingAddress = model('BillingAddress', {
  line1: optionalString(),
  line2: optionalString(),
  city: optionalString(),
  state: optionalString(),
  state_code: optionalString(),
  postal_code: optionalString(),
  country: optionalString(),
  country_code: optionalString(),
});

export interface PasswordInput {
  kind: 'password';
  username: string;
  password: string;
  totp: string | null;
  totp_type: TotpType;
  totp_identifier: string | null;
  metadata: Record<string, string> | null;
  present: ReadonlySet<string>;
}

export interface CardInput {
  kind: 'credit_card';
  card_number: string;
  card_cvv: string;
  card_exp_month: string;
  card_exp_year: string;
  card_brand: string;
  card_holder_name: string;
  billing_address: Partial<BillingAddress> | null;
  billing_email: string | null;
  billing_phone: string | null;
  metadata: Record<string, string> | null;
  present: ReadonlySet<string>;
}

export interface SecretInput {
  kind: 'secret';
  secret_value: string;
  secret_label: string | null;
  present: ReadonlySet<string>;
}

export type CredentialInput = PasswordInput | CardInput | SecretInput;

/** `normalize_empty_optional_fields`: `{}` metadata is null. */
function emptyToNull(metadata: Record<string, string> | null): Record<string, string> | null {
  return metadata !== null && Object.keys(metadata).length === 0 ? null : metadata;
}

const passwordCredential = map(
  model('NonEmptyPasswordCredential', {
    username: required(str({ min: 1 })),
    password: required(str({ min: 1 })),
    totp: optionalString(),
    totp_type: optional(enumOf(TOTP_TYPES), 'none' as TotpType),
    totp_identifier: optionalString(),
    metadata: optional(nullable(stringMap()), null),
  }),
  ({ values, present }): CredentialInput => ({
    kind: 'password',
    ...values,
    metadata: emptyToNull(values.metadata),
    present,
  }),
);

const creditCardCredential = map(
  model('NonEmptyCreditCardCredential', {
    card_number: required(str({ min: 1 })),
    card_cvv: required(str({ min: 1 })),
    card_exp_month: required(str({ min: 1 })),
    card_exp_year: required(str({ min: 1 })),
    card_brand: required(str({ min: 1 })),
    card_holder_name: required(str({ min: 1 })),
    billing_address: optional(nullable(billingAddress), null),
    billing_email: optionalString(),
    billing_phone: optionalString(),
    metadata: optional(nullable(stringMap()), null),
  }),
  ({ values, present }): CredentialInput => {
    // Keep only the sub-keys that were sent, so an update can merge them over the old address.
    let address: Partial<BillingAddress> | null = null;
    if (values.billing_address !== null) {
      const sent: Partial<BillingAddress> = {};
      for (const key of values.billing_address.present) {
        sent[key as keyof BillingAddress] =
          values.billing_address.values[key as keyof BillingAddress];
      }
      // An address whose keys are all null is no address at all.
      address = Object.values(sent).some((value) => value !== null) ? sent : null;
    }
    return {
      kind: 'credit_card',
      ...values,
      billing_address: address,
      metadata: emptyToNull(values.metadata),
      present,
    };
  },
);

const secretCredential = map(
  model('SecretCredential', {
    secret_value: required(str({ min: 1 })),
    secret_label: optionalString(),
  }),
  ({ values, present }): CredentialInput => ({ kind: 'secret', ...values, present }),
);

/** The credential union, with pydantic 2.13's member tags (contract 1.4). */
const credentialUnion = union<CredentialInput>([
  {
    tag: 'function-after[normalize_empty_optional_fields(), NonEmptyPasswordCredential]',
    schema: passwordCredential,
    fieldsSet: (value) => value.present.size,
  },
  {
    tag: 'function-after[normalize_empty_optional_fields(), NonEmptyCreditCardCredential]',
    schema: creditCardCredential,
    fieldsSet: (value) => value.present.size,
  },
  { tag: 'SecretCredential', schema: secretCredential, fieldsSet: (value) => value.present.size },
]);

// ---- proxy location (3.9) ------------------------------------------------------------------

function geoTarget(
  input: Record<string, unknown>,
  loc: Issue['loc'],
  original: unknown,
): Parsed<GeoTarget> {
  const bad = (message: string) => ({
    ok: false as const,
    issues: [valueError(loc, message, original)],
  });
  if (!Object.hasOwn(input, 'country')) {
    return bad(
      Object.hasOwn(input, 'url')
        ? 'Custom proxy URLs are not supported for credentials; use a proxy location or a geo target'
        : 'A geo target needs a 2-letter country code',
    );
  }
  const { country, subdivision = null, city = null } = input;
  if (typeof country !== 'string' || country.length !== 2) {
    return bad('country must be a 2-letter ISO 3166-1 alpha-2 code');
  }
  if (subdivision !== null && typeof subdivision !== 'string')
    return bad('subdivision must be a string');
  if (city !== null && typeof city !== 'string') return bad('city must be a string');
  return { ok: true, value: { country, subdivision, city } };
}

export const proxyLocation: Schema<ProxyLocation> = custom<ProxyLocation>((input, loc) => {
  if (input === null || input === '') return { ok: true, value: null };
  if (typeof input === 'string') {
    if ((PROXY_LOCATIONS as readonly string[]).includes(input)) return { ok: true, value: input };
    if (input.trim().startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(input);
        if (isPlainObject(parsed)) return geoTarget(parsed, loc, input);
      } catch {
        // fall through to the enum error
      }
    }
  } else if (isPlainObject(input)) {
    return geoTarget(input, loc, input);
  }
  return {
    ok: false,
    issues: [valueError(loc, `${pyRepr(input)} is not a valid ProxyLocation`, input)],
  };
});

// ---- request bodies ------------------------------------------------------------------------

export const createCredentialRequest = model('CreateCredentialRequest', {
  name: required(str()),
  credential_type: required(enumOf(CREDENTIAL_TYPES)),
  credential: required(credentialUnion),
  vault_type: optional(nullable(enumOf(VAULT_TYPES)), null),
  tested_url: optionalString(),
  browser_profile_id: optionalString(),
  auto_profile_disabled: optional(bool(), false),
  pin_saved_session_ip: optional(bool(), false),
  proxy_location: optional(proxyLocation, null),
  proxy_session_id: optionalString(),
  rotate_proxy_session_id: optional(bool(), false),
});
export type CreateCredentialRequest =
  typeof createCredentialRequest extends Schema<infer T> ? T : never;

/** `user_context`: at most 1000 characters; whitespace-only means "no value". */
const userContext = map(str({ max: 1000 }), (text) => (text.trim() === '' ? null : text));

export const updateCredentialRequest = model(
  'UpdateCredentialRequest',
  {
    name: optional(nullable(str({ min: 1 })), null),
    tested_url: optionalString(),
    user_context: optional(nullable(userContext), null),
    save_browser_session_intent: optional(nullable(bool()), null),
    auto_profile_disabled: optional(nullable(bool()), null),
    run_sequentially: optional(nullable(bool()), null),
    browser_profile_id: optionalString(),
    pin_saved_session_ip: optional(nullable(bool()), null),
    proxy_location: optional(proxyLocation, null),
    proxy_session_id: optionalString(),
    rotate_proxy_session_id: optional(nullable(bool()), null),
  },
  (value, loc, input) =>
    value.present.size === 0
      ? [valueError(loc, 'At least one credential metadata field must be provided', input)]
      : [],
);
export type UpdateCredentialRequest =
  typeof updateCredentialRequest extends Schema<infer T> ? T : never;

export const totpCodeCreate = model('TOTPCodeCreate', {
  totp_identifier: required(str()),
  content: required(str()),
  source: optionalString(),
  task_id: optionalString(),
  workflow_id: optionalString(),
  workflow_run_id: optionalString(),
  expired_at: optional(nullable(datetime()), null),
  type: optional(nullable(enumOf(OTP_TYPES)), null),
});
export type TotpCodeCreate = typeof totpCodeCreate extends Schema<infer T> ? T : never;

const customServiceConfig = model('CustomCredentialServiceConfig', {
  api_base_url: required(str()),
  api_token: required(str()),
});

export const customServiceConfigRequest = model('CreateCustomCredentialServiceConfigRequest', {
  config: required(customServiceConfig),
});
export type CustomServiceConfigRequest =
  typeof customServiceConfigRequest extends Schema<infer T> ? T : never;

// ---- query strings -------------------------------------------------------------------------

export const listCredentialsQuery = model('ListCredentialsQuery', {
  page: optional(queryInt({ ge: 1 }), 1),
  page_size: optional(queryInt({ ge: 1 }), 10),
  vault_type: optional(nullable(enumOf(VAULT_TYPES)), null),
  credential_type: optional(nullable(enumOf(CREDENTIAL_TYPES)), null),
  search: optional(nullable(str({ max: 200 })), null),
  folder_id: optionalString(),
});
export type ListCredentialsQuery = typeof listCredentialsQuery extends Schema<infer T> ? T : never;

export const listTotpQuery = model('ListTotpQuery', {
  totp_identifier: optionalString(),
  workflow_run_id: optionalString(),
  otp_type: optional(nullable(enumOf(OTP_TYPES)), null),
  limit: optional(queryInt({ ge: 1, le: 200 }), 50),
});
export type ListTotpQuery = typeof listTotpQuery extends Schema<infer T> ? T : never;

export type { Model };
