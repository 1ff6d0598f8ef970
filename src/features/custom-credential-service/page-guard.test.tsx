import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { apiUrl, server } from '../../test/msw';
import { renderInLayout } from '../../test/render-in-layout';
import { CustomCredentialServicePage } from './CustomCredentialServicePage';

describe('the custom credential service form', () => {
  it('asks before a layout link or the back button drops a typed token', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/custom_credential/get'), () =>
        HttpResponse.json(
          { detail: 'No custom credential service configuration found' },
          { status: 404 },
        ),
      ),
    );
    const { user } = renderInLayout(<CustomCredentialServicePage />, {
      route: '/settings/custom-credential-service',
    });
    await screen.findByText('Not configured');
    await user.type(screen.getByLabelText(/^API Token/), 'typed-token');

    act(() => window.history.back());
    const prompt = await screen.findByRole('alertdialog', { name: 'Discard changes?' });
    await user.click(within(prompt).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() =>
      expect(window.location.pathname).toBe('/settings/custom-credential-service'),
    );
    expect(screen.getByLabelText(/^API Token/)).toHaveValue('typed-token');

    await user.click(screen.getAllByRole('link', { name: 'Credentials' })[0]!);
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }),
    );
    await waitFor(() => expect(window.location.pathname).toBe('/credentials'));
  }, 30_000);
});
