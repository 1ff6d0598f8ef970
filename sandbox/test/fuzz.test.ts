/*
 * Fuzzing every route with fast-check: 1,000 generated bodies, query strings and path ids per
 * route. Nothing may answer 5xx except the quirks the contract documents:
 *   - 500 {"error":"Unexpected error: AttributeError"} when credential_type and the credential's
 *     shape disagree (create and update, contract 3.1);
 *   - 502 "Custom credential service returned …" for a credential in the custom vault (section 6);
 *   - the typed 500/502 of the provider item lists (P3, P6, contract 12.2, 12.3), which the
 *     sandbox's stand-ins give for tokens that contain `error`, `unavailable`, `wrong`, ….
 * Every answer must also be well-formed: JSON with `detail` for errors (except the empty 204),
 * sanitized 422 lists on credential paths, FastAPI's default list (with `input`) on /api/v1/totp,
 * the folder routes and the browser-profile routes (contract 10.1, 13.1).
 *
 * Half the cases are near-valid, so deep paths (vault writes, updates, codes) are reached; the
 * status counts printed at the end show it. One case in five goes over a real socket; the rest are
 * dispatched in-process to keep the run short on a busy machine.
 *
 * The sandbox resolves every hostname to a private address and allows only 127.0.0.1, so generated
 * URLs never leave the machine. Set FUZZ_SEED to replay a failure.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectObject, startTestSandbox, type ApiResponse, type TestSandbox } from './helpers';

const RUNS = 1000;
const TIMEOUT = 90_000;
const OTHER_ORG_KEY = 'fuzz-second-organisation';
const seed = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);

let sandbox: TestSandbox;
/**
 * Credentials no property replaces or deletes (read by C3, C7, patched by C4):
 * [local password+authenticator, card, secret, custom password+authenticator, custom secret].
 * `mutableIds` holds the same set for C5, whose updates may change their type.
 */
const stableIds: string[] = [];
const mutableIds: string[] = [];
/** Folders F3/F4 and F6 use (never deleted), and browser profiles (plain, managed, linked). */
const folderIds: string[] = [];
const profileIds: string[] = [];
const coverage = new Map<string, Map<number, number>>();

const AUTHENTICATOR = {
  username: 'u',
  password: 'p',
  totp: 'JBSWY3DPEHPK3PXP',
  totp_type: 'authenticator',
};
const CARD = {
  card_number: '4242424242424242',
  card_cvv: '123',
  card_exp_month: '12',
  card_exp_year: '2030',
  card_brand: 'visa',
  card_holder_name: 'J',
};

beforeAll(async () => {
  sandbox = await startTestSandbox({
    extraApiKeys: [OTHER_ORG_KEY],
    testControl: true,
    allowedHosts: ['127.0.0.1'],
    resolveHost: async () => ['10.0.0.1'],
    testConnectionTimeoutMs: 300,
    customVaultTimeoutMs: 2000,
  });
  // The main organisation's custom service is the reference one, so custom-vault paths are real.
  // Properties that change configuration run as a second organisation.
  await sandbox.request('POST', '/v1/credentials/custom_credential/create', {
    body: { config: { api_base_url: sandbox.vaultUrl, api_token: sandbox.vaultToken } },
  });
  for (const title of ['a', 'b', 'c']) {
    const response = await sandbox.request('POST', '/v1/credential_folders', { body: { title } });
    folderIds.push(String(expectObject(response.body)['folder_id']));
  }
  for (const body of [{ name: 'plain' }, { name: 'managed', is_managed: true }, { name: 'x' }]) {
    const response = await sandbox.request('POST', '/__sandbox/browser_profiles', {
      body: {
        ...body,
        used_by_workflows: [{ workflow_permanent_id: `wpid_${body.name}`, title: 'W' }],
      },
    });
    profileIds.push(String(expectObject(response.body)['browser_profile_id']));
  }
  await sandbox.request('POST', '/v1/credentials', {
    body: {
      name: 'owner',
      credential_type: 'secret',
      credential: { secret_value: 'v' },
      browser_profile_id: profileIds[2],
    },
  });
  for (const body of [
    { name: 'p', credential_type: 'password', credential: AUTHENTICATOR },
    { name: 'c', credential_type: 'credit_card', credential: CARD },
    { name: 's', credential_type: 'secret', credential: { secret_value: 'v' } },
    { name: 'pc', credential_type: 'password', vault_type: 'custom', credential: AUTHENTICATOR },
    {
      name: 'sc',
      credential_type: 'secret',
      vault_type: 'custom',
      credential: { secret_value: 'v' },
    },
  ]) {
    for (const pool of [stableIds, mutableIds]) {
      const response = await sandbox.request('POST', '/v1/credentials', { body });
      pool.push(String(expectObject(response.body)['credential_id']));
    }
  }
});

