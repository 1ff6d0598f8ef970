import { AlertTriangle } from 'lucide-react';
import type { ReactNode } from 'react';
import { isApiError } from '../../../api/client';
import { AuthFailureNotice } from '../../../components/ui/AuthFailureNotice';

/** What a failed save or delete says, in words, with what the user can do next. */
export function describeMutationError(error: unknown): { title: string; message: string } {
  if (!isApiError(error)) {
    return {
      title: 'Something went wrong',
      message: 'The console hit an unexpected problem. Try again.',
    };
  }
  if (error.isAuthError) {
    return { title: 'Skyvern refused the API key', message: error.message };
  }
  if (error.kind === 'http' && error.status === 404) {
    return {
      title: 'This credential no longer exists',
      message:
        'Someone may have deleted it in the meantime. The list has been refreshed. Nothing was changed.',
    };
  }
  if (error.kind === 'http' && (error.status === 400 || error.status === 422)) {
    return { title: 'Skyvern did not accept this', message: error.message };
  }
  if (error.kind === 'http' && error.status === 409) {
    return {
      title: 'Changed by someone else',
      message: `${error.message} Nothing you typed was lost.`,
    };
  }
  if (error.isRetryable) {
    return {
      title: 'Skyvern did not confirm the change',
      message: `${error.message} Everything you typed is still here.`,
    };
  }
  return { title: 'Skyvern refused the request', message: error.message };
}

/**
 * A failed save, rename or delete. A refused API key gets Skyvern's reason and **Re-enter API
 * key**, then **Retry**: `onRetry` repeats the action, or by default the surrounding form is
 * submitted again, with every field as it is on screen.
 */
export function DialogError({
  error,
  children,
  onRetry,
  retrying,
}: {
  error: unknown;
  children?: ReactNode;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  if (isApiError(error) && error.isAuthError) {
    return <AuthFailureNotice reason={error.message} onRetry={onRetry} retrying={retrying} />;
  }
  const { title, message } = describeMutationError(error);
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
    >
      <div className="flex gap-2.5">
        <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-700" />
        <div className="space-y-1.5">
          <p className="font-semibold">{title}</p>
          <p>{message}</p>
          {children}
        </div>
      </div>
    </div>
  );
}
