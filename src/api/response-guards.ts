import type { ResponseSchema } from './client';
import type {
  AuthTokenResponse,
  Credential,
  CredentialType,
  ErrorBody,
  ProxyLocation,
  VaultType,
  TotpType,
} from './schemas';

/*
 * Hand-written checks for the responses on the way to the first screen: the credential list (and
 * a credential), Skyvern's error bodies and the custom credential service's configuration. They
 * accept, reject and return exactly what the zod schemas they replace did (response-guards.test.ts
 * compares them with those schemas on generated input), but cost no zod in the first-load chunk:
 * zod/mini was about 8 KB gzip of it (docs/decisions/first-load-budget.md). Forms and the other
 * screens keep zod (schemas.ts) in their lazy chunks.
 *
 * Like zod's objects, every check builds a new object with only the known keys: anything else
 * Skyvern sends (a field a newer version adds) never reaches the cache.
 */

export const CREDENTIAL_TYPES = ['password', 'credit_card', 'secret'] as const;
export const VAULT_TYPES = ['skyvern', 'bitwarden', 'azure_vault', 'gcp', 'custom'] as const;
export const TOTP_TYPES = ['authenticator', 'email', 'text', 'passkey', 'none'] as const;

/** Thrown inside a check; `guard` turns it into `{ success: false }`. */
const INVALID = Symbol('invalid');
type Fields = Record<string, unknown>;

function fail(): never {
  throw INVALID;
}

function object(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : fail();
}

function string(value: unknown): string {
  return typeof value === 'string' ? value : fail();
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T {
  return (values as readonly unknown[]).includes(value) ? (value as T) : fail();
}

/** Copies `key` when the input has it (as zod does: a missing optional key stays missing). */
function copyOptional(
  out: Fields,
  input: Fields,
  key: string,
  check: (value: unknown) => unknown,
): void {
  if (!(key in input)) return;
  const value = input[key];
  out[key] = value === undefined || value === null ? value : check(value);
}

function boolean(value: unknown): boolean {
  return typeof value === 'boolean' ? value : fail();
}

function nullable<T>(check: (value: unknown) => T): (value: unknown) => T | null {
  return (value) => (value === null ? null : check(value));
}

/** Wraps a check as the `safeParse` that apiRequest expects. */
function guard<T>(check: (value: unknown) => T): ResponseSchema<T> {
  return {
    safeParse(data) {
      try {
        return { success: true, data: check(data) };
      } catch (error) {
        if (error === INVALID) return { success: false };
        throw error;
      }
    },
  };
}

export function isCredentialType(value: unknown): value is CredentialType {
  return (CREDENTIAL_TYPES as readonly unknown[]).includes(value);
}

function proxyLocation(value: unknown): ProxyLocation {
  if (typeof value === 'string' || value === null) return value;
  const input = object(value);
  const out: Fields = { country: string(input['country']) };
  copyOptional(out, input, 'subdivision', string);
  copyOptional(out, input, 'city', string);
  return out as ProxyLocation;
}

const NULLISH_STRINGS = [
  'browser_profile_id',
  'tested_url',
  'user_context',
  'folder_id',
  'proxy_session_id',
];
const NULLISH_BOOLEANS = [
  'auto_profile_disabled',
  'pin_saved_session_ip',
  'save_browser_session_intent',
  'run_sequentially',
];

/** Contract 2.1: one credential as Skyvern returns it (summaries only, never a secret). */
function credential(value: unknown): Credential {
  const input = object(value);
  const type = oneOf(CREDENTIAL_TYPES, input['credential_type']);
  const summary = object(input['credential']);
  let credentialSummary: Fields;
  if (type === 'password') {
    credentialSummary = {
      username: string(summary['username']),
      totp_type: oneOf<TotpType>(TOTP_TYPES, summary['totp_type']),
      totp_identifier: nullable(string)(summary['totp_identifier']),
    };
  } else if (type === 'credit_card') {
    credentialSummary = {
      last_four: string(summary['last_four']),
      brand: string(summary['brand']),
    };
  } else {
    credentialSummary = { secret_label: nullable(string)(summary['secret_label']) };
  }
  const out: Fields = {
    credential_id: string(input['credential_id']),
    name: string(input['name']),
    vault_type: nullable((vault) => oneOf<VaultType>(VAULT_TYPES, vault))(input['vault_type']),
  };
  for (const key of NULLISH_STRINGS) copyOptional(out, input, key, string);
  for (const key of NULLISH_BOOLEANS) copyOptional(out, input, key, boolean);
  copyOptional(out, input, 'proxy_location', proxyLocation);
  out['credential_type'] = type;
  out['credential'] = credentialSummary;
  return out as unknown as Credential;
}

export const credentialResponse: ResponseSchema<Credential> = /* @__PURE__ */ guard(credential);

export const credentialListResponse: ResponseSchema<Credential[]> = /* @__PURE__ */ guard(
  (value) => (Array.isArray(value) ? value.map(credential) : fail()),
);

/** Contract 1.4: `{detail: string | issues | {error_code?, message}}` or `{error}`; else null. */
export function parseErrorBody(body: unknown): ErrorBody | null {
  const result = errorBody.safeParse(body);
  return result.success ? result.data : null;
}

function detail(value: unknown): Extract<ErrorBody, { detail: unknown }>['detail'] {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value.map((item) => {
      const input = object(item);
      const loc = input['loc'];
      return {
        loc: Array.isArray(loc)
          ? loc.map((part: unknown) =>
              typeof part === 'number' && Number.isFinite(part) ? part : string(part),
            )
          : fail(),
        msg: string(input['msg']),
        type: string(input['type']),
      };
    });
  }
  const input = object(value);
  const out: Fields = { message: string(input['message']) };
  if ('error_code' in input) {
    const code = input['error_code'];
    out['error_code'] = code === undefined ? code : string(code);
  }
  return out as { error_code?: string; message: string };
}

const errorBody = /* @__PURE__ */ guard<ErrorBody>((value) => {
  const input = object(value);
  try {
    return { detail: detail(input['detail']) };
  } catch (error) {
    if (error !== INVALID) throw error;
    return { error: string(input['error']) };
  }
});

/** K1/K2 response (contract 5): `token.token` is JSON text that holds the service token. */
export const authTokenResponse: ResponseSchema<AuthTokenResponse> = /* @__PURE__ */ guard(
  (value) => {
    const token = object(object(value)['token']);
    return {
      token: {
        id: string(token['id']),
        organization_id: string(token['organization_id']),
        token_type: string(token['token_type']),
        valid: boolean(token['valid']),
        created_at: string(token['created_at']),
        modified_at: string(token['modified_at']),
        token: string(token['token']),
      },
    };
  },
);

/** The configuration stored inside `token.token`: `{api_base_url, api_token}`, or null. */
export function parseStoredConfig(
  value: unknown,
): { api_base_url: string; api_token: string } | null {
  const result = guard((data) => {
    const input = object(data);
    return { api_base_url: string(input['api_base_url']), api_token: string(input['api_token']) };
  }).safeParse(value);
  return result.success ? result.data : null;
}
