import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { getAuthFailure } from '../../api/auth-state';
import { createQueryClient } from '../../api/query-client';
import { apiUrl, server } from '../../test/msw';
import { renderWithProviders } from '../../test/render';
import { CustomCredentialServicePage } from './CustomCredentialServicePage';

const STORED_TOKEN = 'stored-service-token-9a8b7c6d';
const STORED_URL = 'https://vault.example.com/api/v1/credentials';
// Deliberately odd: surrounding spaces prove the token is sent exactly as typed.
const NEW_TOKEN = '  new token 1234-abcd-WXYZ ';

function authToken(url: string, token: string, modified = '2026-08-22T18:40:02.551204') {
  return {
    token: {
      id: 'oat_599718296816844960',
      organization_id: 'o_599718296816844900',
      token_type: 'custom_credential_service',
      valid: true,
      created_at: '2026-08-22T18:40:02.551204',
      modified_at: modified,
      // Skyvern's own formatting: a space after each ':' and ','.
      token: JSON.stringify({ api_base_url: url, api_token: token })
        .replace(/":"/g, '": "')
        .replace(/","/g, '", "'),
    },
  };
}

/** A credentials list the console may hold while the configuration changes. */
const credentialListKey = () => [...queryKeys.credentials.lists(), { page: 1 }];

const K1 = apiUrl('/v1/credentials/custom_credential/get');
const K2 = apiUrl('/v1/credentials/custom_credential/create');
const K3 = apiUrl('/v1/credentials/custom_credential/test_connection');
const K4 = apiUrl('/v1/credentials/custom_credential');

function notConfigured() {
  return http.get(K1, () =>
    HttpResponse.json(
      { detail: 'No custom credential service configuration found for this organization' },
      { status: 404 },
    ),
  );
}

function configured(url = STORED_URL, token = STORED_TOKEN) {
  return http.get(K1, () => HttpResponse.json(authToken(url, token)));
}

function renderPage() {
  return renderWithProviders(<CustomCredentialServicePage />, {
    route: '/settings/custom-credential-service',
    path: '/settings/custom-credential-service',
  });
}

/** Everything react-query holds, as text: no secret may appear in it. */
function cacheText(queryClient: QueryClient): string {
  return JSON.stringify({
    queries: queryClient
      .getQueryCache()
      .getAll()
      .map((query) => ({ key: query.queryKey, state: query.state })),
    mutations: queryClient
      .getMutationCache()
      .getAll()
      .map((mutation) => ({ options: mutation.options.mutationKey, state: mutation.state })),
  });
}

function urlField() {
  return screen.getByLabelText(/^API Base URL/);
}
function tokenField() {
  return screen.getByLabelText(/^API Token/);
}

function testAnswers(answer: () => Response | Promise<Response>) {
  const bodies: unknown[] = [];
  server.use(
    http.post(K3, async ({ request }) => {
      bodies.push(await request.json());
      return answer();
    }),
  );
  return bodies;
}
const failed = (detail: string, status = 400): Response =>
  HttpResponse.json({ detail }, { status });

async function fillAndTest(
  user: ReturnType<typeof renderPage>['user'],
  url = 'https://vault.example.com/api/v1/credentials',
  token = 'typed-token',
) {
  await user.clear(urlField());
  await user.type(urlField(), url);
  await user.type(tokenField(), token);
  await user.click(screen.getByRole('button', { name: 'Test Connection' }));
}

// Saving runs Test Connection first when the form's values were not tested: by default it passes.
beforeEach(() => {
  server.use(http.post(K3, () => HttpResponse.json({ success: true })));
});

