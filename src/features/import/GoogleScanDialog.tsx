import { useId, useRef, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { decodeQrImage } from '../two-factor/qr-decode';
import { WebcamPanel } from '../two-factor/WebcamPanel';
import type { ParseResult } from './model';
import {
  addMigrationScan,
  migrationProgress,
  migrationResult,
  readMigrationUri,
  type MigrationScan,
} from './parsers/google-migration';

/*
 * Google Authenticator's "Transfer accounts" export, read code by code in one session: from the
 * webcam (it keeps scanning until every code of the export is in) or from several images. The
 * scans hold keys: they live in this dialog's state only and go when it closes.
 */
export function GoogleScanDialog({
  open,
  onOpenChange,
  onDone,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (result: ParseResult) => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="lg"
      title="Scan a Google Authenticator export"
      description="In Google Authenticator, choose Transfer accounts, then Export accounts. Show each code to the camera in turn, or choose screenshots of the codes."
    >
      {open && (
        <Scanner
          onDone={(result) => {
            onDone(result);
            onOpenChange(false);
          }}
        />
      )}
    </Dialog>
  );
}

function Scanner({ onDone }: { onDone: (result: ParseResult) => void }) {
  const [scans, setScans] = useState<MigrationScan[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [decoding, setDecoding] = useState(false);
  const seen = useRef(new Set<string>());
  const scansRef = useRef<MigrationScan[]>([]);
  const imagesId = useId();
  const progress = migrationProgress(scans);
  const complete = scans.length > 0 && progress.complete;

  const take = (text: string) => {
    // The webcam reports the same code many times a second: each text is read once.
    if (seen.current.has(text)) return;
    seen.current.add(text);
    let scan: MigrationScan;
    try {
      scan = readMigrationUri(text);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'This QR code could not be read.');
      return;
    }
    const added = addMigrationScan(scansRef.current, scan);
    scansRef.current = added.scans;
    setScans(added.scans);
    setMessage(
      added.outcome === 'other-export'
        ? 'That code belongs to another export. Scan the codes of one export at a time.'
        : null,
    );
  };

  const onImages = async (files: FileList | null) => {
    if (!files) return;
    setDecoding(true);
    try {
      for (const file of Array.from(files)) {
        try {
          const decoded = await decodeQrImage(file);
          if (decoded) take(decoded.data);
          else setMessage(`No QR code was found in ${file.name}.`);
        } catch {
          setMessage(`${file.name} is not an image.`);
        }
      }
    } finally {
      setDecoding(false);
    }
  };

  return (
    <div className="space-y-4">
      {!complete && <WebcamPanel continuous onDecoded={take} />}
      <div className="space-y-1.5">
        <label htmlFor={imagesId} className="block text-sm font-medium text-slate-800">
          Code images
        </label>
        <input
          id={imagesId}
          type="file"
          accept="image/*"
          multiple
          disabled={decoding}
          className="max-w-full text-sm text-slate-700"
          onChange={(event) => {
            void onImages(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      <p role="status" className="text-sm font-medium text-slate-900">
        {scans.length === 0
          ? 'No code scanned yet.'
          : progress.complete
            ? `${progress.label}: every code of this export is in.`
            : `${progress.label}. Still to scan: ${progress.missing.map((n) => `code ${n}`).join(', ')}.`}
      </p>
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      )}
      <div className="flex justify-end">
        <Button
          variant="primary"
          disabled={!complete}
          onClick={() => onDone(migrationResult(scans))}
        >
          Check these accounts
        </Button>
      </div>
    </div>
  );
}
