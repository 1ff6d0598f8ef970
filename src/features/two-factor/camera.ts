/*
 * Why the camera did not start, in words a person can act on. qr-scanner reports nearly every
 * camera failure as "Camera not found.", so the cause is worked out here from the page's context,
 * the permission state, the device list and, last, the browser's own getUserMedia error.
 */

export type CameraProblem =
  'insecure' | 'unsupported' | 'denied' | 'no-camera' | 'in-use' | 'other';

export const cameraMessages: Record<CameraProblem, { title: string; body: string }> = {
  insecure: {
    title: 'The camera needs a secure page',
    body:
      'Browsers only allow the camera on https:// pages or on localhost. Open the console over ' +
      'https, or use a screenshot under Image instead.',
  },
  unsupported: {
    title: 'This browser cannot use a camera here',
    body: 'Use a screenshot under Image, or paste the otpauth:// link under Text.',
  },
  denied: {
    title: 'Camera access is blocked',
    body:
      'Allow the camera for this site (the camera icon in the address bar, or the site ' +
      'settings), then press Start camera again. Or use a screenshot under Image.',
  },
  'no-camera': {
    title: 'No camera found',
    body: 'Connect a webcam and press Start camera again, or use a screenshot under Image.',
  },
  'in-use': {
    title: 'The camera is in use',
    body:
      'Another application or tab is using the camera (a video call, for example). Close it and ' +
      'press Start camera again.',
  },
  other: {
    title: 'The camera could not start',
    body: 'Press Start camera to try again, or use a screenshot under Image.',
  },
};

/** Problems that can be told before asking for the camera at all. */
export function cameraPrecheck(): CameraProblem | null {
  if (!window.isSecureContext) return 'insecure';
  if (!navigator.mediaDevices?.getUserMedia) return 'unsupported';
  return null;
}

export function problemFromMediaError(error: unknown): CameraProblem | null {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'SecurityError') return 'insecure';
  if (
    name === 'NotFoundError' ||
    name === 'DevicesNotFoundError' ||
    name === 'OverconstrainedError'
  )
    return 'no-camera';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError')
    return 'in-use';
  return null;
}

/** Works out why starting the scanner failed. */
export async function diagnoseCameraFailure(error: unknown): Promise<CameraProblem> {
  const direct = problemFromMediaError(error);
  if (direct) return direct;
  const early = cameraPrecheck();
  if (early) return early;
  try {
    const status = await navigator.permissions.query({ name: 'camera' as PermissionName });
    if (status.state === 'denied') return 'denied';
  } catch {
    // Some browsers cannot be asked about the camera permission; go on with the other checks.
  }
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    if (!devices.some((device) => device.kind === 'videoinput')) return 'no-camera';
  } catch {
    // Fall through to asking for the camera directly.
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    stream.getTracks().forEach((track) => track.stop());
    return 'other';
  } catch (probeError) {
    return problemFromMediaError(probeError) ?? 'other';
  }
}

export function stopStream(stream: MediaProvider | null | undefined) {
  // Duck-typed: MediaStream is not defined everywhere (older engines, jsdom).
  if (stream && 'getTracks' in stream) stream.getTracks().forEach((track) => track.stop());
}
