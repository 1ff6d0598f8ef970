import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { TotpRecord } from '../../api/schemas';
import { apiUrl, server } from '../../test/msw';
import { currentLocation, renderWithProviders } from '../../test/render';
import { TwoFactorPage } from './TwoFactorPage';

function record(overrides: Partial<TotpRecord> = {}): TotpRecord {
  return {
    totp_identifier: 'jane@example.com',
    task_id: null,
    workflow_id: null,
    workflow_run_id: null,
    source: 'email',
    content: 'Your Acme sign-in code is 482913.',
    expired_at: null,
    type: null,
    totp_code_id: 'totp_599718296816844956',
    code: '482913',
    organization_id: 'o_1',
    created_at: new Date().toISOString().replace('Z', ''),
    modified_at: new Date().toISOString().replace('Z', ''),
    otp_type: 'totp',
    ...overrides,
  };
}

function renderPage(route = '/two-factor') {
  return renderWithProviders(<TwoFactorPage />, { route, path: '/two-factor' });
}

describe('TwoFactorPage: recent codes', () => {
  it('lists codes masked until revealed, one at a time', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/totp'), () =>
        HttpResponse.json([
          record(),
          record({ totp_code_id: 'totp_2', code: '111222', content: '111222', source: null }),
        ]),
      ),
    );
    const { user } = renderPage();
    expect(screen.getByRole('heading', { level: 1, name: '2FA codes' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /Recent codes/ });
    expect(table).not.toHaveTextContent('482913');
    expect(table).not.toHaveTextContent('Your Acme sign-in code');
    const showButtons = within(table).getAllByRole('button', { name: /^Show code received/ });
    expect(showButtons).toHaveLength(2);
    await user.click(showButtons[0]!);
    expect(table).toHaveTextContent('482913');
    expect(table).toHaveTextContent('Your Acme sign-in code is 482913.');
    expect(table).not.toHaveTextContent('111222');
    expect(within(table).getAllByRole('button', { name: /^Hide code received/ })).toHaveLength(1);
    expect(within(table).getAllByRole('button', { name: /^Copy code received/ })).toHaveLength(2);
  });

  it('filters by identifier through the URL', async () => {
    const seen: Array<string | null> = [];
    server.use(
      http.get(apiUrl('/v1/credentials/totp'), ({ request }) => {
        const identifier = new URL(request.url).searchParams.get('totp_identifier');
        seen.push(identifier);
        return HttpResponse.json(identifier ? [record({ totp_identifier: identifier })] : []);
      }),
    );
    const { user } = renderPage('/two-factor?identifier=ops%40example.com');
    expect(await screen.findByRole('table')).toHaveTextContent('ops@example.com');
    expect(seen).toContain('ops@example.com');
    expect(screen.getByRole('searchbox', { name: 'Identifier' })).toHaveValue('ops@example.com');
    // The push form starts with the filtered identifier.
    expect(screen.getByRole('textbox', { name: /^Identifier/ })).toHaveValue('ops@example.com');

    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(await screen.findByText('No codes yet')).toBeInTheDocument();
    expect(currentLocation()).toBe('/two-factor');

    await user.type(screen.getByRole('searchbox', { name: 'Identifier' }), '+15550100');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(currentLocation()).toBe('/two-factor?identifier=%2B15550100'));
    expect(await screen.findByRole('table')).toHaveTextContent('+15550100');
    expect(seen.at(-1)).toBe('+15550100');
  });

  it('shows an empty state for a filter with no codes, and an error with retry', async () => {
    let fail = true;
    server.use(
      http.get(apiUrl('/v1/credentials/totp'), () =>
        fail
          ? HttpResponse.json({ detail: 'Database is down' }, { status: 503 })
          : HttpResponse.json([]),
      ),
    );
    const { user } = renderPage('/two-factor?identifier=nobody');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The codes could not be loaded');
    expect(alert).toHaveTextContent('Database is down');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'No codes for nobody' })).toBeInTheDocument();
  });
});

