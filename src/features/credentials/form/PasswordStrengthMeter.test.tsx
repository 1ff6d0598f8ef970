import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { noCustomService } from '../test/fixtures';
import { CredentialFormDialog } from '../dialogs/CredentialFormDialog';

// Counts how often the zxcvbn-ts module is loaded (its factory runs on the first import).
const strengthModule = vi.hoisted(() => ({ loads: 0 }));
vi.mock('../../../lib/password-strength', async (importOriginal) => {
  strengthModule.loads += 1;
  return importOriginal();
});

describe('Password strength meter', () => {
  it('loads zxcvbn-ts only once a password is typed, and announces the strength politely', async () => {
    noCustomService();
    const loadsBefore = strengthModule.loads;
    const { user } = renderWithProviders(
      <CredentialFormDialog mode="create" onClose={() => {}} onCloseAutoFocus={() => {}} />,
    );
    const meter = screen.getByTestId('password-strength');
    expect(meter).toHaveAttribute('aria-live', 'polite');
    await user.type(screen.getByLabelText(/^Username\*?$/), 'jane');
    // Nothing typed into the password yet: the library is not loaded.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(strengthModule.loads).toBe(loadsBefore);

    await user.type(screen.getByLabelText(/^Password\*?$/), 'password1');
    await waitFor(() => expect(meter).toHaveTextContent(/^Strength: Very weak\./), {
      timeout: 10_000,
    });
    expect(strengthModule.loads).toBe(loadsBefore + 1);
    await user.clear(screen.getByLabelText(/^Password\*?$/));
    await user.type(screen.getByLabelText(/^Password\*?$/), 'tR8#vq!Lz2@pWm9$Xe');
    await waitFor(() => expect(meter).toHaveTextContent(/^Strength: Very strong\./), {
      timeout: 10_000,
    });
  });
});
