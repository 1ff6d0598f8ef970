import { useEffect, useRef } from 'react';
import { CircleCheck, CircleMinus, CircleX } from 'lucide-react';
import { isApiError } from '../../../api/client';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { UserText } from '../../../components/ui/UserText';
import type { ItemState, QueueSnapshot } from '../../../lib/task-queue';
import { displayName } from '../describe';

/*
 * What a bulk action shows while it runs and once it has ended: a progress bar with the count
 * done and Stop, then every item as done, failed (with Skyvern's message) or not started, with
 * Retry failed. Shared by bulk delete and bulk move.
 */

export interface BulkWords<R> {
  /** The progress bar's name, e.g. "Deleting credentials". */
  running: string;
  /** A finished item's outcome in words, e.g. "Deleted" or "Already deleted". */
  done: (value: R | undefined) => string;
  /** The summary's first part, e.g. "3 deleted". */
  doneCount: (count: number) => string;
}

/** Skyvern's own message where there is one; never a request body. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'The console hit an unexpected problem.';
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function summaryOf<R>(snapshot: QueueSnapshot<R>, words: BulkWords<R>): string {
  const parts = [words.doneCount(snapshot.done)];
  if (snapshot.failed) parts.push(`${snapshot.failed} failed`);
  if (snapshot.stopped) parts.push(`${snapshot.stopped} not started`);
  return parts.join(', ');
}

export function BulkProgress<R>({
  snapshot,
  credentials,
  words,
  onStop,
  onRetryFailed,
  onClose,
}: {
  snapshot: QueueSnapshot<R>;
  credentials: readonly Credential[];
  words: BulkWords<R>;
  onStop: () => void;
  onRetryFailed: () => void;
  onClose: () => void;
}) {
  const finished = snapshot.phase === 'finished';
  const stopRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  // Focus follows the work: to Stop while it runs (the button that started it is gone), then to
  // the summary, which a screen reader reads out.
  useEffect(() => {
    if (finished) summaryRef.current?.focus();
    else stopRef.current?.focus();
  }, [finished]);

  if (!finished) {
    const stopping = snapshot.phase === 'stopping';
    const inFlight = snapshot.keys.filter((key) => {
      const status = snapshot.items.get(key)?.status;
      return status === 'running' || status === 'retrying';
    }).length;
    return (
      <div className="space-y-4">
        <div className="space-y-1.5">
          <div className="flex justify-between text-sm text-slate-700">
            <span id="bulk-progress-label">{words.running}</span>
            <span className="tabular-nums">
              {snapshot.settled} of {snapshot.total} done
            </span>
          </div>
          <div
            role="progressbar"
            aria-labelledby="bulk-progress-label"
            aria-valuemin={0}
            aria-valuemax={snapshot.total}
            aria-valuenow={snapshot.settled}
            aria-valuetext={`${snapshot.settled} of ${snapshot.total} done`}
            className="h-2 overflow-hidden rounded-full bg-slate-100"
          >
            <div
              className="h-full bg-brand-600 transition-[width]"
              style={{ width: `${(snapshot.settled / Math.max(1, snapshot.total)) * 100}%` }}
            />
          </div>
          {snapshot.failed > 0 && (
            <p className="text-sm text-red-800">
              {plural(snapshot.failed, 'item', 'items')} failed so far.
            </p>
          )}
        </div>
        <p className="text-sm text-slate-600">
          {stopping
            ? `Stopping: waiting for ${plural(inFlight, 'request', 'requests')} already sent, so that each one is reported.`
            : 'Stop leaves the rest untouched; requests already sent are finished and reported.'}
        </p>
        <div className="flex justify-end">
          <Button ref={stopRef} onClick={onStop} disabled={stopping} variant="danger-outline">
            {stopping ? 'Stopping…' : 'Stop'}
          </Button>
        </div>
      </div>
    );
  }

  const byId = new Map(credentials.map((credential) => [credential.credential_id, credential]));
  // Failures first: they are what needs attention.
  const rank = (state: ItemState<R> | undefined) =>
    state?.status === 'failed' ? 0 : state?.status === 'stopped' ? 1 : 2;
  const keys = [...snapshot.keys].sort(
    (a, b) => rank(snapshot.items.get(a)) - rank(snapshot.items.get(b)),
  );
  const again = snapshot.failed + snapshot.stopped;
  return (
    <div className="space-y-4">
      <h3
        ref={summaryRef}
        tabIndex={-1}
        className="text-base font-semibold text-slate-900 focus:outline-none"
      >
        {summaryOf(snapshot, words)}
      </h3>
      <div
        role="region"
        aria-label="Results"
        // Focusable, so the results scroll from the keyboard (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="max-h-72 overflow-y-auto rounded-lg border border-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <ul className="divide-y divide-slate-100 text-sm">
          {keys.map((key) => {
            const state = snapshot.items.get(key);
            const credential = byId.get(key);
            const name = credential ? displayName(credential) : key;
            return (
              <li key={key} className="flex gap-2 px-3 py-2">
                {state?.status === 'done' ? (
                  <CircleCheck
                    aria-hidden="true"
                    className="mt-0.5 size-4 shrink-0 text-emerald-600"
                  />
                ) : state?.status === 'failed' ? (
                  <CircleX aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-600" />
                ) : (
                  <CircleMinus
                    aria-hidden="true"
                    className="mt-0.5 size-4 shrink-0 text-slate-500"
                  />
                )}
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    <UserText text={name} />
                  </p>
                  <p className={state?.status === 'failed' ? 'text-red-800' : 'text-slate-600'}>
                    {state?.status === 'done'
                      ? words.done(state.value)
                      : state?.status === 'failed'
                        ? `Failed: ${errorMessage(state.error)}`
                        : 'Not started: stopped'}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {again > 0 && <Button onClick={onRetryFailed}>Retry failed</Button>}
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      </div>
    </div>
  );
}
