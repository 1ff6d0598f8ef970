import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { queryKeys } from '../../api/query-keys';
import { apiUrl, server } from '../../test/msw';
import { currentLocation, renderWithProviders } from '../../test/render';
import { CredentialDetailPage } from './CredentialDetailPage';
import type { Credential } from '../../api/schemas';
import {
  cardCredential,
  noCustomService,
  passwordCredential,
  secretCredential,
} from './test/fixtures';

function renderDetail(id = 'cred_100000000000000001') {
  return renderWithProviders(<CredentialDetailPage />, {
    route: `/credentials/${id}`,
    path: '/credentials/:credentialId',
  });
}

describe('CredentialDetailPage', () => {
  it('shows the non-secret details and the vault', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/cred_100000000000000003'), () =>
        HttpResponse.json(secretCredential({ tested_url: 'https://billing.example.com/login' })),
      ),
    );
    renderDetail('cred_100000000000000003');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Billing API' }),
    ).toBeInTheDocument();
    const details = screen.getByRole('region', { name: 'Details' });
    expect(details).toHaveTextContent('cred_100000000000000003');
    expect(details).toHaveTextContent('Billing API key');
    expect(details).toHaveTextContent('VaultSkyvern');
    // Not a setting a secret can use, but stored: shown with the run settings, not hidden.
    expect(screen.getByRole('region', { name: 'Run settings' })).toHaveTextContent(
      'https://billing.example.com/login',
    );
    expect(screen.queryByText('Current authenticator code')).not.toBeInTheDocument();
  });

  it('keeps the authenticator code hidden until revealed, then shows it with its countdown', async () => {
    let calls = 0;
    server.use(
      http.get(apiUrl('/v1/credentials/cred_100000000000000001'), () =>
        HttpResponse.json(passwordCredential()),
      ),
      http.get(apiUrl('/v1/credentials/cred_100000000000000001/totp-code'), () => {
        calls += 1;
        return HttpResponse.json({ code: '492039', seconds_remaining: 17 });
      }),
    );
    const { user, queryClient } = renderDetail();
    const panel = (await screen.findByText('Current authenticator code')).closest('section');
    if (!panel) throw new Error('no panel');
    expect(panel).not.toHaveTextContent('492');
    expect(calls).toBe(0);
    await user.click(within(panel).getByRole('button', { name: 'Reveal code' }));
    expect(await within(panel).findByText('492 039')).toBeInTheDocument();
    expect(within(panel).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '17');
    expect(
      within(panel).getByRole('button', { name: 'Copy code for Acme portal' }),
    ).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Hide code' }));
    expect(panel).not.toHaveTextContent('492');
    // The code is not kept once hidden.
    await waitFor(() =>
      expect(
        queryClient.getQueryData(queryKeys.credentials.totpCode('cred_100000000000000001')),
      ).toBeUndefined(),
    );
  });

  it('links email and text-message 2FA to the codes pushed for its address', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/cred_100000000000000001'), () =>
        HttpResponse.json(
          passwordCredential({
            credential: {
              username: 'jane',
              totp_type: 'email',
              totp_identifier: 'codes@example.com',
            },
          } as never),
        ),
      ),
    );
    renderDetail();
    const link = await screen.findByRole('link', { name: 'See codes for codes@example.com' });
    expect(link).toHaveAttribute('href', '/two-factor?identifier=codes%40example.com');
  });

  it('says a deleted credential no longer exists and links back', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/cred_gone'), () =>
        HttpResponse.json({ detail: 'Credential not found' }, { status: 404 }),
      ),
    );
    const { user } = renderDetail('cred_gone');
    expect(await screen.findByText('This credential no longer exists')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Back to credentials' }));
    expect(currentLocation()).toBe('/credentials');
  });

  it('shows other failures with a retry', async () => {
    let fail = true;
    server.use(
      http.get(apiUrl('/v1/credentials/cred_100000000000000001'), () =>
        fail
          ? HttpResponse.json({ detail: 'Upstream timeout' }, { status: 504 })
          : HttpResponse.json(passwordCredential()),
      ),
    );
    const { user } = renderDetail();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Upstream timeout');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Acme portal' }),
    ).toBeInTheDocument();
  });

  it('draws Delete in red, not in the secondary slate', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/cred_100000000000000001'), () =>
        HttpResponse.json(passwordCredential()),
      ),
    );
    renderDetail();
    const remove = await screen.findByRole('button', { name: 'Delete Acme portal' });
    expect(remove).toHaveClass('text-red-700', 'border-red-300');
    expect(remove).not.toHaveClass('text-slate-800');
    expect(remove).not.toHaveClass('border-slate-300');
  });

  it('deletes from the detail page and goes back to the list', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/cred_100000000000000001'), () =>
        HttpResponse.json(passwordCredential()),
      ),
      http.post(
        apiUrl('/v1/credentials/cred_100000000000000001/delete'),
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    const { user } = renderDetail();
    await user.click(await screen.findByRole('button', { name: 'Delete Acme portal' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Delete Acme portal?' },
      { timeout: 5000 }, // a lazy chunk, slow to transform on a busy machine
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(currentLocation()).toBe('/credentials'));
  });
});

