import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { apiUrl, server } from '../../../test/msw';
import { renderWithProviders } from '../../../test/render';
import { renderInLayout } from '../../../test/render-in-layout';
import { noCustomService, passwordCredential } from '../test/fixtures';
import { CredentialFormDialog } from './CredentialFormDialog';
import { RenameCredentialDialog } from './RenameCredentialDialog';

type Variant = 'create' | 'edit' | 'rename';

function dialogFor(variant: Variant, onClose: () => void) {
  const common = { onClose, onCloseAutoFocus: () => {} };
  if (variant === 'create') return <CredentialFormDialog mode="create" {...common} />;
  if (variant === 'edit')
    return <CredentialFormDialog mode="edit" credential={passwordCredential()} {...common} />;
  return <RenameCredentialDialog credential={passwordCredential()} {...common} />;
}

async function makeDirty(user: UserEvent) {
  const name = screen.getByLabelText(/^Name\*?$/);
  await user.clear(name);
  await user.type(name, 'Typed but not saved');
}

const overlay = () => document.querySelector<HTMLElement>('[data-dialog-overlay]');

const closeWays: Record<string, (user: UserEvent) => Promise<void>> = {
  Escape: (user) => user.keyboard('{Escape}'),
  'a click on the backdrop': async () => {
    const backdrop = overlay();
    if (!backdrop) throw new Error('no backdrop');
    fireEvent.pointerDown(backdrop);
    fireEvent.pointerUp(backdrop);
    fireEvent.click(backdrop);
  },
  Cancel: (user) => user.click(screen.getByRole('button', { name: 'Cancel' })),
  '×': (user) => user.click(screen.getByRole('button', { name: 'Close' })),
};

describe.each<Variant>(['create', 'edit', 'rename'])('the %s dialog', (variant) => {
  it.each(Object.keys(closeWays))(
    'asks "Discard changes?" on %s when something was typed',
    async (way) => {
      noCustomService();
      const onClose = vi.fn();
      const { user } = renderWithProviders(dialogFor(variant, onClose));
      await makeDirty(user);
      const close = closeWays[way];
      if (!close) throw new Error(way);

      await close(user);
      const prompt = await screen.findByRole('alertdialog', { name: 'Discard changes?' });
      const keep = within(prompt).getByRole('button', { name: 'Keep editing' });
      await waitFor(() => expect(keep).toHaveFocus());
      await user.click(keep);
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(onClose).not.toHaveBeenCalled();
      expect(screen.getByLabelText(/^Name\*?$/)).toHaveValue('Typed but not saved');

      await close(user);
      const again = await screen.findByRole('alertdialog', { name: 'Discard changes?' });
      await user.click(within(again).getByRole('button', { name: 'Discard' }));
      expect(onClose).toHaveBeenCalledTimes(1);
    },
    30_000,
  );

  it('closes a pristine form at once', async () => {
    noCustomService();
    const onClose = vi.fn();
    const { user } = renderWithProviders(dialogFor(variant, onClose));
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  }, 30_000);

  it('holds the browser’s back button while dirty, and goes back on Discard', async () => {
    noCustomService();
    const onClose = vi.fn();
    const { user } = renderInLayout(dialogFor(variant, onClose), { route: '/credentials' });
    await makeDirty(user);

    act(() => window.history.back());
    const prompt = await screen.findByRole('alertdialog', { name: 'Discard changes?' });
    await user.click(within(prompt).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(window.location.pathname).toBe('/credentials'));
    expect(screen.getByLabelText(/^Name\*?$/)).toHaveValue('Typed but not saved');
    expect(onClose).not.toHaveBeenCalled();

    act(() => window.history.back());
    const again = await screen.findByRole('alertdialog', { name: 'Discard changes?' });
    await user.click(within(again).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(window.location.pathname).toBe('/elsewhere'));
    expect(await screen.findByText('Somewhere else')).toBeInTheDocument();
    expect(onClose).toHaveBeenCalled();
  }, 30_000);

  it('asks before an in-app link leaves the dirty form', async () => {
    noCustomService();
    const onClose = vi.fn();
    const { user } = renderInLayout(dialogFor(variant, onClose), { route: '/credentials' });
    await makeDirty(user);
    // The modal dialog makes the page inert to the pointer; a link activation is still a click.
    fireEvent.click(screen.getAllByRole('link', { name: '2FA codes', hidden: true })[0]!);
    const prompt = await screen.findByRole('alertdialog', { name: 'Discard changes?' });
    await user.click(within(prompt).getByRole('button', { name: 'Keep editing' }));
    expect(window.location.pathname).toBe('/credentials');

    fireEvent.click(screen.getAllByRole('link', { name: '2FA codes', hidden: true })[0]!);
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }),
    );
    await waitFor(() => expect(window.location.pathname).toBe('/two-factor'));
  }, 30_000);
});

describe('the rename dialog', () => {
  it('starts with the whole name selected, and Enter saves', async () => {
    let body: unknown = null;
    server.use(
      http.patch(apiUrl('/v1/credentials/cred_100000000000000001'), async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(passwordCredential({ name: 'Acme SSO' }));
      }),
    );
    const onClose = vi.fn();
    const { user } = renderWithProviders(dialogFor('rename', onClose));
    const input = await screen.findByLabelText(/^Name\*?$/);
    await waitFor(() => expect(input).toHaveFocus());
    expect((input as HTMLInputElement).selectionStart).toBe(0);
    expect((input as HTMLInputElement).selectionEnd).toBe('Acme portal'.length);
    // Typing replaces the selection.
    await user.keyboard('Acme SSO{Enter}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(body).toEqual({ name: 'Acme SSO' });
  }, 30_000);

  it('puts a refused name back in focus with the reason at the field', async () => {
    server.use(
      http.patch(apiUrl('/v1/credentials/cred_100000000000000001'), () =>
        HttpResponse.json(
          { detail: [{ loc: ['body', 'name'], msg: 'Name is too long', type: 'value_error' }] },
          { status: 422 },
        ),
      ),
    );
    const { user } = renderWithProviders(dialogFor('rename', vi.fn()));
    const input = await screen.findByLabelText(/^Name\*?$/);
    await user.type(input, ' extra');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Keep editing' }),
    );
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    expect(await screen.findByText('Name is too long')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(input).toHaveFocus());
  }, 30_000);
});
