/*
 * The test-only control routes (SANDBOX_TEST_CONTROL=1) that e2e resilience tests rely on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { send, startTestSandbox, type TestSandbox } from './helpers';

const ORIGIN = 'http://127.0.0.1:4317';
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ testControl: true, allowedOrigins: [ORIGIN] });
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await send(`${sandbox.skyvernUrl}/__sandbox/faults`, { method: 'DELETE' });
});

const inject = (fault: unknown) =>
  send(`${sandbox.skyvernUrl}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });

describe('control routes', () => {
  it('are off by default; health is always there', async () => {
    const plain = await startTestSandbox();
    try {
      expect(
        (await send(`${plain.skyvernUrl}/__sandbox/faults`, { method: 'POST', body: '{}' })).status,
      ).toBe(404);
      expect((await send(`${plain.skyvernUrl}/__sandbox/health`, {})).status).toBe(200);
    } finally {
      await plain.close();
    }
  });

  it('answer health without auth', async () => {
    expect(await send(`${sandbox.skyvernUrl}/__sandbox/health`, {})).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
  });

  it('reject malformed faults with 400', async () => {
    for (const fault of [
      {},
      { status: 200 },
      { delayMs: -1 },
      { status: 500, count: 0 },
      { status: 500, pathPrefix: 'v1' },
      { status: 409, method: 'PO ST' },
      { status: 409, method: 1 },
      'x',
    ]) {
      expect((await inject(fault)).status).toBe(400);
    }
    expect(
      (await send(`${sandbox.skyvernUrl}/__sandbox/faults`, { method: 'POST', body: '{nope' }))
        .status,
    ).toBe(400);
  });
});

describe('faults', () => {
  it('a 500 fault answers shape 4 without CORS headers, for `count` requests', async () => {
    expect((await inject({ status: 500, count: 2 })).status).toBe(200);
    for (let index = 0; index < 2; index += 1) {
      const response = await sandbox.request('GET', '/v1/credentials', {
        headers: { origin: ORIGIN },
      });
      expect(response).toMatchObject({
        status: 500,
        body: { error: 'Unexpected error: SandboxFault' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect((await sandbox.request('GET', '/v1/credentials')).status).toBe(200);
  });

  it('other statuses answer {"detail"} with CORS headers', async () => {
    await inject({ status: 503 });
    const response = await sandbox.request('GET', '/api/v1/credentials', {
      headers: { origin: ORIGIN },
    });
    expect(response).toMatchObject({ status: 503, body: { detail: expect.any(String) } });
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    await inject({ status: 403 });
    expect(await sandbox.request('GET', '/v1/credentials')).toMatchObject({
      status: 403,
      body: { detail: 'Invalid credentials' },
    });
  });

  it('delays matching requests, and only those under pathPrefix', async () => {
    await inject({ delayMs: 300, pathPrefix: '/v1/credentials/totp' });
    let started = Date.now();
    expect((await sandbox.request('GET', '/v1/credentials')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(250);
    started = Date.now();
    expect((await sandbox.request('GET', '/v1/credentials/totp')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('with a method, fails only requests of that method, and counts only those', async () => {
    await inject({ status: 409, pathPrefix: '/v1/credentials/', method: 'post', count: 1 });
    expect((await sandbox.request('GET', '/v1/credentials/cred_1')).status).toBe(404);
    expect(await sandbox.request('POST', '/v1/credentials/cred_1/delete')).toMatchObject({
      status: 409,
      body: { detail: 'Credential was modified by another request. Please retry.' },
    });
    expect((await sandbox.request('POST', '/v1/credentials/cred_1/delete')).status).toBe(404);
  });

  it('lets preflights through untouched', async () => {
    await inject({ status: 500 });
    const response = await send(`${sandbox.skyvernUrl}/v1/credentials`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(200);
  });

  it('DELETE clears the fault', async () => {
    await inject({ status: 500 });
    await send(`${sandbox.skyvernUrl}/__sandbox/faults`, { method: 'DELETE' });
    expect((await sandbox.request('GET', '/v1/credentials')).status).toBe(200);
  });
});
