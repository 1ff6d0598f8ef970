import { useCallback, useEffect, useRef, useState } from 'react';
import { Download, Pause, Play, Square } from 'lucide-react';
import { Button } from '../../components/ui/Button';
import { ScrollRegion } from '../../components/ui/ScrollRegion';
import { isApiError } from '../../api/client';
import { totpAt, type TotpAccount } from '../../lib/authenticator-key';
import type { ItemState, QueueSnapshot } from '../../lib/task-queue';
import { useTaskQueue } from '../../lib/useTaskQueue';
import { cn } from '../../lib/cn';
import { fetchTotpCode } from './api';
import { entryName, type PlanRow } from './plan';
import {
  nameOf,
  reportCsv,
  summaryLine,
  typeOf,
  type RowReport,
  type Verification,
} from './report';
import { classifyImportError, type ImportRunner, type RowResult } from './run-import';
import { statusText } from './ReviewStep';
import { PAGE_SIZE, pageCount, Pager } from './Pager';

interface Job {
  id: string;
}

export interface RunStepProps {
  /** Every row of the dry run (included or not), in order. */
  rows: readonly PlanRow[];
  /** Ids of the rows to send. */
  jobIds: readonly string[];
  /** The row with its secrets, for as long as it may still be sent. */
  secretRow: (id: string) => PlanRow | undefined;
  runner: ImportRunner;
  /** Called once the run (and its checks) ended, with the rows whose secrets can go. */
  onSettled: (doneIds: readonly string[]) => void;
  /** A run (or Retry failed) started: the page is mid-way again. */
  onStarted: () => void;
  /** The imported keys are being checked (step 4). */
  onVerifying: (verifying: boolean) => void;
  onStartOver: () => void;
}

export function errorText(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return 'The import of this row failed.';
}

function totpOf(row: PlanRow | undefined): TotpAccount | null {
  if (!row) return null;
  const { entry } = row;
  if (entry.kind === 'password') return entry.totp;
  if (entry.kind === 'authenticator') return entry.totp;
  return null;
}

/**
 * The code Skyvern computed must be the one this key gives in the same window. Skyvern says how
 * long its code has left; its window started `period - remaining` seconds ago.
 */
export function codesAgree(totp: TotpAccount, code: string, secondsRemaining: number, now: number) {
  if (totpAt(totp, now).code === code) return true;
  const windowStart = now + secondsRemaining * 1000 - totp.period * 1000;
  return totpAt(totp, windowStart + 500).code === code;
}

