import { ShieldAlert } from 'lucide-react';
import { useAuthFailure } from '../api/auth-state';
import { ReenterKeyAction } from '../components/ui/ReenterKeyAction';

/**
 * The one place a refused key is announced outside a form. Background queries are paused while
 * it shows (api/query-client.ts); a new key lifts the pause and the banner goes away. It never
 * navigates: whatever is open, dialogs included, stays as it is.
 */
export function AuthBanner() {
  const failure = useAuthFailure();
  if (!failure) return null;
  return (
    <div
      role="alert"
      className="mb-6 flex flex-wrap items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <ShieldAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-amber-700" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-semibold">Skyvern refused the API key</p>
        <p className="break-words">
          Skyvern said: “{failure.reason}” Updates are paused until a valid key is entered.
        </p>
      </div>
      <ReenterKeyAction offerRetry={false} />
    </div>
  );
}
