import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { getAuthFailure } from '../../../api/auth-state';
import { getConnection, setConnection } from '../../../api/connection';
import { createQueryClient } from '../../../api/query-client';
import { apiUrl, server, TEST_API_KEY } from '../../../test/msw';
import { currentLocation, renderWithProviders } from '../../../test/render';
import { noCustomService, passwordCredential } from '../test/fixtures';
import { CredentialFormDialog } from './CredentialFormDialog';
import { DeleteCredentialDialog } from './DeleteCredentialDialog';
import { RenameCredentialDialog } from './RenameCredentialDialog';

const EXPIRED =
  'Your API key has expired. Please retrieve the latest one from https://app.skyvern.com/settings';
const PASSWORD = '  correct horse battery staple ';
const TOTP_KEY = 'JBSW Y3DP EHPK 3PXP';
const NEW_KEY = 'fresh-api-key-7c1d';

/** Skyvern accepts only NEW_KEY; the key dialog checks a key with one list call. */
function acceptOnlyNewKey() {
  server.use(
    http.get(apiUrl('/v1/credentials'), ({ request }) =>
      request.headers.get('x-api-key') === NEW_KEY
        ? HttpResponse.json([])
        : HttpResponse.json({ detail: EXPIRED }, { status: 403 }),
    ),
  );
}

