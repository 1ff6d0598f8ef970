import { ShieldAlert } from 'lucide-react';
import { ReenterKeyAction } from './ReenterKeyAction';

/**
 * What a refused API key looks like inside a form or dialog: Skyvern's own reason (for example
 * "Your API key has expired…"), what is safe, and the way out that keeps the form open.
 */
export function AuthFailureNotice({
  reason,
  onRetry,
  retrying,
}: {
  reason: string;
  onRetry?: (() => void) | undefined;
  retrying?: boolean | undefined;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <div className="flex gap-2.5">
        <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
        <div className="min-w-0 space-y-2">
          <p className="font-semibold">Skyvern refused the API key</p>
          <p className="break-words">
            Skyvern said: “{reason}” Nothing was saved, and everything you typed is still here.
          </p>
          <ReenterKeyAction onRetry={onRetry} retrying={retrying} />
        </div>
      </div>
    </div>
  );
}
