/*
 * Contract 1.3: the x-api-key dependency, its failure table, and auth before validation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signApiKey } from '../lib/jwt';
import { DEFAULT_API_KEY, DEFAULT_ORGANIZATION_ID, SANDBOX_JWT_SECRET } from '../skyvern/auth';
import {
  expectArray,
  expectObject,
  passwordBody,
  startTestSandbox,
  type TestSandbox,
} from './helpers';

const OTHER_ORG_KEY = 'second-organisation-key';
const REVOKED_KEY = 'revoked-organisation-key';
const EXPIRED_KEY = signApiKey({ sub: 'o_111111111111111111', exp: 1_000_000 }, SANDBOX_JWT_SECRET);

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({
    extraApiKeys: [OTHER_ORG_KEY, { key: REVOKED_KEY, valid: false }, EXPIRED_KEY],
  });
});
afterAll(() => sandbox.close());

describe('the default key', () => {
  it('is a deterministic HS256 JWT for an o_ organisation with a far-future expiry', () => {
    expect(sandbox.apiKey).toBe(DEFAULT_API_KEY);
    const [, payload] = DEFAULT_API_KEY.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as {
      sub: string;
      exp: number;
    };
    expect(claims.sub).toMatch(/^o_\d{18,19}$/);
    expect(claims.sub).toBe(DEFAULT_ORGANIZATION_ID);
    expect(claims.exp * 1000).toBeGreaterThan(Date.parse('2090-01-01'));
  });

  it('is accepted, and the header name is case-insensitive', async () => {
    const response = await sandbox.request('GET', '/v1/credentials', {
      key: null,
      headers: { 'X-API-Key': sandbox.apiKey },
    });
    expect(response.status).toBe(200);
  });
});

describe('failures (contract 1.3 table)', () => {
  const cases: Array<[string, Record<string, string>, number, string]> = [
    ['neither header', {}, 403, 'Invalid credentials'],
    ['garbage key', { 'x-api-key': 'not-a-jwt' }, 403, 'Could not validate credentials'],
    [
      'a Bearer prefix in x-api-key',
      { 'x-api-key': `Bearer ${DEFAULT_API_KEY}` },
      403,
      'Could not validate credentials',
    ],
    [
      'a quoted key',
      { 'x-api-key': `"${DEFAULT_API_KEY}"` },
      403,
      'Could not validate credentials',
    ],
    [
      'a JWT signed with another secret',
      {
        'x-api-key': signApiKey(
          { sub: DEFAULT_ORGANIZATION_ID, exp: 4102444800 },
          'another-secret',
        ),
      },
      403,
      'Could not validate credentials',
    ],
    [
      'a JWT for an organisation that does not exist',
      {
        'x-api-key': signApiKey(
          { sub: 'o_999999999999999999', exp: 4102444800 },
          SANDBOX_JWT_SECRET,
        ),
      },
      404,
      'Organization not found',
    ],
    [
      'a valid JWT for a known organisation that is no token row',
      {
        'x-api-key': signApiKey(
          { sub: DEFAULT_ORGANIZATION_ID, exp: 4102444801 },
          SANDBOX_JWT_SECRET,
        ),
      },
      403,
      'Invalid credentials',
    ],
    ['an expired key', { 'x-api-key': EXPIRED_KEY }, 403, 'Auth token is expired'],
    [
      'a revoked API key',
      { 'x-api-key': REVOKED_KEY },
      403,
      'Your API key has expired. Please retrieve the latest one from https://app.skyvern.com/settings',
    ],
    [
      'Authorization: Bearer without x-api-key (OSS)',
      { authorization: `Bearer ${DEFAULT_API_KEY}` },
      403,
      'Invalid authentication method',
    ],
    [
      'a non-Bearer Authorization without x-api-key',
      { authorization: 'Basic dXNlcjpwYXNz' },
      403,
      'Invalid credentials',
    ],
  ];

  it.each(cases)('%s → %i', async (_label, headers, status, detail) => {
    const response = await sandbox.request('GET', '/v1/credentials', { key: null, headers });
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ detail });
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('falls back to x-api-key silently when Authorization fails', async () => {
    const response = await sandbox.request('GET', '/v1/credentials', {
      headers: { authorization: 'Bearer nonsense' },
    });
    expect(response.status).toBe(200);
  });

  it('applies to every route in the subset', async () => {
    const routes: Array<[string, string]> = [
      ['POST', '/v1/credentials'],
      ['GET', '/v1/credentials'],
      ['GET', '/v1/credentials/cred_1'],
      ['PATCH', '/v1/credentials/cred_1'],
      ['POST', '/v1/credentials/cred_1/update'],
      ['POST', '/v1/credentials/cred_1/delete'],
      ['GET', '/v1/credentials/cred_1/totp-code'],
      ['POST', '/v1/credentials/totp'],
      ['GET', '/v1/credentials/totp'],
      ['GET', '/v1/credentials/custom_credential/get'],
      ['POST', '/v1/credentials/custom_credential/create'],
      ['POST', '/v1/credentials/custom_credential/test_connection'],
      ['DELETE', '/v1/credentials/custom_credential'],
      ['POST', '/api/v1/credentials'],
      ['GET', '/api/v1/credentials'],
      ['GET', '/api/v1/credentials/cred_1'],
      ['PUT', '/api/v1/credentials/cred_1'],
      ['DELETE', '/api/v1/credentials/cred_1'],
      ['POST', '/api/v1/totp'],
    ];
    for (const [method, path] of routes) {
      const response = await sandbox.request(method, path, {
        key: null,
        body: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expect([method, path, response.status, response.body]).toEqual([
        method,
        path,
        403,
        { detail: 'Invalid credentials' },
      ]);
    }
  });
});

describe('precedence', () => {
  it('checks auth before body validation: no key and an invalid body is 403, not 422', async () => {
    const response = await sandbox.request('POST', '/v1/credentials', {
      key: null,
      body: { name: 1 },
    });
    expect(response.status).toBe(403);
  });

  it('checks auth before query validation', async () => {
    const response = await sandbox.request('GET', '/v1/credentials?page=0', { key: null });
    expect(response.status).toBe(403);
  });

  it('reports unparseable JSON first, with 422 json_invalid, even without a key', async () => {
    const response = await sandbox.request('POST', '/v1/credentials', {
      key: null,
      raw: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(422);
    const detail = expectArray(expectObject(response.body)['detail']);
    expect(detail).toHaveLength(1);
    expect(detail[0]).toEqual({
      loc: ['body', expect.any(Number)],
      msg: 'JSON decode error',
      type: 'json_invalid',
    });
  });

  it('treats a body without Content-Type as JSON, like FastAPI', async () => {
    const response = await sandbox.request('POST', '/v1/credentials', { key: null, raw: '{oops' });
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).toContain('json_invalid');
  });

  it('validates a non-JSON Content-Type after auth (422 with a key, 403 without)', async () => {
    const headers = { 'content-type': 'text/plain' };
    expect(
      (await sandbox.request('POST', '/v1/credentials', { key: null, raw: '{oops', headers }))
        .status,
    ).toBe(403);
    const response = await sandbox.request('POST', '/v1/credentials', {
      raw: JSON.stringify(passwordBody()),
      headers,
    });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [
        {
          loc: ['body'],
          msg: 'Input should be a valid dictionary or instance of CreateCredentialRequest',
          type: 'model_type',
        },
      ],
    });
  });
});

describe('organisation scoping', () => {
  it("treats another organisation's credential exactly like a missing one", async () => {
    const created = await sandbox.request('POST', '/v1/credentials', { body: passwordBody() });
    expect(created.status).toBe(201);
    const id = String(expectObject(created.body)['credential_id']);
    const other = { key: OTHER_ORG_KEY };

    expect(await sandbox.request('GET', `/v1/credentials/${id}`, other)).toMatchObject({
      status: 404,
      body: { detail: 'Credential not found' },
    });
    expect(
      await sandbox.request('PATCH', `/v1/credentials/${id}`, { ...other, body: { name: 'x' } }),
    ).toMatchObject({
      status: 404,
      body: { detail: `Credential not found, credential_id=${id}` },
    });
    expect(
      await sandbox.request('POST', `/v1/credentials/${id}/update`, {
        ...other,
        body: passwordBody(),
      }),
    ).toMatchObject({
      status: 404,
      body: { detail: `Credential not found, credential_id=${id}` },
    });
    expect(await sandbox.request('POST', `/v1/credentials/${id}/delete`, other)).toMatchObject({
      status: 404,
      body: { detail: `Credential not found, credential_id=${id}` },
    });
    expect(await sandbox.request('GET', `/v1/credentials/${id}/totp-code`, other)).toMatchObject({
      status: 404,
    });
    expect(expectArray((await sandbox.request('GET', '/v1/credentials', other)).body)).toEqual([]);
    // Still there for its owner.
    expect((await sandbox.request('GET', `/v1/credentials/${id}`)).status).toBe(200);
  });
});
