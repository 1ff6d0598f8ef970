/*
 * Contract section 5: the organisation's custom credential service configuration (K1–K4) and the
 * connection test, including host blocking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deadPort,
  expectObject,
  startStubService,
  startTestSandbox,
  type StubService,
  type TestSandbox,
} from './helpers';

let sandbox: TestSandbox;
let stub: StubService;

beforeAll(async () => {
  sandbox = await startTestSandbox({ testConnectionTimeoutMs: 1500 });
  stub = await startStubService();
});
afterAll(async () => {
  await sandbox.close();
  await stub.close();
});

const save = (config: unknown) =>
  sandbox.request('POST', '/v1/credentials/custom_credential/create', { body: { config } });
const get = () => sandbox.request('GET', '/v1/credentials/custom_credential/get');
const testConnection = (config: unknown, target: TestSandbox = sandbox) =>
  target.request('POST', '/v1/credentials/custom_credential/test_connection', { body: { config } });

describe('get, create, clear (5.1, 5.2, 5.4)', () => {
  it('is 404 until configured', async () => {
    await sandbox.request('DELETE', '/v1/credentials/custom_credential');
    expect(await get()).toMatchObject({
      status: 404,
      body: { detail: 'No custom credential service configuration found for this organization' },
    });
  });

  it('stores the configuration as a plain JSON string token, returned in clear text', async () => {
    const response = await save({
      api_base_url: 'https://vault.example.com/api/credentials',
      api_token: 'svc-4f9c2e',
    });
    expect(response.status).toBe(200);
    const token = expectObject(expectObject(response.body)['token']);
    expect(Object.keys(token)).toEqual([
      'id',
      'organization_id',
      'token_type',
      'valid',
      'created_at',
      'modified_at',
      'token',
    ]);
    expect(token).toMatchObject({
      id: expect.stringMatching(/^oat_\d{18,19}$/),
      organization_id: sandbox.organizationId,
      token_type: 'custom_credential_service',
      valid: true,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/),
      token:
        '{"api_base_url": "https://vault.example.com/api/credentials", "api_token": "svc-4f9c2e"}',
    });
    expect(await get()).toMatchObject({ status: 200, body: response.body });
  });

  it('escapes like Python json.dumps (ASCII only)', async () => {
    const response = await save({
      api_base_url: 'https://vault.example.com/ü',
      api_token: 'to"k\\én',
    });
    expect(expectObject(expectObject(response.body)['token'])['token']).toBe(
      '{"api_base_url": "https://vault.example.com/\\u00fc", "api_token": "to\\"k\\\\\\u00e9n"}',
    );
  });

  it('replaces the previous configuration (a new id), and validates nothing but the types', async () => {
    const first = expectObject(
      expectObject((await save({ api_base_url: 'a', api_token: 'b' })).body)['token'],
    );
    const second = expectObject(
      expectObject((await save({ api_base_url: '', api_token: '  ' })).body)['token'],
    );
    expect(second['id']).not.toBe(first['id']);
    expect(expectObject(expectObject((await get()).body)['token'])['id']).toBe(second['id']);
    expect(second['token']).toBe('{"api_base_url": "", "api_token": "  "}');
    expect((await save({ api_base_url: 'ftp://blocked.local', api_token: 'x' })).status).toBe(200);
  });

  it('answers bad bodies with 422', async () => {
    const missing = await sandbox.request('POST', '/v1/credentials/custom_credential/create', {
      body: { config: { api_base_url: 'x' } },
    });
    expect(missing.body).toEqual({
      detail: [{ loc: ['body', 'config', 'api_token'], msg: 'Field required', type: 'missing' }],
    });
    const wrongType = await save({ api_base_url: 1, api_token: 'x' });
    expect(wrongType.body).toEqual({
      detail: [
        {
          loc: ['body', 'config', 'api_base_url'],
          msg: 'Input should be a valid string',
          type: 'string_type',
        },
      ],
    });
    expect(
      (await sandbox.request('POST', '/v1/credentials/custom_credential/create', { body: {} }))
        .status,
    ).toBe(422);
  });

  it('clears idempotently; other providers clear too; unknown providers are 404', async () => {
    await save({ api_base_url: 'https://x', api_token: 'y' });
    expect(await sandbox.request('DELETE', '/v1/credentials/custom_credential/')).toMatchObject({
      status: 200,
      body: { success: true },
    });
    expect((await get()).status).toBe(404);
    expect(await sandbox.request('DELETE', '/v1/credentials/custom_credential')).toMatchObject({
      status: 200,
      body: { success: true },
    });
    expect(await sandbox.request('DELETE', '/v1/credentials/vault')).toMatchObject({
      status: 404,
      body: { detail: 'Unsupported organization auth credential provider' },
    });
  });

  it('is 404 when only the env-level configuration exists', async () => {
    const envOnly = await startTestSandbox({
      customCredentialApiBaseUrl: 'https://x.example',
      customCredentialApiToken: 't',
    });
    try {
      expect((await envOnly.request('GET', '/v1/credentials/custom_credential/get')).status).toBe(
        404,
      );
    } finally {
      await envOnly.close();
    }
  });
});

describe('test connection (5.3)', () => {
  it('passes on a 2xx GET of the URL itself, sending only the bearer token, and saves nothing', async () => {
    await sandbox.request('DELETE', '/v1/credentials/custom_credential');
    stub.calls.length = 0;
    expect(await testConnection({ api_base_url: stub.url, api_token: 'tok-1' })).toMatchObject({
      status: 200,
      body: { success: true },
    });
    expect(stub.calls).toHaveLength(1);
    expect(stub.calls[0]).toMatchObject({ method: 'GET', path: '/api/credentials' });
    expect(stub.calls[0]?.headers['authorization']).toBe('Bearer tok-1');
    expect((await get()).status).toBe(404);
  });

  it('passes against the reference custom credential service', async () => {
    expect(
      await testConnection({ api_base_url: sandbox.vaultUrl, api_token: sandbox.vaultToken }),
    ).toMatchObject({ status: 200 });
    expect(
      await testConnection({ api_base_url: sandbox.vaultUrl, api_token: 'wrong' }),
    ).toMatchObject({
      status: 400,
      body: { detail: 'Connection test failed: server returned HTTP 401' },
    });
  });

  it.each([404, 405, 500, 301])('fails on HTTP %i (only 2xx passes)', async (status) => {
    stub.reply = () => ({ status });
    try {
      expect(await testConnection({ api_base_url: stub.url, api_token: 't' })).toMatchObject({
        status: 400,
        body: { detail: `Connection test failed: server returned HTTP ${status}` },
      });
    } finally {
      stub.reply = () => undefined;
    }
  });

  it('follows redirects, dropping Authorization across origins', async () => {
    const other = await startStubService('/elsewhere');
    stub.reply = (call) =>
      call.path === '/api/credentials'
        ? { status: 302, headers: { location: other.url } }
        : undefined;
    try {
      expect(await testConnection({ api_base_url: stub.url, api_token: 't' })).toMatchObject({
        status: 200,
      });
      expect(other.calls[0]?.headers['authorization']).toBeUndefined();
    } finally {
      stub.reply = () => undefined;
      await other.close();
    }
  });

  it('gives up after 10 redirects', async () => {
    stub.reply = () => ({ status: 307, headers: { location: stub.url } });
    try {
      expect(await testConnection({ api_base_url: stub.url, api_token: 't' })).toMatchObject({
        status: 400,
        body: { detail: 'Connection test failed: could not reach the specified URL' },
      });
      expect(stub.calls.filter((call) => call.method === 'GET').length).toBeGreaterThanOrEqual(11);
    } finally {
      stub.reply = () => undefined;
    }
  });

  it('reports refused connections and timeouts as "could not reach"', async () => {
    const port = await deadPort();
    const unreachable = {
      status: 400,
      body: { detail: 'Connection test failed: could not reach the specified URL' },
    };
    expect(
      await testConnection({ api_base_url: `http://127.0.0.1:${port}/x`, api_token: 't' }),
    ).toMatchObject(unreachable);
    stub.reply = () => ({ status: 200, hang: true });
    try {
      const started = Date.now();
      expect(await testConnection({ api_base_url: stub.url, api_token: 't' })).toMatchObject(
        unreachable,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    } finally {
      stub.reply = () => undefined;
    }
  });

  it.each([
    [
      'localhost:8080',
      'Invalid URL: localhost:8080. Skyvern supports HTTP and HTTPS urls with max 2083 character length.',
    ],
    [
      'ftp://example.com/x',
      'Invalid URL: ftp://example.com/x. Skyvern supports HTTP and HTTPS urls with max 2083 character length.',
    ],
    [
      `https://example.com/${'a'.repeat(2100)}`,
      `Invalid URL: https://example.com/${'a'.repeat(2100)}. Skyvern supports HTTP and HTTPS urls with max 2083 character length.`,
    ],
  ])('rejects %j', async (url, detail) => {
    expect(await testConnection({ api_base_url: url, api_token: 't' })).toMatchObject({
      status: 400,
      body: { detail },
    });
  });

  it('answers an empty URL with a multi-line parsing message', async () => {
    const response = await testConnection({ api_base_url: '', api_token: 't' });
    expect(response.status).toBe(400);
    const detail = String(expectObject(response.body)['detail']);
    expect(detail.split('\n').length).toBeGreaterThan(1);
    expect(detail).toContain('url_parsing');
  });
});

describe('host blocking (5.3) with ALLOWED_HOSTS empty', () => {
  let strict: TestSandbox;
  beforeAll(async () => {
    strict = await startTestSandbox({
      allowedHosts: [],
      blockedHosts: ['localhost', 'evil.example'],
      // Deterministic DNS: names resolve to a private address, except one public-looking name.
      resolveHost: async (host) => (host === 'public.example' ? ['93.184.216.34'] : ['10.1.2.3']),
    });
  });
  afterAll(() => strict.close());

  it.each([
    ['http://localhost:8080/api', 'localhost'],
    ['http://LOCALHOST./api', 'localhost.'],
    ['http://127.0.0.1:9/x', '127.0.0.1'],
    ['http://[::1]:9/x', '::1'],
    ['http://10.0.0.5/x', '10.0.0.5'],
    ['http://172.20.1.1/x', '172.20.1.1'],
    ['http://192.168.1.10/x', '192.168.1.10'],
    ['http://169.254.169.254/latest', '169.254.169.254'],
    ['http://100.64.0.1/x', '100.64.0.1'],
    ['http://0.0.0.0/x', '0.0.0.0'],
    ['http://vault.internal/x', 'vault.internal'],
    ['http://printer.local/x', 'printer.local'],
    ['http://api.svc/x', 'api.svc'],
    ['http://metadata.google.internal/x', 'metadata.google.internal'],
    ['http://evil.example/x', 'evil.example'],
    ['127.0.0.1:8718/api', '127.0.0.1'],
  ])('%s is blocked', async (url, host) => {
    expect(await testConnection({ api_base_url: url, api_token: 't' }, strict)).toMatchObject({
      status: 400,
      body: { detail: `The host in your url is blocked: ${host}` },
    });
  });

  it('refuses names whose DNS answers are private ("could not reach")', async () => {
    expect(
      await testConnection({ api_base_url: 'https://docker-service/x', api_token: 't' }, strict),
    ).toMatchObject({
      status: 400,
      body: { detail: 'Connection test failed: could not reach the specified URL' },
    });
  });

  it('allows what ALLOWED_HOSTS lists', async () => {
    const allowed = await startTestSandbox({ allowedHosts: ['127.0.0.1'] });
    try {
      expect(
        (await testConnection({ api_base_url: stub.url, api_token: 't' }, allowed)).status,
      ).toBe(200);
      expect(
        (
          await testConnection(
            { api_base_url: stub.url.replace('127.0.0.1', 'localhost'), api_token: 't' },
            allowed,
          )
        ).body,
      ).toEqual({
        detail: 'The host in your url is blocked: localhost',
      });
    } finally {
      await allowed.close();
    }
  });
});
