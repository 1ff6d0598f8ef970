import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { base32Encode } from '../../lib/base32';
import { ScanQrDialog } from './ScanQrDialog';

const decodeQrImage = vi.fn();
const loadQrScanner = vi.fn();
vi.mock('./qr-decode', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./qr-decode')>();
  return {
    ...actual,
    decodeQrImage: (...args: unknown[]) => decodeQrImage(...args),
    loadQrScanner: () => loadQrScanner(),
  };
});

// RFC 6238 appendix B: the ASCII seed "12345678901234567890", SHA1, 8 digits, at T = 59 s.
const RFC_SECRET = base32Encode(new TextEncoder().encode('12345678901234567890'));
const RFC_CODE_AT_59S = '94287082';

function renderDialog(onUse?: (value: string) => void) {
  const user = userEvent.setup();
  const onOpenChange = vi.fn();
  const outerSubmit = vi.fn((event: Event) => event.preventDefault());
  render(
    // The credential form wraps the field (and so, through React's tree, the dialog).
    <form onSubmit={(event) => outerSubmit(event.nativeEvent)}>
      <ScanQrDialog open onOpenChange={onOpenChange} onUse={onUse} />
    </form>,
  );
  return { user, onOpenChange, outerSubmit };
}

async function checkText(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(screen.getByRole('tab', { name: 'Text' }));
  const input = screen.getByLabelText('otpauth:// link or setup key');
  await user.click(input);
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Check' }));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(59_000);
});
afterEach(() => {
  vi.useRealTimers();
  decodeQrImage.mockReset();
  loadQrScanner.mockReset();
});