afterAll(async () => {
  const lines = [...coverage].map(
    ([label, counts]) =>
      `  ${label.padEnd(4)} ${[...counts]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ')}`,
  );
  console.log(`fuzz status counts:\n${lines.join('\n')}`);
  await sandbox?.close();
});

// ---- generators ----------------------------------------------------------------------------------

const text = fc.string({ maxLength: 12 });
const nonEmpty = fc.string({ minLength: 1, maxLength: 12 });
const anyJson = fc.jsonValue({ maxDepth: 2 });
/** A plausible value most of the time, sometimes anything at all. */
const weird = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constant(null) },
  );
const oneOf = (...values: string[]) => fc.constantFrom(...values);
const enumish = (values: string[]) =>
  weird(
    fc.oneof(
      { weight: 4, arbitrary: oneOf(...values) },
      { weight: 1, arbitrary: oneOf(...values).map((v) => v.toUpperCase()) },
      { weight: 1, arbitrary: text },
    ),
  );
const boolish = weird(
  fc.oneof(fc.boolean(), fc.constantFrom<unknown>('true', 'no', 'yes', 0, 1, 2)),
);
const authenticatorKey = fc.oneof(
  oneOf(
    'JBSWY3DPEHPK3PXP',
    'jbsw y3dp-ehpk 3pxp',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=8&period=60',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA512&digits=7',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5',
    'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP',
    'https://x.example/?secret=JBSWY3DPEHPK3PXP',
    '',
    '   ',
  ),
  text,
);
const TOTP_TYPES = ['authenticator', 'email', 'text', 'passkey', 'none'];
const PROXIES = ['RESIDENTIAL', 'RESIDENTIAL_ISP', 'NONE', 'US-CA', ''];
const geo = fc.record(
  {
    country: fc.string({ minLength: 2, maxLength: 2 }),
    subdivision: fc.option(text),
    city: fc.option(text),
  },
  { requiredKeys: ['country'] },
);

// Valid shapes, then sloppy ones.
const validPassword = fc.record(
  {
    username: nonEmpty,
    password: nonEmpty,
    totp: fc.option(authenticatorKey),
    totp_type: oneOf(...TOTP_TYPES),
    totp_identifier: fc.option(text),
    metadata: fc.option(fc.dictionary(text, text, { maxKeys: 2 })),
  },
  { requiredKeys: ['username', 'password'] },
);
const validCard = fc.record(
  {
    card_number: fc.oneof(nonEmpty, fc.constant('4242 4242 4242 4242')),
    card_cvv: nonEmpty,
    card_exp_month: nonEmpty,
    card_exp_year: nonEmpty,
    card_brand: nonEmpty,
    card_holder_name: nonEmpty,
    billing_address: fc.option(
      fc.record(
        { line1: fc.option(text), city: fc.option(text), country_code: fc.option(text) },
        { requiredKeys: [] },
      ),
    ),
    billing_email: fc.option(text),
    billing_phone: fc.option(text),
    metadata: fc.option(fc.dictionary(text, text, { maxKeys: 2 })),
  },
  {
    requiredKeys: [
      'card_number',
      'card_cvv',
      'card_exp_month',
      'card_exp_year',
      'card_brand',
      'card_holder_name',
    ],
  },
);
const validSecret = fc.record(
  { secret_value: nonEmpty, secret_label: fc.option(text) },
  { requiredKeys: ['secret_value'] },
);
const sloppyShape = fc.record(
  {
    username: weird(text),
    password: weird(text),
    totp: weird(authenticatorKey),
    totp_type: enumish(TOTP_TYPES),
    metadata: weird(fc.dictionary(text, weird(text), { maxKeys: 2 })),
    card_number: weird(text),
    card_cvv: weird(text),
    billing_address: weird(fc.dictionary(text, weird(text), { maxKeys: 2 })),
    secret_value: weird(text),
  },
  { requiredKeys: [] },
);

