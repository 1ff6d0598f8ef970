import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { apiUrl, server } from '../../../test/msw';
import { renderWithProviders } from '../../../test/render';
import { passwordCredential } from '../test/fixtures';
import { DeleteCredentialDialog } from './DeleteCredentialDialog';

afterEach(() => {
  vi.useRealTimers();
});

describe('DeleteCredentialDialog: a slow custom credential service', () => {
  it('waits up to ~75 s and says who it is waiting for from 5 s on', async () => {
    const credential = passwordCredential({ vault_type: 'custom' });
    server.use(
      http.post(
        apiUrl(`/v1/credentials/${credential.credential_id}/delete`),
        // Skyvern waiting on the organisation's vault: no answer until the console gives up.
        () => new Promise<Response>(() => {}),
      ),
      http.get(apiUrl('/v1/credentials'), () => HttpResponse.json([])),
    );
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    renderWithProviders(
      <DeleteCredentialDialog
        credential={credential}
        onClose={() => {}}
        onCloseAutoFocus={() => {}}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));

    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(screen.queryByText(/Waiting for Skyvern/)).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(2_500));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Waiting for Skyvern (and your credential service)… 5 s',
    );
    // Past the old 30 s limit and Skyvern's own 60 s: still waiting, still counting.
    await act(() => vi.advanceTimersByTimeAsync(56_000));
    expect(screen.getByRole('status')).toHaveTextContent('61 s');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(screen.getByRole('alert')).toHaveTextContent(/did not answer in time/);
    expect(screen.queryByText(/Waiting for Skyvern/)).not.toBeInTheDocument();
  }, 30_000);
});
