/*
 * Contract section 6: how the stand-in calls a custom credential service — which configuration
 * applies, the payloads, the pre-update GET, the synchronous delete, and the 502 messages.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cardBody,
  deadPort,
  expectArray,
  expectObject,
  passwordBody,
  secretBody,
  sleep,
  startStubService,
  startTestSandbox,
  type StubService,
  type TestSandbox,
} from './helpers';

let sandbox: TestSandbox;
let stub: StubService;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  stub = await startStubService();
});
afterAll(async () => {
  await sandbox.close();
  await stub.close();
});
afterEach(() => {
  stub.reply = () => undefined;
  stub.calls.length = 0;
});

const configure = (url: string, token: string, target: TestSandbox = sandbox) =>
  target.request('POST', '/v1/credentials/custom_credential/create', {
    body: { config: { api_base_url: url, api_token: token } },
  });

async function createCustom(
  body: Record<string, unknown>,
  target: TestSandbox = sandbox,
): Promise<string> {
  const response = await target.request('POST', '/v1/credentials', {
    body: { ...body, vault_type: 'custom' },
  });
  expect(response.status, response.text).toBe(201);
  expect(expectObject(response.body)['vault_type']).toBe('custom');
  return String(expectObject(response.body)['credential_id']);
}

const itemIdOf = (id: string) =>
  (
    sandbox.databases.skyvern.prepare('SELECT item_id FROM credentials WHERE id = ?').get(id) as {
      item_id: string;
    }
  ).item_id;

const vaultItems = async (target: TestSandbox = sandbox) =>
  expectArray(
    expectObject((await target.vaultRequest('GET', '/api/v1/credentials')).body)['items'],
  );

describe('with the reference custom credential service', () => {
  it('stores a credential there, never in the local vault, and deletes it from both', async () => {
    expect((await configure(sandbox.vaultUrl, sandbox.vaultToken)).status).toBe(200);
    const localBefore = sandbox.databases.skyvern
      .prepare('SELECT COUNT(*) AS n FROM vault_items')
      .get();
    const id = await createCustom(
      passwordBody({ name: 'Lands in the vault' }, { password: 'pw-never-local' }),
    );

    const items = await vaultItems();
    const item = items.find((candidate) => candidate['name'] === 'Lands in the vault');
    expect(item).toEqual({
      id: expect.stringMatching(/^vault-item-/),
      name: 'Lands in the vault',
      type: 'password',
    });
    expect(JSON.stringify(items)).not.toContain('pw-never-local');
    expect(
      sandbox.databases.skyvern.prepare('SELECT COUNT(*) AS n FROM vault_items').get(),
    ).toEqual(localBefore);
    const row = sandbox.databases.skyvern
      .prepare('SELECT item_id, vault_type FROM credentials WHERE id = ?')
      .get(id);
    expect(row).toEqual({ item_id: item?.['id'], vault_type: 'custom' });
    // Nothing secret in the stand-in's database at all.
    const dump = JSON.stringify(
      sandbox.databases.skyvern.prepare('SELECT * FROM credentials').all(),
    );
    expect(dump).not.toContain('pw-never-local');

    expect(await sandbox.request('GET', `/v1/credentials?vault_type=custom`)).toMatchObject({
      status: 200,
    });
    expect((await sandbox.request('POST', `/v1/credentials/${id}/delete`)).status).toBe(204);
    expect(
      (await vaultItems()).find((candidate) => candidate['id'] === item?.['id']),
    ).toBeUndefined();
    expect((await sandbox.request('GET', `/v1/credentials/${id}`)).status).toBe(404);
  });

  it('reads the authenticator seed from the service for C7', async () => {
    await configure(sandbox.vaultUrl, sandbox.vaultToken);
    const id = await createCustom(
      passwordBody({}, { totp: 'JBSWY3DPEHPK3PXP', totp_type: 'authenticator' }),
    );
    const response = await sandbox.request('GET', `/v1/credentials/${id}/totp-code`);
    expect(response.status).toBe(200);
    expect(expectObject(response.body)['code']).toMatch(/^\d{6}$/);
  });

  it('keeps a credential whose delete the service refuses (502), until it accepts', async () => {
    await configure(sandbox.vaultUrl, sandbox.vaultToken);
    const id = await createCustom(secretBody({ name: 'Undeletable for now' }));
    const port = await deadPort();
    await configure(`http://127.0.0.1:${port}/api/v1/credentials`, sandbox.vaultToken);
    const refused = await sandbox.request('POST', `/v1/credentials/${id}/delete`);
    expect(refused.status).toBe(502);
    expect(String(expectObject(refused.body)['detail'])).toMatch(
      new RegExp(
        `^Custom credential service returned Failed to delete credential via custom API: Cannot connect to host 127\\.0\\.0\\.1:${port}`,
      ),
    );
    expect((await sandbox.request('GET', `/v1/credentials/${id}`)).status).toBe(200);
    expect((await vaultItems()).some((item) => item['name'] === 'Undeletable for now')).toBe(true);

    await configure(sandbox.vaultUrl, sandbox.vaultToken);
    expect((await sandbox.request('POST', `/v1/credentials/${id}/delete`)).status).toBe(204);
    expect((await vaultItems()).some((item) => item['name'] === 'Undeletable for now')).toBe(false);
  });
});

describe('payloads and call order (6.2, 6.3), against a recording service', () => {
  const parsedCalls = () =>
    stub.calls.map((call) => ({
      method: call.method,
      path: call.path,
      body: call.body === '' ? null : (JSON.parse(call.body) as unknown),
    }));

  it('POSTs password, card and secret payloads with exactly the documented keys', async () => {
    await configure(`${stub.url}/`, 'stub-token');
    await createCustom(
      passwordBody(
        { name: 'P', tested_url: 'https://x' },
        { totp_identifier: 'a@b.c', metadata: {} },
      ),
    );
    await createCustom(
      passwordBody(
        { name: 'P2' },
        { totp: 'jbsw y3dp-ehpk 3pxp', totp_type: 'authenticator', metadata: { team: 'ops' } },
      ),
    );
    await createCustom(
      cardBody(
        { name: 'C' },
        {
          billing_address: { line1: '1 Main St', city: null },
          billing_email: 'b@x.y',
          metadata: { a: 'b' },
        },
      ),
    );
    await createCustom(cardBody({ name: 'C2' }, { billing_address: { line1: null } }));
    await createCustom(secretBody({ name: 'S' }, { secret_label: null }));
    expect(parsedCalls().map((call) => call.body)).toEqual([
      {
        name: 'P',
        type: 'password',
        username: 'jane@example.com',
        password: 'correct horse battery staple',
        totp: null,
        totp_type: 'none',
      },
      {
        name: 'P2',
        type: 'password',
        username: 'jane@example.com',
        password: 'correct horse battery staple',
        totp: 'jbswy3dpehpk3pxp',
        totp_type: 'authenticator',
        metadata: { team: 'ops' },
      },
      {
        name: 'C',
        type: 'credit_card',
        card_holder_name: 'Jane Doe',
        card_number: '4242424242424242',
        card_exp_month: '12',
        card_exp_year: '2030',
        card_cvv: '123',
        card_brand: 'visa',
        billing_address: { line1: '1 Main St' },
        billing_email: 'b@x.y',
        metadata: { a: 'b' },
      },
      {
        name: 'C2',
        type: 'credit_card',
        card_holder_name: 'Jane Doe',
        card_number: '4242424242424242',
        card_exp_month: '12',
        card_exp_year: '2030',
        card_cvv: '123',
        card_brand: 'visa',
      },
      { name: 'S', type: 'secret', secret_value: 'sk-test-very-secret' },
    ]);
    for (const call of stub.calls) {
      expect(call).toMatchObject({ method: 'POST', path: '/api/credentials' });
      expect(call.headers['authorization']).toBe('Bearer stub-token');
      expect(call.headers['content-type']).toBe('application/json');
    }
  });

  it('GETs the old item before a password update without metadata, then POSTs, then DELETEs the old one after', async () => {
    await configure(stub.url, 'stub-token');
    const id = await createCustom(passwordBody({}, { metadata: { keep: 'me' } }));
    const old = itemIdOf(id);
    stub.calls.length = 0;
    const response = await sandbox.request('POST', `/v1/credentials/${id}/update`, {
      body: passwordBody({ name: 'Renamed' }),
    });
    expect(response.status).toBe(200);
    await expect.poll(() => stub.calls.length).toBe(3);
    const calls = parsedCalls();
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      `GET /api/credentials/${old}`,
      'POST /api/credentials',
      `DELETE /api/credentials/${old}`,
    ]);
    // The GET and DELETE carry Content-Type too, as Skyvern's client sends it on every call.
    expect(stub.calls[0]?.headers['content-type']).toBe('application/json');
    expect(calls[1]?.body).toMatchObject({ name: 'Renamed', metadata: { keep: 'me' } });
  });

  it('skips the GET when metadata is sent, and for secrets; clears metadata with {}', async () => {
    await configure(stub.url, 'stub-token');
    const password = await createCustom(passwordBody({}, { metadata: { old: 'x' } }));
    const secret = await createCustom(secretBody());
    stub.calls.length = 0;
    await sandbox.request('POST', `/v1/credentials/${password}/update`, {
      body: passwordBody({}, { metadata: {} }),
    });
    await sandbox.request('POST', `/v1/credentials/${secret}/update`, { body: secretBody() });
    await expect.poll(() => stub.calls.length).toBe(4);
    expect(stub.calls.map((call) => call.method).sort()).toEqual([
      'DELETE',
      'DELETE',
      'POST',
      'POST',
    ]);
    const posted = parsedCalls().filter((call) => call.method === 'POST');
    expect(posted[0]?.body).not.toHaveProperty('metadata');
  });

  it('preserves omitted card billing fields and merges a sent address over the old one', async () => {
    await configure(stub.url, 'stub-token');
    const id = await createCustom(
      cardBody(
        {},
        {
          billing_address: { line1: '1 Main', city: 'Springfield' },
          billing_email: 'old@x.y',
          billing_phone: '555',
          metadata: { m: '1' },
        },
      ),
    );
    stub.calls.length = 0;
    await sandbox.request('POST', `/v1/credentials/${id}/update`, {
      body: cardBody({}, { billing_address: { city: 'Shelbyville' }, billing_phone: null }),
    });
    await expect.poll(() => stub.calls.length).toBe(3);
    const calls = parsedCalls();
    expect(calls[0]).toMatchObject({ method: 'GET' });
    expect(calls[1]?.body).toMatchObject({
      billing_address: { line1: '1 Main', city: 'Shelbyville' },
      billing_email: 'old@x.y',
      metadata: { m: '1' },
    });
    expect(calls[1]?.body).not.toHaveProperty('billing_phone');
  });

  it('keeps the custom vault on update even when the body names another', async () => {
    await configure(stub.url, 'stub-token');
    const id = await createCustom(secretBody());
    const response = await sandbox.request('POST', `/v1/credentials/${id}/update`, {
      body: secretBody({ vault_type: 'skyvern' }),
    });
    expect(expectObject(response.body)['vault_type']).toBe('custom');
  });

  it('mirrors real Skyvern: a shape mismatch is 500 after the POST, and the new item is deleted again', async () => {
    await configure(stub.url, 'stub-token');
    const response = await sandbox.request('POST', '/v1/credentials', {
      body: {
        name: 'mismatch',
        credential_type: 'password',
        vault_type: 'custom',
        credential: { secret_value: 'x' },
      },
    });
    expect(response).toMatchObject({
      status: 500,
      body: { error: 'Unexpected error: AttributeError' },
    });
    expect(stub.calls.map((call) => call.method)).toEqual(['POST', 'DELETE']);
  });

  it('uses CREDENTIAL_VAULT_TYPE=custom as the default and the env-level service over the organisation one', async () => {
    const envStub = await startStubService('/env/credentials');
    const envSandbox = await startTestSandbox({
      credentialVaultType: 'custom',
      customCredentialApiBaseUrl: envStub.url,
      customCredentialApiToken: 'env-token',
    });
    try {
      await configure(stub.url, 'org-token', envSandbox);
      const response = await envSandbox.request('POST', '/v1/credentials', { body: secretBody() });
      expect(expectObject(response.body)['vault_type']).toBe('custom');
      expect(envStub.calls.map((call) => call.headers['authorization'])).toEqual([
        'Bearer env-token',
      ]);
      expect(stub.calls).toEqual([]);
      const local = await envSandbox.request('POST', '/v1/credentials', {
        body: secretBody({ vault_type: 'skyvern' }),
      });
      expect(expectObject(local.body)['vault_type']).toBe('skyvern');
    } finally {
      await envSandbox.close();
      await envStub.close();
    }
  });
});

describe('502 messages (6.4)', () => {
  const createdDetail = async () => {
    await configure(stub.url, 'stub-token');
    const response = await sandbox.request('POST', '/v1/credentials', {
      body: { ...secretBody(), vault_type: 'custom' },
    });
    expect(response.status).toBe(502);
    return String(expectObject(response.body)['detail']);
  };

  it.each([
    [
      {
        status: 401,
        body: '{"message":"invalid token","error":"x"}',
        contentType: 'application/json',
      },
      'HTTP 401: invalid token',
    ],
    [
      {
        status: 403,
        body: '{"message":"","detail":"forbidden"}',
        contentType: 'application/problem+json',
      },
      'HTTP 403: forbidden',
    ],
    [
      { status: 400, body: '{"code":"x","api_token":"leak"}', contentType: 'application/json' },
      "HTTP 400: {'code': 'x', 'api_token': '***'}",
    ],
    [
      { status: 500, body: '  upstream exploded \n', contentType: 'text/plain' },
      'HTTP 500: upstream exploded',
    ],
    [
      { status: 503, body: '{"message":"down"}', contentType: 'text/plain' },
      'HTTP 503: {"message":"down"}',
    ],
    [{ status: 504 }, 'HTTP 504'],
    [
      { status: 201, body: '{"id":"x"}', contentType: 'text/plain' },
      'Empty or invalid response from custom credential API',
    ],
    [
      { status: 200, body: '["x"]', contentType: 'application/json' },
      'Empty or invalid response from custom credential API',
    ],
    [
      { status: 200, body: '{"id":""}', contentType: 'application/json' },
      "Invalid response format from custom credential API: missing 'id' field",
    ],
    [
      { status: 200, body: '{"ok":true}', contentType: 'application/json' },
      "Invalid response format from custom credential API: missing 'id' field",
    ],
  ])('create: %j → %s', async (reply, message) => {
    stub.reply = () => reply;
    expect(await createdDetail()).toBe(`Custom credential service returned ${message}`);
  });

  it('accepts a numeric id', async () => {
    await configure(stub.url, 'stub-token');
    stub.reply = (call) =>
      call.method === 'POST'
        ? { status: 200, body: '{"id": 42}', contentType: 'application/json' }
        : undefined;
    const response = await sandbox.request('POST', '/v1/credentials', {
      body: { ...secretBody(), vault_type: 'custom' },
    });
    expect(response.status).toBe(201);
    const id = String(expectObject(response.body)['credential_id']);
    expect(
      sandbox.databases.skyvern.prepare('SELECT item_id FROM credentials WHERE id = ?').get(id),
    ).toEqual({ item_id: '42' });
  });

  it.each([
    [{}, 'Credential not found: <item>'],
    [
      { type: 'note' },
      'Failed to retrieve credential via custom API: Unsupported credential type from API',
    ],
    [
      { type: 'password', username: 'u' },
      "Failed to retrieve credential via custom API: Missing required password fields from API: ['password']",
    ],
    [
      {
        type: 'password',
        username: 'u',
        password: 'p',
        totp: 'JBSWY3DPEHPK3PXP',
        totp_type: 'text_message',
      },
      "Failed to retrieve credential via custom API: totp_type: Input should be 'authenticator', 'email', 'text', 'passkey' or 'none'",
    ],
  ])('C7 retrieval of %j → %s', async (item, message) => {
    await configure(stub.url, 'stub-token');
    const id = await createCustom(
      passwordBody({}, { totp: 'JBSWY3DPEHPK3PXP', totp_type: 'authenticator' }),
    );
    stub.reply = (call) =>
      call.method === 'GET'
        ? { status: 200, body: JSON.stringify(item), contentType: 'application/json' }
        : undefined;
    expect(await sandbox.request('GET', `/v1/credentials/${id}/totp-code`)).toMatchObject({
      status: 502,
      body: {
        detail: `Custom credential service returned ${message.replace('<item>', itemIdOf(id))}`,
      },
    });
  });

  it('C7: a secret item is "no authenticator", a blank seed is authenticator_key_required', async () => {
    await configure(stub.url, 'stub-token');
    const id = await createCustom(
      passwordBody({}, { totp: 'JBSWY3DPEHPK3PXP', totp_type: 'authenticator' }),
    );
    stub.reply = () => ({
      status: 200,
      body: '{"type":"secret","secret_value":"x"}',
      contentType: 'application/json',
    });
    expect(await sandbox.request('GET', `/v1/credentials/${id}/totp-code`)).toMatchObject({
      status: 400,
      body: { detail: 'This credential does not have an authenticator app configured.' },
    });
    stub.reply = () => ({
      status: 200,
      body: '{"type":"password","username":"u","password":"p","totp":" "}',
      contentType: 'application/json',
    });
    expect(await sandbox.request('GET', `/v1/credentials/${id}/totp-code`)).toMatchObject({
      status: 400,
      body: { detail: { error_code: 'authenticator_key_required' } },
    });
    stub.reply = () => ({
      status: 200,
      body: '{"type":"password","username":"u","password":"p","totp":"nope1"}',
      contentType: 'application/json',
    });
    expect(await sandbox.request('GET', `/v1/credentials/${id}/totp-code`)).toMatchObject({
      status: 400,
      body: { detail: { error_code: 'invalid_authenticator_key' } },
    });
  });

  it('update fails with 502 when the pre-update GET fails, and nothing changes', async () => {
    await configure(stub.url, 'stub-token');
    const id = await createCustom(passwordBody({ name: 'Before' }));
    stub.calls.length = 0;
    stub.reply = (call) =>
      call.method === 'GET'
        ? { status: 404, body: '{"error":"gone"}', contentType: 'application/json' }
        : undefined;
    expect(
      await sandbox.request('POST', `/v1/credentials/${id}/update`, {
        body: passwordBody({ name: 'After' }),
      }),
    ).toMatchObject({
      status: 502,
      body: { detail: 'Custom credential service returned HTTP 404: gone' },
    });
    expect(stub.calls.map((call) => call.method)).toEqual(['GET']);
    expect(expectObject((await sandbox.request('GET', `/v1/credentials/${id}`)).body)['name']).toBe(
      'Before',
    );
  });

  it('delete: a 404 from the service is a 502 and the credential remains', async () => {
    await configure(stub.url, 'stub-token');
    const id = await createCustom(secretBody());
    stub.reply = (call) =>
      call.method === 'DELETE'
        ? { status: 404, body: 'no such item', contentType: 'text/plain' }
        : undefined;
    expect(await sandbox.request('DELETE', `/api/v1/credentials/${id}`)).toMatchObject({
      status: 502,
      body: { detail: 'Custom credential service returned HTTP 404: no such item' },
    });
    expect((await sandbox.request('GET', `/v1/credentials/${id}`)).status).toBe(200);
  });

  it('a blocked host is reported inside the 502', async () => {
    const strict = await startTestSandbox({ allowedHosts: [] });
    try {
      await configure('http://localhost:1/api', 't', strict);
      expect(
        await strict.request('POST', '/v1/credentials', {
          body: { ...secretBody(), vault_type: 'custom' },
        }),
      ).toMatchObject({
        status: 502,
        body: {
          detail:
            'Custom credential service returned Failed to create credential via custom API: The host in your url is blocked: localhost',
        },
      });
    } finally {
      await strict.close();
    }
  });

  it('times out after the configured limit (30 s in Skyvern)', async () => {
    const impatient = await startTestSandbox({ customVaultTimeoutMs: 300 });
    try {
      await configure(stub.url, 't', impatient);
      stub.reply = () => ({ status: 200, hang: true });
      const response = await impatient.request('POST', '/v1/credentials', {
        body: { ...secretBody(), vault_type: 'custom' },
      });
      expect(response.status).toBe(502);
      expect(String(expectObject(response.body)['detail'])).toMatch(
        /^Custom credential service returned Failed to create credential via custom API: /,
      );
    } finally {
      await impatient.close();
    }
  });
});

describe('configuration problems are 400s or 500s, not 502s', () => {
  it('not configured: create, update and delete say so; C7 has its own message', async () => {
    await configure(stub.url, 'stub-token');
    const id = await createCustom(
      passwordBody({}, { totp: 'JBSWY3DPEHPK3PXP', totp_type: 'authenticator' }),
    );
    await sandbox.request('DELETE', '/v1/credentials/custom_credential');
    const notConfigured = `Custom credential service not configured for organization ${sandbox.organizationId}`;
    expect(
      (
        await sandbox.request('POST', '/v1/credentials', {
          body: { ...secretBody(), vault_type: 'custom' },
        })
      ).body,
    ).toEqual({ detail: notConfigured });
    expect(
      await sandbox.request('POST', `/v1/credentials/${id}/update`, { body: passwordBody() }),
    ).toMatchObject({ status: 400, body: { detail: notConfigured } });
    expect(await sandbox.request('POST', `/v1/credentials/${id}/delete`)).toMatchObject({
      status: 400,
      body: { detail: notConfigured },
    });
    expect(await sandbox.request('GET', `/v1/credentials/${id}/totp-code`)).toMatchObject({
      status: 400,
      body: { detail: 'Custom credential service is not configured for this organization' },
    });
    // Clearing the configuration does not delete credentials stored there.
    expect((await sandbox.request('GET', `/v1/credentials/${id}`)).status).toBe(200);
  });

  it('unusable (blank) configuration: 400 on create, shape-4 500 on update and delete, 500 detail on C7', async () => {
    await configure(stub.url, 'stub-token');
    const id = await createCustom(
      passwordBody({}, { totp: 'JBSWY3DPEHPK3PXP', totp_type: 'authenticator' }),
    );
    await configure('  ', 'stub-token');
    expect(
      await sandbox.request('POST', '/v1/credentials', {
        body: { ...secretBody(), vault_type: 'custom' },
      }),
    ).toMatchObject({
      status: 400,
      body: {
        detail:
          'Custom credential service configuration for this organization is invalid. Re-save the API base URL and API token for the custom credential service.',
      },
    });
    expect(
      await sandbox.request('POST', `/v1/credentials/${id}/update`, { body: passwordBody() }),
    ).toMatchObject({
      status: 500,
      body: { error: 'Unexpected error: CustomCredentialConfigurationError' },
    });
    expect(await sandbox.request('POST', `/v1/credentials/${id}/delete`)).toMatchObject({
      status: 500,
      body: { error: 'Unexpected error: CustomCredentialConfigurationError' },
    });
    expect(await sandbox.request('GET', `/v1/credentials/${id}/totp-code`)).toMatchObject({
      status: 500,
      body: { detail: 'Unable to retrieve credential from vault' },
    });
    await sleep(0);
  });
});