const commonFields = {
  vault_type: fc.option(oneOf('skyvern', 'custom'), { nil: undefined }),
  tested_url: fc.option(text, { nil: undefined }),
  auto_profile_disabled: fc.option(fc.boolean(), { nil: undefined }),
  pin_saved_session_ip: fc.option(fc.boolean(), { nil: undefined }),
  proxy_location: fc.option(fc.oneof(oneOf(...PROXIES), geo, fc.constant(null)), {
    nil: undefined,
  }),
  proxy_session_id: fc.option(fc.option(text), { nil: undefined }),
  rotate_proxy_session_id: fc.option(fc.boolean(), { nil: undefined }),
};
const validCreate = fc.oneof(
  fc.record({
    name: text,
    credential_type: fc.constant('password'),
    credential: validPassword,
    ...commonFields,
  }),
  fc.record({
    name: text,
    credential_type: fc.constant('credit_card'),
    credential: validCard,
    ...commonFields,
  }),
  fc.record({
    name: text,
    credential_type: fc.constant('secret'),
    credential: validSecret,
    ...commonFields,
  }),
);
const sloppyCreate = fc.record(
  {
    name: weird(text),
    credential_type: enumish(['password', 'credit_card', 'secret']),
    credential: fc.oneof(validPassword, validCard, validSecret, sloppyShape, anyJson),
    vault_type: enumish(['skyvern', 'custom', 'bitwarden', 'azure_vault', 'gcp']),
    tested_url: weird(text),
    browser_profile_id: weird(text),
    auto_profile_disabled: boolish,
    pin_saved_session_ip: boolish,
    proxy_location: weird(
      fc.oneof(
        oneOf(...PROXIES, 'MARS', '{"country":"US"}', '{bad'),
        geo,
        fc.record({ url: text }),
      ),
    ),
    proxy_session_id: weird(text),
    rotate_proxy_session_id: boolish,
  },
  { requiredKeys: [] },
);
const createBody = fc.oneof(validCreate, sloppyCreate);

const validPatch = fc.record(
  {
    name: fc.option(nonEmpty),
    tested_url: fc.option(text),
    user_context: fc.option(fc.oneof(text, fc.constant('   '))),
    save_browser_session_intent: fc.option(fc.boolean()),
    auto_profile_disabled: fc.option(fc.boolean()),
    run_sequentially: fc.option(fc.boolean()),
    browser_profile_id: fc.constant(null),
    pin_saved_session_ip: fc.option(fc.boolean()),
    proxy_location: fc.option(fc.oneof(oneOf(...PROXIES), geo)),
    proxy_session_id: fc.option(text),
    rotate_proxy_session_id: fc.option(fc.boolean()),
  },
  { requiredKeys: [] },
);
const sloppyPatch = fc.record(
  {
    name: weird(text),
    user_context: weird(fc.oneof(text, fc.constant('x'.repeat(1001)))),
    run_sequentially: boolish,
    browser_profile_id: weird(text),
    proxy_location: weird(fc.oneof(oneOf('MARS', ''), fc.record({ url: text }))),
    rotate_proxy_session_id: boolish,
  },
  { requiredKeys: [] },
);
const patchBody = fc.oneof(validPatch, sloppyPatch);

const content = fc.oneof(
  fc.string({ maxLength: 40 }),
  oneOf(
    'Your code is 123 456.',
    'https://x.example/a?b=1&amp;c=2.',
    'Click the link in this message to sign in.',
    'a'.repeat(65_537),
    '\u0000123456\u0000',
    'Code: 1234',
  ),
);
const validTotp = fc.record(
  {
    totp_identifier: fc.oneof(text, oneOf(' Jane@Example.com ', '+14155550123')),
    content,
    source: fc.option(text),
    task_id: fc.option(fc.oneof(fc.constant(''), text)),
    expired_at: fc.option(
      fc.oneof(
        fc.integer({ min: 0, max: 4_000_000_000 }),
        oneOf('2026-08-22T18:35:12+02:00', '2026-08-22'),
      ),
    ),
    type: fc.option(oneOf('totp', 'magic_link')),
  },
  { requiredKeys: ['totp_identifier', 'content'] },
);
const sloppyTotp = fc.record(
  {
    totp_identifier: weird(text),
    content: weird(content),
    workflow_id: weird(text),
    workflow_run_id: weird(text),
    expired_at: weird(fc.oneof(text, fc.double(), fc.integer())),
    type: enumish(['totp', 'magic_link']),
  },
  { requiredKeys: [] },
);
const totpBody = fc.oneof(validTotp, sloppyTotp);

/** The reference service, with its token: the one configuration that passes the test. */
const referenceService = fc
  .constant(null)
  .map(() => ({ api_base_url: sandbox.vaultUrl, api_token: sandbox.vaultToken }));
