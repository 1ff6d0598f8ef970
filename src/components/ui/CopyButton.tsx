import { useState } from 'react';
import { Check, Copy } from 'lucide-react';
import { toast } from 'sonner';
import { cn } from '../../lib/cn';

/** Copies a value without ever putting it in the page's text. `label` names what is copied. */
export function CopyButton({
  value,
  label,
  className,
}: {
  value: string;
  label: string;
  className?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      className={cn(
        'inline-flex size-7 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600',
        className,
      )}
      onClick={() => {
        // Every failure is caught inside and shown; nothing is left to reject.
        void (async () => {
          try {
            await navigator.clipboard.writeText(value);
            setCopied(true);
            toast.success(`Copied ${label}`);
            window.setTimeout(() => setCopied(false), 1500);
          } catch {
            toast.error('The browser did not allow copying. Select the text and copy it by hand.');
          }
        })();
      }}
    >
      {copied ? (
        <Check aria-hidden="true" className="size-4" />
      ) : (
        <Copy aria-hidden="true" className="size-4" />
      )}
    </button>
  );
}