describe('CredentialDetailPage: trust details', () => {
  function serve(credential: Credential) {
    server.use(
      http.get(apiUrl(`/v1/credentials/${credential.credential_id}`), () =>
        HttpResponse.json(credential),
      ),
    );
  }

  it('offers Change password for a password credential, opening the edit form', async () => {
    serve(passwordCredential());
    const { user } = renderDetail();
    await user.click(await screen.findByRole('button', { name: 'Change password of Acme portal' }));
    expect(
      await screen.findByRole('dialog', { name: 'Edit Acme portal' }, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('has no Change password for other types', async () => {
    serve(secretCredential());
    renderDetail('cred_100000000000000003');
    await screen.findByRole('heading', { level: 1, name: 'Billing API' });
    expect(screen.queryByRole('button', { name: /Change password/ })).not.toBeInTheDocument();
  });

  it('explains a custom-vault credential when no service is configured', async () => {
    serve(cardCredential());
    noCustomService();
    renderDetail('cred_100000000000000002');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No custom credential service is configured');
    expect(
      within(alert).getByRole('link', { name: /Settings → Custom Credential Service/ }),
    ).toHaveAttribute('href', '/settings/custom-credential-service');
  });

  it('truncates a long identifier with a tooltip, and the See codes link too', async () => {
    const long = `${'a-very-long-mailbox-name.'.repeat(5)}@codes.example.com`;
    serve(
      passwordCredential({
        credential: { username: long, totp_type: 'email', totp_identifier: long },
      } as Partial<Credential>),
    );
    renderDetail();
    await screen.findByRole('heading', { level: 1, name: 'Acme portal' });
    const identifierLine = screen.getAllByTitle(long)[0];
    expect(identifierLine).toHaveClass('truncate');
    const link = screen.getByRole('link', { name: `See codes for ${long}` });
    expect(link).toHaveAttribute('title', `See codes for ${long}`);
    expect(link.querySelector('bdi')).toHaveClass('truncate');
  });

  it('flags bidi controls in the name, including the heading', async () => {
    serve(passwordCredential({ name: 'invoice-\u202Egnp.exe' }));
    renderDetail();
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('invoice-[U+202E RLO]gnp.exe');
    expect(heading).toHaveTextContent('contains direction controls');
  });

  it('draws the hidden-code dots in a colour with at least 4.5:1 contrast on white', async () => {
    serve(passwordCredential());
    renderDetail();
    const dots = await screen.findByText('••• •••');
    // slate-400 (2.6:1) and slate-300 are too faint; slate-500 is the lightest that passes.
    expect(dots.className).not.toMatch(/text-slate-(300|400)\b/);
    expect(dots.className).toMatch(/text-slate-(500|600|700|800|900)\b/);
  });
});

describe('CredentialDetailPage: the folder', () => {
  it('shows the folder by its title, moves the credential out of it, and shows the change', async () => {
    let folderId: string | null = 'cfld_7';
    const bodies: unknown[] = [];
    const folder = {
      folder_id: 'cfld_7',
      title: 'Finance',
      description: null,
      credential_count: 1,
      created_at: '2026-01-01T00:00:00',
      modified_at: '2026-01-01T00:00:00',
    };
    server.use(
      http.get(apiUrl('/v1/credentials/cred_100000000000000002'), () =>
        HttpResponse.json(cardCredential({ folder_id: folderId })),
      ),
      http.get(apiUrl('/v1/credential_folders/cfld_7'), () => HttpResponse.json(folder)),
      http.get(apiUrl('/v1/credential_folders'), () => HttpResponse.json([folder])),
      http.put(apiUrl('/v1/credentials/cred_100000000000000002/folder'), async ({ request }) => {
        const body = (await request.json()) as { folder_id: string | null };
        bodies.push(body);
        folderId = body.folder_id;
        return HttpResponse.json(cardCredential({ folder_id: folderId }));
      }),
      http.get(apiUrl('/v1/credentials'), () => HttpResponse.json([])),
    );
    noCustomService();
    const { user } = renderDetail('cred_100000000000000002');
    const details = await screen.findByRole('region', { name: 'Details' });
    const link = await within(details).findByRole('link', { name: 'Finance' });
    expect(link).toHaveAttribute('href', '/credentials?folder=cfld_7');

    const move = within(details).getByRole('button', { name: 'Move to folder' });
    await user.click(move);
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Move Company Visa to a folder' },
      { timeout: 5_000 },
    );
    await user.click(await within(dialog).findByRole('radio', { name: /No folder/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bodies).toEqual([{ folder_id: null }]);
    expect(await within(details).findByText('Not in a folder')).toBeInTheDocument();
    await waitFor(() => expect(move).toHaveFocus());
  });
});
