/*
 * Contract section 12 (vault providers P1–P9) and items 14–16 of section 7's second checklist:
 * 404s before configuration, what create echoes (secrets included, as Skyvern does), the stand-in
 * item lists with their typed errors, the idempotent clear and its /api/v1 collision, and the
 * sandbox's own promise that configurations are encrypted at rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectArray,
  expectObject,
  secretBody,
  startTestSandbox,
  type TestSandbox,
} from './helpers';

const ORGS = Array.from({ length: 40 }, (_, index) => `providers-org-${index}`);
let nextOrg = 0;
/** Each test configures its own organisation. */
const freshOrg = () => ORGS[nextOrg++] ?? 'out-of-keys';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ extraApiKeys: ORGS });
});
afterAll(() => sandbox.close());

const TOKEN_KEYS = ['id', 'organization_id', 'token_type', 'valid', 'created_at', 'modified_at'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;
const OP_TOKEN = 'ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSJ9';
const BAD_TOKEN_TEXT =
  'Your 1Password service account token appears to be invalid or expired. Please update it in Settings and try again.';

function call(method: string, path: string, key: string, body?: unknown) {
  return sandbox.request(method, path, { key, body });
}

const configure = {
  onepassword: (key: string, token = OP_TOKEN) =>
    call('POST', '/v1/credentials/onepassword/create', key, { token }),
  bitwarden: (key: string, email = 'vault.bot@example.com', master = 'correct horse') =>
    call('POST', '/v1/credentials/bitwarden/create', key, {
      credential: { email, master_password: master },
    }),
  azure: (key: string, secret = 'Q~8vAzureClientSecret') =>
    call('POST', '/v1/credentials/azure_credential/create', key, {
      credential: { tenant_id: '7c1e-tenant', client_id: '0d9a-client', client_secret: secret },
    }),
};

describe('not configured (contract 12.2–12.4; checklist 14, 15)', () => {
  it.each([
    [
      '/v1/credentials/onepassword/get',
      'No OnePassword service account token found for this organization',
    ],
    ['/v1/credentials/bitwarden/get', 'No Bitwarden credential found for this organization'],
    [
      '/v1/credentials/azure_credential/get/',
      'No Azure Client Secret Credential found for this organization',
    ],
  ])('GET %s → 404 %s', async (path, detail) => {
    expect(await call('GET', path, freshOrg())).toMatchObject({ status: 404, body: { detail } });
  });

  it('P3 and P6 answer configured: false with no items, not an error', async () => {
    const key = freshOrg();
    for (const path of ['/v1/credentials/onepassword/items', '/v1/credentials/bitwarden/items/']) {
      const response = await call('GET', path, key);
      expect(response.status).toBe(200);
      expect(response.text).toBe('{"configured":false,"items":[]}');
    }
  });
});

describe('P1/P2 1Password (contract 12.1, 12.2)', () => {
  it('create answers 200 and echoes the token in clear; get returns the same row', async () => {
    const key = freshOrg();
    const created = await configure.onepassword(key);
    expect(created.status).toBe(200);
    const token = expectObject(expectObject(created.body)['token']);
    expect(Object.keys(token)).toEqual([...TOKEN_KEYS, 'token']);
    expect(token).toEqual({
      id: expect.stringMatching(/^oat_\d+$/),
      organization_id: expect.stringMatching(/^o_\d+$/),
      token_type: 'onepassword_service_account',
      valid: true,
      created_at: expect.stringMatching(TIMESTAMP),
      modified_at: token['created_at'],
      token: OP_TOKEN,
    });
    const got = await call('GET', '/v1/credentials/onepassword/get/', key);
    expect(got).toMatchObject({ status: 200, body: created.body });
  });

  it('stores "" as a token, and the newest create wins', async () => {
    const key = freshOrg();
    const first = expectObject(
      expectObject((await configure.onepassword(key, 'ops_first')).body)['token'],
    );
    const second = await configure.onepassword(key, '');
    expect(second.status).toBe(200);
    const got = expectObject(
      expectObject((await call('GET', '/v1/credentials/onepassword/get', key)).body)['token'],
    );
    expect(got['token']).toBe('');
    expect(got['id']).not.toBe(first['id']);
  });

  it('validates only the schema, with sanitised 422s', async () => {
    const key = freshOrg();
    expect(await call('POST', '/v1/credentials/onepassword/create', key, {})).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body', 'token'], msg: 'Field required', type: 'missing' }] },
    });
    expect(
      (await call('POST', '/v1/credentials/onepassword/create', key, { token: 5 })).body,
    ).toEqual({
      detail: [
        { loc: ['body', 'token'], msg: 'Input should be a valid string', type: 'string_type' },
      ],
    });
    expect((await call('GET', '/v1/credentials/onepassword/get', key)).status).toBe(404);
  });
});

