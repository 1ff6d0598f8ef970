import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from '../../lib/router';
import { ScanLine, X } from 'lucide-react';
import { Button } from '../../components/ui/Button';
import { inputClass } from '../../components/ui/Field';
import { usePageTitle } from '../../lib/usePageTitle';
import { CODES_REFRESH_MS } from './api';
import { CodesList } from './CodesList';
import { PushCodeForm } from './PushCodeForm';

const ScanQrDialog = lazy(async () => ({
  default: (await import('./ScanQrDialog')).ScanQrDialog,
}));

/** The identifier filter lives in the URL (`?identifier=`), so credential pages can link here. */
function useIdentifierFilter(): [string, (next: string) => void] {
  const [params, setParams] = useSearchParams();
  const identifier = (params.get('identifier') ?? '').trim();
  const setIdentifier = (next: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next.trim()) updated.set('identifier', next.trim());
        else updated.delete('identifier');
        return updated;
      },
      { replace: false },
    );
  return [identifier, setIdentifier];
}

export function TwoFactorPage() {
  usePageTitle('2FA codes');
  const [identifier, setIdentifier] = useIdentifierFilter();
  const [scanning, setScanning] = useState(false);
  const [scannerLoaded, setScannerLoaded] = useState(false);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold text-slate-900">2FA codes</h1>
          <p className="max-w-2xl text-sm text-slate-600">
            One-time codes and sign-in links pushed to Skyvern for logins that send them by email or
            text message. Runs pick them up by identifier.
          </p>
        </div>
        <Button
          onClick={() => {
            setScannerLoaded(true);
            setScanning(true);
          }}
        >
          <ScanLine aria-hidden="true" className="size-4" />
          Scan a QR code
        </Button>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="recent-codes" className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="recent-codes" className="text-lg font-semibold text-slate-900">
              Recent codes
            </h2>
            <IdentifierFilter key={identifier} value={identifier} onChange={setIdentifier} />
          </div>
          <CodesList identifier={identifier} />
          <p className="text-xs text-slate-600">
            Refreshes every {CODES_REFRESH_MS / 1000} seconds while this tab is visible. Codes are
            hidden until you show them.
          </p>
        </section>

        <section
          aria-labelledby="push-code"
          className="h-fit space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <div className="space-y-1">
            <h2 id="push-code" className="text-lg font-semibold text-slate-900">
              Push a code
            </h2>
            <p className="text-sm text-slate-600">
              Hand Skyvern a code that arrived by email or text, as forwarding would.
            </p>
          </div>
          {/* Not keyed on the filter: changing it must not wipe a message being typed. */}
          <PushCodeForm defaultIdentifier={identifier} />
        </section>
      </div>

      {scannerLoaded && (
        <Suspense fallback={null}>
          <ScanQrDialog open={scanning} onOpenChange={setScanning} />
        </Suspense>
      )}
    </div>
  );
}

function IdentifierFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (next: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  return (
    <form
      role="search"
      aria-label="Filter codes"
      className="flex max-w-full flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft);
      }}
    >
      <div className="min-w-0 flex-1 basis-48 space-y-1">
        <label htmlFor="codes-identifier" className="block text-xs font-medium text-slate-700">
          Identifier
        </label>
        <input
          id="codes-identifier"
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="jane@example.com"
          className={`${inputClass} w-64 max-w-full`}
          autoComplete="off"
        />
      </div>
      <Button type="submit">Filter</Button>
      {value && (
        <Button variant="ghost" onClick={() => onChange('')}>
          <X aria-hidden="true" className="size-4" />
          Clear filter
        </Button>
      )}
    </form>
  );
}