describe('CustomCredentialServicePage: status', () => {
  it('says when nothing is configured, with an empty form and no Clear button', async () => {
    server.use(notConfigured());
    renderPage();
    expect(await screen.findByText('Not configured')).toBeInTheDocument();
    expect(urlField()).toHaveValue('');
    expect(tokenField()).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Clear Configuration' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Configure a service' })).toBeInTheDocument();
  });

  it('shows the URL, a mask of the token and the last update in local time; never the token', async () => {
    server.use(configured());
    const { queryClient, container } = renderPage();
    expect(await screen.findByText('Configured')).toBeInTheDocument();
    expect(screen.getByText(STORED_URL)).toBeInTheDocument();
    expect(screen.getByText('••••••••7c6d')).toBeInTheDocument();
    expect(screen.getByText('hidden, ending in 7c6d')).toBeInTheDocument();

    // Naive UTC timestamp, rendered as the same instant in the user's zone.
    const time = container.querySelector('time');
    expect(time).toHaveAttribute('datetime', '2026-08-22T18:40:02.551Z');
    const local = new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(Date.UTC(2026, 7, 22, 18, 40, 2, 551)));
    expect(time).toHaveTextContent(local);

    // The URL is prefilled (not a secret); the token is not.
    expect(urlField()).toHaveValue(STORED_URL);
    expect(tokenField()).toHaveValue('');
    expect(tokenField()).toHaveAttribute('type', 'password');
    expect(document.body.innerHTML).not.toContain(STORED_TOKEN);
    expect(cacheText(queryClient)).not.toContain(STORED_TOKEN);
    expect(cacheText(queryClient)).not.toContain('9a8b7c');
  });

  it('shows a readable error with a retry when the configuration cannot be loaded', async () => {
    let calls = 0;
    server.use(
      http.get(K1, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              { detail: 'Failed to get custom credential service configuration: boom' },
              { status: 500 },
            )
          : HttpResponse.json(authToken(STORED_URL, STORED_TOKEN));
      }),
    );
    const { user } = renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the configuration');
    expect(alert).toHaveTextContent('Failed to get custom credential service configuration');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Configured')).toBeInTheDocument();
  });

  it('has a reveal button for the token field', async () => {
    server.use(notConfigured());
    const { user } = renderPage();
    await screen.findByText('Not configured');
    await user.type(tokenField(), 'abc');
    await user.click(screen.getByRole('button', { name: 'Show API token' }));
    expect(tokenField()).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide API token' }));
    expect(tokenField()).toHaveAttribute('type', 'password');
  });
});