const url = fc.oneof(
  text,
  oneOf(
    'localhost:8080',
    'http://127.0.0.1:9/x',
    'https://vault.internal',
    'http://[::1]/',
    'ftp://x',
    '',
    'http://',
    'example.com',
    'http://10.0.0.1/',
  ),
  fc
    .tuple(oneOf('http://', 'https://', ''), fc.domain(), fc.webPath())
    .map((parts) => parts.join('')),
);
const configBody = fc.oneof(
  fc.record({ config: fc.record({ api_base_url: url, api_token: text }) }),
  fc.record({ config: referenceService }),
  fc.record(
    {
      config: weird(
        fc.record({ api_base_url: weird(url), api_token: weird(text) }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: [] },
  ),
);

const providerToken = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 16 }) },
  {
    weight: 2,
    arbitrary: oneOf(
      'ops_ok',
      'ops_expired',
      'ops_desktop',
      'ops_rate-limit',
      'ops_unavailable',
      'ops_error',
      '',
    ),
  },
);
const sloppyProvider = fc.record(
  { token: weird(text), credential: weird(anyJson) },
  {
    requiredKeys: [],
  },
);
/** Each create path with a body of its own shape most of the time. */
const providerSave = fc.oneof(
  fc.record({
    path: fc.constant('/v1/credentials/onepassword/create'),
    body: fc.oneof(
      { weight: 3, arbitrary: fc.record({ token: providerToken }) },
      { weight: 1, arbitrary: sloppyProvider },
    ),
  }),
  fc.record({
    path: fc.constant('/v1/credentials/bitwarden/create/'),
    body: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          credential: fc.record({
            email: fc.oneof(
              oneOf('bot@example.com', 'Jane@Example.COM', 'bot@fail.example', 'a@b', '@x.y'),
              text,
            ),
            master_password: fc.oneof(oneOf('pw', 'wrong', ''), text),
          }),
        }),
      },
      { weight: 1, arbitrary: sloppyProvider },
    ),
  }),
  fc.record({
    path: fc.constant('/v1/credentials/azure_credential/create'),
    body: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          credential: fc.record(
            { tenant_id: weird(text), client_id: weird(text), client_secret: weird(text) },
            { requiredKeys: ['client_secret'] },
          ),
        }),
      },
      { weight: 1, arbitrary: sloppyProvider },
    ),
  }),
);
const folderTitle = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: oneOf('x'.repeat(255), 'é'.repeat(256), ' ', '%_\\') },
);
const folderBody = fc.oneof(
  fc.record(
    { title: folderTitle, description: fc.option(fc.string({ maxLength: 40 })) },
    { requiredKeys: ['title'] },
  ),
  fc.record(
    { title: weird(folderTitle), description: weird(text), folder_id: weird(text) },
    { requiredKeys: [] },
  ),
);
/** F6 bodies: `{id2}` becomes a real folder id when the case runs. */
const assignBody = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ folder_id: '{id2}' }) },
  {
    weight: 2,
    arbitrary: fc.record({ folder_id: fc.oneof(fc.constant(null), fc.constant(''), text) }),
  },
  { weight: 1, arbitrary: fc.record({ folder_id: anyJson }, { requiredKeys: [] }) },
);
const folderRef = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 2 }).map((index): PathId => ({ folder: index })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ minLength: 1, maxLength: 12 })
      .map((id): PathId => ({ raw: encodeURIComponent(id) })),
  },
  {
    weight: 1,
    arbitrary: fc.bigInt({ min: 0n, max: 10n ** 19n }).map((v): PathId => ({ raw: `cfld_${v}` })),
  },
);
const profileRef = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 2 }).map((index): PathId => ({ profile: index })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ minLength: 1, maxLength: 12 })
      .map((id): PathId => ({ raw: encodeURIComponent(id) })),
  },
);

interface Body {
  raw: string;
  contentType: string | null;
}
/** Mostly JSON, sometimes anything: malformed JSON, other content types, no body. */
const bodyOf = <T>(structured: fc.Arbitrary<T>): fc.Arbitrary<Body> =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: structured.map((value) => ({
        raw: JSON.stringify(value),
        contentType: 'application/json',
      })),
    },
    {
      weight: 1,
      arbitrary: anyJson.map((value) => ({ raw: JSON.stringify(value), contentType: null })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        raw: fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.constant(''),
          fc.constant('{"name":'),
          fc.constant('null'),
        ),
        contentType: fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/vnd.x+json',
          null,
        ),
      }),
    },
  );

const queryValue = fc.oneof(
  text,
  fc.integer({ min: -5, max: 300 }).map(String),
  oneOf(
    '',
    '1',
    '0',
    '1e3',
    '99999999999999999999999',
    'password',
    'custom',
    'skyvern',
    'magic_link',
    '%',
    '_',
    'x'.repeat(201),
  ),
);
const queryOf = (names: string[]) =>
  fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.oneof({ weight: 4, arbitrary: oneOf(...names) }, { weight: 1, arbitrary: text }),
          queryValue,
        ),
        { maxLength: 4 },
      ),
      fc.option(fc.string({ maxLength: 8 })),
    )
    .map(([pairs, tail]) => {
      const encoded = new URLSearchParams(pairs).toString();
      return tail === null ? encoded : `${encoded}&${tail}`;
    });