describe('a refused key while a form is open', () => {
  it('shows Skyvern’s reason, takes a new key over the form, and Retry sends the same body', async () => {
    noCustomService();
    acceptOnlyNewKey();
    const seen: Array<{ key: string | null; body: unknown }> = [];
    server.use(
      http.post(apiUrl('/v1/credentials'), async ({ request }) => {
        const key = request.headers.get('x-api-key');
        seen.push({ key, body: await request.json() });
        return key === NEW_KEY
          ? HttpResponse.json(passwordCredential(), { status: 201 })
          : HttpResponse.json({ detail: EXPIRED }, { status: 403 });
      }),
    );
    const queryClient = createQueryClient();
    const { user } = renderWithProviders(
      <CredentialFormDialog mode="create" onClose={vi.fn()} onCloseAutoFocus={() => {}} />,
      { route: '/credentials?search=acme', queryClient },
    );

    await user.type(screen.getByLabelText(/^Name\*?$/), 'Acme portal');
    await user.type(screen.getByLabelText(/^Username\*?$/), 'jane@example.com');
    await user.type(screen.getByLabelText(/^Password\*?$/), PASSWORD);
    await user.click(screen.getByRole('radio', { name: 'Authenticator app' }));
    await user.type(screen.getByLabelText(/^Authenticator key\*?$/), TOTP_KEY);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Skyvern refused the API key');
    expect(alert).toHaveTextContent(EXPIRED);
    // Nothing navigated away and nothing was cleared.
    expect(currentLocation()).toBe('/credentials?search=acme');
    expect(screen.getByRole('dialog', { name: 'New credential' })).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Re-enter API key' }));
    const keyDialog = await screen.findByRole(
      'dialog',
      { name: 'Re-enter API key' },
      { timeout: 10_000 },
    );
    const keyInput = within(keyDialog).getByLabelText(/^API key\*?$/);
    expect(keyInput).toHaveAttribute('type', 'password');
    expect(keyInput).toHaveValue('');

    // A key Skyvern refuses too is not adopted.
    await user.type(keyInput, 'still-wrong');
    await user.click(within(keyDialog).getByRole('button', { name: 'Use this key' }));
    expect(await within(keyDialog).findByText(/Skyvern refused this key too/)).toBeInTheDocument();
    await user.clear(keyInput);
    await user.type(keyInput, NEW_KEY);
    await user.click(within(keyDialog).getByRole('button', { name: 'Use this key' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Re-enter API key' })).not.toBeInTheDocument(),
    );
    // Saving the key did not submit the credential form underneath.
    expect(seen).toHaveLength(1);
    expect(sessionStorage.getItem('skyvern-console.apiKey')).toBe(NEW_KEY);
    expect(getAuthFailure()).toBeNull();

    const retry = screen.getByRole('button', { name: 'Retry' });
    await waitFor(() => expect(retry).toHaveFocus());
    expect(screen.getByLabelText(/^Password\*?$/)).toHaveValue(PASSWORD);
    await user.click(retry);

    expect(await screen.findByText('cred_100000000000000001')).toBeInTheDocument();
    expect(seen.map(({ key }) => key)).toEqual([TEST_API_KEY, NEW_KEY]);
    expect(seen[1]?.body).toEqual(seen[0]?.body);
    expect(seen[0]?.body).toMatchObject({
      name: 'Acme portal',
      credential: { username: 'jane@example.com', password: PASSWORD },
    });
    // The form was re-submitted: nothing kept the secrets aside for the retry.
    const cached = JSON.stringify(
      queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => mutation.state),
    );
    expect(cached).not.toContain(PASSWORD.trim());
  }, 60_000);

  it('works the same for rename and delete', async () => {
    acceptOnlyNewKey();
    const credential = passwordCredential();
    const renames: Array<string | null> = [];
    const deletes: Array<string | null> = [];
    server.use(
      http.patch(apiUrl(`/v1/credentials/${credential.credential_id}`), ({ request }) => {
        const key = request.headers.get('x-api-key');
        renames.push(key);
        return key === NEW_KEY
          ? HttpResponse.json({ ...credential, name: 'Acme renamed' })
          : HttpResponse.json({ detail: 'Organization not found' }, { status: 404 });
      }),
      http.post(apiUrl(`/v1/credentials/${credential.credential_id}/delete`), ({ request }) => {
        const key = request.headers.get('x-api-key');
        deletes.push(key);
        return key === NEW_KEY
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json({ detail: 'Auth token is expired' }, { status: 403 });
      }),
    );
    const onClose = vi.fn();
    const { user, unmount } = renderWithProviders(
      <RenameCredentialDialog
        credential={credential}
        onClose={onClose}
        onCloseAutoFocus={() => {}}
      />,
      { queryClient: createQueryClient() },
    );
    const name = screen.getByLabelText(/^Name\*?$/);
    await user.clear(name);
    await user.type(name, 'Acme renamed');
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    // 404 Organization not found is a refused key, not a vanished credential (contract 1.3).
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Skyvern refused the API key');
    expect(alert).toHaveTextContent('Organization not found');
    expect(screen.queryByText('This credential no longer exists')).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Re-enter API key' }));
    const keyDialog = await screen.findByRole(
      'dialog',
      { name: 'Re-enter API key' },
      { timeout: 10_000 },
    );
    await user.type(within(keyDialog).getByLabelText(/^API key\*?$/), NEW_KEY);
    await user.click(within(keyDialog).getByRole('button', { name: 'Use this key' }));
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(renames).toEqual([TEST_API_KEY, NEW_KEY]);
    unmount();

    // Back to the refused key for the delete.
    setConnection({ ...getConnection(), apiKey: TEST_API_KEY });
    const onDeleted = vi.fn();
    const second = renderWithProviders(
      <DeleteCredentialDialog
        credential={credential}
        onClose={() => {}}
        onDeleted={onDeleted}
        onCloseAutoFocus={() => {}}
      />,
      { queryClient: createQueryClient() },
    );
    await second.user.click(screen.getByRole('button', { name: 'Delete' }));
    const deleteAlert = await screen.findByRole('alert');
    expect(deleteAlert).toHaveTextContent('Auth token is expired');
    await second.user.click(within(deleteAlert).getByRole('button', { name: 'Re-enter API key' }));
    const keyDialog2 = await screen.findByRole(
      'dialog',
      { name: 'Re-enter API key' },
      { timeout: 10_000 },
    );
    await second.user.type(within(keyDialog2).getByLabelText(/^API key\*?$/), NEW_KEY);
    await second.user.click(within(keyDialog2).getByRole('button', { name: 'Use this key' }));
    await second.user.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(deletes).toEqual([TEST_API_KEY, NEW_KEY]);
  }, 60_000);
});
