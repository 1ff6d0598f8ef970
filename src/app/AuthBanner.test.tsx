import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Switch } from '../lib/router';
import { TestRouter } from '../test/router';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import { apiUrl, server, TEST_API_KEY } from '../test/msw';
import { Layout } from './Layout';
import { createQueryClient } from '../api/query-client';

const NEW_KEY = 'fresh-api-key-7c1d';

/** Two background polls, like the 2FA page's 5-second list, only faster. */
function Polls() {
  const codes = useQuery({
    queryKey: ['test', 'codes'],
    queryFn: ({ signal }) =>
      apiRequest({ path: '/v1/credentials/totp', signal }).then(() => 'codes'),
    refetchInterval: 40,
  });
  const config = useQuery({
    queryKey: ['test', 'config'],
    queryFn: ({ signal }) =>
      apiRequest({ path: '/v1/credentials/custom_credential/get', signal }).then(() => 'config'),
    refetchInterval: 40,
  });
  return (
    <p>
      {codes.status} {config.status}
    </p>
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('background queries while Skyvern refuses the key', () => {
  it('pause, show one banner without navigating, and resume after a new key', async () => {
    let refuse = false;
    const keys: Array<string | null> = [];
    const answer = (request: Request) => {
      const key = request.headers.get('x-api-key');
      keys.push(key);
      if (key === NEW_KEY || !refuse) return new HttpResponse(null, { status: 204 });
      // One route says it with the org-gone 404 of contract 1.3, the other with a 403.
      return new URL(request.url).pathname.endsWith('/get')
        ? HttpResponse.json({ detail: 'Organization not found' }, { status: 404 })
        : HttpResponse.json({ detail: 'Invalid credentials' }, { status: 403 });
    };
    server.use(
      http.get(apiUrl('/v1/credentials/totp'), ({ request }) => answer(request)),
      http.get(apiUrl('/v1/credentials/custom_credential/get'), ({ request }) => answer(request)),
      http.get(apiUrl('/v1/credentials'), ({ request }) =>
        request.headers.get('x-api-key') === NEW_KEY
          ? HttpResponse.json([])
          : HttpResponse.json({ detail: 'Invalid credentials' }, { status: 403 }),
      ),
    );
    const queryClient = createQueryClient();
    // Polls fail fast here; the app's one retry would only slow the test down.
    queryClient.setDefaultOptions({ queries: { retry: false, staleTime: 0 } });
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={queryClient}>
        <TestRouter path="/two-factor">
          <Layout>
            <Switch>
              <Route path="/two-factor">
                <Polls />
              </Route>
              <Route>
                <p>Elsewhere</p>
              </Route>
            </Switch>
          </Layout>
        </TestRouter>
      </QueryClientProvider>,
    );
    await screen.findByText('success success');
    await sleep(120);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    refuse = true;
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Skyvern refused the API key');
    // Both polls failed, yet there is one banner, and the page is still the page.
    await waitFor(() => expect(screen.getByText('error error')).toBeInTheDocument());
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByText('Elsewhere')).not.toBeInTheDocument();

    // Paused: no more requests while the key is refused.
    const refusedCount = keys.length;
    await sleep(400);
    expect(keys.length).toBe(refusedCount);

    await user.click(within(banner).getByRole('button', { name: 'Re-enter API key' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Re-enter API key' },
      { timeout: 10_000 },
    );
    await user.type(within(dialog).getByLabelText(/^API key\*?$/), NEW_KEY);
    await user.click(within(dialog).getByRole('button', { name: 'Use this key' }));

    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    await screen.findByText('success success');
    // Resumed, polling again, with the new key.
    await waitFor(() => expect(keys.filter((key) => key === NEW_KEY).length).toBeGreaterThan(3));
    expect(keys.slice(0, 2)).toEqual([TEST_API_KEY, TEST_API_KEY]);
  }, 30_000);
});
