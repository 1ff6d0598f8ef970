/*
 * Contract sections 2 and 3: the credential resource, create/list/get/PATCH/update/delete, the
 * error shapes (1.4) and the quirks where real Skyvern answers 500.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cardBody,
  expectArray,
  expectObject,
  passwordBody,
  secretBody,
  startTestSandbox,
  type TestSandbox,
} from './helpers';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

async function create(body: unknown, path = '/v1/credentials'): Promise<Record<string, unknown>> {
  const response = await sandbox.request('POST', path, { body });
  expect(response.status, response.text).toBe(201);
  return expectObject(response.body);
}

const RESPONSE_KEYS = [
  'credential_id',
  'credential',
  'credential_type',
  'name',
  'vault_type',
  'browser_profile_id',
  'auto_profile_disabled',
  'pin_saved_session_ip',
  'tested_url',
  'user_context',
  'save_browser_session_intent',
  'run_sequentially',
  'folder_id',
  'proxy_location',
  'proxy_session_id',
];

describe('CredentialResponse (2.1, 2.2)', () => {
  it('has exactly the documented fields, in order, with defaults for a new password credential', async () => {
    const body = await create(
      passwordBody({}, { totp: 'jbsw y3dp ehpk 3pxp', totp_type: 'authenticator' }),
    );
    expect(Object.keys(body)).toEqual(RESPONSE_KEYS);
    expect(body).toEqual({
      credential_id: expect.stringMatching(/^cred_\d{18,19}$/),
      credential: {
        username: 'jane@example.com',
        totp_type: 'authenticator',
        totp_identifier: null,
      },
      credential_type: 'password',
      name: 'Acme portal',
      vault_type: 'skyvern',
      browser_profile_id: null,
      auto_profile_disabled: false,
      pin_saved_session_ip: false,
      tested_url: null,
      user_context: null,
      save_browser_session_intent: false,
      run_sequentially: false,
      folder_id: null,
      proxy_location: null,
      proxy_session_id: null,
    });
  });

  it('never contains a secret or a timestamp, on any endpoint', async () => {
    const secrets = [
      'p4ssw0rd-secret',
      'JBSWY3DPEHPK3PXP',
      '4000056655665556',
      '987',
      'card-holder-x',
      'sv-secret-value',
      'meta-secret',
    ];
    const password = await create(
      passwordBody(
        {},
        {
          password: secrets[0],
          totp: secrets[1],
          totp_type: 'authenticator',
          metadata: { k: secrets[6] },
        },
      ),
    );
    const card = await create(
      cardBody({}, { card_number: secrets[2], card_cvv: secrets[3], card_holder_name: secrets[4] }),
    );
    const secret = await create(secretBody({}, { secret_value: secrets[5] }));
    const responses = [
      password,
      card,
      secret,
      (await sandbox.request('GET', '/v1/credentials?page_size=1000')).body,
      (await sandbox.request('GET', `/v1/credentials/${String(card['credential_id'])}`)).body,
      (
        await sandbox.request('PATCH', `/v1/credentials/${String(secret['credential_id'])}`, {
          body: { name: 'n' },
        })
      ).body,
      (
        await sandbox.request(
          'POST',
          `/v1/credentials/${String(password['credential_id'])}/update`,
          {
            body: passwordBody({}, { password: secrets[0] }),
          },
        )
      ).body,
    ];
    for (const response of responses) {
      const text = JSON.stringify(response);
      for (const value of secrets.filter((s) => s !== '987')) expect(text).not.toContain(value);
      expect(text).not.toMatch(
        /created_at|modified_at|deleted_at|item_id|organization_id|"password":|card_cvv|secret_value/,
      );
    }
  });

  it('falls back: last_four is the last 4 characters as sent (spaces count), brand as sent', async () => {
    const spaced = await create(cardBody({}, { card_number: '4242 4242 4242 42 ' }));
    expect(spaced['credential']).toEqual({ last_four: ' 42 ', brand: 'visa' });
    const short = await create(cardBody({}, { card_number: '12', card_brand: 'Some Bank' }));
    expect(short['credential']).toEqual({ last_four: '12', brand: 'Some Bank' });
    const unicode = await create(cardBody({}, { card_number: '1234😀😀' }));
    expect(unicode['credential']).toEqual({ last_four: '34😀😀', brand: 'visa' });
  });

  it('falls back for old rows: "****" and "Card Brand" when unknown, the id for an empty username', async () => {
    const card = String((await create(cardBody()))['credential_id']);
    const password = String((await create(passwordBody()))['credential_id']);
    sandbox.databases.skyvern
      .prepare('UPDATE credentials SET card_last_four = NULL, card_brand = NULL WHERE id = ?')
      .run(card);
    sandbox.databases.skyvern
      .prepare("UPDATE credentials SET username = '' WHERE id = ?")
      .run(password);
    expect(
      expectObject((await sandbox.request('GET', `/v1/credentials/${card}`)).body)['credential'],
    ).toEqual({
      last_four: '****',
      brand: 'Card Brand',
    });
    expect(
      expectObject((await sandbox.request('GET', `/v1/credentials/${password}`)).body)[
        'credential'
      ],
    ).toMatchObject({
      username: password,
    });
  });

  it('secret credentials show only the label; a missing label is null', async () => {
    expect((await create(secretBody()))['credential']).toEqual({ secret_label: 'Billing API key' });
    expect((await create(secretBody({}, { secret_label: undefined })))['credential']).toEqual({
      secret_label: null,
    });
  });

  it('accepts an empty name; names need not be unique', async () => {
    expect((await create(secretBody({ name: '' })))['name']).toBe('');
    const a = await create(secretBody({ name: 'Same' }));
    const b = await create(secretBody({ name: 'Same' }));
    expect(a['credential_id']).not.toBe(b['credential_id']);
  });

  it('issues time-ordered cred_ ids', async () => {
    const first = String((await create(secretBody()))['credential_id']);
    const second = String((await create(secretBody()))['credential_id']);
    expect(BigInt(second.slice(5))).toBeGreaterThan(BigInt(first.slice(5)));
  });
});

describe('create validation (3.1, 1.4)', () => {
  it('rejects an upper-case enum with the exact 422 body', async () => {
    const response = await sandbox.request('POST', '/v1/credentials', {
      body: passwordBody({ credential_type: 'PASSWORD' }),
    });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [
        {
          loc: ['body', 'credential_type'],
          msg: "Input should be 'password', 'credit_card' or 'secret'",
          type: 'enum',
        },
      ],
    });
  });

  it('reports a union error once per missing field per candidate shape (the contract example)', async () => {
    const response = await sandbox.request('POST', '/v1/credentials', {
      body: {
        name: 'Acme',
        credential_type: 'password',
        credential: { username: 'jane@example.com' },
      },
    });
    const password =
      'function-after[normalize_empty_optional_fields(), NonEmptyPasswordCredential]';
    const card = 'function-after[normalize_empty_optional_fields(), NonEmptyCreditCardCredential]';
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [
        {
          loc: ['body', 'credential', password, 'password'],
          msg: 'Field required',
          type: 'missing',
        },
        ...[
          'card_number',
          'card_cvv',
          'card_exp_month',
          'card_exp_year',
          'card_brand',
          'card_holder_name',
        ].map((field) => ({
          loc: ['body', 'credential', card, field],
          msg: 'Field required',
          type: 'missing',
        })),
        {
          loc: ['body', 'credential', 'SecretCredential', 'secret_value'],
          msg: 'Field required',
          type: 'missing',
        },
      ],
    });
  });

  it.each([
    ['an empty password', passwordBody({}, { password: '' })],
    ['a missing name', { credential_type: 'secret', credential: { secret_value: 'x' } }],
    ['a numeric name', secretBody({ name: 42 })],
    ['a bad totp_type', passwordBody({}, { totp_type: 'text_message' })],
    ['a non-string metadata value', passwordBody({}, { metadata: { a: 1 } })],
    ['a bad vault_type', secretBody({ vault_type: 'vault' })],
    ['credential not an object', secretBody({ credential: 'x' })],
    ['a body that is a list', []],
    ['an empty JSON object', {}],
    ['a non-boolean flag', secretBody({ pin_saved_session_ip: 'maybe' })],
    ['an unknown proxy location', secretBody({ proxy_location: 'MARS' })],
  ])('rejects %s with a sanitized 422 list', async (_label, body) => {
    const response = await sandbox.request('POST', '/v1/credentials', { body });
    expect(response.status).toBe(422);
    const detail = expectArray(expectObject(response.body)['detail']);
    expect(detail.length).toBeGreaterThan(0);
    for (const item of detail) expect(Object.keys(item).sort()).toEqual(['loc', 'msg', 'type']);
  });

  it('answers an empty body with a missing-body 422', async () => {
    const response = await sandbox.request('POST', '/v1/credentials', {
      raw: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(response).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body'], msg: 'Field required', type: 'missing' }] },
    });
  });

  it('gives the documented messages for pydantic checks', async () => {
    const short = await sandbox.request('POST', '/v1/credentials', {
      body: passwordBody({}, { username: '' }),
    });
    expect(JSON.stringify(short.body)).toContain(
      '"msg":"String should have at least 1 character","type":"string_too_short"',
    );
    const proxy = await sandbox.request('POST', '/v1/credentials', {
      body: secretBody({ proxy_location: 'MARS' }),
    });
    expect(proxy.body).toEqual({
      detail: [
        {
          loc: ['body', 'proxy_location'],
          msg: "Value error, 'MARS' is not a valid ProxyLocation",
          type: 'value_error',
        },
      ],
    });
  });

  it('accepts whitespace-only usernames and ignores totp without totp_type authenticator', async () => {
    const body = await create(passwordBody({}, { username: '   ', totp: 'not base32 at all!' }));
    expect(body['credential']).toEqual({
      username: '   ',
      totp_type: 'none',
      totp_identifier: null,
    });
  });

  it('stores totp_identifier and shows it', async () => {
    const body = await create(
      passwordBody({}, { totp_type: 'email', totp_identifier: 'jane@example.com' }),
    );
    expect(body['credential']).toEqual({
      username: 'jane@example.com',
      totp_type: 'email',
      totp_identifier: 'jane@example.com',
    });
  });

  it('refuses vaults this server cannot use (3.1 step 5)', async () => {
    expect(
      await sandbox.request('POST', '/v1/credentials', {
        body: secretBody({ vault_type: 'azure_vault' }),
      }),
    ).toMatchObject({
      status: 400,
      body: { detail: 'Azure Vault credential is not supported' },
    });
    expect(
      await sandbox.request('POST', '/v1/credentials', { body: secretBody({ vault_type: 'gcp' }) }),
    ).toMatchObject({
      status: 400,
      body: { detail: 'GCP credential vault is not supported' },
    });
    expect(
      await sandbox.request('POST', '/v1/credentials', {
        body: secretBody({ vault_type: 'custom' }),
      }),
    ).toMatchObject({
      status: 400,
      body: {
        detail: `Custom credential service not configured for organization ${sandbox.organizationId}`,
      },
    });
  });

  it('refuses a browser profile the organisation does not have', async () => {
    expect(
      await sandbox.request('POST', '/v1/credentials', {
        body: secretBody({ browser_profile_id: 'bp_1' }),
      }),
    ).toMatchObject({
      status: 400,
      body: { detail: 'Browser profile not found, browser_profile_id=bp_1' },
    });
  });

  it('mirrors real Skyvern: a credential_type/shape mismatch is 500 AttributeError without CORS headers', async () => {
    const before = expectArray(
      (await sandbox.request('GET', '/v1/credentials?page_size=1000')).body,
    ).length;
    for (const [type, credential] of [
      ['password', { secret_value: 'x' }],
      ['secret', { username: 'u', password: 'p' }],
      ['credit_card', { secret_value: 'x' }],
    ] as const) {
      const response = await sandbox.request('POST', '/v1/credentials', {
        body: { name: 'mismatch', credential_type: type, credential },
        headers: { origin: 'http://127.0.0.1:4317' },
      });
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ error: 'Unexpected error: AttributeError' });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
    expect(
      expectArray((await sandbox.request('GET', '/v1/credentials?page_size=1000')).body),
    ).toHaveLength(before);
    expect(
      sandbox.databases.skyvern
        .prepare("SELECT COUNT(*) AS n FROM credentials WHERE name = 'mismatch'")
        .get(),
    ).toEqual({ n: 0 });
  });

  it('answers an oversized body with 413 JSON, before auth; 1 MiB by default', async () => {
    // A small limit keeps the upload short: the server answers before reading the rest.
    const small = await startTestSandbox({ bodyLimitBytes: 1024 });
    try {
      const body = secretBody({}, { secret_value: 'x'.repeat(2000) });
      expect(await small.request('POST', '/v1/credentials', { body })).toMatchObject({
        status: 413,
        body: { detail: 'Request body too large' },
      });
      expect((await small.request('POST', '/v1/credentials', { body, key: null })).status).toBe(
        413,
      );
    } finally {
      await small.close();
    }
    const nearLimit = secretBody({}, { secret_value: 'x'.repeat(1_000_000) });
    expect((await sandbox.request('POST', '/v1/credentials', { body: nearLimit })).status).toBe(
      201,
    );
  });

  it('answers invalid UTF-8 with 400 JSON', async () => {
    const response = await fetch(`${sandbox.skyvernUrl}/v1/credentials`, {
      method: 'POST',
      headers: { 'x-api-key': sandbox.apiKey, 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ detail: 'There was an error parsing the body' });
  });
});

describe('list (3.2)', () => {
  let org: TestSandbox;
  const names: string[] = [];

  beforeAll(async () => {
    org = await startTestSandbox();
    const bodies = [
      passwordBody({ name: 'Acme Portal' }, { username: 'jane@acme.example' }),
      passwordBody({ name: 'Globex' }, { username: 'JOHN@globex.example' }),
      cardBody({ name: 'Corporate card' }, { card_number: '4000056655661234', card_brand: 'Visa' }),
      cardBody(
        { name: 'Backup card' },
        { card_number: '5555555555554444', card_brand: 'MasterCard' },
      ),
      secretBody({ name: '100% secret' }, { secret_label: 'under_score label' }),
      secretBody({ name: 'Ünïcode Näme' }, { secret_label: null }),
    ];
    for (const body of bodies) {
      const response = await org.request('POST', '/v1/credentials', { body });
      expect(response.status).toBe(201);
      names.push(body.name);
    }
    for (let index = 0; index < 24; index += 1) {
      await org.request('POST', '/v1/credentials', {
        body: secretBody({ name: `filler ${index}` }, { secret_label: null }),
      });
      names.push(`filler ${index}`);
    }
  });
  afterAll(() => org.close());

  const listNames = async (query: string) => {
    const response = await org.request('GET', `/v1/credentials${query}`);
    expect(response.status, response.text).toBe(200);
    return expectArray(response.body).map((item) => item['name']);
  };

  it('returns a bare array, newest first, 10 by default', async () => {
    expect(await listNames('')).toEqual([...names].reverse().slice(0, 10));
  });

  it('pages by offset, and a page past the end is []', async () => {
    const reversed = [...names].reverse();
    expect(await listNames('?page=2&page_size=7')).toEqual(reversed.slice(7, 14));
    expect(await listNames('?page=5&page_size=7')).toEqual(reversed.slice(28, 35));
    expect(await listNames('?page=6&page_size=7')).toEqual([]);
    expect(await listNames('?page=999999999999999999999&page_size=7')).toEqual([]);
    expect((await listNames('?page_size=100000')).length).toBe(30);
  });

  it('searches name, username, secret_label, card_brand and last four, case-insensitively', async () => {
    expect(await listNames('?search=acme%20PORTAL')).toEqual(['Acme Portal']);
    expect(await listNames('?search=john@GLOBEX')).toEqual(['Globex']);
    expect(await listNames('?search=mastercard')).toEqual(['Backup card']);
    expect(await listNames('?search=1234')).toEqual(['Corporate card']);
    expect(await listNames('?search=UNDER_SCORE')).toEqual(['100% secret']);
    expect(await listNames('?search=ünïcode')).toEqual(['Ünïcode Näme']);
  });

  it('treats % and _ literally', async () => {
    expect(await listNames('?search=%25')).toEqual(['100% secret']);
    expect(await listNames('?search=_')).toEqual(['100% secret']);
    expect(await listNames('?search=0%25%20s')).toEqual(['100% secret']);
    expect(await listNames('?search=a_e')).toEqual([]);
  });

  it('never matches across two fields', async () => {
    // "Globex" + username "JOHN@…": the text "globex\u0001john" spans the name and the username.
    expect(await listNames('?search=globex%01john')).toEqual([]);
    expect(await listNames('?search=ex%20')).toEqual([]);
  });

  it('does not search ids, and an empty search is no filter', async () => {
    const all = expectArray((await org.request('GET', '/v1/credentials?page_size=1')).body);
    const id = String(all[0]?.['credential_id']);
    expect(await listNames(`?search=${id}`)).toEqual([]);
    expect((await listNames('?search=&page_size=100')).length).toBe(30);
  });

  it('filters by credential_type and vault_type, ANDed with search', async () => {
    expect(await listNames('?credential_type=credit_card')).toEqual([
      'Backup card',
      'Corporate card',
    ]);
    expect(await listNames('?credential_type=password&search=globex')).toEqual(['Globex']);
    expect(await listNames('?credential_type=secret&search=globex')).toEqual([]);
    expect((await listNames('?vault_type=skyvern&page_size=100')).length).toBe(30);
    expect(await listNames('?vault_type=custom')).toEqual([]);
    expect(await listNames('?folder_id=cfld_1')).toEqual([]);
  });

  it.each([
    [
      '?page=0',
      ['query', 'page'],
      'Input should be greater than or equal to 1',
      'greater_than_equal',
    ],
    [
      '?page_size=0',
      ['query', 'page_size'],
      'Input should be greater than or equal to 1',
      'greater_than_equal',
    ],
    [
      '?page=abc',
      ['query', 'page'],
      'Input should be a valid integer, unable to parse string as an integer',
      'int_parsing',
    ],
    [
      '?page=',
      ['query', 'page'],
      'Input should be a valid integer, unable to parse string as an integer',
      'int_parsing',
    ],
    [
      `?search=${'x'.repeat(201)}`,
      ['query', 'search'],
      'String should have at most 200 characters',
      'string_too_long',
    ],
    [
      '?credential_type=PASSWORD',
      ['query', 'credential_type'],
      "Input should be 'password', 'credit_card' or 'secret'",
      'enum',
    ],
    [
      '?vault_type=',
      ['query', 'vault_type'],
      "Input should be 'skyvern', 'bitwarden', 'azure_vault', 'gcp' or 'custom'",
      'enum',
    ],
  ])('%s → 422', async (query, loc, msg, type) => {
    const response = await org.request('GET', `/v1/credentials${query}`);
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ detail: [{ loc, msg, type }] });
  });

  it('accepts exactly 200 search characters', async () => {
    expect(await listNames(`?search=${'x'.repeat(200)}`)).toEqual([]);
  });
});

describe('get one (3.3)', () => {
  it('404s for unknown and deleted ids with the short message', async () => {
    expect(await sandbox.request('GET', '/v1/credentials/cred_123')).toMatchObject({
      status: 404,
      body: { detail: 'Credential not found' },
    });
    const id = String((await create(secretBody()))['credential_id']);
    expect((await sandbox.request('POST', `/v1/credentials/${id}/delete`)).status).toBe(204);
    expect(await sandbox.request('GET', `/v1/credentials/${id}`)).toMatchObject({
      status: 404,
      body: { detail: 'Credential not found' },
    });
  });
});

describe('PATCH (3.4)', () => {
  let id: string;
  beforeEach(async () => {
    id = String((await create(passwordBody()))['credential_id']);
  });
  const patch = (body: unknown) => sandbox.request('PATCH', `/v1/credentials/${id}`, { body });

  it('needs at least one key', async () => {
    expect(await patch({})).toMatchObject({
      status: 422,
      body: {
        detail: [
          {
            loc: ['body'],
            msg: 'Value error, At least one credential metadata field must be provided',
            type: 'value_error',
          },
        ],
      },
    });
    expect((await patch({ unknown: 1 })).status).toBe(422);
  });

  it('counts a key sent as null as present, and null changes nothing', async () => {
    const response = await patch({ name: null });
    expect(response.status).toBe(200);
    expect(expectObject(response.body)['name']).toBe('Acme portal');
  });

  it('renames; an empty name is 422', async () => {
    expect(expectObject((await patch({ name: 'Renamed' })).body)['name']).toBe('Renamed');
    const empty = await patch({ name: '' });
    expect(empty.status).toBe(422);
    expect(empty.body).toEqual({
      detail: [
        {
          loc: ['body', 'name'],
          msg: 'String should have at least 1 character',
          type: 'string_too_short',
        },
      ],
    });
  });

  it('sets but never clears tested_url and user_context', async () => {
    await patch({ tested_url: 'https://acme.example/login', user_context: 'Use SSO' });
    const cleared = expectObject((await patch({ tested_url: null, user_context: '   ' })).body);
    expect(cleared['tested_url']).toBe('https://acme.example/login');
    expect(cleared['user_context']).toBe('Use SSO');
    const long = await patch({ user_context: 'x'.repeat(1001) });
    expect(long.body).toEqual({
      detail: [
        {
          loc: ['body', 'user_context'],
          msg: 'String should have at most 1000 characters',
          type: 'string_too_long',
        },
      ],
    });
    expect((await patch({ user_context: 'x'.repeat(1000) })).status).toBe(200);
  });

  it('sets the boolean flags; OSS refuses run_sequentially: true', async () => {
    const body = expectObject(
      (
        await patch({
          save_browser_session_intent: true,
          auto_profile_disabled: true,
          run_sequentially: false,
        })
      ).body,
    );
    expect(body).toMatchObject({
      save_browser_session_intent: true,
      auto_profile_disabled: true,
      run_sequentially: false,
    });
    expect(await patch({ run_sequentially: true })).toMatchObject({
      status: 400,
      body: { detail: 'Sequential credential execution is not supported by this deployment' },
    });
  });

  it('unlinks with browser_profile_id: null and refuses unknown profiles', async () => {
    expect(
      expectObject((await patch({ browser_profile_id: null })).body)['browser_profile_id'],
    ).toBeNull();
    expect(await patch({ browser_profile_id: 'bp_9' })).toMatchObject({
      status: 400,
      body: { detail: 'Browser profile not found, browser_profile_id=bp_9' },
    });
  });

  it('applies the proxy rules of 3.9', async () => {
    const isp = expectObject((await patch({ proxy_location: 'RESIDENTIAL_ISP' })).body);
    expect(isp['proxy_location']).toBe('RESIDENTIAL_ISP');
    expect(isp['proxy_session_id']).toMatch(/^[0-9a-f]{10}$/);
    const kept = expectObject((await patch({ proxy_location: 'RESIDENTIAL_ISP' })).body);
    expect(kept['proxy_session_id']).toBe(isp['proxy_session_id']);
    const rotated = expectObject((await patch({ rotate_proxy_session_id: true })).body);
    expect(rotated['proxy_session_id']).not.toBe(isp['proxy_session_id']);
    const geo = expectObject(
      (await patch({ proxy_location: { country: 'US', subdivision: 'CA' } })).body,
    );
    expect(geo).toMatchObject({
      proxy_location: { country: 'US', subdivision: 'CA', city: null },
      proxy_session_id: null,
    });
    const sessionOnly = expectObject((await patch({ proxy_session_id: '  sticky-1 ' })).body);
    expect(sessionOnly).toMatchObject({
      proxy_location: 'RESIDENTIAL_ISP',
      proxy_session_id: 'sticky-1',
    });
    const clearedSession = expectObject((await patch({ proxy_session_id: '' })).body);
    expect(clearedSession).toMatchObject({ proxy_location: null, proxy_session_id: null });
    const pinned = expectObject((await patch({ pin_saved_session_ip: true })).body);
    expect(pinned).toMatchObject({ pin_saved_session_ip: true, proxy_location: 'RESIDENTIAL_ISP' });
    expect(pinned['proxy_session_id']).toMatch(/^[0-9a-f]{10}$/);
    const urlOnly = await patch({ proxy_location: { url: 'http://proxy.example:8080' } });
    expect(urlOnly.status).toBe(422);
  });

  it('404s with the id in the message', async () => {
    expect(
      await sandbox.request('PATCH', '/v1/credentials/cred_404', { body: { name: 'x' } }),
    ).toMatchObject({
      status: 404,
      body: { detail: 'Credential not found, credential_id=cred_404' },
    });
  });

  it('validates the body before looking the credential up', async () => {
    expect((await sandbox.request('PATCH', '/v1/credentials/cred_404', { body: {} })).status).toBe(
      422,
    );
  });
});

describe('update (3.5)', () => {
  it('requires the full secrets again', async () => {
    const id = String((await create(cardBody()))['credential_id']);
    const response = await sandbox.request('POST', `/v1/credentials/${id}/update`, {
      body: {
        name: 'x',
        credential_type: 'credit_card',
        credential: { card_number: '4111111111111111' },
      },
    });
    expect(response.status).toBe(422);
  });

  it('replaces the name and the non-secret columns; may change the type; keeps the id and vault', async () => {
    const id = String(
      (await create(passwordBody({ tested_url: 'https://a.example' })))['credential_id'],
    );
    const response = await sandbox.request('POST', `/v1/credentials/${id}/update`, {
      body: secretBody({ name: 'Now a secret', vault_type: 'custom', tested_url: null }),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      credential_id: id,
      credential_type: 'secret',
      credential: { secret_label: 'Billing API key' },
      name: 'Now a secret',
      vault_type: 'skyvern',
      tested_url: 'https://a.example',
    });
  });

  it('does not preserve totp: omitting it with authenticator is 400, without is totp_type none', async () => {
    const id = String(
      (await create(passwordBody({}, { totp: 'JBSWY3DPEHPK3PXP', totp_type: 'authenticator' })))[
        'credential_id'
      ],
    );
    expect(
      await sandbox.request('POST', `/v1/credentials/${id}/update`, {
        body: passwordBody({}, { totp_type: 'authenticator' }),
      }),
    ).toMatchObject({
      status: 400,
      body: { detail: { error_code: 'authenticator_key_required' } },
    });
    const plain = await sandbox.request('POST', `/v1/credentials/${id}/update`, {
      body: passwordBody(),
    });
    expect(expectObject(plain.body)['credential']).toEqual({
      username: 'jane@example.com',
      totp_type: 'none',
      totp_identifier: null,
    });
    expect(await sandbox.request('GET', `/v1/credentials/${id}/totp-code`)).toMatchObject({
      status: 400,
      body: { detail: 'This credential does not have an authenticator app configured.' },
    });
  });

  it('keeps user_context and save_browser_session_intent, which only PATCH changes', async () => {
    const id = String((await create(secretBody()))['credential_id']);
    await sandbox.request('PATCH', `/v1/credentials/${id}`, {
      body: { user_context: 'hint', save_browser_session_intent: true },
    });
    const updated = expectObject(
      (await sandbox.request('POST', `/v1/credentials/${id}/update`, { body: secretBody() })).body,
    );
    expect(updated).toMatchObject({ user_context: 'hint', save_browser_session_intent: true });
  });

  it('mirrors real Skyvern: a shape mismatch on update is 500 AttributeError and changes nothing', async () => {
    const id = String((await create(secretBody()))['credential_id']);
    const response = await sandbox.request('POST', `/v1/credentials/${id}/update`, {
      body: { name: 'x', credential_type: 'password', credential: { secret_value: 'y' } },
    });
    expect(response).toMatchObject({
      status: 500,
      body: { error: 'Unexpected error: AttributeError' },
    });
    expect(expectObject((await sandbox.request('GET', `/v1/credentials/${id}`)).body)['name']).toBe(
      'API key',
    );
  });

  it('replaces the vault item (old one removed after the response)', async () => {
    const id = String((await create(secretBody()))['credential_id']);
    const itemOf = () =>
      (
        sandbox.databases.skyvern
          .prepare('SELECT item_id FROM credentials WHERE id = ?')
          .get(id) as { item_id: string }
      ).item_id;
    const before = itemOf();
    expect(
      (await sandbox.request('POST', `/v1/credentials/${id}/update`, { body: secretBody() }))
        .status,
    ).toBe(200);
    const after = itemOf();
    expect(after).not.toBe(before);
    expect(after).toMatch(/^creditem_/);
    await expect
      .poll(() =>
        sandbox.databases.skyvern.prepare('SELECT id FROM vault_items WHERE id = ?').get(before),
      )
      .toBeUndefined();
  });

  it('404s for an unknown id', async () => {
    expect(
      await sandbox.request('PUT', '/api/v1/credentials/cred_nope', { body: secretBody() }),
    ).toMatchObject({
      status: 404,
      body: { detail: 'Credential not found, credential_id=cred_nope' },
    });
  });
});

describe('delete (3.6)', () => {
  it('soft-deletes: gone from every endpoint, a second delete is 404, the vault item is removed', async () => {
    const id = String((await create(secretBody({ name: 'to delete' })))['credential_id']);
    const item = (
      sandbox.databases.skyvern.prepare('SELECT item_id FROM credentials WHERE id = ?').get(id) as {
        item_id: string;
      }
    ).item_id;
    expect((await sandbox.request('POST', `/v1/credentials/${id}/delete`)).status).toBe(204);
    expect(await sandbox.request('POST', `/v1/credentials/${id}/delete`)).toMatchObject({
      status: 404,
      body: { detail: `Credential not found, credential_id=${id}` },
    });
    expect(await sandbox.request('DELETE', `/api/v1/credentials/${id}`)).toMatchObject({
      status: 404,
    });
    expect(
      JSON.stringify(
        (await sandbox.request('GET', '/v1/credentials?page_size=1000&search=to%20delete')).body,
      ),
    ).toBe('[]');
    expect(
      sandbox.databases.skyvern.prepare('SELECT id FROM vault_items WHERE id = ?').get(item),
    ).toBeUndefined();
  });
});
