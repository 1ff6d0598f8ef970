import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createQueryClient } from '../../api/query-client';
import { apiUrl, server } from '../../test/msw';
import { renderWithProviders } from '../../test/render';
import { PushCodeForm } from './PushCodeForm';

const NEW_KEY = 'fresh-api-key-7c1d';

describe('PushCodeForm: a refused key', () => {
  it('says why inline and, after a new key, Retry pushes the same message', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(apiUrl('/v1/credentials/totp'), async ({ request }) => {
        bodies.push(await request.json());
        if (request.headers.get('x-api-key') !== NEW_KEY) {
          return HttpResponse.json({ detail: 'Auth token is expired' }, { status: 403 });
        }
        const now = new Date().toISOString().replace('Z', '');
        return HttpResponse.json({
          totp_identifier: 'jane@example.com',
          task_id: null,
          workflow_id: null,
          workflow_run_id: null,
          source: 'manual_ui',
          content: 'Your code is 482913',
          expired_at: null,
          type: null,
          totp_code_id: 'totp_599718296816844956',
          code: '482913',
          organization_id: 'o_1',
          created_at: now,
          modified_at: now,
          otp_type: 'totp',
        });
      }),
      http.get(apiUrl('/v1/credentials'), () => HttpResponse.json([])),
    );
    const { user } = renderWithProviders(<PushCodeForm defaultIdentifier="jane@example.com" />, {
      queryClient: createQueryClient(),
      route: '/two-factor',
    });
    await user.type(screen.getByLabelText(/^Message or code/), 'Your code is 482913');
    await user.click(screen.getByRole('button', { name: 'Push code' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Skyvern refused the API key');
    expect(alert).toHaveTextContent('Auth token is expired');

    await user.click(within(alert).getByRole('button', { name: 'Re-enter API key' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Re-enter API key' },
      { timeout: 10_000 },
    );
    await user.type(within(dialog).getByLabelText(/^API key\*?$/), NEW_KEY);
    await user.click(within(dialog).getByRole('button', { name: 'Use this key' }));
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    await screen.findByText(/482913/, { selector: ':not(textarea)' });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual(bodies[0]);
  }, 60_000);
});
