import { forwardRef } from 'react';
import { CircleCheck, CircleDashed } from 'lucide-react';
import type { CustomCredentialStatus } from '../../api/custom-credential-config';
import { formatLocalDateTime, formatRelative } from './format';

/** The visible part of a mask, for screen readers ("ending in 2e51"). */
function describeMask(mask: string): string {
  const tail = mask.replace(/•/g, '');
  return tail ? `hidden, ending in ${tail}` : 'hidden';
}

/** What is configured now, as Skyvern reports it. Never shows more of the token than its mask. */
export const ConfigurationStatus = forwardRef<
  HTMLHeadingElement,
  { status: CustomCredentialStatus }
>(function ConfigurationStatus({ status }, headingRef) {
  return (
    <section
      aria-labelledby="ccs-status-heading"
      className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2
          id="ccs-status-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-base font-semibold text-slate-900 focus:outline-none"
        >
          Current configuration
        </h2>
        {status.configured ? (
          <span className="inline-flex items-center gap-1.5 rounded-full bg-emerald-50 px-2.5 py-1 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
            <CircleCheck aria-hidden="true" className="size-3.5" />
            Configured
          </span>
        ) : (
          <span className="inline-flex items-center gap-1.5 rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-200">
            <CircleDashed aria-hidden="true" className="size-3.5" />
            Not configured
          </span>
        )}
      </div>

      {status.configured ? (
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">API base URL</dt>
          <dd className="font-mono break-all text-slate-900">
            {status.apiBaseUrl || (
              <span className="font-sans text-amber-800">
                Empty. Skyvern cannot use this configuration; save a URL below.
              </span>
            )}
          </dd>
          <dt className="text-slate-600">API token</dt>
          <dd className="text-slate-900">
            {status.tokenSet ? (
              <>
                <span aria-hidden="true" className="font-mono tracking-wider">
                  {status.tokenMask}
                </span>
                <span className="sr-only">{describeMask(status.tokenMask)}</span>
                <span className="ml-2 text-xs text-slate-600">
                  Stored by Skyvern; never shown again.
                </span>
              </>
            ) : (
              <span className="text-amber-800">
                Empty. Skyvern cannot use this configuration; save a token below.
              </span>
            )}
          </dd>
          <dt className="text-slate-600">Last updated</dt>
          <dd className="text-slate-900">
            <time
              dateTime={status.updatedAt.toISOString()}
              title={`${status.updatedAt.toISOString()} (UTC)`}
            >
              {formatLocalDateTime(status.updatedAt)}
            </time>{' '}
            <span className="text-slate-600">({formatRelative(status.updatedAt)})</span>
          </dd>
        </dl>
      ) : (
        <p className="mt-3 max-w-prose text-sm text-slate-600">
          Skyvern keeps new credentials in its own vault. Configure your organisation&apos;s
          credential service below to let people store credentials there instead.
        </p>
      )}
    </section>
  );
});