describe('CustomCredentialServicePage: validation', () => {
  it('requires an absolute http(s) URL and a token before saving or testing', async () => {
    server.use(notConfigured());
    let requests = 0;
    server.use(
      http.post(K2, () => {
        requests += 1;
        return HttpResponse.json({});
      }),
      http.post(K3, () => {
        requests += 1;
        return HttpResponse.json({ success: true });
      }),
    );
    const { user } = renderPage();
    await screen.findByText('Not configured');
    await user.click(screen.getByRole('button', { name: 'Update Configuration' }));
    expect(
      await screen.findByText('Enter the API base URL of your credential service.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Enter the API token/)).toBeInTheDocument();
    expect(tokenField()).toHaveAttribute('aria-invalid', 'true');

    await user.type(urlField(), 'vault.example.com/api');
    await user.click(screen.getByRole('button', { name: 'Test Connection' }));
    expect(
      await screen.findByText(/Enter an absolute URL starting with https/),
    ).toBeInTheDocument();

    await user.clear(urlField());
    await user.type(urlField(), 'ftp://vault.example.com/x');
    await user.click(screen.getByRole('button', { name: 'Update Configuration' }));
    expect(
      await screen.findByText('Only http:// and https:// URLs are supported.'),
    ).toBeInTheDocument();

    await user.clear(urlField());
    await user.type(urlField(), 'https://vault.example.com/x?tenant=1');
    await user.click(screen.getByRole('button', { name: 'Update Configuration' }));
    expect(await screen.findByText(/Remove the query string/)).toBeInTheDocument();
    expect(requests).toBe(0);
  });
});

describe('CustomCredentialServicePage: saving', () => {
  it('saves the typed values exactly, then shows only the mask and forgets the token', async () => {
    let saved = false;
    let body: unknown = null;
    server.use(
      http.get(K1, () =>
        saved
          ? HttpResponse.json(authToken('https://new.example.com/creds', NEW_TOKEN))
          : HttpResponse.json(
              { detail: 'No custom credential service configuration found for this organization' },
              { status: 404 },
            ),
      ),
      http.post(K2, async ({ request }) => {
        body = await request.json();
        saved = true;
        return HttpResponse.json(authToken('https://new.example.com/creds', NEW_TOKEN));
      }),
    );
    const { user, queryClient } = renderPage();
    await screen.findByText('Not configured');
    // A credentials list the console holds: the configuration does not change it.
    queryClient.setQueryData(credentialListKey(), []);

    await user.type(urlField(), '  https://new.example.com/creds ');
    await user.type(tokenField(), NEW_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Update Configuration' }));

    expect(await screen.findByText('Configured')).toBeInTheDocument();
    expect(body).toEqual({
      config: { api_base_url: 'https://new.example.com/creds', api_token: NEW_TOKEN },
    });
    // The last four characters, here ending in a space (kept: the token is never altered).
    expect(screen.getByText('••••••••XYZ')).toBeInTheDocument();
    await waitFor(() => expect(tokenField()).toHaveValue(''));
    expect(urlField()).toHaveValue('https://new.example.com/creds');

    expect(document.body.innerHTML).not.toContain(NEW_TOKEN.trim());
    expect(document.body.innerHTML).not.toContain('1234-abcd');
    expect(cacheText(queryClient)).not.toContain('1234-abcd');
    expect(queryClient.getQueryState(credentialListKey())?.isInvalidated).toBe(false);
  });

  it('drops an earlier test result once the configuration is saved', async () => {
    server.use(
      configured(),
      http.post(K2, () => HttpResponse.json(authToken(STORED_URL, 'another-token-abcd'))),
    );
    testAnswers(() => failed('Connection test failed: server returned HTTP 401'));
    const { user } = renderPage();
    await screen.findByText('Configured');
    await fillAndTest(user, STORED_URL, 'another-token-abcd');
    expect(await screen.findByTestId('ccs-test-result')).toHaveTextContent('refused the token');
    await user.click(screen.getByRole('button', { name: 'Update Configuration' }));
    const question = await screen.findByRole(
      'alertdialog',
      {
        name: 'The connection test failed (401 Unauthorized). Save anyway?',
      },
      { timeout: 5000 },
    );
    await user.click(within(question).getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(screen.queryByTestId('ccs-test-result')).not.toBeInTheDocument());
    expect(tokenField()).toHaveValue('');
  }, 30_000);

  it('asks before saving values whose last test failed, and saves nothing on Don’t save', async () => {
    let saves = 0;
    server.use(
      notConfigured(),
      http.post(K2, () => {
        saves += 1;
        return HttpResponse.json(authToken(STORED_URL, 'typed-token'));
      }),
    );
    testAnswers(() => failed('Connection test failed: server returned HTTP 401'));
    const { user } = renderPage();
    await screen.findByText('Not configured');
    await fillAndTest(user);
    await screen.findByTestId('ccs-test-result');
    await user.click(screen.getByRole('button', { name: 'Update Configuration' }));
    const question = await screen.findByRole(
      'alertdialog',
      {
        name: 'The connection test failed (401 Unauthorized). Save anyway?',
      },
      { timeout: 5000 },
    );
    await waitFor(() =>
      expect(within(question).getByRole('button', { name: 'Don’t save' })).toHaveFocus(),
    );
    await user.click(within(question).getByRole('button', { name: 'Don’t save' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(saves).toBe(0);
    expect(tokenField()).toHaveValue('typed-token');
  }, 30_000);

  it('runs the test first when these values were never tested, then saves only if it passes', async () => {
    let saves = 0;
    server.use(
      notConfigured(),
      http.post(K2, () => {
        saves += 1;
        return HttpResponse.json(authToken(STORED_URL, 'typed-token'));
      }),
    );
    let pass = false;
    const tests = testAnswers(() =>
      pass
        ? HttpResponse.json({ success: true })
        : failed('Connection test failed: server returned HTTP 403'),
    );
    const { user } = renderPage();
    await screen.findByText('Not configured');
    await user.type(urlField(), STORED_URL);
    await user.type(tokenField(), 'typed-token');
    await user.click(screen.getByRole('button', { name: 'Update Configuration' }));
    const question = await screen.findByRole(
      'alertdialog',
      {
        name: 'The connection test failed (403 Forbidden). Save anyway?',
      },
      { timeout: 5000 },
    );
    expect(tests).toHaveLength(1);
    expect(saves).toBe(0);
    await user.click(within(question).getByRole('button', { name: 'Don’t save' }));

    // A change makes the earlier result stale: the next save tests again, and this time it passes.
    pass = true;
    await user.type(tokenField(), '2');
    await user.click(screen.getByRole('button', { name: 'Update Configuration' }));
    await waitFor(() => expect(saves).toBe(1));
    expect(tests).toHaveLength(2);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  }, 30_000);

  it('shows progress, cannot be pressed twice, and keeps what was typed when saving fails', async () => {
    let attempts = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      notConfigured(),
      http.post(K2, async () => {
        attempts += 1;
        await gate;
        return HttpResponse.json(
          {
            detail:
              'Failed to create or update custom credential service configuration: database is locked',
          },
          { status: 500 },
        );
      }),
    );
    const { user, queryClient } = renderPage();
    await screen.findByText('Not configured');
    await user.type(urlField(), 'https://vault.example.com/creds');
    await user.type(tokenField(), 'kept-token-value');
    await user.click(screen.getByRole('button', { name: 'Update Configuration' }));

    const saving = await screen.findByRole('button', { name: 'Saving…' });
    expect(saving).toBeDisabled();
    expect(saving).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Test Connection' })).toBeDisabled();
    await user.click(saving);
    release();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The configuration was not saved');
    expect(alert).toHaveTextContent('database is locked');
    expect(attempts).toBe(1);
    expect(urlField()).toHaveValue('https://vault.example.com/creds');
    expect(tokenField()).toHaveValue('kept-token-value');
    expect(cacheText(queryClient)).not.toContain('kept-token-value');

    // 5xx offers a retry of the same values.
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(attempts).toBe(2));
  });

  it('maps a 422 onto the fields', async () => {
    server.use(
      notConfigured(),
      http.post(K2, () =>
        HttpResponse.json(
          {
            detail: [
              {
                loc: ['body', 'config', 'api_base_url'],
                msg: 'Input should be a valid string',
                type: 'string_type',
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const { user } = renderPage();
    await screen.findByText('Not configured');
    await user.type(urlField(), 'https://vault.example.com/creds');
    await user.type(tokenField(), 'x');
    await user.click(screen.getByRole('button', { name: 'Update Configuration' }));
    expect(await screen.findByText('Input should be a valid string')).toBeInTheDocument();
    expect(urlField()).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('CustomCredentialServicePage: Test Connection', () => {
  it('tests the typed values without saving and says it worked', async () => {
    let savedCalls = 0;
    server.use(
      configured(),
      http.post(K2, () => {
        savedCalls += 1;
        return HttpResponse.json({});
      }),
    );
    const bodies = testAnswers(() => HttpResponse.json({ success: true }));
    const { user, queryClient } = renderPage();
    await screen.findByText('Configured');
    await fillAndTest(user, 'https://other.example.com/creds', 'typed-secret-token');
    const result = await screen.findByTestId('ccs-test-result');
    expect(result).toHaveTextContent('Connection successful');
    expect(result).toHaveTextContent('https://other.example.com/creds');
    expect(bodies).toEqual([
      {
        config: {
          api_base_url: 'https://other.example.com/creds',
          api_token: 'typed-secret-token',
        },
      },
    ]);
    expect(savedCalls).toBe(0);
    // The stored configuration is untouched.
    expect(screen.getByText(STORED_URL)).toBeInTheDocument();
    expect(cacheText(queryClient)).not.toContain('typed-secret-token');
  });

  it.each([
    [404, 'HTTP 404'],
    [405, 'HTTP 405'],
  ])('explains a %i on GET of the base URL as a warning (docs vs. Skyvern)', async (status) => {
    server.use(configured());
    testAnswers(() => failed(`Connection test failed: server returned HTTP ${status}`));
    const { user } = renderPage();
    await screen.findByText('Configured');
    await fillAndTest(user);
    const result = await screen.findByTestId('ccs-test-result');
    expect(result).toHaveAttribute('role', 'status');
    expect(result).toHaveAttribute('data-outcome', 'warning');
    expect(result).toHaveTextContent(
      `Reachable, but the service answered HTTP ${status} on GET of the base URL`,
    );
    expect(result).toHaveTextContent(/documentation says a 404 or 405 still counts/);
    expect(result).toHaveTextContent(/current Skyvern only passes the test on a 2xx/);
  });

  it.each([401, 403])('says the service refused the token on %i', async (status) => {
    server.use(configured());
    testAnswers(() => failed(`Connection test failed: server returned HTTP ${status}`));
    const { user } = renderPage();
    await screen.findByText('Configured');
    await fillAndTest(user);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`The service refused the token (HTTP ${status})`);
    expect(alert).toHaveTextContent('Check the API token');
    // Not Skyvern's own auth failure: the page stays here.
    expect(screen.getByRole('heading', { name: 'Custom Credential Service' })).toBeInTheDocument();
  });

  it('says when the service is unreachable or timed out', async () => {
    server.use(configured());
    testAnswers(() => failed('Connection test failed: could not reach the specified URL'));
    const { user } = renderPage();
    await screen.findByText('Configured');
    await fillAndTest(user, 'http://127.0.0.1:9/api/v1/credentials');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Skyvern could not reach the service');
    expect(alert).toHaveTextContent(/timed out/);
  });

  it("says when Skyvern's host rules refuse the URL, naming ALLOWED_HOSTS", async () => {
    server.use(configured());
    testAnswers(() => failed('The host in your url is blocked: localhost'));
    const { user } = renderPage();
    await screen.findByText('Configured');
    await fillAndTest(user, 'http://localhost:8080/creds');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Skyvern's host rules refuse this URL");
    expect(alert).toHaveTextContent(`ALLOWED_HOSTS='["localhost"]'`);
  });

  it('reports any other status the service gave', async () => {
    server.use(configured());
    testAnswers(() => failed('Connection test failed: server returned HTTP 500'));
    const { user } = renderPage();
    await screen.findByText('Configured');
    await fillAndTest(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('The service answered HTTP 500');
  });

  it("shows Skyvern's URL message and falls back to the server's words for anything else", async () => {
    server.use(configured());
    let answer = failed(
      'Invalid URL: ftp:x. Skyvern supports HTTP and HTTPS urls with max 2083 character length.',
    );
    testAnswers(() => answer);
    const { user } = renderPage();
    await screen.findByText('Configured');
    await fillAndTest(user);
    let alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Skyvern did not accept this URL');
    expect(alert).toHaveTextContent('Skyvern supports HTTP and HTTPS urls');

    answer = failed('Something new went wrong');
    await user.click(screen.getByRole('button', { name: 'Test Connection' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The test failed'));
    alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something new went wrong');
  });

  it('tells a failure of Skyvern itself apart from the service, with a retry', async () => {
    // The client probes Skyvern's origin to tell "down" from "blocked by CORS".
    server.use(
      configured(),
      http.get(apiUrl('/'), () => HttpResponse.error()),
    );
    let calls = 0;
    testAnswers(() => {
      calls += 1;
      return calls === 1 ? HttpResponse.error() : HttpResponse.json({ success: true });
    });
    const { user } = renderPage();
    await screen.findByText('Configured');
    await fillAndTest(user);
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert).toHaveTextContent('The test could not run');
    expect(alert).toHaveTextContent(/Skyvern at http:\/\/skyvern\.test/);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Connection successful')).toBeInTheDocument();
  }, 15_000);

  it("shows Skyvern's own 401/403 as a refused key, not as a test result", async () => {
    server.use(configured());
    testAnswers(() => failed('Could not validate credentials', 403));
    // The app's QueryClient, with the cache handlers that record Skyvern's auth errors.
    const queryClient = createQueryClient();
    const { user } = renderWithProviders(<CustomCredentialServicePage />, { queryClient });
    await screen.findByText('Configured');
    await fillAndTest(user);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Skyvern refused the API key');
    expect(alert).toHaveTextContent('Could not validate credentials');
    expect(within(alert).getByRole('button', { name: 'Re-enter API key' })).toBeInTheDocument();
    expect(getAuthFailure()).toMatchObject({ status: 403 });
    expect(screen.queryByTestId('ccs-test-result')).not.toBeInTheDocument();
    expect(screen.queryByText(/The test could not run/)).not.toBeInTheDocument();
  });

  it('shows progress, blocks a second press, and drops a stale result when the values change', async () => {
    server.use(configured());
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    testAnswers(async () => {
      calls += 1;
      await gate;
      return HttpResponse.json({ success: true });
    });
    const { user } = renderPage();
    await screen.findByText('Configured');
    await fillAndTest(user);
    const testing = await screen.findByRole('button', { name: 'Testing…' });
    expect(testing).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Update Configuration' })).toBeDisabled();
    await user.click(testing);
    release();
    expect(await screen.findByText('Connection successful')).toBeInTheDocument();
    expect(calls).toBe(1);
    expect(tokenField()).toHaveValue('typed-token');

    await user.type(tokenField(), 'x');
    expect(screen.queryByText('Connection successful')).not.toBeInTheDocument();
  });
});

describe('CustomCredentialServicePage: clearing', () => {
  it('asks first, warns that workflows stop resolving credentials, then clears', async () => {
    let cleared = false;
    let deletePath = '';
    server.use(
      http.get(K1, () =>
        cleared
          ? HttpResponse.json(
              { detail: 'No custom credential service configuration found for this organization' },
              { status: 404 },
            )
          : HttpResponse.json(authToken(STORED_URL, STORED_TOKEN)),
      ),
      http.delete(K4, ({ request }) => {
        deletePath = new URL(request.url).pathname;
        cleared = true;
        return HttpResponse.json({ success: true });
      }),
    );
    const { user, queryClient } = renderPage();
    await screen.findByText('Configured');
    queryClient.setQueryData(credentialListKey(), []);

    await user.click(screen.getByRole('button', { name: 'Clear Configuration' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Clear the custom credential service?',
    });
    expect(dialog).toHaveAccessibleDescription(
      /Workflows using the custom credential service will stop resolving credentials/,
    );

    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    // Cancel changes nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(deletePath).toBe('');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Clear Configuration' })).toHaveFocus(),
    );

    await user.click(screen.getByRole('button', { name: 'Clear Configuration' }));
    const again = await screen.findByRole('dialog');
    await user.click(within(again).getByRole('button', { name: 'Clear configuration' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(deletePath).toBe('/v1/credentials/custom_credential');
    expect(await screen.findByText('Not configured')).toBeInTheDocument();
    expect(urlField()).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Clear Configuration' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Current configuration' })).toHaveFocus(),
    );
    expect(queryClient.getQueryState(credentialListKey())?.isInvalidated).toBe(false);
  });

  it('keeps the dialog open with the reason when clearing fails', async () => {
    server.use(
      configured(),
      http.delete(K4, () =>
        HttpResponse.json(
          { detail: 'Failed to clear organization auth credential' },
          { status: 500 },
        ),
      ),
    );
    const { user } = renderPage();
    await screen.findByText('Configured');
    await user.click(screen.getByRole('button', { name: 'Clear Configuration' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Clear configuration' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Failed to clear organization auth credential',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.getByText('Configured')).toBeInTheDocument();
  });
});
