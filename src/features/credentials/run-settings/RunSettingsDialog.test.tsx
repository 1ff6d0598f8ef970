import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Credential } from '../../../api/schemas';
import { apiUrl, server } from '../../../test/msw';
import { renderWithProviders } from '../../../test/render';
import { CredentialDetailPage } from '../CredentialDetailPage';
import { cardCredential, passwordCredential } from '../test/fixtures';
import type { BrowserProfile } from './model';

const ID = 'cred_100000000000000001';

function profile(overrides: Partial<BrowserProfile> = {}): BrowserProfile {
  return {
    browser_profile_id: 'bp_1',
    name: 'Support desk browser',
    description: null,
    is_managed: false,
    deleted_at: null,
    last_verified_login_at: null,
    linked_credential_name: null,
    ...overrides,
  };
}

const PROFILES = [
  profile(),
  profile({
    browser_profile_id: 'bp_2',
    name: 'Profile - GitHub bot',
    linked_credential_name: 'GitHub bot',
    last_verified_login_at: '2026-08-20T09:14:03.512000',
  }),
];

/** A credential served from memory, with PATCH applied to it as Skyvern would (3.4). */
function serve(initial: Credential, profiles: BrowserProfile[] = PROFILES) {
  let credential = initial;
  const patches: Array<Record<string, unknown>> = [];
  const listQueries: URLSearchParams[] = [];
  server.use(
    http.get(apiUrl(`/v1/credentials/${initial.credential_id}`), () =>
      HttpResponse.json(credential),
    ),
    http.patch(apiUrl(`/v1/credentials/${initial.credential_id}`), async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      patches.push(body);
      if (body['run_sequentially'] === true) {
        return HttpResponse.json(
          { detail: 'Sequential credential execution is not supported by this deployment' },
          { status: 400 },
        );
      }
      const next = { ...credential } as Record<string, unknown>;
      for (const [key, value] of Object.entries(body)) {
        if (key === 'browser_profile_id' || value !== null) next[key] = value;
      }
      credential = next as Credential;
      return HttpResponse.json(credential);
    }),
    http.get(apiUrl('/v1/browser_profiles'), ({ request }) => {
      listQueries.push(new URL(request.url).searchParams);
      return HttpResponse.json(profiles);
    }),
    http.get(apiUrl('/v1/browser_profiles/:id/usage'), ({ params }) =>
      HttpResponse.json({
        workflows:
          params['id'] === 'bp_1'
            ? [
                {
                  workflow_permanent_id: 'wpid_1',
                  title: 'Ticket triage',
                  via: 'browser_profile_id',
                },
              ]
            : [],
        credentials: [],
        recent_seeded_run_count: 0,
      }),
    ),
    http.get(apiUrl('/v1/browser_profiles/:id'), ({ params }) => {
      const found = profiles.find((item) => item.browser_profile_id === params['id']);
      return found
        ? HttpResponse.json({ ...found, linked_credential_name: null })
        : HttpResponse.json({ detail: 'Browser profile not found' }, { status: 404 });
    }),
  );
  return { patches, listQueries };
}

async function openDialog(credential: Credential) {
  const rendered = renderWithProviders(<CredentialDetailPage />, {
    route: `/credentials/${credential.credential_id}`,
    path: '/credentials/:credentialId',
  });
  await rendered.user.click(await screen.findByRole('button', { name: 'Edit run settings' }));
  const dialog = await screen.findByRole('dialog', { name: /Run settings for/ });
  return { ...rendered, dialog };
}