/** Existing ids most of the time (by index, read when the case runs), else junk. */
const pathId = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }).map((index) => ({ stable: index })) },
  {
    weight: 1,
    arbitrary: fc
      .string({ minLength: 1, maxLength: 12 })
      .map((id) => ({ raw: encodeURIComponent(id) })),
  },
  {
    weight: 1,
    arbitrary: fc.bigInt({ min: 0n, max: 10n ** 19n }).map((value) => ({ raw: `cred_${value}` })),
  },
  {
    weight: 1,
    arbitrary: oneOf('totp', 'custom_credential', '%2F', '%00', '..', 'cred_1%3Fx').map((raw) => ({
      raw,
    })),
  },
);
type PathId =
  | { stable: number }
  | { mutable: number }
  | { raw: string }
  | { fresh: 'skyvern' | 'custom' }
  | { folder: number }
  | { freshFolder: true }
  | { profile: number };
const resolveId = async (id: PathId): Promise<string> => {
  if ('stable' in id) return stableIds[id.stable] ?? 'cred_0';
  if ('mutable' in id) return mutableIds[id.mutable] ?? 'cred_0';
  if ('raw' in id) return id.raw;
  if ('folder' in id) return folderIds[id.folder] ?? 'cfld_0';
  if ('profile' in id) return profileIds[id.profile] ?? 'bp_0';
  if ('freshFolder' in id) {
    const response = await sandbox.request('POST', '/v1/credential_folders', {
      body: { title: 'fresh' },
    });
    return String(expectObject(response.body)['folder_id']);
  }
  const credential = id.fresh === 'custom' ? { ...AUTHENTICATOR } : { secret_value: 'x' };
  const type = id.fresh === 'custom' ? 'password' : 'secret';
  const response = await sandbox.request('POST', '/v1/credentials', {
    body: { name: 'fresh', credential_type: type, vault_type: id.fresh, credential },
  });
  return String(expectObject(response.body)['credential_id']);
};

/** Mostly the right key (undefined), sometimes none (null) or garbage, to exercise auth too. */
const keyOf: fc.Arbitrary<string | null | undefined> = fc.oneof(
  { weight: 15, arbitrary: fc.constant<string | null | undefined>(undefined) },
  { weight: 1, arbitrary: fc.constant<string | null | undefined>(null) },
  { weight: 1, arbitrary: fc.stringMatching(/^[\x21-\x7e]{0,20}$/) },
);
const transport = fc.constantFrom<'socket' | 'local'>('socket', 'local', 'local', 'local', 'local');

// ---- running and checking --------------------------------------------------------------------------

interface Case {
  method: string;
  /** `{id}` is replaced with the resolved `id`, `{id2}` with `id2`. */
  path: string;
  id?: PathId;
  id2?: PathId;
  query?: string;
  body?: Body;
  key: string | null | undefined;
  org?: 'main' | 'other';
  via: 'socket' | 'local';
}

async function call(input: Case): Promise<{ path: string; response: ApiResponse }> {
  let path =
    input.id === undefined ? input.path : input.path.replace('{id}', await resolveId(input.id));
  let rawBody = input.body?.raw;
  if (input.id2 !== undefined) {
    const second = await resolveId(input.id2);
    path = path.replace('{id2}', second);
    rawBody = rawBody?.replace('{id2}', second);
  }
  const headers = new Headers();
  const key =
    input.key === undefined ? (input.org === 'other' ? OTHER_ORG_KEY : sandbox.apiKey) : input.key;
  if (key !== null) headers.set('x-api-key', key);
  if (input.body?.contentType) headers.set('content-type', input.body.contentType);
  const url = `${sandbox.skyvernUrl}${path}${input.query ? `?${input.query}` : ''}`;
  const init: RequestInit = { method: input.method, headers };
  if (rawBody !== undefined) init.body = new TextEncoder().encode(rawBody);
  const raw =
    input.via === 'local' ? await sandbox.dispatch(new Request(url, init)) : await fetch(url, init);
  const text = input.method === 'HEAD' ? '' : await raw.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  return { path, response: { status: raw.status, headers: raw.headers, text, body } };
}

function documentedQuirk(method: string, path: string, response: ApiResponse): boolean {
  // A HEAD answer has no body to compare; the item lists' typed 5xx are the only ones allowed.
  if (method === 'HEAD') {
    return (
      /^\/v1\/credentials\/(onepassword|bitwarden)\/items\/?$/.test(path) &&
      [500, 502].includes(response.status)
    );
  }
  const body = response.body;
  if (typeof body !== 'object' || body === null) return false;
  const createOrUpdate =
    (method === 'POST' && /^\/(api\/)?v1\/credentials\/?$/.test(path)) ||
    /\/update\/?$/.test(path) ||
    method === 'PUT';
  if (response.status === 500 && createOrUpdate)
    return JSON.stringify(body) === '{"error":"Unexpected error: AttributeError"}';
  const detail = (body as Record<string, unknown>)['detail'];
  if (/^\/v1\/credentials\/onepassword\/items\/?$/.test(path)) {
    return (
      (response.status === 500 && detail === 'Failed to list 1Password items.') ||
      (response.status === 502 &&
        detail === '1Password is temporarily unavailable. Please retry in a few minutes.')
    );
  }
  if (/^\/v1\/credentials\/bitwarden\/items\/?$/.test(path)) {
    return response.status === 502 && detail === 'Failed to list Bitwarden items';
  }
  return (
    response.status === 502 &&
    typeof detail === 'string' &&
    detail.startsWith('Custom credential service returned ')
  );
}