describe('P4/P5 Bitwarden (contract 12.3)', () => {
  it('echoes only the normalised email, never the master password', async () => {
    const key = freshOrg();
    const created = await configure.bitwarden(key, 'Jane@Example.COM', 'master-secret-pw');
    expect(created.status).toBe(200);
    expect(created.text).not.toContain('master-secret-pw');
    const token = expectObject(expectObject(created.body)['token']);
    expect(Object.keys(token)).toEqual([...TOKEN_KEYS, 'credential']);
    expect(token).toMatchObject({
      token_type: 'bitwarden_credential',
      valid: true,
      credential: { email: 'Jane@example.com' },
    });
    const got = await call('GET', '/v1/credentials/bitwarden/get', key);
    expect(got.body).toEqual(created.body);
    expect(got.text).not.toContain('master-secret-pw');
  });

  it('rejects a bad email and an empty master password together (sanitised 422)', async () => {
    const key = freshOrg();
    const response = await configure.bitwarden(key, 'not-an-email', '');
    expect(response).toMatchObject({
      status: 422,
      body: {
        detail: [
          {
            loc: ['body', 'credential', 'email'],
            msg: 'value is not a valid email address: An email address must have an @-sign.',
            type: 'value_error',
          },
          {
            loc: ['body', 'credential', 'master_password'],
            msg: 'String should have at least 1 character',
            type: 'string_too_short',
          },
        ],
      },
    });
  });
});

describe('P7/P8 Azure (contract 12.4)', () => {
  it('echoes tenant, client and the client secret in clear', async () => {
    const key = freshOrg();
    const created = await configure.azure(key);
    expect(created.status).toBe(200);
    const token = expectObject(expectObject(created.body)['token']);
    expect(Object.keys(token)).toEqual([...TOKEN_KEYS, 'credential']);
    expect(token['token_type']).toBe('azure_client_secret_credential');
    expect(token['credential']).toEqual({
      tenant_id: '7c1e-tenant',
      client_id: '0d9a-client',
      client_secret: 'Q~8vAzureClientSecret',
    });
    expect((await call('GET', '/v1/credentials/azure_credential/get', key)).body).toEqual(
      created.body,
    );
  });

  it('requires all three fields, any string', async () => {
    const key = freshOrg();
    expect(
      await call('POST', '/v1/credentials/azure_credential/create', key, {
        credential: { tenant_id: '', client_id: '' },
      }),
    ).toMatchObject({
      status: 422,
      body: {
        detail: [
          { loc: ['body', 'credential', 'client_secret'], msg: 'Field required', type: 'missing' },
        ],
      },
    });
    expect((await configure.azure(key, '')).status).toBe(200);
  });

  it('has no items route', async () => {
    expect(await call('GET', '/v1/credentials/azure_credential/items', freshOrg())).toMatchObject({
      status: 404,
      body: { detail: 'Not Found' },
    });
  });
});