describe('Run settings', () => {
  it('shows the settings in positive words on the detail page', async () => {
    serve(passwordCredential({ auto_profile_disabled: true, run_sequentially: false }));
    renderWithProviders(<CredentialDetailPage />, {
      route: `/credentials/${ID}`,
      path: '/credentials/:credentialId',
    });
    const region = await screen.findByRole('region', { name: 'Run settings' });
    expect(region).toHaveTextContent(
      'Create a browser profile automaticallyNo: only linked by hand or by login tests',
    );
    expect(region).toHaveTextContent('Run one at a timeNo: runs may use it at the same time');
    expect(region).not.toHaveTextContent(/disabled/i);
  });

  it('sends only what changed, by PATCH, and links a profile picked from B1', async () => {
    const { patches, listQueries } = serve(passwordCredential());
    const { user, dialog } = await openDialog(passwordCredential());

    // No secret is ever asked for.
    expect(dialog.querySelector('input[type="password"]')).toBeNull();
    expect(within(dialog).getByRole('textbox', { name: 'Login URL used for tests' })).toHaveFocus();

    await user.type(
      within(dialog).getByRole('textbox', { name: 'Login URL used for tests' }),
      'https://acme.example/login',
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Login hints for the agent' }),
      'Use the email form, not SSO',
    );
    const group = await within(dialog).findByRole('group', { name: 'Browser profile' });
    // A profile another credential uses cannot be linked; it says whose it is and when it last
    // signed in.
    const taken = within(group).getByRole('radio', { name: /Profile - GitHub bot/ });
    expect(taken).toBeDisabled();
    expect(taken.closest('label')).toHaveTextContent('Linked to GitHub bot: unlink it there first');
    expect(taken.closest('label')).toHaveTextContent('Login last verified');
    expect(within(group).getByRole('radio', { name: /None/ })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: /Support desk browser/ }));
    // Workflows that also use the profile are named before it is linked (B3).
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'A workflow also runs with this profile: Ticket triage. Login tests of this credential save into it',
    );
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Create a browser profile automatically' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save run settings' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(patches).toEqual([
      {
        tested_url: 'https://acme.example/login',
        user_context: 'Use the email form, not SSO',
        browser_profile_id: 'bp_1',
        auto_profile_disabled: true,
      },
    ]);
    expect(listQueries[0]?.get('managed')).toBe('false');
    const region = screen.getByRole('region', { name: 'Run settings' });
    await waitFor(() => expect(region).toHaveTextContent('Support desk browser'));
    expect(region).toHaveTextContent('Login never verified');
    expect(region).toHaveTextContent('https://acme.example/login');
    // Focus goes back to the button that opened the dialog.
    expect(screen.getByRole('button', { name: 'Edit run settings' })).toHaveFocus();
  });

  it('unlinks a profile with browser_profile_id: null', async () => {
    const { patches } = serve(passwordCredential({ browser_profile_id: 'bp_1' }), [
      profile({ linked_credential_name: 'Acme portal' }),
    ]);
    const { user, dialog } = await openDialog(passwordCredential({ browser_profile_id: 'bp_1' }));
    const group = await within(dialog).findByRole('group', { name: 'Browser profile' });
    const mine = within(group).getByRole('radio', { name: /Support desk browser/ });
    expect(mine).toBeChecked();
    expect(mine).toBeEnabled();
    expect(mine.closest('label')).toHaveTextContent('Linked to this credential');
    await user.click(within(group).getByRole('radio', { name: /None/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save run settings' }));
    await waitFor(() => expect(patches).toEqual([{ browser_profile_id: null }]));
  });

  it('shows self-hosted Skyvern’s refusal of "Run one at a time" on that field', async () => {
    const { patches } = serve(passwordCredential());
    const { user, dialog } = await openDialog(passwordCredential());
    const box = within(dialog).getByRole('checkbox', { name: 'Run one at a time' });
    await user.click(box);
    await user.click(within(dialog).getByRole('button', { name: 'Save run settings' }));
    expect(
      await within(dialog).findByText(/does not run a credential’s workflows one at a time/),
    ).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(box).toHaveFocus());
    expect(patches).toEqual([{ run_sequentially: true }]);
    expect(screen.getByRole('dialog', { name: /Run settings for/ })).toBeInTheDocument();
  });

  it('does not send an emptied login URL, which Skyvern cannot clear', async () => {
    const { patches } = serve(passwordCredential({ tested_url: 'https://acme.example/login' }));
    const { user, dialog } = await openDialog(
      passwordCredential({ tested_url: 'https://acme.example/login' }),
    );
    const url = within(dialog).getByRole('textbox', { name: 'Login URL used for tests' });
    await user.clear(url);
    await user.click(within(dialog).getByRole('button', { name: 'Save run settings' }));
    expect(await within(dialog).findByText(/Skyvern cannot clear this/)).toBeInTheDocument();
    expect(url).toHaveFocus();
    expect(patches).toEqual([]);
  });

  it('hides the sign-in settings on a credit card and sends the proxy it can use', async () => {
    const card = cardCredential({ vault_type: 'skyvern' });
    const { patches, listQueries } = serve(card);
    const { user, dialog } = await openDialog(card);
    expect(within(dialog).queryByRole('textbox', { name: 'Login URL used for tests' })).toBeNull();
    expect(within(dialog).queryByRole('group', { name: 'Browser profile' })).toBeNull();
    expect(within(dialog).queryByRole('checkbox', { name: /Keep the saved session/ })).toBeNull();
    expect(within(dialog).getByText(/only apply to password credentials/)).toBeInTheDocument();
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Proxy location' }),
      'Residential: Germany',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save run settings' }));
    await waitFor(() => expect(patches).toEqual([{ proxy_location: 'RESIDENTIAL_DE' }]));
    // No profile list is loaded for a type that cannot use one.
    expect(listQueries).toEqual([]);
  });

  it('sends a country, region and city as the geo form of the proxy location', async () => {
    const { patches } = serve(passwordCredential());
    const { user, dialog } = await openDialog(passwordCredential());
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Proxy location' }),
      'A country, region or city…',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Country code' }), 'us');
    await user.type(within(dialog).getByRole('textbox', { name: 'Region' }), 'CA');
    await user.click(within(dialog).getByRole('button', { name: 'Save run settings' }));
    await waitFor(() =>
      expect(patches).toEqual([
        { proxy_location: { country: 'US', subdivision: 'CA', city: null } },
      ]),
    );
  });

  it('keeps the form open with Re-enter API key when Skyvern refuses the key', async () => {
    serve(passwordCredential());
    server.use(
      http.patch(apiUrl(`/v1/credentials/${ID}`), () =>
        HttpResponse.json({ detail: 'Your API key has expired' }, { status: 403 }),
      ),
    );
    const { user, dialog } = await openDialog(passwordCredential());
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Login hints for the agent' }),
      'Hint',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save run settings' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Skyvern refused the API key');
    expect(within(alert).getByRole('button', { name: 'Re-enter API key' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Login hints for the agent' })).toHaveValue(
      'Hint',
    );
  });

  it('closes without a request when nothing changed, and asks before dropping changes', async () => {
    const { patches } = serve(passwordCredential());
    const { user, dialog } = await openDialog(passwordCredential());
    await user.click(within(dialog).getByRole('checkbox', { name: 'Run one at a time' }));
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('alertdialog')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Keep editing/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Run one at a time' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save run settings' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(patches).toEqual([]);
  });
});
