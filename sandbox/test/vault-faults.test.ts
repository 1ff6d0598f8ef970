/*
 * The reference service's test-only faults (SANDBOX_TEST_CONTROL=1, sandbox/vault/faults.ts): a
 * fault on the service reaches the console as Skyvern's 502 of contract 6.4, only for the calls it
 * names, and only as many times as asked. Without test control the routes do not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectObject, startTestSandbox, type TestSandbox } from './helpers';

let sandbox: TestSandbox;
let plain: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ testControl: true });
  plain = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await plain.close();
});

async function customCredential(target: TestSandbox): Promise<string> {
  const configured = await target.request('POST', '/v1/credentials/custom_credential/create', {
    body: { config: { api_base_url: target.vaultUrl, api_token: target.vaultToken } },
  });
  expect(configured.status).toBe(200);
  const created = await target.request('POST', '/v1/credentials', {
    body: {
      name: 'Fault target',
      credential_type: 'password',
      vault_type: 'custom',
      credential: {
        username: 'u',
        password: 'p-secret',
        totp: 'JBSWY3DPEHPK3PXP',
        totp_type: 'authenticator',
      },
    },
  });
  expect(created.status, created.text).toBe(201);
  return String(expectObject(created.body)['credential_id']);
}

describe('vault faults', () => {
  it('fails the next GET of an item once, as Skyvern reports it (6.4), then recovers', async () => {
    const id = await customCredential(sandbox);
    const set = await sandbox.vaultRequest('POST', '/__vault/faults', {
      body: { method: 'GET', status: 503, message: 'Vault sealed for maintenance' },
    });
    expect(set.status).toBe(200);
    // The collection GET (Test Connection) is not an item read: untouched.
    expect((await sandbox.vaultRequest('GET', '/api/v1/credentials')).status).toBe(200);

    expect(await sandbox.request('GET', `/v1/credentials/${id}/totp-code`)).toMatchObject({
      status: 502,
      body: { detail: 'Custom credential service returned HTTP 503: Vault sealed for maintenance' },
    });
    expect((await sandbox.request('GET', `/v1/credentials/${id}/totp-code`)).status).toBe(200);
    expect((await sandbox.request('POST', `/v1/credentials/${id}/delete`)).status).toBe(204);
  });

  it('fails item deletes while set, keeping the credential (3.6), until cleared', async () => {
    const id = await customCredential(sandbox);
    await sandbox.vaultRequest('POST', '/__vault/faults', {
      body: { method: 'DELETE', status: 500, message: 'Disk full', count: 5 },
    });
    expect(await sandbox.request('POST', `/v1/credentials/${id}/delete`)).toMatchObject({
      status: 502,
      body: { detail: 'Custom credential service returned HTTP 500: Disk full' },
    });
    expect((await sandbox.request('GET', `/v1/credentials/${id}`)).status).toBe(200);
    expect((await sandbox.vaultRequest('DELETE', '/__vault/faults')).status).toBe(200);
    expect((await sandbox.request('POST', `/v1/credentials/${id}/delete`)).status).toBe(204);
  });

  it('fails item creation with a POST fault', async () => {
    await sandbox.vaultRequest('POST', '/__vault/faults', {
      body: { method: 'POST', status: 429, message: 'Slow down' },
    });
    const created = await sandbox.request('POST', '/v1/credentials', {
      body: {
        name: 'Refused',
        credential_type: 'secret',
        vault_type: 'custom',
        credential: { secret_value: 's' },
      },
    });
    expect(created).toMatchObject({
      status: 502,
      body: { detail: 'Custom credential service returned HTTP 429: Slow down' },
    });
  });

  it('validates the fault and needs the bearer token', async () => {
    expect(
      (
        await sandbox.vaultRequest('POST', '/__vault/faults', {
          body: { method: 'PUT', status: 500 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await sandbox.vaultRequest('POST', '/__vault/faults', {
          body: { method: 'GET', status: 200 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await sandbox.vaultRequest('POST', '/__vault/faults', {
          body: { method: 'GET', status: 503 },
          token: null,
        })
      ).status,
    ).toBe(401);
  });

  it('does not exist without test control', async () => {
    expect(
      (
        await plain.vaultRequest('POST', '/__vault/faults', {
          body: { method: 'GET', status: 503 },
        })
      ).status,
    ).toBe(404);
  });
});