describe('ScanQrDialog: text', () => {
  it('shows issuer, account, settings, a warning and the live code for a pasted URI', async () => {
    const onUse = vi.fn();
    const { user, outerSubmit, onOpenChange } = renderDialog(onUse);
    expect(screen.getByRole('dialog', { name: 'Scan QR code' })).toBeInTheDocument();
    await checkText(
      user,
      `otpauth://totp/RFC%20Test:jane@example.com?secret=${RFC_SECRET}&issuer=RFC%20Test&digits=8`,
    );
    expect(outerSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('RFC Test')).toBeInTheDocument();
    expect(screen.getByText('jane@example.com')).toBeInTheDocument();
    expect(screen.getByText('SHA1')).toBeInTheDocument();
    expect(screen.getByText('30 seconds')).toBeInTheDocument();
    expect(screen.getByText(/Unusual settings: 8-digit codes/)).toBeInTheDocument();
    expect(screen.getByTestId('live-code')).toHaveTextContent('9428 7082');
    expect(screen.getByTestId('live-code')).toHaveAttribute('data-code', RFC_CODE_AT_59S);
    expect(screen.getByText(/Next code in/)).toHaveTextContent('Next code in 1 s');

    await user.click(screen.getByRole('button', { name: 'Use this key' }));
    // Non-default digits: the full URI goes into the form so Skyvern makes the same codes.
    expect(onUse).toHaveBeenCalledWith(
      `otpauth://totp/RFC%20Test:jane%40example.com?issuer=RFC%20Test&secret=${RFC_SECRET}&algorithm=SHA1&digits=8&period=30`,
      // What the scan learned besides the key, for the form to offer as name and username.
      expect.objectContaining({ issuer: 'RFC Test', account: 'jane@example.com' }),
    );
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('puts the bare key in the form for a default-settings key typed with spaces and dashes', async () => {
    const onUse = vi.fn();
    const { user } = renderDialog(onUse);
    await checkText(user, 'jbsw y3dp-ehpk 3pxp');
    expect(screen.getByText(/Read an authenticator key from the text/)).toBeInTheDocument();
    expect(screen.queryByText(/Unusual settings/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use this key' }));
    expect(onUse).toHaveBeenCalledWith('JBSWY3DPEHPK3PXP', expect.anything());
  });

  it('explains HOTP, plain links and bad keys', async () => {
    const { user } = renderDialog(vi.fn());
    await checkText(user, 'otpauth://hotp/Acme:jane?secret=JBSWY3DPEHPK3PXP&counter=1');
    expect(screen.getByRole('alert')).toHaveTextContent('Counter-based keys are not supported');
    expect(screen.getByRole('alert')).toHaveTextContent('time-based');
    await user.click(screen.getByRole('button', { name: 'Scan another' }));

    await checkText(user, 'https://example.com/welcome');
    expect(screen.getByRole('alert')).toHaveTextContent('Not an authenticator QR code');
    expect(screen.getByRole('alert')).toHaveTextContent('a web address on example.com');
    await user.click(screen.getByRole('button', { name: 'Scan another' }));

    await checkText(user, '12345678');
    expect(screen.getByLabelText('otpauth:// link or setup key')).toHaveAccessibleDescription(
      expect.stringContaining('not a Base32 setup key'),
    );
    await user.clear(screen.getByLabelText('otpauth:// link or setup key'));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Paste the otpauth:// link or the setup key.',
    );
  });

  it('lists the accounts of a Google Authenticator export and uses the one picked', async () => {
    // MigrationPayload with two TOTP accounts (built by hand: field 1 = OtpParameters).
    const account = (secret: number[], name: string, issuer: string) => {
      const enc = new TextEncoder();
      const n = enc.encode(name);
      const i = enc.encode(issuer);
      return [
        0x0a,
        secret.length,
        ...secret,
        0x12,
        n.length,
        ...n,
        0x1a,
        i.length,
        ...i,
        0x20,
        1,
        0x28,
        1,
        0x30,
        2,
      ];
    };
    const first = account([1, 2, 3, 4, 5], 'Acme:jane', 'Acme');
    const second = account([0x48, 0x65, 0x6c, 0x6c, 0x6f], 'ops@example.com', 'GitHub');
    const bytes = [0x0a, first.length, ...first, 0x0a, second.length, ...second, 0x10, 1];
    const uri = `otpauth-migration://offline?data=${encodeURIComponent(btoa(String.fromCharCode(...bytes)))}`;

    const onUse = vi.fn();
    const { user } = renderDialog(onUse);
    await checkText(user, uri);
    const group = screen.getByRole('group', { name: /holds 2 accounts/ });
    expect(within(group).getByRole('radio', { name: 'Acme · jane' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'GitHub · ops@example.com' }));
    await user.click(screen.getByRole('button', { name: 'Use this key' }));
    expect(onUse).toHaveBeenCalledWith(
      base32Encode(new Uint8Array([0x48, 0x65, 0x6c, 0x6c, 0x6f])),
      expect.objectContaining({ issuer: 'GitHub', account: 'ops@example.com' }),
    );
  });

  it('inspects without a Use button when opened from the 2FA page', async () => {
    const { user } = renderDialog(undefined);
    await checkText(user, 'JBSWY3DPEHPK3PXP');
    expect(screen.queryByRole('button', { name: 'Use this key' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy setup key' })).toBeInTheDocument();
  });
});

describe('ScanQrDialog: image', () => {
  const png = () => new File([new Uint8Array([137, 80, 78, 71])], 'qr.png', { type: 'image/png' });

  it('says when no QR code was found', async () => {
    decodeQrImage.mockResolvedValue(null);
    const { user } = renderDialog(vi.fn());
    await user.click(screen.getByRole('tab', { name: 'Image' }));
    await user.upload(screen.getByLabelText('QR code image'), png());
    expect(await screen.findByRole('alert')).toHaveTextContent('No QR code found');
    expect(decodeQrImage).toHaveBeenCalledTimes(1);
  });

  it('reads a key from an uploaded image', async () => {
    decodeQrImage.mockResolvedValue({
      data: 'otpauth://totp/Acme:jane?secret=JBSWY3DPEHPK3PXP&issuer=Acme',
      attempt: 'original',
      attempts: 1,
    });
    const onUse = vi.fn();
    const { user } = renderDialog(onUse);
    await user.click(screen.getByRole('tab', { name: 'Image' }));
    await user.upload(screen.getByLabelText('QR code image'), png());
    expect(await screen.findByText(/Read an authenticator key from the image/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use this key' }));
    expect(onUse).toHaveBeenCalledWith('JBSWY3DPEHPK3PXP', expect.anything());
  });

  it('rejects a QR code that holds a plain URL', async () => {
    decodeQrImage.mockResolvedValue({
      data: 'https://example.com/',
      attempt: 'original',
      attempts: 1,
    });
    const { user } = renderDialog(vi.fn());
    await user.click(screen.getByRole('tab', { name: 'Image' }));
    await user.upload(screen.getByLabelText('QR code image'), png());
    expect(await screen.findByRole('alert')).toHaveTextContent('Not an authenticator QR code');
  });

  it('scans a pasted screenshot', async () => {
    decodeQrImage.mockResolvedValue({
      data: 'otpauth://totp/Acme:jane?secret=JBSWY3DPEHPK3PXP',
      attempt: 'upscaled 2×',
      attempts: 2,
    });
    renderDialog(vi.fn());
    // jsdom has no DataTransfer: a minimal stand-in with what a screenshot paste carries.
    const file = png();
    const data = {
      items: [{ kind: 'file', type: 'image/png', getAsFile: () => file }],
      files: [file],
      getData: () => '',
    };
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(event, { clipboardData: data });
    act(() => {
      document.dispatchEvent(event);
    });
    expect(await screen.findByText(/Read an authenticator key from the image/)).toBeInTheDocument();
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('ScanQrDialog: webcam problems', () => {
  const originalMediaDevices = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
  const originalSecure = Object.getOwnPropertyDescriptor(window, 'isSecureContext');
  afterEach(() => {
    if (originalMediaDevices)
      Object.defineProperty(navigator, 'mediaDevices', originalMediaDevices);
    else Reflect.deleteProperty(navigator, 'mediaDevices');
    if (originalSecure) Object.defineProperty(window, 'isSecureContext', originalSecure);
    else Reflect.deleteProperty(window, 'isSecureContext');
  });

  function fakeCamera({
    devices,
    getUserMediaError,
  }: {
    devices: Array<{ kind: string }>;
    getUserMediaError: string;
  }) {
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: {
        getUserMedia: vi.fn().mockRejectedValue(new DOMException('no', getUserMediaError)),
        enumerateDevices: vi.fn().mockResolvedValue(devices),
      },
    });
    class FakeScanner {
      $video: HTMLVideoElement;
      constructor(video: HTMLVideoElement) {
        this.$video = video;
      }
      start() {
        // What qr-scanner does for almost any failure.
        return Promise.reject('Camera not found.');
      }
      destroy() {}
      static listCameras() {
        return Promise.resolve([]);
      }
    }
    loadQrScanner.mockResolvedValue(FakeScanner);
  }

  it('needs a secure context', async () => {
    Object.defineProperty(window, 'isSecureContext', { value: false, configurable: true });
    const { user } = renderDialog(vi.fn());
    await user.click(screen.getByRole('button', { name: 'Start camera' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The camera needs a secure page');
    expect(loadQrScanner).not.toHaveBeenCalled();
  });

  it.each([
    ['NotAllowedError', [{ kind: 'videoinput' }], 'Camera access is blocked'],
    ['NotReadableError', [{ kind: 'videoinput' }], 'The camera is in use'],
    ['NotFoundError', [], 'No camera found'],
  ])('explains %s', async (errorName, devices, message) => {
    fakeCamera({ devices, getUserMediaError: errorName });
    const { user } = renderDialog(vi.fn());
    await user.click(screen.getByRole('button', { name: 'Start camera' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message));
    expect(screen.getByRole('button', { name: 'Start camera' })).toBeInTheDocument();
  });
});
