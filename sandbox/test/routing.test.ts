/*
 * Contract 1.2: every route with and without a trailing slash, the /api/v1 aliases and their
 * statuses, and the routing quirks (provider-clear DELETE, 405s, 404s, route order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function create(body: unknown = passwordBody()): Promise<string> {
  const response = await sandbox.request('POST', '/v1/credentials', { body });
  expect(response.status, response.text).toBe(201);
  return String(expectObject(response.body)['credential_id']);
}

describe.each(['', '/'])('routes with trailing "%s"', (slash) => {
  it('C1 create: 201 on /v1, 200 on /api/v1, same body shape', async () => {
    const v1 = await sandbox.request('POST', `/v1/credentials${slash}`, { body: secretBody() });
    expect(v1.status).toBe(201);
    const legacy = await sandbox.request('POST', `/api/v1/credentials${slash}`, {
      body: secretBody(),
    });
    expect(legacy.status).toBe(200);
    expect(Object.keys(expectObject(legacy.body))).toEqual(Object.keys(expectObject(v1.body)));
  });

  it('C2 list on both prefixes', async () => {
    expect((await sandbox.request('GET', `/v1/credentials${slash}`)).status).toBe(200);
    expect((await sandbox.request('GET', `/api/v1/credentials${slash}`)).status).toBe(200);
  });

  it('C3 get on both prefixes', async () => {
    const id = await create();
    expect((await sandbox.request('GET', `/v1/credentials/${id}${slash}`)).status).toBe(200);
    expect((await sandbox.request('GET', `/api/v1/credentials/${id}${slash}`)).status).toBe(200);
  });

  it('C4 PATCH on /v1 only', async () => {
    const id = await create();
    expect(
      (
        await sandbox.request('PATCH', `/v1/credentials/${id}${slash}`, {
          body: { name: 'Renamed' },
        })
      ).status,
    ).toBe(200);
    expect(
      await sandbox.request('PATCH', `/api/v1/credentials/${id}${slash}`, { body: { name: 'x' } }),
    ).toMatchObject({
      status: 405,
      body: { detail: 'Method Not Allowed' },
    });
  });

  it('C5 update: POST /v1/…/update and PUT /api/v1/…', async () => {
    const id = await create();
    expect(
      (
        await sandbox.request('POST', `/v1/credentials/${id}/update${slash}`, {
          body: passwordBody(),
        })
      ).status,
    ).toBe(200);
    expect(
      (await sandbox.request('PUT', `/api/v1/credentials/${id}${slash}`, { body: passwordBody() }))
        .status,
    ).toBe(200);
  });

  it('C6 delete: 204 empty on /v1, 200 null on /api/v1', async () => {
    const first = await create();
    const v1 = await sandbox.request('POST', `/v1/credentials/${first}/delete${slash}`);
    expect(v1.status).toBe(204);
    expect(v1.text).toBe('');
    const second = await create();
    const legacy = await sandbox.request('DELETE', `/api/v1/credentials/${second}${slash}`);
    expect(legacy.status).toBe(200);
    expect(legacy.text).toBe('null');
  });

  it('C7 totp-code', async () => {
    const id = await create(
      passwordBody({}, { totp: 'JBSWY3DPEHPK3PXP', totp_type: 'authenticator' }),
    );
    expect((await sandbox.request('GET', `/v1/credentials/${id}/totp-code${slash}`)).status).toBe(
      200,
    );
  });

  it('T1 push on /v1/credentials/totp and /api/v1/totp; T2 list', async () => {
    const body = { totp_identifier: 'jane@example.com', content: '123456' };
    expect((await sandbox.request('POST', `/v1/credentials/totp${slash}`, { body })).status).toBe(
      200,
    );
    expect((await sandbox.request('POST', `/api/v1/totp${slash}`, { body })).status).toBe(200);
    expect((await sandbox.request('GET', `/v1/credentials/totp${slash}`)).status).toBe(200);
  });

  it('K1–K4', async () => {
    const config = { config: { api_base_url: 'https://vault.example.com/api', api_token: 't' } };
    expect(
      (
        await sandbox.request('POST', `/v1/credentials/custom_credential/create${slash}`, {
          body: config,
        })
      ).status,
    ).toBe(200);
    expect(
      (await sandbox.request('GET', `/v1/credentials/custom_credential/get${slash}`)).status,
    ).toBe(200);
    expect(
      (await sandbox.request('DELETE', `/v1/credentials/custom_credential${slash}`)).status,
    ).toBe(200);
    const test = await sandbox.request(
      'POST',
      `/v1/credentials/custom_credential/test_connection${slash}`,
      {
        body: { config: { api_base_url: 'localhost:8080', api_token: 't' } },
      },
    );
    expect(test.status).toBe(400);
  });
});

describe('routing quirks', () => {
  it('DELETE /v1/credentials/{id} is the provider-clear route and does not delete the credential', async () => {
    const id = await create();
    const response = await sandbox.request('DELETE', `/v1/credentials/${id}`);
    expect(response).toMatchObject({
      status: 404,
      body: { detail: 'Unsupported organization auth credential provider' },
    });
    expect((await sandbox.request('GET', `/v1/credentials/${id}`)).status).toBe(200);
  });

  it.each(['onepassword', 'bitwarden', 'azure_credential', 'custom_credential'])(
    'DELETE /v1/credentials/%s clears a provider (200 success)',
    async (provider) => {
      expect(await sandbox.request('DELETE', `/v1/credentials/${provider}`)).toMatchObject({
        status: 200,
        body: { success: true },
      });
    },
  );

  it('DELETE /api/v1/credentials/custom_credential runs the legacy credential delete', async () => {
    expect(await sandbox.request('DELETE', '/api/v1/credentials/custom_credential')).toMatchObject({
      status: 404,
      body: { detail: 'Credential not found, credential_id=custom_credential' },
    });
  });

  it('GET /v1/credentials/totp is the TOTP list, but /api/v1/credentials/totp is a get-by-id', async () => {
    expect(Array.isArray((await sandbox.request('GET', '/v1/credentials/totp')).body)).toBe(true);
    expect(await sandbox.request('GET', '/api/v1/credentials/totp')).toMatchObject({
      status: 404,
      body: { detail: 'Credential not found' },
    });
  });

  it.each([
    ['PUT', '/v1/credentials/cred_1'],
    ['POST', '/v1/credentials/cred_1'],
    ['PATCH', '/api/v1/credentials/cred_1'],
    ['DELETE', '/v1/credentials'],
    ['PUT', '/v1/credentials/totp'],
    ['POST', '/v1/credentials/custom_credential/get'],
    ['GET', '/v1/credentials/custom_credential/create'],
    ['GET', '/v1/credentials/cred_1/update'],
    ['GET', '/api/v1/totp'],
  ])('%s %s → 405 Method Not Allowed', async (method, path) => {
    const response = await sandbox.request(method, path);
    expect(response.status).toBe(405);
    expect(response.body).toEqual({ detail: 'Method Not Allowed' });
    expect(response.headers.get('allow')).toBeTruthy();
  });

  it.each([
    ['POST', '/api/v1/credentials/custom_credential/create'],
    ['GET', '/api/v1/credentials/cred_1/totp-code'],
    ['GET', '/v1/credential'],
    ['GET', '/v1/credentials/cred_1/unknown'],
    ['GET', '/'],
    ['GET', '/v2/credentials'],
  ])('%s %s → 404 Not Found', async (method, path) => {
    const response = await sandbox.request(method, path);
    expect(response).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
  });

  it('answers 404 Not Found for unknown paths even without a key', async () => {
    expect(await sandbox.request('GET', '/nope', { key: null })).toMatchObject({
      status: 404,
      body: { detail: 'Not Found' },
    });
  });

  it('PATCH /v1/credentials/totp is a credential PATCH (the full match wins over the GET-only route)', async () => {
    expect(
      await sandbox.request('PATCH', '/v1/credentials/totp', { body: { name: 'x' } }),
    ).toMatchObject({
      status: 404,
      body: { detail: 'Credential not found, credential_id=totp' },
    });
  });

  it('matches the percent-decoded path', async () => {
    const id = await create(cardBody());
    const encoded = id.replace('_', '%5F');
    expect((await sandbox.request('GET', `/v1/credentials/${encoded}`)).status).toBe(200);
    expect((await sandbox.request('GET', '/v1/%63redentials')).status).toBe(200);
  });

  it('answers HEAD on GET routes without a body', async () => {
    const response = await sandbox.request('HEAD', '/v1/credentials');
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
  });

  it('ignores unknown query parameters and unknown body fields', async () => {
    expect((await sandbox.request('GET', '/v1/credentials?foo=bar&page=1')).status).toBe(200);
    const response = await sandbox.request('POST', '/v1/credentials', {
      body: { ...passwordBody(), surprise: [1, 2] },
    });
    expect(response.status).toBe(201);
    expect(expectObject(response.body)).not.toHaveProperty('surprise');
  });

  it('uses the same list for both prefixes', async () => {
    const v1 = expectArray((await sandbox.request('GET', '/v1/credentials?page_size=500')).body);
    const legacy = expectArray(
      (await sandbox.request('GET', '/api/v1/credentials?page_size=500')).body,
    );
    expect(legacy).toEqual(v1);
  });
});
