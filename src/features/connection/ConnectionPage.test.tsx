import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import {
  applyRuntimeDefaults,
  forgetApiKey,
  getConnection,
  setConnection,
} from '../../api/connection';
import { apiUrl, server, TEST_API_BASE, TEST_API_KEY } from '../../test/msw';
import { currentLocation, renderWithProviders } from '../../test/render';
import { ConnectionPage } from './ConnectionPage';

/** The saved key is never in an input: replacing it starts from an empty one. */
async function replaceKey(user: UserEvent, key: string) {
  await user.click(screen.getByRole('button', { name: 'Replace key' }));
  const input = screen.getByLabelText(/^New API key/);
  expect(input).toHaveFocus();
  expect(input).toHaveValue('');
  await user.type(input, key);
}

function renderPage(route = '/settings/connection') {
  return renderWithProviders(<ConnectionPage />, { route, path: '/settings/connection' });
}

describe('ConnectionPage', () => {
  it('prefills the URL but never puts the saved key back into an input', () => {
    const { container } = renderPage();
    expect(screen.getByLabelText(/Skyvern API URL/)).toHaveValue(TEST_API_BASE);
    expect(screen.getByText(`Key set (ends …${TEST_API_KEY.slice(-4)})`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace key' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Forget key' })).toBeInTheDocument();
    const values = Array.from(container.querySelectorAll('input')).map((input) => input.value);
    expect(values).not.toContain(TEST_API_KEY);
    expect(container.innerHTML).not.toContain(TEST_API_KEY);
  });

  it('keeps the key forgotten across a reload: the sandbox key is not adopted again', async () => {
    const { user, unmount } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Forget key' }));
    expect(getConnection().apiKey).toBe('');
    await waitFor(() => expect(screen.getByLabelText(/^API key/)).toHaveFocus());
    unmount();
    // Only a flag is remembered, never the key.
    expect(JSON.stringify(sessionStorage)).not.toContain(TEST_API_KEY);
    // What a reload does: the runtime config offers the sandbox key again (a loopback sandbox,
    // the only place a sandbox key is ever adopted).
    const sandbox = 'http://127.0.0.1:8717';
    applyRuntimeDefaults({ apiBaseUrl: sandbox, sandboxApiKey: 'sandbox-dev-key' });
    expect(getConnection().apiKey).toBe('');
    // Entering a key by hand lifts the flag.
    setConnection({ baseUrl: sandbox, apiKey: 'typed-by-hand' });
    forgetApiKey();
    setConnection({ baseUrl: sandbox, apiKey: 'typed-again' });
    sessionStorage.removeItem('skyvern-console.apiKey');
    applyRuntimeDefaults({ apiBaseUrl: sandbox, sandboxApiKey: 'sandbox-dev-key' });
    expect(getConnection().apiKey).toBe('sandbox-dev-key');
  });

  it('tests the typed values, not the saved ones, and reports success', async () => {
    let seenKey: string | null = null;
    server.use(
      http.get('http://other.test/v1/credentials', ({ request }) => {
        seenKey = request.headers.get('x-api-key');
        return HttpResponse.json([]);
      }),
    );
    const { user } = renderPage();
    await user.clear(screen.getByLabelText(/Skyvern API URL/));
    await user.type(screen.getByLabelText(/Skyvern API URL/), 'http://other.test/');
    await replaceKey(user, 'typed-key');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected. Skyvern accepted the key.')).toBeInTheDocument();
    expect(seenKey).toBe('typed-key');
    expect(getConnection().baseUrl).toBe(TEST_API_BASE);
  });

  it('says when the key is wrong', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials'), () =>
        HttpResponse.json({ detail: 'Could not validate credentials' }, { status: 403 }),
      ),
    );
    const { user } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Wrong API key');
    expect(alert).toHaveTextContent('Could not validate credentials');
  });

  it('says when the server is not Skyvern', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials'), () =>
        HttpResponse.json({ detail: 'Not Found' }, { status: 404 }),
      ),
    );
    const { user } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This does not look like Skyvern');
  });

  it('validates the URL and the key before anything is sent', async () => {
    const { user } = renderPage();
    await user.clear(screen.getByLabelText(/Skyvern API URL/));
    await user.type(screen.getByLabelText(/Skyvern API URL/), 'localhost:8000');
    await user.click(screen.getByRole('button', { name: 'Forget key' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Enter an absolute http/)).toBeInTheDocument();
    expect(screen.getByText(/Enter the API key/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Skyvern API URL/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('saves the key to sessionStorage only and returns to where the user was', async () => {
    const { user } = renderPage(
      '/settings/connection?reason=auth&returnTo=%2Fcredentials%3Fpage%3D2',
    );
    expect(screen.getByText(/Skyvern refused the API key/)).toBeInTheDocument();
    await replaceKey(user, 'fresh-key');
    await user.click(screen.getByRole('button', { name: 'Save and go back' }));
    await waitFor(() => expect(sessionStorage.getItem('skyvern-console.apiKey')).toBe('fresh-key'));
    await waitFor(() => expect(currentLocation()).toBe('/credentials?page=2'));
    expect(JSON.stringify(localStorage)).not.toContain('fresh-key');
  });

  it('never returns to another site', async () => {
    const { user } = renderPage('/settings/connection?returnTo=%2F%2Fevil.example');
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
    await replaceKey(user, 'another-key');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(sessionStorage.getItem('skyvern-console.apiKey')).toBe('another-key'),
    );
    expect(currentLocation()).toBe('/settings/connection?returnTo=%2F%2Fevil.example');
  });
});
