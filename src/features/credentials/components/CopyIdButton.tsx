import { useState } from 'react';
import { ClipboardCopy, CopyCheck } from 'lucide-react';

/*
 * Copies a credential id or a code. The shared CopyButton raises a toast, which would put the
 * toaster in the list's first load; this one says "Copied" in place (and to screen readers).
 */
export function CopyIdButton({ value, label }: { value: string; label: string }) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  return (
    <>
      <button
        type="button"
        aria-label={`Copy ${label}`}
        title={result === 'failed' ? 'The browser did not allow copying' : `Copy ${label}`}
        className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
        onClick={() => {
          // Every failure is caught inside and shown; nothing is left to reject.
          void (async () => {
            try {
              await navigator.clipboard.writeText(value);
              setResult('copied');
            } catch {
              setResult('failed');
            }
            window.setTimeout(() => setResult(null), 1500);
          })();
        }}
      >
        {result === 'copied' ? (
          <CopyCheck aria-hidden="true" className="size-4 text-emerald-600" />
        ) : (
          <ClipboardCopy aria-hidden="true" className="size-4" />
        )}
      </button>
      <span role="status" className="sr-only">
        {result === 'copied'
          ? `Copied ${label}`
          : result === 'failed'
            ? 'Copying was not allowed'
            : ''}
      </span>
    </>
  );
}
