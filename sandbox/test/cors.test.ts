/*
 * Contract 1.5: Starlette's CORS middleware as Skyvern configures it, and the framing headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ALLOWED_ORIGINS } from '../server';
import { send, startTestSandbox, type TestSandbox } from './helpers';

const ALLOWED = 'http://127.0.0.1:4317';
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ allowedOrigins: [ALLOWED, 'https://*.example.com', '*'] });
});
afterAll(() => sandbox.close());

const preflight = (origin: string, target: TestSandbox = sandbox, path = '/v1/credentials') =>
  send(`${target.skyvernUrl}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-api-key',
    },
  });

function expectFramingHeaders(headers: Headers) {
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
}

describe('preflight', () => {
  it('answers an allowed origin with 200 OK and the listed headers', async () => {
    const response = await preflight(ALLOWED);
    expect(response.status).toBe(200);
    expect(response.text).toBe('OK');
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe(
      'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT',
    );
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,x-api-key');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('vary')).toContain('Origin');
    expectFramingHeaders(response.headers);
  });

  it('answers any other origin with 400 "Disallowed CORS origin" as text/plain', async () => {
    for (const origin of [
      'http://localhost:4317',
      'https://app.example.com',
      'null',
      'http://127.0.0.1:4317/',
    ]) {
      const response = await preflight(origin);
      expect(response.status).toBe(400);
      expect(response.text).toBe('Disallowed CORS origin');
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('ignores wildcard entries: ["*"] allows nothing', async () => {
    const wildcard = await startTestSandbox({ allowedOrigins: ['*'] });
    try {
      expect((await preflight('http://anything.example', wildcard)).status).toBe(400);
      expect((await preflight('http://127.0.0.1:4317', wildcard)).status).toBe(400);
    } finally {
      await wildcard.close();
    }
  });

  it('allows the console dev and preview origins by default', async () => {
    const defaults = await startTestSandbox();
    try {
      for (const origin of DEFAULT_ALLOWED_ORIGINS)
        expect((await preflight(origin, defaults)).status).toBe(200);
      expect((await preflight('http://127.0.0.1:5173', defaults)).status).toBe(400);
    } finally {
      await defaults.close();
    }
  });

  it('is answered for any path, before routing and auth', async () => {
    expect((await preflight(ALLOWED, sandbox, '/does/not/exist')).status).toBe(200);
  });

  it('an OPTIONS without Access-Control-Request-Method is routed (405)', async () => {
    const response = await sandbox.request('OPTIONS', '/v1/credentials', {
      headers: { origin: ALLOWED },
    });
    expect(response.status).toBe(405);
  });
});

describe('actual requests', () => {
  it('echo an allowed origin with credentials and Vary: Origin, on success and on errors', async () => {
    for (const [path, key, status] of [
      ['/v1/credentials', undefined, 200],
      ['/v1/credentials', null, 403],
      ['/v1/credentials/cred_1', undefined, 404],
      ['/v1/credentials?page=0', undefined, 422],
      ['/nope', undefined, 404],
    ] as const) {
      const response = await sandbox.request('GET', path, { key, headers: { origin: ALLOWED } });
      expect(response.status).toBe(status);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('vary')).toContain('Origin');
      expectFramingHeaders(response.headers);
    }
  });

  it('never send Access-Control-Allow-Origin to another origin, and never "*"', async () => {
    const response = await sandbox.request('GET', '/v1/credentials', {
      headers: { origin: 'http://evil.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('carry no CORS headers without an Origin', async () => {
    const response = await sandbox.request('GET', '/v1/credentials');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expectFramingHeaders(response.headers);
  });

  it('leave shape-4 500s without CORS headers but with the framing headers', async () => {
    const response = await sandbox.request('POST', '/v1/credentials', {
      headers: { origin: ALLOWED },
      body: { name: 'x', credential_type: 'secret', credential: { username: 'u', password: 'p' } },
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('x-sandbox-no-cors')).toBeNull();
    expectFramingHeaders(response.headers);
  });
});
