import type QrScannerType from 'qr-scanner';

/*
 * QR decoding with qr-scanner. The library (and the worker it builds from a blob: URL) is only
 * ever loaded through `loadQrScanner`, a dynamic import, so it never lands in a first-load chunk.
 */

export type QrScanner = typeof QrScannerType;

let loading: Promise<QrScanner> | undefined;

export function loadQrScanner(): Promise<QrScanner> {
  loading ??= import('qr-scanner').then((module) => module.default);
  // A failed chunk load (offline, redeploy) should be retried next time, not cached forever.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * The region qr-scanner scans in a video frame: a centred square two thirds of the shorter side.
 * The scanner is given this function and the overlay draws the same square, so they cannot drift.
 */
export function scanRegionFor(videoWidth: number, videoHeight: number) {
  const size = Math.round((2 / 3) * Math.min(videoWidth, videoHeight));
  return {
    x: Math.round((videoWidth - size) / 2),
    y: Math.round((videoHeight - size) / 2),
    width: size,
    height: size,
    // What qr-scanner's own default downscales to; enough for a QR filling the square.
    downScaledWidth: 400,
    downScaledHeight: 400,
  };
}

export class ImageUnreadableError extends Error {
  constructor() {
    super('The browser could not read this file as an image.');
    this.name = 'ImageUnreadableError';
  }
}

/**
 * Copies of the image that are tried in turn: photos of screens are noisy and moiré-ridden, and
 * screenshots of a small code need more pixels per module. Cheapest first: the 2× copy has four
 * times the pixels to scan, so it goes last.
 */
const ATTEMPTS = [
  { name: 'original', scale: 1, blurPx: 0 },
  { name: 'downscaled 0.5×', scale: 0.5, blurPx: 0 },
  { name: 'slightly blurred', scale: 1, blurPx: 1 },
  { name: 'upscaled 2×', scale: 2, blurPx: 0 },
] as const;

/** Larger canvases cost a lot of memory for no gain: a QR needs a few hundred pixels. */
const MAX_CANVAS_SIDE = 4096;

export interface ImageDecodeResult {
  data: string;
  /** Which copy decoded, for the benchmark and for curiosity. */
  attempt: string;
  attempts: number;
}

/**
 * Decodes a QR from an image file or blob. Returns null when no copy of the image held a readable
 * QR code; throws ImageUnreadableError when the file is not an image.
 */
export async function decodeQrImage(image: Blob): Promise<ImageDecodeResult | null> {
  const startedAt = performance.now();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    throw new ImageUnreadableError();
  }
  const QrScanner = await loadQrScanner();
  // One engine (worker) for all attempts: spawning one per attempt costs more than decoding.
  const engine = await QrScanner.createQrEngine();
  try {
    let tried = 0;
    for (const attempt of ATTEMPTS) {
      const width = Math.round(bitmap.width * attempt.scale);
      const height = Math.round(bitmap.height * attempt.scale);
      if (Math.max(width, height) > MAX_CANVAS_SIDE || Math.min(width, height) < 32) continue;
      let source: HTMLCanvasElement | ImageBitmap = bitmap;
      if (attempt.scale !== 1 || attempt.blurPx > 0) {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d', { alpha: false });
        if (!context) continue;
        context.fillStyle = '#fff';
        context.fillRect(0, 0, width, height);
        context.imageSmoothingEnabled = attempt.scale < 1;
        if (attempt.blurPx > 0) context.filter = `blur(${attempt.blurPx}px)`;
        context.drawImage(bitmap, 0, 0, width, height);
        source = canvas;
      }
      tried += 1;
      try {
        const result = await QrScanner.scanImage(source, {
          qrEngine: engine,
          returnDetailedScanResult: true,
        });
        // A measure (no data in it) lets scripts/bench-qr.mjs time the real decode path.
        performance.measure('qr-image-decode', {
          start: startedAt,
          detail: { attempt: attempt.name, attempts: tried },
        });
        return { data: result.data, attempt: attempt.name, attempts: tried };
      } catch {
        // "No QR code found", or a scanner error (a worker timeout) on this copy: try the next.
      }
    }
    performance.measure('qr-image-decode', {
      start: startedAt,
      detail: { attempt: 'none', attempts: tried },
    });
    return null;
  } finally {
    bitmap.close();
    if (engine instanceof Worker) engine.terminate();
  }
}
