import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { FileUp, LockKeyhole } from 'lucide-react';
import { Button } from '../../components/ui/Button';
import { inputClass } from '../../components/ui/Field';
import { SecretInput } from '../../components/ui/SecretInput';
import { cn } from '../../lib/cn';

export interface PickedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface SourceStepProps {
  /** Reading the file now. */
  busy: boolean;
  /** Why the last file could not be read (never quotes the file). */
  error: string | null;
  /** A picked file that needs its password (encrypted Aegis, 2FAS). */
  locked: { fileName: string; wrongPassword: boolean } | null;
  onFile: (file: PickedFile) => void;
  onUnreadable: () => void;
  onPassword: (password: string) => void;
  onCancelPassword: () => void;
  /** Opens the Google Authenticator scanner (several QR codes, one session). */
  onScanGoogle: () => void;
}

/** FileReader rather than file.arrayBuffer(): the same in every browser and in jsdom. */
function readFile(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const buffer = reader.result;
      if (buffer instanceof ArrayBuffer) {
        resolve({ fileName: file.name, bytes: new Uint8Array(buffer) });
      } else reject(new Error('unreadable'));
    };
    reader.onerror = () => reject(new Error('unreadable'));
    reader.readAsArrayBuffer(file);
  });
}

export function SourceStep({
  busy,
  error,
  locked,
  onFile,
  onUnreadable,
  onPassword,
  onCancelPassword,
  onScanGoogle,
}: SourceStepProps) {
  const fileId = useId();
  const pasteId = useId();
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const take = (file: File | undefined) => {
    if (!file) return;
    void readFile(file).then(onFile, () => onUnreadable());
    // The input keeps no reference to the file once it has been read.
    if (fileInput.current) fileInput.current.value = '';
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files[0]);
  };

  const usePasted = (event: FormEvent) => {
    event.preventDefault();
    if (!pasted.trim()) return;
    const bytes = new TextEncoder().encode(pasted);
    setPasted('');
    onFile({ fileName: 'pasted text', bytes });
  };

  if (locked) {
    return (
      <PasswordPrompt
        fileName={locked.fileName}
        wrongPassword={locked.wrongPassword}
        busy={busy}
        onPassword={onPassword}
        onCancel={onCancelPassword}
      />
    );
  }

  return (
    <section aria-labelledby="import-source" className="space-y-4">
      <div className="space-y-1">
        <h2 id="import-source" className="text-lg font-semibold text-slate-900">
          Pick the export
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">
          Bitwarden (.json or .csv), 1Password (.1pux or .csv), Aegis (.json), 2FAS (.2fas), or a
          text file of otpauth:// links. The file is read in this tab only: nothing is sent until
          you have checked every row and pressed Import.
        </p>
      </div>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          'flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-6 py-8 text-center',
          dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-white',
        )}
      >
        <FileUp aria-hidden="true" className="size-8 text-slate-500" />
        <label htmlFor={fileId} className="text-sm font-medium text-slate-900">
          Export file
        </label>
        <input
          ref={fileInput}
          id={fileId}
          type="file"
          disabled={busy}
          aria-describedby={`${fileId}-hint`}
          className="max-w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
          onChange={(event) => take(event.target.files?.[0])}
        />
        <p id={`${fileId}-hint`} className="text-xs text-slate-600">
          Or drop the file here.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3">
        <p className="min-w-0 flex-1 basis-64 text-sm text-slate-700">
          Google Authenticator exports accounts as QR codes (Transfer accounts, then Export
          accounts), often several in a row.
        </p>
        <Button onClick={onScanGoogle} disabled={busy}>
          Scan Google Authenticator codes
        </Button>
      </div>
      <form onSubmit={usePasted} className="space-y-2">
        <label htmlFor={pasteId} className="block text-sm font-medium text-slate-800">
          Or paste the export
        </label>
        <textarea
          id={pasteId}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          className={cn(inputClass, 'font-mono')}
          placeholder="otpauth://totp/… one per line, or the export's JSON"
        />
        <Button type="submit" disabled={busy || !pasted.trim()}>
          Read pasted text
        </Button>
      </form>
      {busy && (
        <p role="status" className="text-sm text-slate-700">
          Reading the export…
        </p>
      )}
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
        >
          {error}
        </p>
      )}
    </section>
  );
}

function PasswordPrompt({
  fileName,
  wrongPassword,
  busy,
  onPassword,
  onCancel,
}: {
  fileName: string;
  wrongPassword: boolean;
  busy: boolean;
  onPassword: (password: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) return;
    const value = password;
    // Used once: the field is emptied before the file is even decrypted.
    setPassword('');
    onPassword(value);
  };
  return (
    <section aria-labelledby="import-password" className="max-w-lg space-y-4">
      <div className="space-y-1">
        <h2
          id="import-password"
          className="flex items-center gap-2 text-lg font-semibold text-slate-900"
        >
          <LockKeyhole aria-hidden="true" className="size-5 text-slate-600" />
          This export is encrypted
        </h2>
        <p className="text-sm text-slate-600">
          Type the password of <span className="font-medium break-all">{fileName}</span>. It is used
          once to open the file in this tab and never kept.
        </p>
      </div>
      <form onSubmit={submit} className="space-y-3">
        <div className="space-y-1.5">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            Export password
          </label>
          <SecretInput
            id={id}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the only thing to do on this step
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            revealLabel="export password"
            aria-invalid={wrongPassword || undefined}
            aria-describedby={wrongPassword ? `${id}-error` : undefined}
            autoComplete="off"
          />
          {wrongPassword && (
            <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
              That password does not open this export. Try again.
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" loading={busy} disabled={!password}>
            Open the export
          </Button>
          <Button onClick={onCancel}>Pick another file</Button>
        </div>
      </form>
    </section>
  );
}