describe('P3 1Password items (contract 12.2; checklist 15)', () => {
  it('lists the stand-in items with the documented keys when configured', async () => {
    const key = freshOrg();
    await configure.onepassword(key);
    const response = await call('GET', '/v1/credentials/onepassword/items', key);
    expect(response.status).toBe(200);
    const body = expectObject(response.body);
    expect(Object.keys(body)).toEqual(['configured', 'items']);
    expect(body['configured']).toBe(true);
    const items = expectArray(body['items']);
    expect(items.length).toBeGreaterThanOrEqual(10);
    for (const item of items) {
      expect(Object.keys(item)).toEqual([
        'item_id',
        'title',
        'vault_id',
        'vault_name',
        'category',
        'url',
      ]);
    }
    expect(items.some((item) => item['url'] === null)).toBe(true);
    // SDK order: vault by vault.
    const vaults = items.map((item) => item['vault_name']);
    expect(vaults).toEqual([...vaults].sort((a, b) => vaults.indexOf(a) - vaults.indexOf(b)));
  });

  it.each([
    ['ops_expired_token', 400, BAD_TOKEN_TEXT],
    ['ops_INVALID', 400, BAD_TOKEN_TEXT],
    ['', 400, BAD_TOKEN_TEXT],
    [
      'ops_desktop_session',
      400,
      'Your 1Password session appears to be expired. Please update your token in Settings and try again.',
    ],
    ['ops_rate-limit', 429, '1Password rate limit exceeded. Please retry in a few minutes.'],
    [
      'ops_unavailable',
      502,
      '1Password is temporarily unavailable. Please retry in a few minutes.',
    ],
    ['ops_timeout', 502, '1Password is temporarily unavailable. Please retry in a few minutes.'],
    ['ops_error', 500, 'Failed to list 1Password items.'],
  ])('a configured token %j gives %i', async (token, status, detail) => {
    const key = freshOrg();
    await configure.onepassword(key, token);
    expect(await call('GET', '/v1/credentials/onepassword/items', key)).toMatchObject({
      status,
      body: { detail },
    });
    // Reconfiguring with a good token recovers.
    await configure.onepassword(key);
    expect((await call('GET', '/v1/credentials/onepassword/items', key)).status).toBe(200);
  });
});

describe('P6 Bitwarden items (contract 12.3; checklist 15)', () => {
  it('lists the stand-in items with the documented keys and mapped types', async () => {
    const key = freshOrg();
    await configure.bitwarden(key);
    const body = expectObject((await call('GET', '/v1/credentials/bitwarden/items', key)).body);
    expect(body['configured']).toBe(true);
    const items = expectArray(body['items']);
    expect(items.length).toBeGreaterThanOrEqual(10);
    for (const item of items) {
      expect(Object.keys(item)).toEqual([
        'item_id',
        'title',
        'collection_id',
        'credential_type',
        'url',
      ]);
    }
    expect(new Set(items.map((item) => item['credential_type']))).toEqual(
      new Set(['password', 'credit_card', 'secret']),
    );
  });

  it('answers every failure with the single 502', async () => {
    const key = freshOrg();
    for (const [email, master] of [
      ['vault.bot@example.com', 'wrong-password'],
      ['vault.bot@example.com', 'session-expired'],
      ['bot@fail.example', 'fine'],
    ]) {
      await configure.bitwarden(key, email, master);
      expect(await call('GET', '/v1/credentials/bitwarden/items', key)).toMatchObject({
        status: 502,
        body: { detail: 'Failed to list Bitwarden items' },
      });
    }
  });
});

