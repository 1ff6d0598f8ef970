import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Credential } from '../../../api/schemas';
import { apiUrl, server } from '../../../test/msw';
import { renderWithProviders } from '../../../test/render';
import { passwordCredential } from '../test/fixtures';
import { BulkDeleteDialog } from './BulkDeleteDialog';

function many(count: number): Credential[] {
  return Array.from({ length: count }, (_, index) =>
    passwordCredential({
      credential_id: `cred_30000000000000${String(index).padStart(4, '0')}`,
      name: `Login ${index + 1}`,
    }),
  );
}

const idOf = (url: string) => /credentials\/([^/]+)\/delete/.exec(url)?.[1] ?? '';

/**
 * Serves C6 for the given ids. `answer(id, attempt)` may return an error response; otherwise
 * 200. Records every request and the most requests in flight at once.
 */
function serveDeletes(
  answer: (id: string, attempt: number) => Response | undefined = () => undefined,
) {
  const calls: string[] = [];
  let inFlight = 0;
  const stats = { maxInFlight: 0 };
  server.use(
    http.post(apiUrl('/v1/credentials/:id/delete'), async ({ request }) => {
      const id = idOf(request.url);
      calls.push(id);
      inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
      await delay(20);
      inFlight -= 1;
      return answer(id, calls.filter((call) => call === id).length) ?? HttpResponse.json({});
    }),
  );
  return { calls, stats };
}

function renderDialog(credentials: Credential[], onClose = vi.fn()) {
  const result = renderWithProviders(
    <BulkDeleteDialog credentials={credentials} onClose={onClose} onCloseAutoFocus={() => {}} />,
  );
  const invalidate = vi.spyOn(result.queryClient, 'invalidateQueries');
  return { ...result, onClose, invalidate };
}

function listInvalidations(spy: { mock: { calls: unknown[][] } }): number {
  return spy.mock.calls.filter(([filters]) =>
    JSON.stringify((filters as { queryKey: unknown }).queryKey).endsWith('"credentials","list"]'),
  ).length;
}

describe('BulkDeleteDialog: the question', () => {
  it('lists the first 10 names, then "and N more", warns about workflows, and asks for the count above 10', async () => {
    const { calls } = serveDeletes();
    const { user } = renderDialog(many(12));
    const dialog = screen.getByRole('dialog', { name: 'Delete 12 credentials?' });
    const names = within(within(dialog).getByRole('list', { name: 'Credentials to delete' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(names).toEqual(Array.from({ length: 10 }, (_, index) => `Login ${index + 1}`));
    expect(dialog).toHaveTextContent('and 2 more');
    expect(dialog).toHaveTextContent('Any workflow that uses one of them will fail');
    const count = within(dialog).getByRole('textbox', { name: 'Type 12 to confirm' });
    expect(count).toHaveFocus();

    await user.type(count, '11');
    await user.keyboard('{Enter}');
    expect(count).toHaveAccessibleDescription('Type 12 to confirm.');
    expect(count).toHaveFocus();
    expect(calls).toEqual([]);
  });

  it('asks no count for ten or fewer, and starts on Cancel', () => {
    serveDeletes();
    renderDialog(many(10));
    const dialog = screen.getByRole('dialog', { name: 'Delete 10 credentials?' });
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(dialog).queryByText(/more$/)).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  });
});

describe('BulkDeleteDialog: the run', () => {
  it('deletes each once, about 4 at a time, retries a 409, refreshes the list once, and reports', async () => {
    const items = many(12);
    const conflicted = items[2]?.credential_id ?? '';
    const { calls, stats } = serveDeletes((id, attempt) =>
      id === conflicted && attempt === 1
        ? HttpResponse.json(
            { detail: 'Credential was modified by another request. Please retry.' },
            { status: 409 },
          )
        : undefined,
    );
    const { user, invalidate, onClose } = renderDialog(items);
    await user.type(screen.getByRole('textbox', { name: 'Type 12 to confirm' }), '12');
    await user.click(screen.getByRole('button', { name: 'Delete 12 credentials' }));

    const progress = await screen.findByRole('progressbar', { name: 'Deleting credentials' });
    expect(progress).toHaveAttribute('aria-valuemax', '12');
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveFocus();
    // No refresh while it runs.
    expect(listInvalidations(invalidate)).toBe(0);

    const summary = await screen.findByRole('heading', { name: '12 deleted' }, { timeout: 5_000 });
    expect(summary).toHaveFocus();
    expect(stats.maxInFlight).toBe(4);
    expect(calls).toHaveLength(13);
    expect(calls.filter((id) => id === conflicted)).toHaveLength(2);
    expect(new Set(calls).size).toBe(12);
    const results = within(screen.getByRole('region', { name: 'Results' })).getAllByRole(
      'listitem',
    );
    expect(results).toHaveLength(12);
    for (const result of results) expect(result).toHaveTextContent('Deleted');
    await waitFor(() => expect(listInvalidations(invalidate)).toBe(1));
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledWith(items.map((item) => item.credential_id));
  });

  it("shows a failure with Skyvern's message, counts a 404 as already deleted, and retries only the failed", async () => {
    const items = many(3);
    const [gone, refused, fine] = items.map((item) => item.credential_id);
    let refuse = true;
    const { calls } = serveDeletes((id) => {
      if (id === gone)
        return HttpResponse.json({ detail: 'Credential not found' }, { status: 404 });
      if (id === refused && refuse)
        return HttpResponse.json(
          { detail: 'Credential is locked by a running workflow' },
          { status: 400 },
        );
      return undefined;
    });
    const { user, invalidate, onClose } = renderDialog(items);
    await user.click(screen.getByRole('button', { name: 'Delete 3 credentials' }));

    await screen.findByRole('heading', { name: '2 deleted, 1 failed' }, { timeout: 5_000 });
    const results = within(screen.getByRole('region', { name: 'Results' })).getAllByRole(
      'listitem',
    );
    // Failures first.
    expect(results[0]).toHaveTextContent('Login 2');
    expect(results[0]).toHaveTextContent('Failed: Credential is locked by a running workflow');
    expect(screen.getByText('Already deleted')).toBeInTheDocument();
    expect(calls).toEqual(expect.arrayContaining([gone, refused, fine]));
    expect(calls).toHaveLength(3);

    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    await screen.findByRole('heading', { name: '3 deleted' }, { timeout: 5_000 });
    expect(calls.slice(3)).toEqual([refused]);
    await waitFor(() => expect(listInvalidations(invalidate)).toBe(2));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledWith(items.map((item) => item.credential_id));
  });

  it('Stop lets requests in flight finish, starts nothing new, and reports the rest as not started', async () => {
    const items = many(10);
    const { calls } = serveDeletes();
    server.use(
      http.post(apiUrl('/v1/credentials/:id/delete'), async ({ request }) => {
        calls.push(idOf(request.url));
        await delay(300);
        return HttpResponse.json({});
      }),
    );
    const { user, onClose } = renderDialog(items);
    await user.click(screen.getByRole('button', { name: 'Delete 10 credentials' }));
    // Escape does not close a running bulk action, and there is no close button.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Done' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Stop' }));

    await screen.findByRole('heading', { name: '4 deleted, 6 not started' }, { timeout: 5_000 });
    expect(calls).toHaveLength(4);
    expect(screen.getAllByText('Not started: stopped')).toHaveLength(6);
    expect(screen.getByRole('button', { name: 'Retry failed' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledWith(items.slice(0, 4).map((item) => item.credential_id));
  });
});
