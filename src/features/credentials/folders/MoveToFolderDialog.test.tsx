import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Credential } from '../../../api/schemas';
import { apiUrl, server } from '../../../test/msw';
import { renderWithProviders } from '../../../test/render';
import type { Folder } from '../api/folders';
import { passwordCredential, secretCredential } from '../test/fixtures';
import { MoveToFolderDialog } from './MoveToFolderDialog';

function folder(overrides: Partial<Folder> = {}): Folder {
  return {
    folder_id: 'cfld_1',
    title: 'Finance',
    description: 'Cards and banks',
    credential_count: 2,
    created_at: '2026-01-01T00:00:00',
    modified_at: '2026-01-01T00:00:00',
    ...overrides,
  };
}

/** F2, F1 and F6 against an in-memory list; records F6 bodies by credential and F1 bodies. */
function serveFolders(initial: Folder[]) {
  const folders = [...initial];
  const moves: Array<{ id: string; body: unknown }> = [];
  const created: unknown[] = [];
  server.use(
    http.get(apiUrl('/v1/credential_folders'), () => HttpResponse.json(folders)),
    http.post(apiUrl('/v1/credential_folders'), async ({ request }) => {
      const body = (await request.json()) as { title: string };
      created.push(body);
      const made = folder({
        folder_id: 'cfld_new',
        title: body.title,
        description: null,
        credential_count: 0,
      });
      folders.push(made);
      return HttpResponse.json(made);
    }),
    http.put(apiUrl('/v1/credentials/:id/folder'), async ({ request, params }) => {
      const body = (await request.json()) as { folder_id: string | null };
      moves.push({ id: String(params['id']), body });
      return HttpResponse.json(
        passwordCredential({ credential_id: String(params['id']), folder_id: body.folder_id }),
      );
    }),
  );
  return { moves, created };
}

function renderDialog(credentials: Credential[]) {
  const onClose = vi.fn();
  const result = renderWithProviders(
    <MoveToFolderDialog credentials={credentials} onClose={onClose} onCloseAutoFocus={() => {}} />,
  );
  return { ...result, onClose };
}

describe('MoveToFolderDialog', () => {
  it('filters folders as you type and moves one credential with F6', async () => {
    const { moves } = serveFolders([
      folder(),
      folder({ folder_id: 'cfld_2', title: 'Staging', description: null, credential_count: 1 }),
    ]);
    const { user, onClose } = renderDialog([passwordCredential()]);
    const dialog = screen.getByRole('dialog', { name: 'Move Acme portal to a folder' });
    const search = within(dialog).getByRole('searchbox', { name: 'Find or name a folder' });
    expect(search).toHaveFocus();
    await within(dialog).findByRole('radio', { name: /Staging/ });
    // "No folder" is offered and is where this credential is now.
    expect(within(dialog).getByRole('radio', { name: /No folder/ })).toHaveAccessibleName(
      /Current/,
    );

    await user.type(search, 'bank'); // matches Finance's description
    expect(within(dialog).queryByRole('radio', { name: /Staging/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /Finance/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));

    await waitFor(() => expect(onClose).toHaveBeenCalledWith(['cred_100000000000000001']));
    expect(moves).toEqual([{ id: 'cred_100000000000000001', body: { folder_id: 'cfld_1' } }]);
  });

  it('takes a credential out of its folder with folder_id null', async () => {
    const { moves } = serveFolders([folder()]);
    const { user, onClose } = renderDialog([passwordCredential({ folder_id: 'cfld_1' })]);
    await screen.findByRole('radio', { name: /Finance/ });
    expect(screen.getByRole('radio', { name: /Finance/ })).toHaveAccessibleName(/current/);
    await user.click(screen.getByRole('radio', { name: /No folder/ }));
    await user.click(screen.getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(moves).toEqual([{ id: 'cred_100000000000000001', body: { folder_id: null } }]);
  });

  it('asks for a choice before moving anything', async () => {
    const { moves } = serveFolders([folder()]);
    const { user } = renderDialog([passwordCredential()]);
    await screen.findByRole('radio', { name: /Finance/ });
    await user.click(screen.getByRole('button', { name: 'Move' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a folder, or No folder.');
    expect(moves).toEqual([]);
  });

  it('creates the typed folder on the spot, chooses and focuses it, then moves many through the queue', async () => {
    const { moves, created } = serveFolders([folder()]);
    const items = [passwordCredential(), secretCredential()];
    const { user, onClose } = renderDialog(items);
    expect(
      screen.getByRole('dialog', { name: 'Move 2 credentials to a folder' }),
    ).toBeInTheDocument();
    await screen.findByRole('radio', { name: /Finance/ });
    await user.type(screen.getByRole('searchbox', { name: 'Find or name a folder' }), 'Payroll');
    expect(screen.getByText('No folder matches.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create folder “Payroll”' }));

    const fresh = await screen.findByRole('radio', { name: /Payroll/ });
    await waitFor(() => expect(fresh).toHaveFocus());
    expect(fresh).toBeChecked();
    expect(created).toEqual([{ title: 'Payroll', description: null }]);
    await user.click(screen.getByRole('button', { name: 'Move 2 credentials' }));

    await screen.findByRole('heading', { name: '2 moved to Payroll' }, { timeout: 5_000 });
    expect(moves.map((move) => move.body)).toEqual([
      { folder_id: 'cfld_new' },
      { folder_id: 'cfld_new' },
    ]);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledWith(items.map((item) => item.credential_id));
  });

  it('reports a refused move with Skyvern’s message and retries it', async () => {
    serveFolders([folder()]);
    let refuse = true;
    server.use(
      http.put(apiUrl('/v1/credentials/:id/folder'), () =>
        refuse
          ? HttpResponse.json({ detail: 'Credential folder cfld_1 not found' }, { status: 400 })
          : HttpResponse.json(passwordCredential({ folder_id: 'cfld_1' })),
      ),
    );
    const { user, onClose } = renderDialog([passwordCredential()]);
    await user.click(await screen.findByRole('radio', { name: /Finance/ }));
    await user.click(screen.getByRole('button', { name: 'Move' }));
    await screen.findByRole(
      'heading',
      { name: '0 moved to Finance, 1 failed' },
      { timeout: 5_000 },
    );
    expect(screen.getByText('Failed: Credential folder cfld_1 not found')).toBeInTheDocument();
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(['cred_100000000000000001']));
  });
});
