import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { Link, Route, Switch } from '../lib/router';
import { TestRouter } from '../test/router';
import { getConnectionScope } from '../api/connection';
import { apiUrl, server, TEST_API_KEY } from '../test/msw';
import { createTestQueryClient } from '../test/render';
import { ConnectionPage } from '../features/connection/ConnectionPage';
import { CredentialsPage } from '../features/credentials/CredentialsPage';
import { noCustomService, passwordCredential } from '../features/credentials/test/fixtures';

const NEW_KEY = 'another-organisations-key';

/** Each API key sees its own organisation's credentials; records the key of every list request. */
function serveListPerKey() {
  const keys: Array<string | null> = [];
  noCustomService();
  server.use(
    http.get(apiUrl('/v1/credentials'), ({ request }) => {
      const key = request.headers.get('x-api-key');
      keys.push(key);
      const name = key === TEST_API_KEY ? 'Old organisation login' : 'New organisation login';
      return HttpResponse.json([passwordCredential({ name })]);
    }),
  );
  return keys;
}

describe('connection scope of the query cache', () => {
  it('refetches the list after the key changes and never shows the old connection’s data', async () => {
    const keys = serveListPerKey();
    // One client for the whole session, as in the app: nothing clears it by hand.
    const queryClient = createTestQueryClient();
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={queryClient}>
        <TestRouter path="/credentials">
          <Link to="/settings/connection?returnTo=/credentials">Connection</Link>
          <Switch>
            <Route path="/credentials">
              <CredentialsPage />
            </Route>
            <Route path="/settings/connection">
              <ConnectionPage />
            </Route>
          </Switch>
        </TestRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('Old organisation login')).toBeInTheDocument();
    const oldScope = getConnectionScope();

    await user.click(screen.getByRole('link', { name: 'Connection' }));
    // The saved key is never shown again: replacing it opens an empty input.
    await user.click(await screen.findByRole('button', { name: 'Replace key' }));
    await user.type(screen.getByLabelText(/^New API key/), NEW_KEY);
    await user.click(screen.getByRole('button', { name: 'Save and go back' }));

    // Back on the list: the old organisation's rows are not shown while the new ones load.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Credentials' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Old organisation login')).not.toBeInTheDocument();
    expect(await screen.findByText('New organisation login')).toBeInTheDocument();
    expect(screen.queryByText('Old organisation login')).not.toBeInTheDocument();
    expect(keys).toEqual([TEST_API_KEY, NEW_KEY]);

    // The scope changed with the key, and neither it nor any query key holds the key itself.
    expect(getConnectionScope()).not.toBe(oldScope);
    const allKeys = JSON.stringify(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    );
    expect(allKeys).not.toContain(NEW_KEY);
    expect(allKeys).not.toContain(TEST_API_KEY);
  });
});