describe('TwoFactorPage: push a code', () => {
  function listHandler() {
    return http.get(apiUrl('/v1/credentials/totp'), () => HttpResponse.json([]));
  }

  it('validates like the contract before sending anything', async () => {
    let posted = 0;
    server.use(
      listHandler(),
      http.post(apiUrl('/v1/credentials/totp'), () => {
        posted += 1;
        return HttpResponse.json(record());
      }),
    );
    const { user } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Push code' }));
    expect(screen.getByRole('textbox', { name: /^Identifier/ })).toHaveAccessibleDescription(
      expect.stringContaining('Enter the email address or phone number'),
    );
    expect(screen.getByRole('textbox', { name: /^Message or code/ })).toHaveAccessibleDescription(
      expect.stringContaining('Paste the code, or the whole message.'),
    );
    await user.type(screen.getByRole('textbox', { name: 'Workflow id' }), 'wpid_123');
    await user.type(screen.getByRole('textbox', { name: 'Workflow run id' }), '123');
    await user.click(screen.getByRole('button', { name: 'Push code' }));
    expect(screen.getByRole('textbox', { name: 'Workflow id' })).toHaveAccessibleDescription(
      expect.stringContaining('not the permanent id (wpid_…)'),
    );
    expect(screen.getByRole('textbox', { name: 'Workflow run id' })).toHaveAccessibleDescription(
      expect.stringContaining('wr_123'),
    );
    expect(posted).toBe(0);
  });

  it('sends the code and says what Skyvern extracted', async () => {
    let body: unknown;
    server.use(
      listHandler(),
      http.post(apiUrl('/v1/credentials/totp'), async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(record());
      }),
    );
    const { user } = renderPage();
    await user.type(screen.getByRole('textbox', { name: /^Identifier/ }), 'Jane@Example.com');
    await user.type(
      screen.getByRole('textbox', { name: /^Message or code/ }),
      'Your Acme sign-in code is 482913.',
    );
    await user.type(screen.getByRole('textbox', { name: 'Workflow run id' }), 'wr_42');
    await user.click(screen.getByRole('button', { name: 'Push code' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Skyvern stored the code 482913 for jane@example.com.');
    expect(body).toEqual({
      totp_identifier: 'Jane@Example.com',
      content: 'Your Acme sign-in code is 482913.',
      source: 'manual_ui',
      workflow_run_id: 'wr_42',
      task_id: null,
      workflow_id: null,
    });
    // The message is cleared for the next one; the identifier stays.
    expect(screen.getByRole('textbox', { name: /^Message or code/ })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: /^Identifier/ })).toHaveValue('Jane@Example.com');
  });

  it('explains a raw pending result', async () => {
    server.use(
      listHandler(),
      http.post(apiUrl('/v1/credentials/totp'), () =>
        HttpResponse.json({ ...record({ code: '', otp_type: null }), status: 'raw_pending' }),
      ),
    );
    const { user } = renderPage();
    await user.type(screen.getByRole('textbox', { name: /^Identifier/ }), 'jane@example.com');
    await user.type(
      screen.getByRole('textbox', { name: /^Message or code/ }),
      'Hello, nothing to see here at all.',
    );
    await user.click(screen.getByRole('button', { name: 'Push code' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Skyvern found no code in this message yet',
    );
  });

  it('puts an unknown run id error on its field and keeps what was typed', async () => {
    server.use(
      listHandler(),
      http.post(apiUrl('/v1/credentials/totp'), () =>
        HttpResponse.json({ detail: 'Invalid workflow run id: wr_404' }, { status: 400 }),
      ),
    );
    const { user } = renderPage();
    await user.type(screen.getByRole('textbox', { name: /^Identifier/ }), 'jane@example.com');
    await user.type(screen.getByRole('textbox', { name: /^Message or code/ }), '123456');
    await user.type(screen.getByRole('textbox', { name: 'Workflow run id' }), 'wr_404');
    await user.click(screen.getByRole('button', { name: 'Push code' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Workflow run id' })).toHaveAccessibleDescription(
        'Invalid workflow run id: wr_404',
      ),
    );
    expect(screen.getByRole('textbox', { name: /^Message or code/ })).toHaveValue('123456');
  });

  it('shows a server failure in words', async () => {
    server.use(
      listHandler(),
      http.post(apiUrl('/v1/credentials/totp'), () =>
        HttpResponse.json(
          { detail: 'OTP extraction is temporarily unavailable. Please retry in a few minutes.' },
          { status: 502 },
        ),
      ),
    );
    const { user } = renderPage();
    await user.type(screen.getByRole('textbox', { name: /^Identifier/ }), 'jane@example.com');
    await user.type(
      screen.getByRole('textbox', { name: /^Message or code/ }),
      'a long message body',
    );
    await user.click(screen.getByRole('button', { name: 'Push code' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The code was not pushed');
    expect(alert).toHaveTextContent('OTP extraction is temporarily unavailable');
  });
});
