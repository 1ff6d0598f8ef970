import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WebcamPanel } from './WebcamPanel';

const loadQrScanner = vi.fn();
vi.mock('./qr-decode', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./qr-decode')>();
  return { ...actual, loadQrScanner: () => loadQrScanner() };
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/*
 * The race: the scanner dialog closes (the panel unmounts) while qr-scanner is still loading or
 * the camera is still starting. Nothing may open the camera after that, and a camera that did
 * open meanwhile must be switched off again.
 */
describe('WebcamPanel: closing while the camera starts', () => {
  const originalMediaDevices = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
  const originalSecure = Object.getOwnPropertyDescriptor(window, 'isSecureContext');
  const stopTrack = vi.fn();
  const getUserMedia = vi.fn(async () => ({ getTracks: () => [{ stop: stopTrack }] }));
  const constructed = vi.fn();
  let startGate: Promise<void> = Promise.resolve();

  class FakeScanner {
    $video: HTMLVideoElement;
    constructor(video: HTMLVideoElement) {
      this.$video = video;
      constructed();
    }
    async start() {
      // What qr-scanner does: ask for the camera and put the stream on the video.
      const stream = await getUserMedia();
      await startGate;
      Object.assign(this.$video, { srcObject: stream });
    }
    destroy() {}
    static listCameras() {
      return Promise.resolve([]);
    }
  }

  beforeEach(() => {
    stopTrack.mockClear();
    getUserMedia.mockClear();
    constructed.mockClear();
    startGate = Promise.resolve();
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: { getUserMedia, enumerateDevices: vi.fn().mockResolvedValue([]) },
    });
  });
  afterEach(() => {
    if (originalMediaDevices)
      Object.defineProperty(navigator, 'mediaDevices', originalMediaDevices);
    else Reflect.deleteProperty(navigator, 'mediaDevices');
    if (originalSecure) Object.defineProperty(window, 'isSecureContext', originalSecure);
    else Reflect.deleteProperty(window, 'isSecureContext');
  });

  it('never creates the scanner or asks for the camera when closed while qr-scanner loads', async () => {
    const library = deferred<typeof FakeScanner>();
    loadQrScanner.mockReturnValue(library.promise);
    const user = userEvent.setup();
    const { unmount } = render(<WebcamPanel onDecoded={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Start camera' }));
    expect(loadQrScanner).toHaveBeenCalled();

    unmount();
    await act(async () => {
      library.resolve(FakeScanner);
      await library.promise;
      await new Promise((done) => setTimeout(done, 0));
    });

    expect(constructed).not.toHaveBeenCalled();
    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it('switches off a camera that came on after the panel closed', async () => {
    loadQrScanner.mockResolvedValue(FakeScanner);
    const gate = deferred<void>();
    startGate = gate.promise;
    const user = userEvent.setup();
    const { unmount } = render(<WebcamPanel onDecoded={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Start camera' }));
    await vi.waitFor(() => expect(getUserMedia).toHaveBeenCalled());

    unmount();
    await act(async () => {
      gate.resolve();
      await new Promise((done) => setTimeout(done, 0));
    });

    expect(stopTrack).toHaveBeenCalled();
  });

  it('still starts when nothing closed it', async () => {
    loadQrScanner.mockResolvedValue(FakeScanner);
    const user = userEvent.setup();
    render(<WebcamPanel onDecoded={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Start camera' }));
    expect(await screen.findByRole('button', { name: 'Stop camera' })).toBeInTheDocument();
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(stopTrack).not.toHaveBeenCalled();
  });
});
