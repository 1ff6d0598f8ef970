import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { apiUrl, server } from '../../../test/msw';
import { currentLocation, renderWithProviders } from '../../../test/render';
import { CredentialsPage } from '../CredentialsPage';
import { noCustomService, passwordCredential } from '../test/fixtures';
import type { Folder } from '../api/folders';

/** Lazy chunks load slowly on a busy machine. */
const SLOW = { timeout: 5_000 };

function folder(overrides: Partial<Folder> = {}): Folder {
  return {
    folder_id: 'cfld_1',
    title: 'Finance',
    description: null,
    credential_count: 2,
    created_at: '2026-01-01T00:00:00',
    modified_at: '2026-01-01T00:00:00',
    ...overrides,
  };
}

/** Folders served from a mutable array, with F1, F4 and F5 applied to it. */
function serveFolders(initial: Folder[]) {
  const folders = [...initial];
  const bodies: unknown[] = [];
  server.use(
    http.get(apiUrl('/v1/credential_folders'), () => HttpResponse.json(folders)),
    http.post(apiUrl('/v1/credential_folders'), async ({ request }) => {
      const body = (await request.json()) as { title: string; description: string | null };
      bodies.push(body);
      const created = folder({ folder_id: 'cfld_new', ...body, credential_count: 0 });
      folders.push(created);
      return HttpResponse.json(created);
    }),
    http.put(apiUrl('/v1/credential_folders/:id'), async ({ request, params }) => {
      const body = (await request.json()) as Partial<Folder>;
      bodies.push(body);
      const index = folders.findIndex((item) => item.folder_id === params['id']);
      const existing = folders[index];
      if (!existing) return HttpResponse.json({ detail: 'not found' }, { status: 404 });
      folders[index] = { ...existing, ...body };
      return HttpResponse.json(folders[index]);
    }),
    http.delete(apiUrl('/v1/credential_folders/:id'), ({ params }) => {
      const index = folders.findIndex((item) => item.folder_id === params['id']);
      folders.splice(index, 1);
      return HttpResponse.json({ status: 'deleted', folder_id: params['id'] });
    }),
  );
  return bodies;
}

function serveList() {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get(apiUrl('/v1/credentials'), ({ request }) => {
      requests.push(new URL(request.url).searchParams);
      return HttpResponse.json([passwordCredential()]);
    }),
  );
  return requests;
}

function renderPage(route = '/credentials') {
  noCustomService();
  return renderWithProviders(<CredentialsPage />, { route, path: '/credentials' });
}

describe('Folders on the Credentials page', () => {
  it('lists folders with counts and filters the list by the chosen folder, keeping search', async () => {
    serveFolders([
      folder(),
      folder({ folder_id: 'cfld_2', title: 'Staging', credential_count: 1 }),
    ]);
    const requests = serveList();
    const { user } = renderPage('/credentials?search=work&page=2');
    const nav = await screen.findByRole('navigation', { name: 'Folders' }, SLOW);
    const finance = await within(nav).findByRole('button', { name: 'Finance, 2 credentials' });
    expect(within(nav).getByRole('button', { name: 'All credentials' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(screen.getAllByText(/cannot list unfiled credentials/).length).toBeGreaterThan(0);

    await user.click(finance);
    expect(currentLocation()).toBe('/credentials?search=work&folder=cfld_1');
    await waitFor(() => expect(requests.at(-1)?.get('folder_id')).toBe('cfld_1'));
    expect(requests.at(-1)?.get('search')).toBe('work');
    expect(finance).toHaveAttribute('aria-current', 'true');

    // The narrow-screen select says the same.
    const select = screen.getByRole('combobox', { name: 'Folder' });
    expect(select).toHaveValue('cfld_1');
    await user.selectOptions(select, '');
    expect(currentLocation()).toBe('/credentials?search=work');
  });

  it('shows the list even when the folders never answer', async () => {
    server.use(http.get(apiUrl('/v1/credential_folders'), () => new Promise<Response>(() => {})));
    serveList();
    renderPage();
    expect(await screen.findByRole('table', { name: 'Credentials' })).toBeInTheDocument();
  });

  it('creates a folder with a title and description, then shows it', async () => {
    const bodies = serveFolders([]);
    serveList();
    const { user } = renderPage();
    const nav = await screen.findByRole('navigation', { name: 'Folders' }, SLOW);
    await user.click(within(nav).getByRole('button', { name: 'New folder' }));
    const dialog = await screen.findByRole('dialog', { name: 'New folder' }, SLOW);
    await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(
      'Enter a title.',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveFocus();
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Payroll');
    await user.type(within(dialog).getByRole('textbox', { name: /Description/ }), 'Cards');
    await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bodies).toEqual([{ title: 'Payroll', description: 'Cards' }]);
    expect(
      await within(nav).findByRole('button', { name: 'Payroll, 0 credentials' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(currentLocation()).toBe('/credentials?folder=cfld_new'));
  });

  it('asks before discarding a typed title', async () => {
    serveFolders([]);
    serveList();
    const { user } = renderPage();
    const nav = await screen.findByRole('navigation', { name: 'Folders' }, SLOW);
    await user.click(within(nav).getByRole('button', { name: 'New folder' }));
    const dialog = await screen.findByRole('dialog', { name: 'New folder' }, SLOW);
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Pay');
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('alertdialog', { name: /Discard/ }, SLOW)).toBeInTheDocument();
  });

  it('renames a folder, sending only what changed', async () => {
    const bodies = serveFolders([folder({ description: 'Bank cards' })]);
    serveList();
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Actions for folder Finance' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Rename or describe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit folder Finance' }, SLOW);
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Money');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bodies).toEqual([{ title: 'Money' }]);
    expect(await screen.findByRole('button', { name: 'Money, 2 credentials' })).toBeInTheDocument();
  });

  it('deletes a folder after saying its credentials are kept, and shows all credentials', async () => {
    serveFolders([folder()]);
    serveList();
    const { user } = renderPage('/credentials?folder=cfld_1');
    const nav = await screen.findByRole('navigation', { name: 'Folders' }, SLOW);
    await user.click(
      await within(nav).findByRole('button', { name: 'Actions for folder Finance' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Delete folder' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete folder Finance?' }, SLOW);
    expect(dialog).toHaveAccessibleDescription(
      /The 2 credentials in it are kept and become unfiled\. No credential is deleted/,
    );
    expect(within(dialog).getByRole('button', { name: 'Keep folder' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Delete folder' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await waitFor(() => expect(currentLocation()).toBe('/credentials'));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /^Finance/ })).not.toBeInTheDocument(),
    );
  });
});
