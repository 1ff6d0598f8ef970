import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { apiUrl, server } from '../../test/msw';
import { renderInLayout } from '../../test/render-in-layout';
import { PushCodeForm } from './PushCodeForm';

describe('the push-code form (a page form)', () => {
  it('asks before a layout link or the back button leaves a typed message', async () => {
    const { user } = renderInLayout(<PushCodeForm />, { route: '/two-factor' });
    await user.type(screen.getByLabelText(/^Message or code/), 'Your code is 123456');

    await user.click(screen.getAllByRole('link', { name: 'Credentials' })[0]!);
    const prompt = await screen.findByRole('alertdialog', { name: 'Discard changes?' });
    await waitFor(() =>
      expect(within(prompt).getByRole('button', { name: 'Keep editing' })).toHaveFocus(),
    );
    await user.click(within(prompt).getByRole('button', { name: 'Keep editing' }));
    expect(window.location.pathname).toBe('/two-factor');
    expect(screen.getByLabelText(/^Message or code/)).toHaveValue('Your code is 123456');

    act(() => window.history.back());
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Keep editing' }),
    );
    await waitFor(() => expect(window.location.pathname).toBe('/two-factor'));
    expect(screen.getByLabelText(/^Message or code/)).toHaveValue('Your code is 123456');

    await user.click(screen.getAllByRole('link', { name: 'Credentials' })[0]!);
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }),
    );
    await waitFor(() => expect(window.location.pathname).toBe('/credentials'));
  }, 30_000);

  it('lets a pristine form go at once, and focuses the first invalid field on a failed push', async () => {
    server.use(http.post(apiUrl('/v1/totp'), () => HttpResponse.json({})));
    const { user } = renderInLayout(<PushCodeForm />, { route: '/two-factor' });
    await user.click(screen.getByRole('button', { name: 'Push code' }));
    await waitFor(() => expect(screen.getByLabelText(/^Identifier/)).toHaveFocus());
    await user.click(screen.getAllByRole('link', { name: 'Credentials' })[0]!);
    await waitFor(() => expect(window.location.pathname).toBe('/credentials'));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  }, 30_000);
});