async function verifyAll(
  targets: readonly { rowId: string; credentialId: string; totp: TotpAccount }[],
  report: (rowId: string, verification: Verification) => void,
) {
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const target = targets[next++];
      if (!target) return;
      try {
        const answer = await fetchTotpCode(target.credentialId);
        const agree = codesAgree(target.totp, answer.code, answer.seconds_remaining, Date.now());
        report(target.rowId, agree ? { state: 'verified' } : { state: 'mismatch' });
      } catch (error) {
        report(target.rowId, { state: 'unchecked', message: errorText(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

function skippedDetail(row: PlanRow): string {
  if (row.status === 'match') return 'Matches an existing credential';
  if (row.status === 'invalid' || row.status === 'unsupported') return statusText(row);
  return 'Left out of the import';
}

export function buildReports(
  rows: readonly PlanRow[],
  snapshot: QueueSnapshot<RowResult>,
  verifications: ReadonlyMap<string, Verification>,
  createdId: (rowId: string) => string | undefined,
): RowReport[] {
  return rows.map((row) => {
    const rowId = row.entry.id;
    const base = {
      rowId,
      sourceName: row.entry.sourceName,
      name: nameOf(row),
      type: typeOf(row),
      credentialId: createdId(rowId) ?? '',
      verification: verifications.get(rowId) ?? null,
    };
    const state = snapshot.items.get(rowId);
    if (!state) return { ...base, outcome: 'skipped', detail: skippedDetail(row) };
    if (state.status === 'done') {
      return {
        ...base,
        outcome: 'imported',
        detail: '',
        credentialId: state.value?.credentialId ?? base.credentialId,
      };
    }
    if (state.status === 'failed')
      return { ...base, outcome: 'failed', detail: errorText(state.error) };
    if (state.status === 'stopped') {
      return { ...base, outcome: 'skipped', detail: 'Cancelled before it was sent' };
    }
    return { ...base, outcome: 'skipped', detail: 'Still running' };
  });
}

function liveText(state: ItemState<RowResult> | undefined): string {
  switch (state?.status) {
    case undefined:
      return 'Skipped';
    case 'pending':
      return 'Waiting';
    case 'running':
      return state.attempts > 1 ? `Sending (attempt ${state.attempts})` : 'Sending';
    case 'retrying':
      return `Retrying: ${errorText(state.error)}`;
    case 'done':
      return 'Imported';
    case 'failed':
      return `Failed: ${errorText(state.error)}`;
    case 'stopped':
      return 'Skipped (cancelled)';
  }
}

function verificationText(verification: Verification | undefined): string {
  if (!verification) return '';
  if (verification.state === 'verified') return 'Verified';
  if (verification.state === 'mismatch') return 'Mismatch: Skyvern’s code differs';
  return `Not checked: ${verification.message}`;
}

export function RunStep({
  rows,
  jobIds,
  secretRow,
  runner,
  onSettled,
  onStarted,
  onVerifying,
  onStartOver,
}: RunStepProps) {
  const run = useCallback(
    (job: Job) => {
      const row = secretRow(job.id);
      if (!row)
        return Promise.reject(new Error('This row’s data was cleared; pick the file again.'));
      return runner.run(row);
    },
    [runner, secretRow],
  );
  const { queue, snapshot } = useTaskQueue<Job, RowResult>({
    key: (job) => job.id,
    run,
    classify: classifyImportError,
  });
  const [verifications, setVerifications] = useState<Map<string, Verification>>(new Map());
  const [checking, setChecking] = useState(false);
  const [passes, setPasses] = useState(0);
  const started = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const go = useCallback(
    async (runOnce: () => Promise<QueueSnapshot<RowResult>>) => {
      onStarted();
      const result = await runOnce();
      const targets = result.keys.flatMap((rowId) => {
        const state = result.items.get(rowId);
        const totp = totpOf(secretRow(rowId));
        if (state?.status !== 'done' || !state.value || !totp || !totp.secret) return [];
        return [{ rowId, credentialId: state.value.credentialId, totp }];
      });
      if (targets.length > 0) {
        setChecking(true);
        onVerifying(true);
        await verifyAll(targets, (rowId, verification) =>
          setVerifications((current) => new Map(current).set(rowId, verification)),
        );
        setChecking(false);
        onVerifying(false);
      }
      onSettled(result.keys.filter((rowId) => result.items.get(rowId)?.status === 'done'));
      setPasses((count) => count + 1);
    },
    [onSettled, onStarted, onVerifying, secretRow],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void go(() => queue.run(jobIds.map((id) => ({ id }))));
  }, [go, jobIds, queue]);

  const finished = snapshot.phase === 'finished' && !checking && passes > 0;
  useEffect(() => {
    if (finished) heading.current?.focus();
  }, [finished, passes]);

  const [page, setPage] = useState(1);
  const shownPage = Math.min(page, pageCount(rows.length));
  const shown = rows.slice((shownPage - 1) * PAGE_SIZE, shownPage * PAGE_SIZE);
  const reports = buildReports(rows, snapshot, verifications, runner.createdId);
  const retryable = snapshot.failed + snapshot.stopped;

  const download = () => {
    const blob = new Blob([reportCsv(reports)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'skyvern-import-report.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  const running =
    snapshot.phase === 'running' || snapshot.phase === 'paused' || snapshot.phase === 'stopping';
  return (
    <section aria-labelledby="import-run" className="space-y-4">
      {finished ? (
        <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2
            id="import-run"
            ref={heading}
            tabIndex={-1}
            className="text-lg font-semibold text-slate-900 focus:outline-none"
          >
            {summaryLine(reports)}
          </h2>
          <p className="text-sm text-slate-600">
            The report lists names, types, outcomes and credential ids; it never holds a secret. The
            file’s contents are cleared from this tab when you leave this page.
          </p>
          <div className="flex flex-wrap gap-2">
            {retryable > 0 && (
              <Button variant="primary" onClick={() => void go(() => queue.retryFailed())}>
                Retry failed
              </Button>
            )}
            <Button onClick={download}>
              <Download aria-hidden="true" className="size-4" />
              Download report (CSV)
            </Button>
            <Button onClick={onStartOver}>Import another file</Button>
          </div>
        </div>
      ) : (
        <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="import-run" className="text-lg font-semibold text-slate-900">
            {checking
              ? 'Checking the imported 2FA keys…'
              : snapshot.phase === 'paused'
                ? 'Import paused'
                : 'Importing…'}
          </h2>
          <progress
            aria-label="Import progress"
            className="h-2 w-full accent-brand-600"
            max={Math.max(snapshot.total, 1)}
            value={snapshot.settled}
          />
          <p aria-live="polite" className="text-sm text-slate-700">
            {snapshot.settled} of {snapshot.total} done · {snapshot.done} imported ·{' '}
            {snapshot.failed} failed
            {snapshot.stopped > 0 && ` · ${snapshot.stopped} cancelled`}
          </p>
          {running && (
            <div className="flex flex-wrap gap-2">
              {snapshot.phase === 'paused' ? (
                <Button onClick={() => queue.resume()}>
                  <Play aria-hidden="true" className="size-4" />
                  Resume
                </Button>
              ) : (
                <Button onClick={() => queue.pause()} disabled={snapshot.phase === 'stopping'}>
                  <Pause aria-hidden="true" className="size-4" />
                  Pause
                </Button>
              )}
              <Button
                variant="danger-outline"
                onClick={() => queue.stop()}
                disabled={snapshot.phase === 'stopping'}
              >
                <Square aria-hidden="true" className="size-4" />
                Cancel
              </Button>
            </div>
          )}
          {snapshot.phase === 'stopping' && (
            <p className="text-sm text-slate-600">
              Cancelling: waiting for the requests already sent…
            </p>
          )}
        </div>
      )}
      <ScrollRegion
        label="Outcome table"
        className="rounded-xl border border-slate-200 bg-white shadow-sm"
      >
        <table className="w-full min-w-[32rem] text-left text-sm">
          <caption className="sr-only">Outcome of every entry</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                Type
              </th>
              <th scope="col" className="px-3 py-2">
                Outcome
              </th>
              <th scope="col" className="px-3 py-2">
                2FA check
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const rowId = row.entry.id;
              const state = snapshot.items.get(rowId);
              const text = state ? liveText(state) : `Skipped: ${skippedDetail(row)}`;
              return (
                <tr key={rowId} className="border-b border-slate-100 last:border-b-0">
                  <td className="max-w-64 px-3 py-2 break-words">
                    {entryName(row.entry) || row.entry.sourceName}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{typeOf(row)}</td>
                  <td
                    className={cn(
                      'px-3 py-2',
                      state?.status === 'failed' && 'text-red-700',
                      state?.status === 'done' && 'text-emerald-800',
                    )}
                  >
                    {text}
                  </td>
                  <td
                    className={cn(
                      'px-3 py-2',
                      verifications.get(rowId)?.state === 'mismatch' && 'text-red-700',
                    )}
                  >
                    {verificationText(verifications.get(rowId))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <Pager label="Outcome pages" page={shownPage} total={rows.length} onPage={setPage} />
    </section>
  );
}
