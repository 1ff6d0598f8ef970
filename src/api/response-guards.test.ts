import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  authTokenResponse,
  credentialListResponse,
  credentialResponse,
  isCredentialType,
  parseErrorBody,
  parseStoredConfig,
} from './response-guards';
import { parseRuntimeConfig } from './runtime-config';

/*
 * The zod schemas the guards replaced, as they were in schemas.ts: the guards must accept, reject
 * and return exactly what these do, on hand-picked and on generated input.
 */
const vaultTypeSchema = z.enum(['skyvern', 'bitwarden', 'azure_vault', 'gcp', 'custom']);
const totpTypeSchema = z.enum(['authenticator', 'email', 'text', 'passkey', 'none']);
const credentialBase = {
  credential_id: z.string(),
  name: z.string(),
  vault_type: z.nullable(vaultTypeSchema),
  browser_profile_id: z.nullish(z.string()),
  auto_profile_disabled: z.nullish(z.boolean()),
  pin_saved_session_ip: z.nullish(z.boolean()),
  tested_url: z.nullish(z.string()),
  user_context: z.nullish(z.string()),
  save_browser_session_intent: z.nullish(z.boolean()),
  run_sequentially: z.nullish(z.boolean()),
  folder_id: z.nullish(z.string()),
  proxy_location: z.optional(
    z.union([
      z.string(),
      z.object({
        country: z.string(),
        subdivision: z.nullish(z.string()),
        city: z.nullish(z.string()),
      }),
      z.null(),
    ]),
  ),
  proxy_session_id: z.nullish(z.string()),
};
const zodCredential = z.discriminatedUnion('credential_type', [
  z.object({
    ...credentialBase,
    credential_type: z.literal('password'),
    credential: z.object({
      username: z.string(),
      totp_type: totpTypeSchema,
      totp_identifier: z.nullable(z.string()),
    }),
  }),
  z.object({
    ...credentialBase,
    credential_type: z.literal('credit_card'),
    credential: z.object({ last_four: z.string(), brand: z.string() }),
  }),
  z.object({
    ...credentialBase,
    credential_type: z.literal('secret'),
    credential: z.object({ secret_label: z.nullable(z.string()) }),
  }),
]);
const zodErrorBody = z.union([
  z.object({
    detail: z.union([
      z.string(),
      z.array(
        z.object({
          loc: z.array(z.union([z.string(), z.number()])),
          msg: z.string(),
          type: z.string(),
        }),
      ),
      z.object({ error_code: z.optional(z.string()), message: z.string() }),
    ]),
  }),
  z.object({ error: z.string() }),
]);
const zodAuthToken = z.object({
  token: z.object({
    id: z.string(),
    organization_id: z.string(),
    token_type: z.string(),
    valid: z.boolean(),
    created_at: z.string(),
    modified_at: z.string(),
    token: z.string(),
  }),
});
const zodStoredConfig = z.object({ api_base_url: z.string(), api_token: z.string() });
const zodRuntimeConfig = z.object({
  apiBaseUrl: z.optional(z.string()),
  sandboxApiKey: z.optional(z.string()),
});

const same = (
  ours: { success: boolean; data?: unknown },
  theirs: { success: boolean; data?: unknown },
) => {
  expect(ours.success).toBe(theirs.success);
  if (theirs.success) expect(ours.data).toStrictEqual(theirs.data);
};

const password = {
  credential_id: 'cred_1',
  name: 'Acme portal',
  vault_type: 'skyvern',
  credential_type: 'password',
  credential: { username: 'jane@example.com', totp_type: 'authenticator', totp_identifier: null },
  browser_profile_id: null,
  folder_id: 'fld_1',
  proxy_location: { country: 'US', city: null, extra: 1 },
  tested_url: undefined,
};

// Values of every kind a field may (or must not) hold, and objects built from them.
const anything = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 3 }),
  fc.constantFrom(
    'password',
    'credit_card',
    'secret',
    'skyvern',
    'custom',
    'authenticator',
    'none',
  ),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anything);
const shaped = fc.record(
  {
    credential_id: maybe(fc.string()),
    name: maybe(fc.string()),
    vault_type: maybe(
      fc.constantFrom(null, 'skyvern', 'bitwarden', 'azure_vault', 'gcp', 'custom'),
    ),
    credential_type: maybe(fc.constantFrom('password', 'credit_card', 'secret')),
    credential: maybe(
      fc.record(
        {
          username: maybe(fc.string()),
          totp_type: maybe(fc.constantFrom('authenticator', 'email', 'text', 'passkey', 'none')),
          totp_identifier: maybe(fc.string()),
          last_four: maybe(fc.string()),
          brand: maybe(fc.string()),
          secret_label: maybe(fc.string()),
          password: fc.string(),
        },
        { requiredKeys: [] },
      ),
    ),
    browser_profile_id: maybe(fc.string()),
    auto_profile_disabled: anything,
    pin_saved_session_ip: anything,
    tested_url: maybe(fc.string()),
    user_context: anything,
    save_browser_session_intent: anything,
    run_sequentially: anything,
    folder_id: anything,
    proxy_location: maybe(
      fc.record(
        { country: maybe(fc.string()), subdivision: anything, city: anything, zip: anything },
        { requiredKeys: [] },
      ),
    ),
    proxy_session_id: anything,
    unknown_field: anything,
  },
  { requiredKeys: [] },
);

