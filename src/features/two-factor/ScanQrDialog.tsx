import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { Dialog } from '../../components/ui/Dialog';
import { parseAuthenticatorInput, type TotpAccount } from '../../lib/authenticator-key';
import { cn } from '../../lib/cn';
import { decodeQrImage, ImageUnreadableError } from './qr-decode';
import { ImagePanel } from './scan/ImagePanel';
import { ScanResult } from './scan/ScanResult';
import { ScanTabs } from './scan/ScanTabs';
import { TextPanel } from './scan/TextPanel';
import type { Decoded, ImageState, Tab } from './scan/types';
import { WebcamPanel } from './WebcamPanel';

export interface ScanQrDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /**
   * Called with what goes into the credential form (contract 3.8). Without it the dialog only
   * inspects: it shows what the QR holds and its codes, and saves nothing.
   */
  onUse?: (formValue: string, totp: TotpAccount) => void;
}

/**
 * "Scan QR code": webcam, image (file, drop, paste) or text. Loaded lazily, and everything it
 * holds (decoded text, the key) lives in the inner component, which unmounts when it closes.
 */
export function ScanQrDialog({ open, onOpenChange, onUse }: ScanQrDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="lg"
      title="Scan QR code"
      description={
        onUse
          ? 'Read the two-factor setup QR code with a webcam, from an image, or paste its link. The key is checked and its code shown before it goes into the form.'
          : 'See what a two-factor setup QR code holds and preview its codes. Nothing is saved.'
      }
    >
      {open && (
        <Scanner
          onUse={
            onUse
              ? (value, totp) => {
                  onUse(value, totp);
                  onOpenChange(false);
                }
              : undefined
          }
        />
      )}
    </Dialog>
  );
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')
  );
}

function imageFrom(data: DataTransfer | null): File | null {
  if (!data) return null;
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile();
  }
  return Array.from(data.files ?? []).find((file) => file.type.startsWith('image/')) ?? null;
}

function Scanner({
  onUse,
}: {
  onUse: ((formValue: string, totp: TotpAccount) => void) | undefined;
}) {
  const [tab, setTab] = useState<Tab>('webcam');
  const [decoded, setDecoded] = useState<Decoded | null>(null);
  const [imageState, setImageState] = useState<ImageState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const decodeRun = useRef(0);
  const baseId = useId();

  async function scanImage(file: File) {
    setTab('image');
    setDecoded(null);
    const run = ++decodeRun.current;
    setImageState({ kind: 'decoding', name: file.name || 'pasted image' });
    try {
      const result = await decodeQrImage(file);
      if (run !== decodeRun.current) return;
      if (!result) {
        setImageState({ kind: 'no-qr' });
        return;
      }
      setImageState({ kind: 'idle' });
      setDecoded({ result: parseAuthenticatorInput(result.data), via: 'image' });
    } catch (error) {
      if (run !== decodeRun.current) return;
      setImageState(
        error instanceof ImageUnreadableError ? { kind: 'unreadable' } : { kind: 'no-qr' },
      );
    }
  }
  const scanImageRef = useRef(scanImage);
  useEffect(() => {
    scanImageRef.current = scanImage;
  });

  // Paste anywhere while the dialog is open: a screenshot is scanned; text outside a text field
  // is read as a link or key.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const image = imageFrom(event.clipboardData);
      if (image) {
        event.preventDefault();
        void scanImageRef.current(image);
        return;
      }
      if (isEditable(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.trim()) {
        event.preventDefault();
        setTab('text');
        setDecoded({ result: parseAuthenticatorInput(text), via: 'text' });
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!Array.from(event.dataTransfer.types).includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const image = imageFrom(event.dataTransfer);
      if (image) void scanImage(image);
      else {
        setTab('image');
        setImageState({ kind: 'unreadable' });
      }
    },
  };

  if (decoded) {
    return (
      <ScanResult
        decoded={decoded}
        onUse={onUse}
        onAgain={() => {
          setDecoded(null);
          setImageState({ kind: 'idle' });
        }}
      />
    );
  }

  return (
    <div
      {...dropHandlers}
      data-testid="scan-drop-zone"
      className={cn(
        'relative -m-2 space-y-4 rounded-lg p-2',
        dragging && 'ring-2 ring-brand-600 ring-offset-2',
      )}
    >
      <ScanTabs tab={tab} onSelect={setTab} baseId={baseId} />

      <div
        role="tabpanel"
        id={`${baseId}-panel-${tab}`}
        aria-labelledby={`${baseId}-tab-${tab}`}
        tabIndex={-1}
        className="focus:outline-none"
      >
        {tab === 'webcam' && (
          <WebcamPanel
            onDecoded={(text) =>
              setDecoded({ result: parseAuthenticatorInput(text), via: 'webcam' })
            }
          />
        )}
        {tab === 'image' && (
          <ImagePanel state={imageState} onFile={(file) => void scanImage(file)} />
        )}
        {tab === 'text' && <TextPanel onParsed={(result) => setDecoded({ result, via: 'text' })} />}
      </div>

      {dragging && (
        <div className="pointer-events-none absolute inset-0 grid place-items-center rounded-lg bg-brand-50/90 text-sm font-medium text-brand-800">
          Drop the image to scan it
        </div>
      )}
    </div>
  );
}