function check(input: Case, path: string, response: ApiResponse): void {
  const where = `${input.via} ${input.method} ${path}?${input.query ?? ''} ${input.body?.raw.slice(0, 300) ?? ''} → ${response.status} ${response.text.slice(0, 300)}`;
  if (response.status >= 500) {
    expect(documentedQuirk(input.method, path, response), where).toBe(true);
    return;
  }
  if (response.status === 204 || input.method === 'HEAD') {
    expect(response.text, where).toBe('');
    return;
  }
  expect(response.body, where).not.toBeUndefined();
  if (response.status < 400) return;
  const body = expectObject(response.body);
  expect(body, where).toHaveProperty('detail');
  if (response.status === 422 && Array.isArray(body['detail'])) {
    const defaultFormat =
      /^\/api\/v1\/totp\/?$/.test(path) ||
      /^\/(api\/)?v1\/credential_folders(\/|$)/.test(path) ||
      /^\/v1\/browser_profiles(\/|$)/.test(path);
    for (const item of body['detail'] as Array<Record<string, unknown>>) {
      expect(
        Array.isArray(item['loc']) &&
          typeof item['msg'] === 'string' &&
          typeof item['type'] === 'string',
        where,
      ).toBe(true);
      if (defaultFormat) expect(item, where).toHaveProperty('input');
      else expect(Object.keys(item).sort(), where).toEqual(['loc', 'msg', 'type']);
    }
  }
}

async function fuzz(label: string, arbitrary: fc.Arbitrary<Case>, runs = RUNS): Promise<void> {
  const counts = new Map<number, number>();
  coverage.set(label, counts);
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const { path, response } = await call(input);
      counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
      check(input, path, response);
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
}

// ---- one property per route ------------------------------------------------------------------------

