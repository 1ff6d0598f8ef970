import {
  useEffect,
  useId,
  useRef,
  useState,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { ClipboardPaste, ImageUp, LoaderCircle, RotateCcw } from 'lucide-react';
import { Button } from '../../components/ui/Button';
import { CopyButton } from '../../components/ui/CopyButton';
import { Dialog } from '../../components/ui/Dialog';
import { Field } from '../../components/ui/Field';
import { SecretInput } from '../../components/ui/SecretInput';
import {
  accountFromMigration,
  formValueFor,
  keyMessages,
  parseAuthenticatorInput,
  type KeyParseResult,
  type TotpAccount,
} from '../../lib/authenticator-key';
import type { MigrationPayload } from '../../lib/otp-migration';
import { cn } from '../../lib/cn';
import { KeyDetails } from './KeyDetails';
import { decodeQrImage, ImageUnreadableError } from './qr-decode';
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

type Tab = 'webcam' | 'image' | 'text';
const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'webcam', label: 'Webcam' },
  { id: 'image', label: 'Image' },
  { id: 'text', label: 'Text' },
];

type ImageState =
  | { kind: 'idle' }
  | { kind: 'decoding'; name: string }
  | { kind: 'no-qr' }
  | { kind: 'unreadable' };

interface Decoded {
  result: KeyParseResult;
  via: Tab;
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

  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = TABS.findIndex((item) => item.id === tab);
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    else return;
    event.preventDefault();
    const target = TABS[next];
    if (!target) return;
    setTab(target.id);
    document.getElementById(`${baseId}-tab-${target.id}`)?.focus();
  }

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
      <div
        role="tablist"
        aria-label="How to scan"
        className="flex gap-1 rounded-lg bg-slate-100 p-1"
      >
        {TABS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`${baseId}-tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`${baseId}-panel-${item.id}`}
            tabIndex={tab === item.id ? 0 : -1}
            onClick={() => setTab(item.id)}
            onKeyDown={onTabKeyDown}
            className={cn(
              'flex-1 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600',
              tab === item.id
                ? 'bg-white text-slate-900 shadow-sm'
                : 'text-slate-700 hover:text-slate-900',
            )}
          >
            {item.label}
          </button>
        ))}
      </div>

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

function ImagePanel({ state, onFile }: { state: ImageState; onFile: (file: File) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="space-y-4">
      <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center">
        <ImageUp aria-hidden="true" className="size-8 text-slate-400" />
        <p className="max-w-sm text-sm text-slate-600">
          Choose a screenshot or photo of the QR code, drop it here, or paste it with{' '}
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-xs">
            Ctrl
          </kbd>
          +
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-xs">
            V
          </kbd>{' '}
          (
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-xs">
            ⌘
          </kbd>
          +
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-xs">
            V
          </kbd>{' '}
          on a Mac).
        </p>
        <Button
          variant="primary"
          onClick={() => inputRef.current?.click()}
          loading={state.kind === 'decoding'}
        >
          Choose image…
        </Button>
        <input
          ref={inputRef}
          type="file"
          accept="image/*"
          aria-label="QR code image"
          className="hidden"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </div>
      {state.kind === 'decoding' && (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          Looking for a QR code in {state.name}…
        </p>
      )}
      {state.kind === 'no-qr' && (
        <Problem title="No QR code found">
          No QR code could be read in this image, even from enlarged, reduced and smoothed copies.
          Use a sharper screenshot in which the whole code, with its white border, is visible.
        </Problem>
      )}
      {state.kind === 'unreadable' && (
        <Problem title="Not an image">
          That file is not an image the browser can open. Use a PNG, JPEG, GIF or WebP screenshot.
        </Problem>
      )}
    </div>
  );
}

function TextPanel({ onParsed }: { onParsed: (result: KeyParseResult) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    // This form renders inside the credential form's React tree (through a portal): keep its
    // submit event from bubbling there and submitting the credential.
    event.stopPropagation();
    const result = parseAuthenticatorInput(text);
    if (result.kind === 'empty') {
      setError('Paste the otpauth:// link or the setup key.');
      return;
    }
    if (result.kind === 'invalid') {
      setError(result.reason);
      return;
    }
    onParsed(result);
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <Field
        label="otpauth:// link or setup key"
        error={error}
        description="For example otpauth://totp/Acme:jane?secret=… or a key such as JBSW Y3DP EHPK 3PXP. Spaces, dashes and case do not matter."
      >
        <SecretInput
          value={text}
          revealLabel="link or key"
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setError(undefined);
          }}
        />
      </Field>
      <Button type="submit" variant="primary">
        <ClipboardPaste aria-hidden="true" className="size-4" />
        Check
      </Button>
    </form>
  );
}

function Problem({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm">
      <p className="font-semibold text-red-900">{title}</p>
      <p className="mt-1 text-red-900">{children}</p>
    </div>
  );
}

const VIA: Record<Tab, string> = { webcam: 'the webcam', image: 'the image', text: 'the text' };

function ScanResult({
  decoded,
  onUse,
  onAgain,
}: {
  decoded: Decoded;
  onUse: ((formValue: string, totp: TotpAccount) => void) | undefined;
  onAgain: () => void;
}) {
  const { result, via } = decoded;
  const containerRef = useRef<HTMLDivElement>(null);
  // The button that led here has unmounted: move focus to the result so keyboard users keep
  // their place and screen readers read it.
  useEffect(() => {
    containerRef.current?.focus();
  }, []);
  const again = (
    <Button onClick={onAgain}>
      <RotateCcw aria-hidden="true" className="size-4" />
      Scan another
    </Button>
  );

  return (
    <div ref={containerRef} tabIndex={-1} className="focus:outline-none">
      <ScanResultBody result={result} via={via} onUse={onUse} again={again} />
    </div>
  );
}

function ScanResultBody({
  result,
  via,
  onUse,
  again,
}: {
  result: KeyParseResult;
  via: Tab;
  onUse: ((formValue: string, totp: TotpAccount) => void) | undefined;
  again: ReactNode;
}) {
  if (result.kind === 'totp') {
    return (
      <TotpResult totp={result.totp} onUse={onUse} again={again}>
        <p className="text-sm text-slate-700">
          {result.source === 'url-secret'
            ? `Found a setup key in a web address read from ${VIA[via]}.`
            : `Read an authenticator key from ${VIA[via]}.`}
        </p>
      </TotpResult>
    );
  }
  if (result.kind === 'migration') {
    return <MigrationPicker payload={result.payload} onUse={onUse} again={again} />;
  }
  const problem =
    result.kind === 'hotp'
      ? { title: 'Counter-based keys are not supported', body: keyMessages.hotp }
      : result.kind === 'not-otpauth'
        ? {
            title: 'Not an authenticator QR code',
            body: `${keyMessages.notOtpauth} This one holds ${result.summary}.`,
          }
        : result.kind === 'invalid'
          ? { title: 'This key cannot be used', body: result.reason }
          : { title: 'Nothing was read', body: 'Try again.' };
  return (
    <div className="space-y-4">
      <Problem title={problem.title}>{problem.body}</Problem>
      {again}
    </div>
  );
}

function TotpResult({
  totp,
  onUse,
  again,
  children,
}: {
  totp: TotpAccount;
  onUse: ((formValue: string, totp: TotpAccount) => void) | undefined;
  again: ReactNode;
  children?: ReactNode;
}) {
  const formValue = formValueFor(totp);
  return (
    <div className="space-y-4">
      {children}
      <KeyDetails totp={totp} />
      <div className="flex flex-wrap items-center gap-2">
        {onUse ? (
          <Button variant="primary" onClick={() => onUse(formValue, totp)}>
            Use this key
          </Button>
        ) : (
          <span className="inline-flex items-center gap-1 text-sm text-slate-700">
            <CopyButton value={formValue} label="setup key" />
            Copy the key for a credential
          </span>
        )}
        {again}
      </div>
    </div>
  );
}

function MigrationPicker({
  payload,
  onUse,
  again,
}: {
  payload: MigrationPayload;
  onUse: ((formValue: string, totp: TotpAccount) => void) | undefined;
  again: ReactNode;
}) {
  const entries = payload.accounts.map((account) => ({
    account,
    usable: accountFromMigration(account),
  }));
  const firstUsable = entries.findIndex((entry) => entry.usable.ok);
  const [picked, setPicked] = useState(firstUsable);
  const name = useId();
  const chosen = entries[picked]?.usable;

  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm text-slate-700">
          This Google Authenticator export holds {payload.accounts.length}{' '}
          {payload.accounts.length === 1 ? 'account' : 'accounts'}
          {payload.batchSize > 1 ? ` (part ${payload.batchIndex + 1} of ${payload.batchSize})` : ''}
          . Pick the one this credential signs in to.
        </legend>
        {entries.map(({ account, usable }, index) => {
          const label = usable.ok
            ? [usable.totp.issuer, usable.totp.account].filter(Boolean).join(' · ') ||
              'Unnamed account'
            : account.name || 'Unnamed account';
          return (
            <label
              key={index}
              className={cn(
                'flex items-center gap-3 rounded-lg border px-3 py-2 text-sm',
                picked === index ? 'border-brand-600 bg-brand-50' : 'border-slate-200',
                usable.ok ? 'cursor-pointer' : 'cursor-not-allowed text-slate-600',
              )}
            >
              <input
                type="radio"
                name={name}
                checked={picked === index}
                disabled={!usable.ok}
                onChange={() => setPicked(index)}
                className="size-4 accent-brand-600"
              />
              <span className="min-w-0 flex-1 truncate font-medium">{label}</span>
              {!usable.ok && <span className="text-xs text-slate-600">{usable.reason}</span>}
            </label>
          );
        })}
      </fieldset>
      {chosen?.ok ? (
        <TotpResult key={picked} totp={chosen.totp} onUse={onUse} again={again} />
      ) : (
        <div className="space-y-4">
          <Problem title="No usable account">
            None of the accounts in this export is time-based with a supported algorithm.
          </Problem>
          {again}
        </div>
      )}
    </div>
  );
}
