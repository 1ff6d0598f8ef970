import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, buildUrl, fieldPath, VAULT_BOUND_TIMEOUT_MS } from './client';
import { credentialListResponse } from './response-guards';
import { apiUrl, server, TEST_API_KEY } from '../test/msw';

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const passwordCredential = {
  credential_id: 'cred_599718296816844954',
  credential: { username: 'jane@example.com', totp_type: 'authenticator', totp_identifier: null },
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
};

describe('apiRequest', () => {
  it('sends the API key as x-api-key and parses the body with the schema', async () => {
    let seenKey: string | null = null;
    let seenUrl = '';
    server.use(
      http.get(apiUrl('/v1/credentials'), ({ request }) => {
        seenKey = request.headers.get('x-api-key');
        seenUrl = request.url;
        return HttpResponse.json([passwordCredential]);
      }),
    );
    const list = await apiRequest({
      path: '/v1/credentials',
      query: { page: 2, page_size: 25, search: '', credential_type: undefined },
      schema: credentialListResponse,
    });
    expect(seenKey).toBe(TEST_API_KEY);
    expect(seenUrl).toBe(apiUrl('/v1/credentials?page=2&page_size=25'));
    expect(list[0]?.name).toBe('Acme portal');
  });

  it('turns a string detail into the error message (shape 1)', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/cred_1'), () =>
        HttpResponse.json({ detail: 'Credential not found' }, { status: 404 }),
      ),
    );
    const error = await failureOf(apiRequest({ path: '/v1/credentials/cred_1' }));
    expect(error).toMatchObject({ status: 404, kind: 'http', message: 'Credential not found' });
    expect(error.isRetryable).toBe(false);
  });

  it('keeps the error code and maps authenticator errors onto the totp field (shape 2)', async () => {
    const message =
      "Invalid authenticator key. Paste the raw Base32 setup key or full otpauth:// URI from the website's 2FA setup screen.";
    server.use(
      http.post(apiUrl('/v1/credentials'), () =>
        HttpResponse.json(
          { detail: { error_code: 'invalid_authenticator_key', message } },
          { status: 400 },
        ),
      ),
    );
    const error = await failureOf(
      apiRequest({ method: 'POST', path: '/v1/credentials', body: {} }),
    );
    expect(error.code).toBe('invalid_authenticator_key');
    expect(error.message).toBe(message);
    expect(error.fieldErrors).toEqual({ 'credential.totp': message });
  });

  it('maps a 422 list onto field paths, ignoring union tags (shape 3)', async () => {
    server.use(
      http.post(apiUrl('/v1/credentials'), () =>
        HttpResponse.json(
          {
            detail: [
              {
                loc: ['body', 'credential_type'],
                msg: "Input should be 'password', 'credit_card' or 'secret'",
                type: 'enum',
              },
              {
                loc: [
                  'body',
                  'credential',
                  'function-after[normalize_empty_optional_fields(), NonEmptyPasswordCredential]',
                  'password',
                ],
                msg: 'Field required',
                type: 'missing',
              },
              {
                loc: ['body', 'credential', 'SecretCredential', 'secret_value'],
                msg: 'Field required',
                type: 'missing',
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const error = await failureOf(
      apiRequest({ method: 'POST', path: '/v1/credentials', body: {} }),
    );
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toEqual({
      credential_type: "Input should be 'password', 'credit_card' or 'secret'",
      'credential.password': 'Field required',
      'credential.secret_value': 'Field required',
    });
    expect(error.message).toContain('credential_type');
  });

  it('explains an unhandled server error (shape 4) and offers a retry', async () => {
    server.use(
      http.post(apiUrl('/v1/credentials'), () =>
        HttpResponse.json({ error: 'Unexpected error: AttributeError' }, { status: 500 }),
      ),
    );
    const error = await failureOf(
      apiRequest({ method: 'POST', path: '/v1/credentials', body: {} }),
    );
    expect(error.status).toBe(500);
    expect(error.message).toContain('Unexpected error: AttributeError');
    expect(error.isRetryable).toBe(true);
  });

  it('handles an empty-body 404 (shape 5)', async () => {
    server.use(
      http.patch(apiUrl('/v1/credentials/cred_1'), () => new HttpResponse(null, { status: 404 })),
    );
    const error = await failureOf(
      apiRequest({ method: 'PATCH', path: '/v1/credentials/cred_1', body: { name: 'x' } }),
    );
    expect(error).toMatchObject({ status: 404, kind: 'http' });
    expect(error.message).toMatch(/could not find/i);
  });

  it('handles a single-string 422 detail (the rare sixth shape)', async () => {
    server.use(
      http.patch(apiUrl('/v1/credentials/cred_1'), () =>
        HttpResponse.json(
          { detail: 'name: String should have at least 1 character' },
          { status: 422 },
        ),
      ),
    );
    const error = await failureOf(
      apiRequest({ method: 'PATCH', path: '/v1/credentials/cred_1', body: {} }),
    );
    expect(error.message).toBe('name: String should have at least 1 character');
  });

  it('marks 401 and 403 as authentication failures', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials'), () =>
        HttpResponse.json({ detail: 'Could not validate credentials' }, { status: 403 }),
      ),
    );
    const error = await failureOf(apiRequest({ path: '/v1/credentials' }));
    expect(error.isAuthError).toBe(true);
    expect(error.message).toBe('Could not validate credentials');
  });

  it('reports a 2xx body that does not match the contract as not Skyvern', async () => {
    server.use(http.get(apiUrl('/v1/credentials'), () => HttpResponse.text('<html>hello</html>')));
    const error = await failureOf(
      apiRequest({ path: '/v1/credentials', schema: credentialListResponse }),
    );
    expect(error.kind).toBe('invalid-response');
  });

  it('tells a blocked (CORS) response apart from an unreachable server', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials'), () => HttpResponse.error()),
      http.get(apiUrl('/'), () => HttpResponse.text('ok')),
    );
    const cors = await failureOf(apiRequest({ path: '/v1/credentials' }));
    expect(cors.kind).toBe('cors');
    expect(cors.message).toContain('ALLOWED_ORIGINS');
    expect(cors.message).toContain(window.location.origin);

    server.use(http.get(apiUrl('/'), () => HttpResponse.error()));
    const down = await failureOf(apiRequest({ path: '/v1/credentials' }));
    expect(down.kind).toBe('network');
    expect(down.message).toMatch(/could not reach/i);
  });

  it('counts 404 Organization not found as a refused key, and no other 404', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials'), () =>
        HttpResponse.json({ detail: 'Organization not found' }, { status: 404 }),
      ),
      http.get(apiUrl('/v1/credentials/cred_1'), () =>
        HttpResponse.json({ detail: 'Credential not found' }, { status: 404 }),
      ),
    );
    const orgGone = await failureOf(apiRequest({ path: '/v1/credentials' }));
    expect(orgGone.isAuthError).toBe(true);
    expect(orgGone.message).toBe('Organization not found');
    const credentialGone = await failureOf(apiRequest({ path: '/v1/credentials/cred_1' }));
    expect(credentialGone.isAuthError).toBe(false);
  });

  it('never calls an answer with a status a CORS problem', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials'), () =>
        HttpResponse.json({ error: 'Unexpected error: AttributeError' }, { status: 500 }),
      ),
    );
    const error = await failureOf(apiRequest({ path: '/v1/credentials' }));
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(error.message).not.toMatch(/CORS|ALLOWED_ORIGINS|blocked/i);
  });

  it('after an earlier answer from that server, blames a crash or a proxy, not ALLOWED_ORIGINS', async () => {
    let crash = false;
    server.use(
      http.get(apiUrl('/v1/credentials'), () =>
        crash ? HttpResponse.error() : HttpResponse.json([]),
      ),
      http.get(apiUrl('/'), () => HttpResponse.text('ok')),
    );
    await apiRequest({ path: '/v1/credentials', schema: credentialListResponse });
    crash = true;
    const error = await failureOf(apiRequest({ path: '/v1/credentials' }));
    expect(error.kind).toBe('unreadable');
    expect(error.message).toMatch(/may have crashed/);
    expect(error.message).toMatch(/proxy/);
    expect(error.message).not.toMatch(/ALLOWED_ORIGINS|CORS/);
    expect(error.isRetryable).toBe(true);
  });

  it('gives vault-bound calls 75 s, not the default 30 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      server.use(
        http.post(apiUrl('/v1/credentials/cred_1/delete'), () => new Promise<Response>(() => {})),
      );
      let settled: ApiError | 'ok' | null = null;
      apiRequest({
        method: 'POST',
        path: '/v1/credentials/cred_1/delete',
        timeoutMs: VAULT_BOUND_TIMEOUT_MS,
      }).then(
        () => (settled = 'ok'),
        (error: ApiError) => (settled = error),
      );
      await vi.advanceTimersByTimeAsync(61_000);
      expect(settled).toBeNull();
      await vi.advanceTimersByTimeAsync(15_000);
      expect(settled).toMatchObject({ kind: 'timeout' });
    } finally {
      vi.useRealTimers();
    }
    expect(VAULT_BOUND_TIMEOUT_MS).toBeGreaterThanOrEqual(70_000);
  });

  it('never puts the request body in an error message', async () => {
    server.use(
      http.post(apiUrl('/v1/credentials'), () =>
        HttpResponse.json({ detail: 'Bad' }, { status: 400 }),
      ),
    );
    const error = await failureOf(
      apiRequest({
        method: 'POST',
        path: '/v1/credentials',
        body: { credential: { password: 'hunter2-secret' } },
      }),
    );
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('hunter2-secret');
  });
});

describe('fieldPath', () => {
  it('drops the body prefix and union tags but keeps query parameters qualified', () => {
    expect(fieldPath(['body', 'name'])).toBe('name');
    expect(fieldPath(['query', 'search'])).toBe('query.search');
    expect(fieldPath(['body', 'credential', 'NonEmptyCreditCardCredential', 'card_cvv'])).toBe(
      'credential.card_cvv',
    );
    expect(fieldPath(['body'])).toBe('');
  });
});

describe('buildUrl', () => {
  it('joins base and path without doubling slashes and skips empty query values', () => {
    expect(buildUrl('http://h:8000/', '/v1/credentials', { a: 1, b: '', c: null })).toBe(
      'http://h:8000/v1/credentials?a=1',
    );
  });
});
