import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { getConnection } from '../../api/connection';
import { apiUrl, server, TEST_API_BASE, TEST_API_KEY } from '../../test/msw';
import { currentLocation, renderWithProviders } from '../../test/render';
import { ConnectionPage } from './ConnectionPage';

function renderPage(route = '/settings/connection') {
  return renderWithProviders(<ConnectionPage />, { route, path: '/settings/connection' });
}

describe('ConnectionPage', () => {
  it('prefills the URL and key of this tab, the key hidden', () => {
    renderPage();
    expect(screen.getByLabelText(/Skyvern API URL/)).toHaveValue(TEST_API_BASE);
    const key = screen.getByLabelText(/^API key/);
    expect(key).toHaveValue(TEST_API_KEY);
    expect(key).toHaveAttribute('type', 'password');
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
    await user.clear(screen.getByLabelText(/^API key/));
    await user.type(screen.getByLabelText(/^API key/), 'typed-key');
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
    await user.clear(screen.getByLabelText(/^API key/));
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
    await user.clear(screen.getByLabelText(/^API key/));
    await user.type(screen.getByLabelText(/^API key/), 'fresh-key');
    await user.click(screen.getByRole('button', { name: 'Save and go back' }));
    await waitFor(() => expect(sessionStorage.getItem('skyvern-console.apiKey')).toBe('fresh-key'));
    await waitFor(() => expect(currentLocation()).toBe('/credentials?page=2'));
    expect(JSON.stringify(localStorage)).not.toContain('fresh-key');
  });

  it('never returns to another site', async () => {
    const { user } = renderPage('/settings/connection?returnTo=%2F%2Fevil.example');
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^API key/));
    await user.type(screen.getByLabelText(/^API key/), 'another-key');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(sessionStorage.getItem('skyvern-console.apiKey')).toBe('another-key'),
    );
    expect(currentLocation()).toBe('/settings/connection?returnTo=%2F%2Fevil.example');
  });
});
