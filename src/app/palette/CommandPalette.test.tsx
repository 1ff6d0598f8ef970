import { http, HttpResponse } from 'msw';
import { QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiUrl, server } from '../../test/msw';
import { createTestQueryClient } from '../../test/render';
import { TestRouter } from '../../test/router';
import { Route, Switch, useParams } from '../../lib/router';
import { CredentialsPage } from '../../features/credentials/CredentialsPage';
import {
  cardCredential,
  noCustomService,
  passwordCredential,
} from '../../features/credentials/test/fixtures';
import { CommandPaletteLauncher } from './CommandPaletteLauncher';
import { addConnection, getConnection, removeConnection } from '../../api/connection';

function Detail() {
  const { credentialId } = useParams();
  return <h1>Detail of {credentialId}</h1>;
}

function renderApp(path = '/two-factor') {
  const searches: string[] = [];
  server.use(
    http.get(apiUrl('/v1/credentials'), ({ request }) => {
      const search = new URL(request.url).searchParams.get('search') ?? '';
      searches.push(search);
      const rows = [
        passwordCredential({ name: 'GitHub deploy bot' }),
        cardCredential({ name: 'Company Visa' }),
      ];
      return HttpResponse.json(
        rows.filter((row) => row.name.toLowerCase().includes(search.toLowerCase())),
      );
    }),
  );
  noCustomService();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <TestRouter path={path}>
        <CommandPaletteLauncher />
        <Switch>
          <Route path="/credentials">
            <CredentialsPage />
          </Route>
          <Route path="/credentials/:credentialId">
            <Detail />
          </Route>
          <Route>
            <h1>Somewhere</h1>
          </Route>
        </Switch>
      </TestRouter>
    </QueryClientProvider>,
  );
  return { user, searches };
}

async function openPalette(user: ReturnType<typeof userEvent.setup>) {
  await user.keyboard('{Control>}k{/Control}');
  return screen.findByRole('dialog', { name: 'Command palette' });
}

describe('CommandPalette', () => {
  it('opens on Ctrl+K with the search focused, and goes to a page by keyboard', async () => {
    const { user } = renderApp();
    const dialog = await openPalette(user);
    const input = within(dialog).getByRole('combobox', {
      name: 'Search pages, credentials and actions',
    });
    await waitFor(() => expect(input).toHaveFocus());
    await user.keyboard('vault prov');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.pathname).toBe('/settings/vault-providers'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('searches credentials on the server as you type and opens one', async () => {
    const { user, searches } = renderApp();
    const dialog = await openPalette(user);
    await user.keyboard('git');
    const option = await within(dialog).findByRole('option', { name: /^GitHub deploy bot/ });
    expect(searches.at(-1)).toBe('git');
    expect(within(dialog).getByRole('status')).toHaveTextContent('1 credential found');
    await user.click(option);
    expect(
      await screen.findByRole('heading', { name: 'Detail of cred_100000000000000001' }),
    ).toBeInTheDocument();
  });

  it('copies the current code of an authenticator credential without showing it', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/:id/totp-code'), () =>
        HttpResponse.json({ code: '492039', seconds_remaining: 17 }),
      ),
    );
    const { user } = renderApp();
    // After userEvent.setup(), which installs its own clipboard.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const dialog = await openPalette(user);
    await user.keyboard('github');
    await user.click(
      await within(dialog).findByRole('option', {
        name: /Copy current code: GitHub deploy bot/,
      }),
    );
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('492039'));
    expect(document.body).not.toHaveTextContent('492039');
  });

  it('starts a new credential of the chosen type on the list', async () => {
    const { user } = renderApp('/credentials?search=visa');
    await screen.findByRole('table', { name: 'Credentials' });
    const dialog = await openPalette(user);
    await user.keyboard('new credit');
    await user.click(within(dialog).getByRole('option', { name: 'New credit card' }));
    const form = await screen.findByRole('dialog', { name: 'New credential' });
    expect(within(form).getByRole('radio', { name: /Credit card/ })).toBeChecked();
    // The list's own state is kept, and `new` leaves the URL once the form is open.
    await waitFor(() => expect(window.location.search).toBe('?search=visa'));
  });

  it('says when the search fails instead of showing nothing', async () => {
    const { user } = renderApp();
    server.use(
      http.get(apiUrl('/v1/credentials'), () =>
        HttpResponse.json({ detail: 'Service Unavailable' }, { status: 503 }),
      ),
    );
    const dialog = await openPalette(user);
    await user.keyboard('x');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /Couldn't search credentials: Service Unavailable/,
    );
  });

  it('switches to another connection, staying on the same page', async () => {
    const { user } = renderApp('/two-factor');
    let dialog = await openPalette(user);
    await user.keyboard('switch');
    // One connection: nothing to switch to.
    expect(within(dialog).queryByRole('option', { name: /Switch to/ })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    server.use(
      http.get('https://staging.skyvern.example/v1/credentials', () => HttpResponse.json([])),
    );
    let staging = '';
    act(() => {
      staging = addConnection({
        name: 'Staging',
        baseUrl: 'https://staging.skyvern.example',
        color: 'amber',
      });
    });
    try {
      dialog = await openPalette(user);
      await user.keyboard('staging');
      const option = within(dialog).getByRole('option', { name: /Switch to Staging/ });
      expect(option).toHaveTextContent('staging.skyvern.example');
      await user.keyboard('{Enter}');
      await waitFor(() => expect(getConnection().id).toBe(staging));
      expect(window.location.pathname).toBe('/two-factor');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      // The active connection is not offered.
      dialog = await openPalette(user);
      await user.keyboard('staging');
      expect(within(dialog).queryByRole('option', { name: /Switch to/ })).not.toBeInTheDocument();
    } finally {
      act(() => removeConnection(staging));
    }
  });
});
