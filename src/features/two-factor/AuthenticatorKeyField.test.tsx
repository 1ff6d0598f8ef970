import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthenticatorKeyField } from './AuthenticatorKeyField';

function Harness({ initial = '', onValue }: { initial?: string; onValue?: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <AuthenticatorKeyField
      name="totp"
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue?.(next);
      }}
    />
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_111_111_109_000);
});
afterEach(() => vi.useRealTimers());

describe('AuthenticatorKeyField', () => {
  it('is a labelled secret input with a Scan QR code button', () => {
    render(<Harness />);
    const input = screen.getByLabelText('Authenticator key');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveAttribute('autocomplete', 'off');
    expect(screen.getByRole('button', { name: 'Scan QR code' })).toBeInTheDocument();
    expect(screen.queryByTestId('live-code')).not.toBeInTheDocument();
  });

  it('previews the live code and details of a typed key, unchanged in the value', async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    render(<Harness onValue={onValue} />);
    await user.type(screen.getByLabelText('Authenticator key'), 'jbsw y3dp');
    expect(onValue).toHaveBeenLastCalledWith('jbsw y3dp'); // never trimmed or reformatted
    const preview = screen.getByRole('region', { name: 'Authenticator key preview' });
    expect(within(preview).getByText('SHA1')).toBeInTheDocument();
    expect(within(preview).getByTestId('live-code').dataset.code).toMatch(/^\d{6}$/);
  });

  it('warns about HOTP and Google Authenticator exports typed into the field', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Authenticator key');
    await user.click(input);
    await user.paste('otpauth://hotp/Acme:jane?secret=JBSWY3DPEHPK3PXP&counter=0');
    expect(screen.getByTestId('authenticator-key-hint')).toHaveTextContent(/time-based/);
    expect(screen.queryByTestId('live-code')).not.toBeInTheDocument();
  });

  it('fills the field from the scanner and previews the result', async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    render(<Harness onValue={onValue} />);
    await user.click(screen.getByRole('button', { name: 'Scan QR code' }));
    // The scanner is a lazy chunk: its first import transforms a dozen modules in Vitest.
    const dialog = await screen.findByRole('dialog', { name: 'Scan QR code' }, { timeout: 5000 });
    await user.click(within(dialog).getByRole('tab', { name: 'Text' }));
    await user.click(within(dialog).getByLabelText('otpauth:// link or setup key'));
    await user.paste('otpauth://totp/Acme:jane?secret=JBSWY3DPEHPK3PXP&issuer=Acme&period=60');
    await user.click(within(dialog).getByRole('button', { name: 'Check' }));
    const dialogCode = within(dialog).getByTestId('live-code').dataset.code;
    await user.click(within(dialog).getByRole('button', { name: 'Use this key' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onValue).toHaveBeenLastCalledWith(
      'otpauth://totp/Acme:jane?issuer=Acme&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=60',
    );
    const preview = screen.getByRole('region', { name: 'Authenticator key preview' });
    expect(within(preview).getByText('60 seconds')).toBeInTheDocument();
    expect(within(preview).getByTestId('live-code').dataset.code).toBe(dialogCode);
    // Focus returns to the button that opened the scanner.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Scan QR code' })).toHaveFocus());
  });
});
