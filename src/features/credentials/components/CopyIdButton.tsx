import { useState } from 'react';
import { Check, Copy } from 'lucide-react';

/*
 * Copies a credential id. The shared CopyButton imports the toaster statically, which would put
 * it in the list's first load; here the toast module is only fetched when something is copied.
 */
export function CopyIdButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
      onClick={async () => {
        const { toast } = await import('sonner');
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          toast.success(`Copied ${label}`);
          window.setTimeout(() => setCopied(false), 1500);
        } catch {
          toast.error('The browser did not allow copying. Select the id and copy it by hand.');
        }
      }}
    >
      {copied ? (
        <Check aria-hidden="true" className="size-4 text-emerald-600" />
      ) : (
        <Copy aria-hidden="true" className="size-4" />
      )}
    </button>
  );
}
