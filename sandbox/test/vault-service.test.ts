/*
 * The reference custom credential service on its own: auth, validation, storage and listing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectArray, expectObject, send, startTestSandbox, type TestSandbox } from './helpers';

let sandbox: TestSandbox;
const base = '/api/v1/credentials';

beforeAll(async () => {
  sandbox = await startTestSandbox({ vaultToken: 'reference-token' });
});
afterAll(() => sandbox.close());

describe('auth', () => {
  it.each([
    ['no header', null],
    ['a wrong token', 'wrong'],
    ['a prefix of the token', 'reference'],
    ['an empty token', ''],
  ])('answers %s with 401 JSON', async (_label, token) => {
    const response = await sandbox.vaultRequest('GET', base, { token });
    expect(response).toMatchObject({
      status: 401,
      body: { error: 'unauthorized', message: expect.any(String) },
    });
  });

  it('rejects other schemes', async () => {
    const response = await send(sandbox.vaultUrl, {
      headers: { authorization: 'Basic cmVmZXJlbmNlLXRva2Vu' },
    });
    expect(response.status).toBe(401);
  });

  it('checks auth before anything else', async () => {
    expect((await sandbox.vaultRequest('POST', base, { token: null, body: {} })).status).toBe(401);
    expect((await sandbox.vaultRequest('GET', '/nowhere', { token: null })).status).toBe(401);
  });
});

describe('items', () => {
  it('creates, lists (no secrets), gets (without name) and deletes', async () => {
    const created = await sandbox.vaultRequest('POST', base, {
      body: {
        name: 'Acme',
        type: 'password',
        username: 'u',
        password: 'p-secret',
        totp: null,
        totp_type: 'none',
        extra: 'dropped',
      },
    });
    expect(created.status).toBe(201);
    const id = String(expectObject(created.body)['id']);
    expect(id).toMatch(/^vault-item-[0-9a-f]{16}$/);

    const listing = expectArray(
      expectObject((await sandbox.vaultRequest('GET', base)).body)['items'],
    );
    expect(listing[0]).toEqual({ id, name: 'Acme', type: 'password' });
    expect(JSON.stringify(listing)).not.toContain('p-secret');

    expect(await sandbox.vaultRequest('GET', `${base}/${id}`)).toMatchObject({
      status: 200,
      body: {
        type: 'password',
        username: 'u',
        password: 'p-secret',
        totp: null,
        totp_type: 'none',
      },
    });
    expect(
      expectObject((await sandbox.vaultRequest('GET', `${base}/${id}`)).body),
    ).not.toHaveProperty('extra');
    expect(await sandbox.vaultRequest('DELETE', `${base}/${id}`)).toMatchObject({
      status: 200,
      body: { status: 'deleted' },
    });
    expect(await sandbox.vaultRequest('GET', `${base}/${id}`)).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
    expect((await sandbox.vaultRequest('DELETE', `${base}/${id}`)).status).toBe(404);
  });

  it('encrypts the type fields at rest', async () => {
    await sandbox.vaultRequest('POST', base, {
      body: { name: 'Enc', type: 'secret', secret_value: 'rest-secret-9d1' },
    });
    const rows = JSON.stringify(sandbox.databases.vault.prepare('SELECT * FROM items').all());
    expect(rows).toContain('Enc');
    expect(rows).not.toContain('rest-secret-9d1');
  });

  it.each([
    [{ type: 'secret', secret_value: 'x' }, "'name' is required and must be a string"],
    [{ name: 'x', secret_value: 'x' }, "'type' is required and must be a string"],
    [{ name: 'x', type: 'note' }, "'type' must be one of password, credit_card, secret"],
    [{ name: 'x', type: 'password', username: 'u' }, "'password' is required for password items"],
    [
      { name: 'x', type: 'credit_card', card_number: '4242' },
      "'card_holder_name' is required for credit_card items",
    ],
    [
      { name: 'x', type: 'secret', secret_value: 'x', secret_label: 3 },
      "'secret_label' must be a string or null",
    ],
    [['not', 'an', 'object'], 'The body must be a JSON object'],
  ])('answers %j with 400', async (body, message) => {
    expect(await sandbox.vaultRequest('POST', base, { body })).toMatchObject({
      status: 400,
      body: { error: 'validation_error', message },
    });
  });

  it('accepts an empty name, as Skyvern may send one', async () => {
    expect(
      (
        await sandbox.vaultRequest('POST', base, {
          body: { name: '', type: 'secret', secret_value: 'x' },
        })
      ).status,
    ).toBe(201);
  });

  it('answers malformed JSON with 400, oversized bodies with 413, unknown paths with 404, other methods with 405', async () => {
    const malformed = await send(sandbox.vaultUrl, {
      method: 'POST',
      headers: { authorization: 'Bearer reference-token', 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(malformed).toMatchObject({ status: 400, body: { error: 'invalid_json' } });
    // A small limit keeps the upload short: a server that answers before reading a large body
    // may close the socket while the client is still sending.
    const small = await startTestSandbox({ vaultToken: 'reference-token', bodyLimitBytes: 1024 });
    try {
      const huge = await small.vaultRequest('POST', base, {
        body: { name: 'x', type: 'secret', secret_value: 'x'.repeat(2000) },
      });
      expect(huge).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    } finally {
      await small.close();
    }
    expect((await sandbox.vaultRequest('GET', '/api/v2/x')).status).toBe(404);
    expect((await sandbox.vaultRequest('PUT', `${base}/x`)).status).toBe(405);
  });
});