describe('fuzz: no undocumented 5xx, well-formed errors', () => {
  it(
    'C1 create (/v1 and /api/v1)',
    () =>
      fuzz(
        'C1',
        fc.record({
          method: fc.constant('POST'),
          path: oneOf('/v1/credentials', '/v1/credentials/', '/api/v1/credentials'),
          body: bodyOf(createBody),
          key: keyOf,
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'C2 list',
    () =>
      fuzz(
        'C2',
        fc.record({
          method: oneOf('GET', 'GET', 'HEAD'),
          path: oneOf('/v1/credentials', '/api/v1/credentials/'),
          query: queryOf([
            'page',
            'page_size',
            'vault_type',
            'credential_type',
            'search',
            'folder_id',
          ]),
          key: keyOf,
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'C3 get one',
    () =>
      fuzz(
        'C3',
        fc.record({
          method: fc.constant('GET'),
          path: oneOf('/v1/credentials/{id}', '/api/v1/credentials/{id}/'),
          id: pathId,
          query: queryOf(['x']),
          key: keyOf,
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'C4 PATCH',
    () =>
      fuzz(
        'C4',
        fc.record({
          method: fc.constant('PATCH'),
          path: fc.constant('/v1/credentials/{id}'),
          id: pathId,
          body: bodyOf(patchBody),
          key: keyOf,
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'C5 update (POST …/update and PUT /api/v1)',
    () =>
      fuzz(
        'C5',
        fc
          .record({
            method: fc.constant('POST'),
            path: oneOf('/v1/credentials/{id}/update', '/v1/credentials/{id}/update/'),
            id: pathId.map((id): PathId => ('stable' in id ? { mutable: id.stable } : id)),
            body: bodyOf(createBody),
            key: keyOf,
            via: transport,
          })
          .chain((input) =>
            fc.constantFrom(input, { ...input, method: 'PUT', path: '/api/v1/credentials/{id}' }),
          ),
      ),
    TIMEOUT,
  );

  it(
    'C6 delete (POST …/delete and DELETE /api/v1), on fresh credentials',
    () =>
      fuzz(
        'C6',
        fc
          .record({
            method: fc.constant('POST'),
            path: fc.constant('/v1/credentials/{id}/delete'),
            id: fc.oneof(
              {
                weight: 3,
                arbitrary: fc.constantFrom<PathId>({ fresh: 'skyvern' }, { fresh: 'custom' }),
              },
              { weight: 1, arbitrary: pathId.filter((id) => !('stable' in id)) },
            ),
            key: keyOf,
            via: transport,
          })
          .chain((input) =>
            fc.constantFrom(input, {
              ...input,
              method: 'DELETE',
              path: '/api/v1/credentials/{id}',
            }),
          ),
      ),
    TIMEOUT,
  );

  it(
    'C7 current authenticator code',
    () =>
      fuzz(
        'C7',
        fc.record({
          method: fc.constant('GET'),
          path: fc.constant('/v1/credentials/{id}/totp-code'),
          id: pathId,
          query: queryOf(['x']),
          key: keyOf,
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'T1 push (/v1/credentials/totp and /api/v1/totp)',
    () =>
      fuzz(
        'T1',
        fc.record({
          method: fc.constant('POST'),
          path: oneOf('/v1/credentials/totp', '/api/v1/totp', '/v1/credentials/totp/'),
          body: bodyOf(totpBody),
          key: keyOf,
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'T2 list codes',
    () =>
      fuzz(
        'T2',
        fc.record({
          method: fc.constant('GET'),
          path: fc.constant('/v1/credentials/totp'),
          query: queryOf(['totp_identifier', 'workflow_run_id', 'otp_type', 'limit']),
          key: keyOf,
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'K1 get configuration',
    () =>
      fuzz(
        'K1',
        fc.record({
          method: fc.constant('GET'),
          path: fc.constant('/v1/credentials/custom_credential/get'),
          query: queryOf(['x']),
          key: keyOf,
          org: oneOf('main', 'other').map((org) => org as 'main' | 'other'),
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'K2 save configuration (second organisation)',
    () =>
      fuzz(
        'K2',
        fc.record({
          method: fc.constant('POST'),
          path: fc.constant('/v1/credentials/custom_credential/create'),
          body: bodyOf(configBody),
          key: keyOf,
          org: fc.constant<'other'>('other'),
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'K3 test connection',
    () =>
      fuzz(
        'K3',
        fc.record({
          method: fc.constant('POST'),
          path: fc.constant('/v1/credentials/custom_credential/test_connection'),
          body: bodyOf(configBody),
          key: keyOf,
          org: fc.constant<'other'>('other'),
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'K4 clear a provider (second organisation)',
    () =>
      fuzz(
        'K4',
        fc.record({
          method: fc.constant('DELETE'),
          path: fc
            .oneof(
              oneOf('onepassword', 'bitwarden', 'azure_credential', 'custom_credential'),
              fc.string({ minLength: 1, maxLength: 10 }).map(encodeURIComponent),
            )
            .chain((provider) =>
              oneOf(`/v1/credentials/${provider}`, `/v1/credentials/${provider}/`),
            ),
          key: keyOf,
          org: fc.constant<'other'>('other'),
          via: transport,
        }),
      ),
    TIMEOUT,
  );

  it(
    'F1 create a folder (/v1 and /api/v1, both slash forms)',
    () =>
      fuzz(
        'F1',
        fc.record({
          method: fc.constant('POST'),
          path: oneOf(
            '/v1/credential_folders',
            '/v1/credential_folders/',
            '/api/v1/credential_folders',
            '/api/v1/credential_folders/',
          ),
          body: bodyOf(folderBody),
          key: keyOf,
          via: transport,
        }),
        500,
      ),
    TIMEOUT,
  );

  it(
    'F2 list folders',
    () =>
      fuzz(
        'F2',
        fc.record({
          method: oneOf('GET', 'GET', 'HEAD'),
          path: oneOf('/v1/credential_folders', '/api/v1/credential_folders/'),
          query: queryOf(['page', 'page_size', 'search']),
          key: keyOf,
          via: transport,
        }),
        500,
      ),
    TIMEOUT,
  );

  it(
    'F3–F5 get, update and delete a folder (deletes only fresh folders)',
    () =>
      fuzz(
        'F3-5',
        fc
          .record({
            method: oneOf('GET', 'PUT', 'DELETE'),
            path: oneOf('/v1/credential_folders/{id}', '/api/v1/credential_folders/{id}/'),
            id: folderRef,
            body: bodyOf(folderBody),
            key: keyOf,
            via: transport,
          })
          .map((input): Case => {
            if (input.method === 'GET') return { ...input, body: undefined };
            if (input.method === 'DELETE' && 'folder' in input.id) {
              return { ...input, body: undefined, id: { freshFolder: true } };
            }
            return input;
          }),
        500,
      ),
    TIMEOUT,
  );

  it(
    'F6 assign a credential to a folder',
    () =>
      fuzz(
        'F6',
        fc.record({
          method: fc.constant('PUT'),
          path: oneOf(
            '/v1/credentials/{id}/folder',
            '/api/v1/credentials/{id}/folder/',
            '/v1/credentials/{id}/folder/',
          ),
          id: pathId,
          id2: folderRef,
          body: bodyOf(assignBody),
          key: keyOf,
          via: transport,
        }),
        500,
      ),
    TIMEOUT,
  );

  it(
    'B1 list browser profiles',
    () =>
      fuzz(
        'B1',
        fc.record({
          method: oneOf('GET', 'GET', 'HEAD'),
          path: oneOf('/v1/browser_profiles', '/v1/browser_profiles/'),
          query: queryOf(['page', 'page_size', 'include_deleted', 'search_key', 'managed']),
          key: keyOf,
          via: transport,
        }),
        500,
      ),
    TIMEOUT,
  );

  it(
    'B2, B3 get a browser profile and its usage',
    () =>
      fuzz(
        'B2-3',
        fc.record({
          method: fc.constant('GET'),
          path: oneOf(
            '/v1/browser_profiles/{id}',
            '/v1/browser_profiles/{id}/usage',
            '/v1/browser_profiles/{id}/usage/',
          ),
          id: profileRef,
          query: queryOf(['x']),
          key: keyOf,
          via: transport,
        }),
        500,
      ),
    TIMEOUT,
  );

  it(
    'P2, P5, P8 save a provider configuration (second organisation)',
    () =>
      fuzz(
        'P-save',
        providerSave.chain(({ path, body }) =>
          fc.record({
            method: fc.constant('POST'),
            path: fc.constant(path),
            body: bodyOf(fc.constant(body)),
            key: keyOf,
            org: fc.constant<'other'>('other'),
            via: transport,
          }),
        ),
        500,
      ),
    TIMEOUT,
  );

  it(
    'P1, P3, P4, P6, P7 read a provider configuration and its items',
    () =>
      fuzz(
        'P-read',
        fc.record({
          method: oneOf('GET', 'GET', 'HEAD'),
          path: oneOf(
            '/v1/credentials/onepassword/get',
            '/v1/credentials/onepassword/items',
            '/v1/credentials/bitwarden/get/',
            '/v1/credentials/bitwarden/items',
            '/v1/credentials/azure_credential/get',
          ),
          query: queryOf(['x']),
          key: keyOf,
          org: oneOf('main', 'other').map((org) => org as 'main' | 'other'),
          via: transport,
        }),
        500,
      ),
    TIMEOUT,
  );

  it(
    'any method on any path',
    () =>
      fuzz(
        'any',
        fc
          .record({
            method: oneOf('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
            path: fc.oneof(
              fc.webPath(),
              fc
                .tuple(
                  oneOf(
                    '/v1/credentials',
                    '/api/v1/credentials',
                    '/api/v1/totp',
                    '/v1/credential_folders',
                    '/api/v1/credential_folders',
                    '/v1/browser_profiles',
                    '/v1',
                    '/api/v1',
                    '',
                  ),
                  fc.array(
                    oneOf(
                      'totp',
                      'custom_credential',
                      'get',
                      'create',
                      'test_connection',
                      'update',
                      'delete',
                      'totp-code',
                      'onepassword',
                      'bitwarden',
                      'azure_credential',
                      'items',
                      'folder',
                      'usage',
                      'cfld_1',
                      'bp_1',
                      'cred_1',
                      '',
                      'x',
                    ),
                    { maxLength: 3 },
                  ),
                )
                .map(([prefix, parts]) =>
                  parts.length === 0 ? prefix || '/' : `${prefix}/${parts.join('/')}`,
                ),
            ),
            body: fc.option(bodyOf(anyJson), { nil: undefined }),
            key: keyOf,
            org: fc.constant<'other'>('other'),
            via: transport,
          })
          .map((input) =>
            input.method === 'GET' || input.method === 'HEAD'
              ? { ...input, body: undefined }
              : input,
          ),
      ),
    TIMEOUT,
  );

  it('reached the deep paths (sanity check on the generators)', async () => {
    const count = (label: string, status: number) => coverage.get(label)?.get(status) ?? 0;
    expect(count('C1', 201) + count('C1', 200)).toBeGreaterThan(100);
    expect(count('C4', 200)).toBeGreaterThan(100);
    expect(count('C5', 200)).toBeGreaterThan(50);
    expect(count('C6', 204) + count('C6', 200)).toBeGreaterThan(100);
    expect(count('C7', 200)).toBeGreaterThan(50);
    expect(count('K3', 200)).toBeGreaterThan(10);
    expect(count('T1', 200)).toBeGreaterThan(100);
    expect(count('F1', 200)).toBeGreaterThan(100);
    expect(count('F3-5', 200)).toBeGreaterThan(100);
    expect(count('F6', 200)).toBeGreaterThan(50);
    expect(count('B2-3', 200)).toBeGreaterThan(100);
    expect(count('P-save', 200)).toBeGreaterThan(100);
    expect(count('P-read', 200)).toBeGreaterThan(100);
    const items = expectObject((await sandbox.vaultRequest('GET', '/api/v1/credentials')).body)[
      'items'
    ];
    expect((items as unknown[]).length).toBeGreaterThan(0);
  });
});
