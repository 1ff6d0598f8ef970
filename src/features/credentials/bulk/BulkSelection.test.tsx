import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Credential } from '../../../api/schemas';
import { apiUrl, server } from '../../../test/msw';
import { renderWithProviders } from '../../../test/render';
import { CredentialsPage } from '../CredentialsPage';
import { noCustomService, passwordCredential } from '../test/fixtures';

/** Lazy chunks load slowly on a busy machine. */
const SLOW = { timeout: 5_000 };

function many(count: number): Credential[] {
  return Array.from({ length: count }, (_, index) =>
    passwordCredential({
      credential_id: `cred_40000000000000${String(index).padStart(4, '0')}`,
      name: `Login ${index + 1}`,
    }),
  );
}

/** The list with Skyvern's paging from a mutable array; C6 removes from it. */
function serve(rows: Credential[]) {
  const lists: URLSearchParams[] = [];
  server.use(
    http.get(apiUrl('/v1/credentials'), ({ request }) => {
      const params = new URL(request.url).searchParams;
      lists.push(params);
      const page = Number(params.get('page'));
      const size = Number(params.get('page_size'));
      return HttpResponse.json(rows.slice((page - 1) * size, page * size));
    }),
    http.post(apiUrl('/v1/credentials/:id/delete'), ({ params }) => {
      const index = rows.findIndex((row) => row.credential_id === params['id']);
      if (index >= 0) rows.splice(index, 1);
      return HttpResponse.json({});
    }),
  );
  return lists;
}

function renderPage(route = '/credentials') {
  noCustomService();
  return renderWithProviders(<CredentialsPage />, { route, path: '/credentials' });
}

const box = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` });
const bar = () => screen.queryByRole('region', { name: 'Bulk actions' });

describe('Selecting credentials for bulk actions', () => {
  it('labels each checkbox, selects a range with Shift, and the page from the header', async () => {
    serve(many(6));
    const { user } = renderPage();
    await screen.findByRole('checkbox', { name: 'Select Login 1' }, SLOW);
    const all = screen.getByRole('checkbox', { name: 'Select all on this page' });
    expect(bar()).not.toBeInTheDocument();

    await user.click(box('Login 2'));
    expect(await screen.findByRole('region', { name: 'Bulk actions' }, SLOW)).toHaveTextContent(
      '1 credential selected',
    );
    // The box keeps focus: the bar does not steal it.
    expect(box('Login 2')).toHaveFocus();
    expect(all).toHaveProperty('indeterminate', true);

    await user.keyboard('{Shift>}');
    await user.click(box('Login 5'));
    await user.keyboard('{/Shift}');
    for (const n of [2, 3, 4, 5]) expect(box(`Login ${n}`)).toBeChecked();
    for (const n of [1, 6]) expect(box(`Login ${n}`)).not.toBeChecked();
    expect(bar()).toHaveTextContent('4 credentials selected');

    await user.click(all);
    for (let n = 1; n <= 6; n += 1) expect(box(`Login ${n}`)).toBeChecked();
    expect(all).toBeChecked();
    await user.click(all);
    expect(bar()).not.toBeInTheDocument();
  });

  it('Clear selection hides the bar and puts focus on the select-all box', async () => {
    serve(many(3));
    const { user } = renderPage();
    await user.click(await screen.findByRole('checkbox', { name: 'Select Login 1' }, SLOW));
    const region = await screen.findByRole('region', { name: 'Bulk actions' }, SLOW);
    await user.click(within(region).getByRole('button', { name: 'Clear selection' }));
    expect(bar()).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select all on this page' })).toHaveFocus();
    expect(box('Login 1')).not.toBeChecked();
  });

  it('starts with nothing selected on another page', async () => {
    serve(many(12));
    const { user } = renderPage('/credentials?page_size=10');
    await user.click(await screen.findByRole('checkbox', { name: 'Select Login 1' }, SLOW));
    await screen.findByRole('region', { name: 'Bulk actions' }, SLOW);
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await screen.findByRole('checkbox', { name: 'Select Login 11' }, SLOW);
    expect(bar()).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Previous/ }));
    expect(await screen.findByRole('checkbox', { name: 'Select Login 1' }, SLOW)).not.toBeChecked();
  });

  it('deletes the selection by keyboard, refreshes the list once, clears the selection and returns focus to the list', async () => {
    const lists = serve(many(4));
    const { user } = renderPage();
    await screen.findByRole('checkbox', { name: 'Select Login 1' }, SLOW);
    box('Login 1').focus();
    await user.keyboard(' ');
    box('Login 3').focus();
    await user.keyboard(' ');
    const region = await screen.findByRole('region', { name: 'Bulk actions' }, SLOW);
    within(region).getByRole('button', { name: 'Delete selected' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 credentials?' }, SLOW);
    expect(within(dialog).getByRole('list', { name: 'Credentials to delete' })).toHaveTextContent(
      'Login 1Login 3',
    );
    const before = lists.length;
    within(dialog).getByRole('button', { name: 'Delete 2 credentials' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: '2 deleted' }, SLOW);
    await waitFor(() => expect(lists.length).toBe(before + 1));
    // Focus is on the summary; then the scrollable results, then Done.
    await user.tab();
    expect(screen.getByRole('region', { name: 'Results' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bar()).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Select Login 1' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Select all on this page' })).toHaveFocus(),
    );
    expect(lists.length).toBe(before + 1);
  });
});
