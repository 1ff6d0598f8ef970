import { useEffect, useId, useRef, useState } from 'react';
import { Camera, LoaderCircle } from 'lucide-react';
import type QrScannerType from 'qr-scanner';
import { Button } from '../../components/ui/Button';
import { inputClass } from '../../components/ui/Field';
import {
  cameraMessages,
  cameraPrecheck,
  diagnoseCameraFailure,
  stopStream,
  type CameraProblem,
} from './camera';
import { loadQrScanner, scanRegionFor } from './qr-decode';

type State =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'scanning' }
  | { kind: 'problem'; problem: CameraProblem };

/**
 * Live webcam scanning. The scanner is created when the user presses Start camera (not on
 * mount: the camera light should never come on unasked), stopped at the first decode, and
 * destroyed — with its tracks stopped — when the panel unmounts (tab change or dialog close).
 * With `continuous` it keeps scanning and reports every decode (a Google Authenticator export of
 * several codes, read in one session); the caller ignores repeats and unmounts it when done.
 */
export function WebcamPanel({
  onDecoded,
  continuous = false,
}: {
  onDecoded: (text: string) => void;
  continuous?: boolean;
}) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const scannerRef = useRef<QrScannerType | null>(null);
  const onDecodedRef = useRef(onDecoded);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [cameras, setCameras] = useState<Array<{ id: string; label: string }>>([]);
  const [cameraId, setCameraId] = useState('');
  const [videoSize, setVideoSize] = useState<{ width: number; height: number } | null>(null);
  const cameraSelectId = useId();
  /*
   * Bumped on unmount and on every start or stop: a start() that resumes after an await with a
   * different generation has been overtaken (the dialog closed while qr-scanner was loading, or
   * the camera was stopped) and must not open the camera or touch state.
   */
  const generation = useRef(0);

  useEffect(() => {
    onDecodedRef.current = onDecoded;
  }, [onDecoded]);

  useEffect(() => {
    const current = generation;
    return () => {
      current.current += 1;
      release(scannerRef);
    };
  }, []);

  async function start() {
    const early = cameraPrecheck();
    if (early) {
      setState({ kind: 'problem', problem: early });
      return;
    }
    const video = videoRef.current;
    if (!video) return;
    release(scannerRef);
    const run = ++generation.current;
    const overtaken = () => generation.current !== run || !video.isConnected;
    const startedAt = performance.now();
    setState({ kind: 'starting' });
    let QrScanner: Awaited<ReturnType<typeof loadQrScanner>>;
    try {
      QrScanner = await loadQrScanner();
    } catch {
      if (!overtaken()) setState({ kind: 'problem', problem: 'other' });
      return;
    }
    if (overtaken()) return;
    let done = false;
    const scanner = new QrScanner(
      video,
      (result) => {
        if (done) return;
        if (continuous) {
          onDecodedRef.current(result.data);
          return;
        }
        done = true;
        performance.measure('qr-webcam-first-decode', { start: startedAt });
        // Release the camera at once: the code has been read, nothing else needs it.
        release(scannerRef);
        setState({ kind: 'idle' });
        onDecodedRef.current(result.data);
      },
      {
        onDecodeError: () => {},
        calculateScanRegion: (element) => scanRegionFor(element.videoWidth, element.videoHeight),
        preferredCamera: cameraId || 'environment',
        maxScansPerSecond: 15,
        returnDetailedScanResult: true,
      },
    );
    scannerRef.current = scanner;
    try {
      await scanner.start();
    } catch (error) {
      if (overtaken()) {
        releaseScanner(scanner);
        return;
      }
      release(scannerRef);
      const problem = await diagnoseCameraFailure(error);
      if (!overtaken()) setState({ kind: 'problem', problem });
      return;
    }
    if (overtaken() || scannerRef.current !== scanner) {
      // Closed or restarted while the camera was starting: switch this one off again.
      releaseScanner(scanner);
      return;
    }
    setState({ kind: 'scanning' });
    try {
      // Labels are only available once the camera permission is granted, i.e. now.
      const list = await QrScanner.listCameras(false);
      if (!overtaken()) setCameras(list);
    } catch {
      if (!overtaken()) setCameras([]);
    }
  }

  async function switchCamera(id: string) {
    setCameraId(id);
    const scanner = scannerRef.current;
    if (!scanner) return;
    const run = generation.current;
    try {
      await scanner.setCamera(id);
    } catch (error) {
      if (generation.current !== run) return;
      release(scannerRef);
      const problem = await diagnoseCameraFailure(error);
      if (generation.current === run) setState({ kind: 'problem', problem });
    }
  }

  const region = videoSize ? scanRegionFor(videoSize.width, videoSize.height) : null;
  const active = state.kind === 'scanning' || state.kind === 'starting';

  return (
    <div className="space-y-4">
      <div
        aria-hidden={!active || undefined}
        className={
          active
            ? // On a phone the preview runs edge to edge, past the sheet's padding (Dialog).
              'relative -mx-4 overflow-hidden bg-slate-900 sm:mx-0 sm:rounded-lg'
            : 'sr-only' /* the element stays mounted so the scanner can be given it */
        }
      >
        <video
          ref={videoRef}
          muted
          playsInline
          aria-label="Camera preview"
          className="block h-auto w-full"
          onLoadedMetadata={(event) =>
            setVideoSize({
              width: event.currentTarget.videoWidth,
              height: event.currentTarget.videoHeight,
            })
          }
        />
        {state.kind === 'scanning' && region && videoSize && (
          <div
            aria-hidden="true"
            data-testid="scan-region"
            className="pointer-events-none absolute rounded-md border-2 border-white shadow-[0_0_0_9999px_rgba(15,23,42,0.45)]"
            style={{
              left: `${(region.x / videoSize.width) * 100}%`,
              top: `${(region.y / videoSize.height) * 100}%`,
              width: `${(region.width / videoSize.width) * 100}%`,
              height: `${(region.height / videoSize.height) * 100}%`,
            }}
          />
        )}
        {state.kind === 'starting' && (
          <div className="absolute inset-0 grid place-items-center text-sm text-white">
            <span className="flex items-center gap-2">
              <LoaderCircle aria-hidden="true" className="size-4 animate-spin" /> Starting the
              camera…
            </span>
          </div>
        )}
      </div>

      {state.kind === 'scanning' && (
        <p role="status" className="text-sm text-slate-700">
          Hold the QR code inside the square. It is read as soon as it is sharp.
        </p>
      )}

      {state.kind === 'scanning' && cameras.length > 1 && (
        <div className="space-y-1.5">
          <label htmlFor={cameraSelectId} className="block text-sm font-medium text-slate-800">
            Camera
          </label>
          <select
            id={cameraSelectId}
            className={inputClass}
            value={cameraId || cameras[0]?.id}
            onChange={(event) => void switchCamera(event.target.value)}
          >
            {cameras.map((camera) => (
              <option key={camera.id} value={camera.id}>
                {camera.label}
              </option>
            ))}
          </select>
        </div>
      )}

      {state.kind === 'problem' && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm">
          <p className="font-semibold text-red-900">{cameraMessages[state.problem].title}</p>
          <p className="mt-1 text-red-900">{cameraMessages[state.problem].body}</p>
        </div>
      )}

      {!active && (
        <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center">
          <Camera aria-hidden="true" className="size-8 text-slate-400" />
          <p className="max-w-sm text-sm text-slate-600">
            Point a webcam at the QR code on the other screen or on a phone. The camera switches off
            as soon as the code is read.
          </p>
          <Button variant="primary" onClick={() => void start()}>
            Start camera
          </Button>
        </div>
      )}
      {state.kind === 'scanning' && (
        <Button
          onClick={() => {
            generation.current += 1;
            release(scannerRef);
            setState({ kind: 'idle' });
          }}
        >
          Stop camera
        </Button>
      )}
    </div>
  );
}

function release(ref: { current: QrScannerType | null }) {
  const scanner = ref.current;
  ref.current = null;
  if (scanner) releaseScanner(scanner);
}

function releaseScanner(scanner: QrScannerType) {
  // destroy() stops the tracks only after a 300 ms grace period; stop them now as well.
  stopStream(scanner.$video.srcObject);
  scanner.$video.srcObject = null;
  scanner.destroy();
}
