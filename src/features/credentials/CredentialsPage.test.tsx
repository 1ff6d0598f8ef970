import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { apiUrl, server } from '../../test/msw';
import { currentLocation, renderWithProviders } from '../../test/render';
import { CredentialsPage } from './CredentialsPage';
import {
  cardCredential,
  noCustomService,
  passwordCredential,
  secretCredential,
} from './test/fixtures';
import type { Credential } from '../../api/schemas';

function many(count: number, start = 0): Credential[] {
  return Array.from({ length: count }, (_, index) =>
    passwordCredential({
      credential_id: `cred_2000000000000${String(start + index).padStart(5, '0')}`,
      name: `Login ${start + index + 1}`,
    }),
  );
}

/** Answers the list from `rows` with Skyvern's paging, and records each request's query. */
function serveList(rows: Credential[]) {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get(apiUrl('/v1/credentials'), ({ request }) => {
      const params = new URL(request.url).searchParams;
      requests.push(params);
      const page = Number(params.get('page'));
      const size = Number(params.get('page_size'));
      return HttpResponse.json(rows.slice((page - 1) * size, page * size));
    }),
  );
  return requests;
}

/** Opens a row's "Actions for …" menu with the mouse and picks `action`. */
async function chooseAction(
  user: ReturnType<typeof renderList>['user'],
  name: string,
  action: string,
) {
  await user.click(await screen.findByRole('button', { name: `Actions for ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
}

function renderList(route = '/credentials') {
  return renderWithProviders(<CredentialsPage />, { route, path: '/credentials' });
}

describe('CredentialsPage', () => {
  it('asks for the folders only once the rows are on screen, not on their way', async () => {
    const credential = passwordCredential();
    noCustomService();
    const rowsShownWhenAsked: boolean[] = [];
    server.use(
      // A slow list: folders asked for on the way would be asked for long before it answers.
      http.get(apiUrl('/v1/credentials'), async () => {
        await delay(300);
        return HttpResponse.json([credential]);
      }),
      http.get(apiUrl('/v1/credential_folders'), () => {
        rowsShownWhenAsked.push(screen.queryByText(credential.name) !== null);
        return HttpResponse.json([]);
      }),
    );
    renderList();
    await screen.findByText(credential.name);
    await screen.findByRole('navigation', { name: 'Folders' });
    await waitFor(() => expect(rowsShownWhenAsked).toEqual([true]));
  });

  it('shows each credential with its type, identifier, 2FA, vault and id', async () => {
    serveList([passwordCredential(), cardCredential(), secretCredential()]);
    noCustomService();
    renderList();
    const table = await screen.findByRole('table', { name: 'Credentials' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('Acme portal');
    expect(rows[1]).toHaveTextContent('jane@example.com');
    expect(rows[1]).toHaveTextContent('Authenticator app');
    expect(rows[1]).toHaveTextContent('Skyvern');
    expect(rows[1]).toHaveTextContent('cred_100000000000000001');
    expect(rows[2]).toHaveTextContent('Visa •••• 4242');
    expect(rows[2]).toHaveTextContent('Custom Credential Service');
    expect(rows[3]).toHaveTextContent('Billing API key');
    expect(screen.getByRole('link', { name: 'Open Acme portal' })).toHaveAttribute(
      'href',
      '/credentials/cred_100000000000000001',
    );
    expect(screen.getByRole('button', { name: 'Edit Acme portal' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Actions for Acme portal' })).toHaveAttribute(
      'aria-haspopup',
      'menu',
    );
    expect(screen.getByRole('button', { name: 'Copy ID of Acme portal' })).toBeInTheDocument();
  });

  it('reads search, type, page and page size from the URL', async () => {
    const requests = serveList([]);
    renderList('/credentials?search=acme&type=secret&page=3&page_size=10');
    await screen.findByText('Page 3 is empty');
    const params = requests.at(-1);
    expect(params?.get('search')).toBe('acme');
    expect(params?.get('credential_type')).toBe('secret');
    expect(params?.get('page')).toBe('3');
    expect(params?.get('page_size')).toBe('10');
    expect(screen.getByLabelText('Search')).toHaveValue('acme');
    expect(screen.getByLabelText('Type')).toHaveValue('secret');
  });

  it('falls back to defaults for values in the URL that do not validate', async () => {
    const requests = serveList([passwordCredential()]);
    renderList(`/credentials?page=-2&page_size=7&type=PASSWORD&search=${'x'.repeat(250)}`);
    await screen.findByRole('table');
    const params = requests.at(-1);
    expect(params?.get('page')).toBe('1');
    expect(params?.get('page_size')).toBe('25');
    expect(params?.get('credential_type')).toBeNull();
    expect(params?.get('search')).toHaveLength(200);
  });

  it('searches on the server once typing pauses, and resets to page 1', async () => {
    const requests = serveList([passwordCredential()]);
    const { user } = renderList('/credentials?page=2');
    await screen.findByText('Page 2 is empty');
    await user.type(screen.getByLabelText('Search'), 'acme');
    await waitFor(() => expect(currentLocation()).toBe('/credentials?search=acme'));
    // One request for the finished word, not one per keystroke.
    const searches = requests.map((params) => params.get('search')).filter(Boolean);
    expect(searches).toEqual(['acme']);
    await screen.findByRole('table');
  });

  it('filters by type through the URL', async () => {
    const requests = serveList([secretCredential()]);
    const { user } = renderList();
    await screen.findByRole('table');
    await user.selectOptions(screen.getByLabelText('Type'), 'secret');
    await waitFor(() => expect(currentLocation()).toBe('/credentials?type=secret'));
    await waitFor(() => expect(requests.at(-1)?.get('credential_type')).toBe('secret'));
  });

  it('offers Next while pages come back full, and pages through them', async () => {
    const requests = serveList(many(30));
    const { user } = renderList('/credentials?page_size=25');
    // The first rows render in a background (deferred) pass: give a busy machine time.
    await screen.findByText('Login 1', undefined, { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Login 26');
    expect(currentLocation()).toBe('/credentials?page=2');
    expect(requests.at(-1)?.get('page')).toBe('2');
    expect(screen.getByText(/showing 26–30/)).toBeInTheDocument();
    // A short page is the last one: Skyvern sends no total.
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('Per page'), '50');
    await waitFor(() => expect(currentLocation()).toBe('/credentials?page_size=50'));
  });

  it('shows an empty state that leads to creating the first credential', async () => {
    serveList([]);
    noCustomService();
    const { user } = renderList();
    expect(await screen.findByText('No credentials yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add the first credential' }));
    expect(
      await screen.findByRole('dialog', { name: 'New credential' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('says when a search matches nothing and clears it', async () => {
    serveList([]);
    const { user } = renderList('/credentials?search=zzz');
    expect(await screen.findByText('No credentials match')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filter' }));
    await waitFor(() => expect(currentLocation()).toBe('/credentials'));
  });

  it('shows a loading skeleton, then an error that can be retried', async () => {
    let fail = true;
    server.use(
      http.get(apiUrl('/v1/credentials'), () =>
        fail
          ? HttpResponse.json({ detail: 'Database is down' }, { status: 503 })
          : HttpResponse.json([passwordCredential()]),
      ),
    );
    const { user } = renderList();
    expect(screen.getByRole('status')).toHaveTextContent('Loading credentials');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The credentials could not be loaded');
    expect(alert).toHaveTextContent('Database is down');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Acme portal')).toBeInTheDocument();
  });

  it('focuses search on "/" and opens New credential on "n", but not while typing', async () => {
    serveList([passwordCredential()]);
    noCustomService();
    const { user } = renderList();
    await screen.findByRole('table');
    await user.keyboard('/');
    expect(screen.getByLabelText('Search')).toHaveFocus();
    await user.keyboard('n');
    expect(screen.getByLabelText('Search')).toHaveValue('n');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText('Search'));
    act(() => screen.getByLabelText('Search').blur());
    await user.keyboard('n');
    expect(await screen.findByRole('dialog', { name: 'New credential' })).toBeInTheDocument();
  });

  it('renames with a PATCH of the name only', async () => {
    serveList([passwordCredential()]);
    let body: unknown = null;
    server.use(
      http.patch(apiUrl('/v1/credentials/cred_100000000000000001'), async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(passwordCredential({ name: 'Acme (prod)' }));
      }),
    );
    const { user } = renderList();
    await chooseAction(user, 'Acme portal', 'Rename');
    const dialog = await screen.findByRole('dialog', { name: 'Rename Acme portal' });
    const name = within(dialog).getByLabelText(/^Name/);
    expect(name).toHaveValue('Acme portal');
    await user.clear(name);
    await user.type(name, 'Acme (prod)');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(body).toEqual({ name: 'Acme (prod)' });
    // Focus goes back to the menu button that the dialog was opened from.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Actions for Acme portal' })).toHaveFocus(),
    );
  });

  it('refuses an empty name without asking Skyvern', async () => {
    serveList([passwordCredential()]);
    const { user } = renderList();
    await chooseAction(user, 'Acme portal', 'Rename');
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByLabelText(/^Name/));
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(within(dialog).getByText('Enter a name.')).toBeInTheDocument();
  });

  it('deletes through POST …/delete after a confirmation that names the credential', async () => {
    let rows = [passwordCredential(), secretCredential()];
    let deleted = '';
    server.use(
      http.get(apiUrl('/v1/credentials'), () => HttpResponse.json(rows)),
      http.post(apiUrl('/v1/credentials/:id/delete'), ({ params }) => {
        deleted = String(params.id);
        rows = rows.filter((row) => row.credential_id !== deleted);
        return new HttpResponse(null, { status: 204 });
      }),
      http.delete(apiUrl('/v1/credentials/:id'), () =>
        HttpResponse.json(
          { detail: 'Unsupported organization auth credential provider' },
          { status: 404 },
        ),
      ),
    );
    const { user } = renderList();
    await chooseAction(user, 'Acme portal', 'Delete');
    const dialog = await screen.findByRole('dialog', { name: 'Delete Acme portal?' });
    expect(dialog).toHaveTextContent('permanently');
    expect(dialog).toHaveTextContent('cannot be undone');
    expect(dialog).toHaveTextContent('Any workflow that references this credential will fail');
    // The safe choice has focus.
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus(),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(deleted).toBe('cred_100000000000000001');
    await waitFor(() => expect(screen.queryByText('Acme portal')).not.toBeInTheDocument());
    // The row is gone, so focus lands on the page heading rather than nowhere.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Credentials' })).toHaveFocus(),
    );
  });

  it('says a credential is already gone when deleting it answers 404, and refreshes the list', async () => {
    let listCalls = 0;
    server.use(
      http.get(apiUrl('/v1/credentials'), () => {
        listCalls += 1;
        return HttpResponse.json(listCalls === 1 ? [passwordCredential()] : []);
      }),
      http.post(apiUrl('/v1/credentials/:id/delete'), () =>
        HttpResponse.json(
          { detail: 'Credential not found, credential_id=cred_100000000000000001' },
          { status: 404 },
        ),
      ),
    );
    const { user } = renderList();
    await chooseAction(user, 'Acme portal', 'Delete');
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This credential no longer exists',
    );
    await waitFor(() => expect(listCalls).toBe(2));
    expect(within(dialog).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });
});

describe('CredentialsPage: the row menu', () => {
  it('is a menu that works from the keyboard: arrows, Home/End, Escape and focus return', async () => {
    serveList([passwordCredential()]);
    const { user } = renderList();
    const trigger = await screen.findByRole('button', { name: 'Actions for Acme portal' });
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    act(() => trigger.focus());
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', { name: 'Actions for Acme portal' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Edit',
      'Change password',
      'Test login',
      'Rename',
      'Move to folder',
      'Delete',
    ]);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(items[5]).toHaveFocus(); // wraps round
    await user.keyboard('{Home}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{End}');
    expect(items[5]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();

    // ArrowUp opens on the last item; Enter chooses it.
    await user.keyboard('{ArrowUp}');
    expect(
      within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Delete' }),
    ).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Delete Acme portal?' })).toBeInTheDocument();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('offers Change password for passwords only, and opens the edit form from it', async () => {
    serveList([passwordCredential(), secretCredential()]);
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: 'Actions for Billing API' }));
    expect(await screen.findByRole('menuitem', { name: 'Rename' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Change password' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await chooseAction(user, 'Acme portal', 'Change password');
    expect(await screen.findByRole('dialog', { name: 'Edit Acme portal' })).toBeInTheDocument();
  });

  it('closes when clicking elsewhere', async () => {
    serveList([passwordCredential()]);
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: 'Actions for Acme portal' }));
    expect(await screen.findByRole('menu')).toBeInTheDocument();
    await user.click(screen.getByRole('heading', { level: 1 }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('keeps a visible Edit button beside the menu', async () => {
    serveList([passwordCredential()]);
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: 'Edit Acme portal' }));
    expect(await screen.findByRole('dialog', { name: 'Edit Acme portal' })).toBeInTheDocument();
  });
});

describe('CredentialsPage: trust details', () => {
  it('shows the N shortcut on New credential', async () => {
    serveList([]);
    renderList();
    const button = screen.getByRole('button', { name: 'New credential' });
    expect(button).toHaveAttribute('aria-keyshortcuts', 'n');
    expect(button.querySelector('kbd')).toHaveTextContent('N');
  });

  it('isolates names and usernames and flags bidi controls in them', async () => {
    serveList([
      passwordCredential({
        name: 'invoice-\u202Egnp.exe',
        credential: {
          username: 'jane\u2067@example.com',
          totp_type: 'none',
          totp_identifier: null,
        },
      } as Partial<Credential>),
    ]);
    renderList();
    const table = await screen.findByRole('table', { name: 'Credentials' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('invoice-[U+202E RLO]gnp.exe');
    expect(row).toHaveTextContent('jane[U+2067 RLI]@example.com');
    expect(within(row as HTMLElement).getAllByText(/contains direction controls/)).toHaveLength(2);
    expect(row?.querySelectorAll('bdi.isolate-text').length).toBeGreaterThanOrEqual(2);
  });

  it('gives long names and identifiers a tooltip with the whole text', async () => {
    const longName = `Production ${'very '.repeat(20)}long name`;
    const longUser = `${'someone.with.a.long.address.'.repeat(4)}@example.com`;
    serveList([
      passwordCredential({
        name: longName,
        credential: { username: longUser, totp_type: 'none', totp_identifier: null },
      } as Partial<Credential>),
    ]);
    renderList();
    expect(await screen.findByTitle(longName)).toHaveClass('truncate');
    expect(screen.getByTitle(longUser)).toHaveClass('truncate');
  });
});

describe('CredentialsPage: custom vault without a service', () => {
  it('flags custom-vault credentials when no service is configured, with a link to settings', async () => {
    serveList([passwordCredential(), cardCredential()]);
    noCustomService();
    renderList();
    const link = await screen.findByRole('link', { name: /No service configured/ });
    expect(link).toHaveAttribute('href', '/settings/custom-credential-service');
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[2]).toContainElement(link);
    expect(within(rows[1] as HTMLElement).queryByText(/No service configured/)).toBeNull();
  });

  it('does not flag them when a service is configured', async () => {
    serveList([cardCredential()]);
    let asked = 0;
    server.use(
      http.get(apiUrl('/v1/credentials/custom_credential/get'), () => {
        asked += 1;
        return HttpResponse.json({
          token: {
            id: 'oat_1',
            organization_id: 'o_1',
            token_type: 'custom_credential_service',
            valid: true,
            created_at: '2026-01-01T00:00:00.000000',
            modified_at: '2026-01-01T00:00:00.000000',
            token: JSON.stringify({
              api_base_url: 'https://vault.example',
              api_token: 'x'.repeat(20),
            }),
          },
        });
      }),
    );
    renderList();
    await screen.findByText('Company Visa');
    await waitFor(() => expect(asked).toBe(1));
    expect(screen.queryByText(/No service configured/)).not.toBeInTheDocument();
  });

  it('asks nothing about the service when no custom credential is listed', async () => {
    serveList([passwordCredential(), secretCredential()]);
    let asked = 0;
    server.use(
      http.get(apiUrl('/v1/credentials/custom_credential/get'), () => {
        asked += 1;
        return HttpResponse.json({}, { status: 404 });
      }),
    );
    renderList();
    await screen.findByText('Billing API');
    // The secondary panels load after the rows: let them settle inside act.
    await act(() => new Promise((done) => setTimeout(done, 50)));
    expect(asked).toBe(0);
  });
});