describe('P9 clear a provider (contract 12.5, 1.2; checklist 16)', () => {
  it('answers {"success": true}, idempotently, and leaves the other providers alone', async () => {
    const key = freshOrg();
    await configure.onepassword(key);
    await configure.bitwarden(key);
    await configure.azure(key);
    for (let round = 0; round < 2; round += 1) {
      const response = await call('DELETE', '/v1/credentials/onepassword', key);
      expect(response.status).toBe(200);
      expect(response.text).toBe('{"success":true}');
    }
    expect((await call('GET', '/v1/credentials/onepassword/get', key)).status).toBe(404);
    expect((await call('GET', '/v1/credentials/onepassword/items', key)).body).toEqual({
      configured: false,
      items: [],
    });
    expect((await call('GET', '/v1/credentials/bitwarden/get', key)).status).toBe(200);
    expect((await call('DELETE', '/v1/credentials/bitwarden/', key)).body).toEqual({
      success: true,
    });
    expect((await call('GET', '/v1/credentials/bitwarden/items', key)).body).toEqual({
      configured: false,
      items: [],
    });
    expect((await call('DELETE', '/v1/credentials/azure_credential', key)).status).toBe(200);
    expect((await call('GET', '/v1/credentials/azure_credential/get', key)).status).toBe(404);
    // Nothing was configured here at all: still a success.
    expect((await call('DELETE', '/v1/credentials/azure_credential', freshOrg())).body).toEqual({
      success: true,
    });
  });

  it('matches the provider case-sensitively; anything else is the "unsupported" 404', async () => {
    const key = freshOrg();
    for (const provider of ['OnePassword', 'azure', '1password']) {
      expect(await call('DELETE', `/v1/credentials/${provider}`, key)).toMatchObject({
        status: 404,
        body: { detail: 'Unsupported organization auth credential provider' },
      });
    }
  });

  it('on /v1 never deletes a credential; on /api/v1 the same path is the credential delete', async () => {
    const key = freshOrg();
    const created = await sandbox.request('POST', '/v1/credentials', { body: secretBody(), key });
    const id = String(expectObject(created.body)['credential_id']);
    expect(await call('DELETE', `/v1/credentials/${id}`, key)).toMatchObject({
      status: 404,
      body: { detail: 'Unsupported organization auth credential provider' },
    });
    expect((await call('GET', `/v1/credentials/${id}`, key)).status).toBe(200);

    await configure.onepassword(key);
    expect(await call('DELETE', '/api/v1/credentials/onepassword', key)).toMatchObject({
      status: 404,
      body: { detail: 'Credential not found, credential_id=onepassword' },
    });
    expect((await call('GET', '/v1/credentials/onepassword/get', key)).status).toBe(200);
  });
});

describe('provider routes: prefix, auth, organisations, storage (contract 12.1, 1.3)', () => {
  it('exist under /v1 only', async () => {
    for (const path of [
      '/api/v1/credentials/onepassword/get',
      '/api/v1/credentials/bitwarden/items',
    ]) {
      expect(await call('GET', path, freshOrg())).toMatchObject({
        status: 404,
        body: { detail: 'Not Found' },
      });
    }
    expect((await call('GET', '/v1/credentials/onepassword/create', freshOrg())).status).toBe(405);
  });

  it('check auth before the body, and keep organisations apart', async () => {
    expect(
      await sandbox.request('POST', '/v1/credentials/onepassword/create', { body: {}, key: null }),
    ).toMatchObject({ status: 403, body: { detail: 'Invalid credentials' } });
    const mine = freshOrg();
    await configure.azure(mine);
    expect((await call('GET', '/v1/credentials/azure_credential/get', freshOrg())).status).toBe(
      404,
    );
  });

  it('stores every configuration sealed: no token, password, secret or email at rest', async () => {
    const key = freshOrg();
    await configure.onepassword(key, 'ops_plaintext_marker_token');
    await configure.bitwarden(key, 'marker.user@example.com', 'plaintext-master-marker');
    await configure.azure(key, 'plaintext-client-secret-marker');
    const rows = sandbox.databases.skyvern
      .prepare("SELECT token FROM org_auth_tokens WHERE token_type != 'custom_credential_service'")
      .all() as Array<{ token: string }>;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const raw = rows.map((row) => row.token).join('\n');
    for (const secret of [
      'ops_plaintext_marker_token',
      'plaintext-master-marker',
      'plaintext-client-secret-marker',
      'marker.user',
      'tenant',
    ]) {
      expect(raw).not.toContain(secret);
    }
    for (const row of rows) expect(row.token).toMatch(/^v1:/);
  });
});
