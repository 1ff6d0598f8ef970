import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { recordQueryCache } from '../../test/cache-recorder';
import { apiUrl, server } from '../../test/msw';
import { createTestQueryClient, renderWithProviders } from '../../test/render';
import { VaultProvidersPage } from './VaultProvidersPage';

const OP_TOKEN = 'ops_SECRET-new-service-account-token-4c2d';
const AZ_SECRET = 'SECRET-azure-client-secret-9f1a';

const base = (type: string) => ({
  id: 'oat_1',
  organization_id: 'o_1',
  token_type: type,
  valid: true,
  created_at: '2026-08-22T18:40:02.551204',
  modified_at: '2026-08-22T18:40:02.551204',
});

function notConfiguredEverywhere() {
  server.use(
    http.get(apiUrl('/v1/credentials/onepassword/get'), () =>
      HttpResponse.json(
        { detail: 'No OnePassword service account token found for this organization' },
        { status: 404 },
      ),
    ),
    http.get(apiUrl('/v1/credentials/bitwarden/get'), () =>
      HttpResponse.json(
        { detail: 'No Bitwarden credential found for this organization' },
        { status: 404 },
      ),
    ),
    http.get(apiUrl('/v1/credentials/azure_credential/get'), () =>
      HttpResponse.json(
        { detail: 'No Azure Client Secret Credential found for this organization' },
        { status: 404 },
      ),
    ),
  );
}

function renderPage() {
  const queryClient = createTestQueryClient();
  const recorder = recordQueryCache(queryClient);
  const result = renderWithProviders(<VaultProvidersPage />, {
    route: '/settings/vault-providers',
    path: '/settings/vault-providers',
    queryClient,
  });
  return { ...result, recorder };
}

const panel = (name: string) => screen.getByRole('region', { name });

describe('VaultProvidersPage', () => {
  it('shows "Not configured" for each provider from the contract 404s', async () => {
    notConfiguredEverywhere();
    renderPage();
    for (const name of ['1Password', 'Bitwarden', 'Azure Key Vault']) {
      expect(await within(panel(name)).findByText('Status: Not configured')).toBeInTheDocument();
    }
  });

  it('saves 1Password, clears the field, shows only a mask, checks and explains a 400', async () => {
    notConfiguredEverywhere();
    let sent: unknown = null;
    server.use(
      http.post(apiUrl('/v1/credentials/onepassword/create'), async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({
          token: { ...base('onepassword_service_account'), token: OP_TOKEN },
        });
      }),
      http.get(apiUrl('/v1/credentials/onepassword/items'), () =>
        HttpResponse.json(
          {
            detail:
              'Your 1Password service account token appears to be invalid or expired. Please update it in Settings and try again.',
          },
          { status: 400 },
        ),
      ),
    );
    const { user, recorder, container } = renderPage();
    const op = within(await screen.findByRole('region', { name: '1Password' }));
    const field = await op.findByLabelText(/^Service account token/);
    await user.type(field, OP_TOKEN);
    await user.click(op.getByRole('button', { name: 'Save' }));

    expect(await op.findByText('Status: Configured')).toBeInTheDocument();
    expect(sent).toEqual({ token: OP_TOKEN });
    expect(field).toHaveValue('');
    expect(op.getByText('••••••••4c2d')).toBeInTheDocument();

    await user.click(op.getByRole('button', { name: 'Check connection' }));
    expect(await op.findByRole('alert')).toHaveTextContent(
      /1Password refused the service account token/,
    );
    expect(op.getByText('Check failed')).toBeInTheDocument();

    expect(container.innerHTML).not.toContain('SECRET');
    expect(recorder.text()).not.toContain('SECRET');
  });

  it('checks Bitwarden: "Connected: N items visible", and words a 502', async () => {
    let fail = false;
    notConfiguredEverywhere();
    server.use(
      http.get(apiUrl('/v1/credentials/bitwarden/get'), () =>
        HttpResponse.json({
          token: { ...base('bitwarden_credential'), credential: { email: 'bot@example.com' } },
        }),
      ),
      http.get(apiUrl('/v1/credentials/bitwarden/items'), () =>
        fail
          ? HttpResponse.json({ detail: 'Failed to list Bitwarden items' }, { status: 502 })
          : HttpResponse.json({
              configured: true,
              items: [
                {
                  item_id: 'a',
                  title: 'A',
                  collection_id: 'c',
                  credential_type: 'password',
                  url: null,
                },
                {
                  item_id: 'b',
                  title: 'B',
                  collection_id: 'c',
                  credential_type: 'secret',
                  url: null,
                },
              ],
            }),
      ),
    );
    const { user } = renderPage();
    const bw = within(await screen.findByRole('region', { name: 'Bitwarden' }));
    expect(await bw.findByText('bot@example.com')).toBeInTheDocument();
    await user.click(bw.getByRole('button', { name: 'Check connection' }));
    expect(await bw.findByText('Connected: 2 items visible.')).toBeInTheDocument();
    fail = true;
    await user.click(bw.getByRole('button', { name: 'Check connection' }));
    expect(await bw.findByRole('alert')).toHaveTextContent(/could not sign in to Bitwarden/);
  });

  it('clears Azure behind a confirmation that says what stops working; says there is no check', async () => {
    notConfiguredEverywhere();
    let configured = true;
    let cleared = 0;
    server.use(
      http.get(apiUrl('/v1/credentials/azure_credential/get'), () =>
        configured
          ? HttpResponse.json({
              token: {
                ...base('azure_client_secret_credential'),
                credential: {
                  tenant_id: 'tenant-1',
                  client_id: 'client-1',
                  client_secret: AZ_SECRET,
                },
              },
            })
          : HttpResponse.json(
              { detail: 'No Azure Client Secret Credential found for this organization' },
              { status: 404 },
            ),
      ),
      http.delete(apiUrl('/v1/credentials/azure_credential'), () => {
        cleared += 1;
        configured = false;
        return HttpResponse.json({ success: true });
      }),
    );
    const { user, container, recorder } = renderPage();
    const az = within(await screen.findByRole('region', { name: 'Azure Key Vault' }));
    expect(await az.findByText('tenant-1')).toBeInTheDocument();
    expect(az.getByText(/Skyvern has no check for Azure Key Vault/)).toBeInTheDocument();
    expect(container.innerHTML).not.toContain('SECRET');

    await user.click(az.getByRole('button', { name: 'Clear' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent(/default Azure identity/);
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(cleared).toBe(0);

    await user.click(az.getByRole('button', { name: 'Clear' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Clear' }),
    );
    expect(await az.findByText('Status: Not configured')).toBeInTheDocument();
    expect(cleared).toBe(1);
    expect(recorder.text()).not.toContain('SECRET');
  });

  it("maps Skyvern's 422 onto the Bitwarden fields", async () => {
    notConfiguredEverywhere();
    server.use(
      http.post(apiUrl('/v1/credentials/bitwarden/create'), () =>
        HttpResponse.json(
          {
            detail: [
              {
                loc: ['body', 'credential', 'email'],
                msg: 'value is not a valid email address: The domain name x.invalid does not exist.',
                type: 'value_error',
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const { user } = renderPage();
    const bw = within(await screen.findByRole('region', { name: 'Bitwarden' }));
    await user.type(await bw.findByLabelText(/^Email/), 'bot@x.invalid');
    await user.type(bw.getByLabelText(/^Master password/), 'pw');
    await user.click(bw.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(bw.getByLabelText(/^Email/)).toHaveAccessibleDescription(
        /domain name x.invalid does not exist/,
      ),
    );
  });
});