describe('credentialResponse and credentialListResponse', () => {
  it('returns a credential with only the known keys, as zod did', () => {
    same(credentialResponse.safeParse(password), zodCredential.safeParse(password));
    const parsed = credentialResponse.safeParse({ ...password, secret: 'x' });
    expect(parsed.success && 'secret' in parsed.data).toBe(false);
  });

  it('rejects what zod rejected: a wrong type, a missing vault, a bad summary', () => {
    for (const bad of [
      { ...password, credential_type: 'passkey' },
      { ...password, vault_type: undefined },
      { ...password, credential: { username: 'a', totp_type: 'sms', totp_identifier: null } },
      { ...password, folder_id: 7 },
      [password],
      null,
    ]) {
      expect(credentialResponse.safeParse(bad).success).toBe(false);
      expect(zodCredential.safeParse(bad).success).toBe(false);
    }
  });

  it('agrees with the zod schema on generated credentials', () => {
    fc.assert(
      fc.property(shaped, (value) => {
        same(credentialResponse.safeParse(value), zodCredential.safeParse(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the zod schema on generated lists', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(shaped, { maxLength: 3 }), anything), (value) => {
        same(credentialListResponse.safeParse(value), z.array(zodCredential).safeParse(value));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseErrorBody', () => {
  const errorBodies = fc.oneof(
    anything,
    fc.record(
      {
        detail: fc.oneof(
          anything,
          fc.array(
            fc.record(
              {
                loc: maybe(
                  fc.array(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean())),
                ),
                msg: maybe(fc.string()),
                type: maybe(fc.string()),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 2 },
          ),
          fc.record(
            { error_code: maybe(fc.string()), message: maybe(fc.string()), x: anything },
            { requiredKeys: [] },
          ),
        ),
        error: maybe(fc.string()),
      },
      { requiredKeys: [] },
    ),
  );

  it('reads the three shapes of contract 1.4', () => {
    expect(parseErrorBody({ detail: 'Credential not found' })).toEqual({
      detail: 'Credential not found',
    });
    expect(parseErrorBody({ detail: { error_code: 'x', message: 'y', z: 1 } })).toStrictEqual({
      detail: { error_code: 'x', message: 'y' },
    });
    expect(parseErrorBody({ detail: [1], error: 'boom' })).toEqual({ error: 'boom' });
    expect(parseErrorBody('Internal Server Error')).toBeNull();
  });

  it('agrees with the zod schema on generated bodies', () => {
    fc.assert(
      fc.property(errorBodies, (value) => {
        const theirs = zodErrorBody.safeParse(value);
        const ours = parseErrorBody(value);
        expect(ours).toStrictEqual(theirs.success ? theirs.data : null);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('authTokenResponse, parseStoredConfig, parseRuntimeConfig and isCredentialType', () => {
  it('agree with the zod schemas on generated input', () => {
    const token = fc.record(
      {
        id: maybe(fc.string()),
        organization_id: maybe(fc.string()),
        token_type: maybe(fc.string()),
        valid: anything,
        created_at: maybe(fc.string()),
        modified_at: maybe(fc.string()),
        token: maybe(fc.string()),
        extra: anything,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.record({ token: maybe(token) }), anything), (value) => {
        same(authTokenResponse.safeParse(value), zodAuthToken.safeParse(value));
      }),
      { numRuns: 2000 },
    );
    const config = fc.oneof(
      anything,
      fc.record(
        {
          api_base_url: anything,
          api_token: anything,
          apiBaseUrl: anything,
          sandboxApiKey: anything,
          other: anything,
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(config, (value) => {
        const stored = zodStoredConfig.safeParse(value);
        expect(parseStoredConfig(value)).toStrictEqual(stored.success ? stored.data : null);
        const runtime = zodRuntimeConfig.safeParse(value);
        expect(parseRuntimeConfig(value)).toEqual(runtime.success ? runtime.data : null);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(anything, (value) => {
        expect(isCredentialType(value)).toBe(
          z.enum(['password', 'credit_card', 'secret']).safeParse(value).success,
        );
      }),
    );
  });
});
