import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { BadgeCheck, CircleDashed, LoaderCircle, MinusCircle, XCircle } from 'lucide-react';
import { queryKeys } from '../../api/query-keys';
import { AuthFailureNotice } from '../../components/ui/AuthFailureNotice';
import { Button } from '../../components/ui/Button';
import {
  deleteCanary,
  describeStepError,
  initialSteps,
  runFullCheck,
  type CheckResult,
  type StepId,
  type StepState,
} from './full-check';

const STEP_TEXT: Record<StepId, { title: string; what: string }> = {
  create: {
    title: 'Create a canary credential',
    what: 'A password credential with an authenticator key, stored in your service.',
  },
  read: {
    title: 'Read its current code',
    what: 'Skyvern reads the item back from your service and generates the code.',
  },
  update: {
    title: 'Update it',
    what: 'Skyvern writes a new item to your service, then deletes the old one.',
  },
  delete: {
    title: 'Delete it',
    what: 'Skyvern deletes the item from your service, then the canary itself.',
  },
};

const STATUS_TEXT: Record<StepState['status'], string> = {
  waiting: 'Waiting',
  running: 'Running',
  passed: 'Passed',
  failed: 'Failed',
  skipped: 'Skipped',
};

function StatusIcon({ status }: { status: StepState['status'] }) {
  const className = 'size-5 shrink-0';
  switch (status) {
    case 'passed':
      return <BadgeCheck aria-hidden="true" className={`${className} text-emerald-700`} />;
    case 'failed':
      return <XCircle aria-hidden="true" className={`${className} text-red-700`} />;
    case 'running':
      return (
        <LoaderCircle aria-hidden="true" className={`${className} animate-spin text-brand-600`} />
      );
    case 'skipped':
      return <MinusCircle aria-hidden="true" className={`${className} text-slate-500`} />;
    case 'waiting':
      return <CircleDashed aria-hidden="true" className={`${className} text-slate-400`} />;
  }
}

function seconds(ms: number | undefined): string | null {
  return ms === undefined ? null : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Settings → Custom Credential Service → Full check. Runs only when asked, against the saved
 * configuration, through Skyvern's API (./full-check.ts). A lazy chunk of the settings page.
 */
export function FullCheckPanel() {
  const queryClient = useQueryClient();
  const [steps, setSteps] = useState<StepState[] | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [running, setRunning] = useState(false);
  const [retryingCleanup, setRetryingCleanup] = useState(false);
  const [cleanupAgain, setCleanupAgain] = useState<'deleted' | string | null>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = async () => {
    setRunning(true);
    setResult(null);
    setCleanupAgain(null);
    setSteps(initialSteps());
    // Not cancelled when the page is left: the clean-up must still happen.
    const outcome = await runFullCheck((next) => {
      if (mounted.current) setSteps(next);
    });
    // The canary came and went: lists that may have shown it are refreshed.
    void queryClient.invalidateQueries({ queryKey: queryKeys.credentials.lists() });
    if (!mounted.current) return;
    setSteps(outcome.steps);
    setResult(outcome);
    setRunning(false);
  };

  useEffect(() => {
    if (result) summaryRef.current?.focus();
  }, [result]);

  const retryCleanup = async (credentialId: string) => {
    setRetryingCleanup(true);
    try {
      await deleteCanary(credentialId);
      setCleanupAgain('deleted');
      void queryClient.invalidateQueries({ queryKey: queryKeys.credentials.lists() });
    } catch (error) {
      setCleanupAgain(describeStepError(error));
    } finally {
      setRetryingCleanup(false);
    }
  };

  const failed = result?.steps.find((step) => step.status === 'failed');
  const total = result?.steps.reduce((sum, step) => sum + (step.ms ?? 0), 0) ?? 0;
  let summary: string | null = null;
  if (result) {
    if (!failed) summary = `All 4 steps passed in ${(total / 1000).toFixed(2)} s.`;
    else {
      const number = result.steps.indexOf(failed) + 1;
      summary = `Step ${number} failed: ${STEP_TEXT[failed.id].title.toLowerCase()}.`;
      if (result.leftover) summary += ' The canary could not be deleted.';
      else if (result.steps[3]?.status === 'passed') summary += ' The canary was deleted.';
      else if (failed.id === 'create' && result.steps[3]?.status === 'skipped') {
        summary += ' Nothing was created, so there is nothing to clean up.';
      }
    }
  }

  return (
    <section
      aria-labelledby="ccs-full-check-heading"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div className="space-y-1">
        <h2 id="ccs-full-check-heading" className="text-base font-semibold text-slate-900">
          Full check
        </h2>
        <p className="text-sm text-slate-600">
          Test Connection sends one GET, which proves little. The full check makes Skyvern use the
          saved service the way real credentials do: it creates a throwaway canary credential, reads
          its code, updates it and deletes it. The canary’s password and key are random and exist
          only in this tab’s memory; the canary is deleted at the end, even after a failure.
        </p>
        <p className="text-xs text-slate-600">
          Uses the saved configuration, not unsaved values in the form above.
        </p>
      </div>
      <Button
        variant="secondary"
        onClick={() => void run()}
        loading={running}
        disabled={running || retryingCleanup}
      >
        {running ? 'Checking…' : 'Run full check'}
      </Button>

      {steps && (
        <ol
          className="divide-y divide-slate-100 rounded-lg border border-slate-200"
          aria-label="Full check steps"
        >
          {steps.map((step, index) => {
            const time = seconds(step.ms);
            return (
              <li key={step.id} className="flex gap-3 px-4 py-3 text-sm">
                <StatusIcon status={step.status} />
                <div className="min-w-0 flex-1 space-y-0.5">
                  <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <span className="font-medium text-slate-900">
                      {index + 1}. {STEP_TEXT[step.id].title}
                    </span>
                    <span
                      className={
                        step.status === 'failed'
                          ? 'font-medium text-red-700'
                          : step.status === 'passed'
                            ? 'font-medium text-emerald-800'
                            : 'text-slate-600'
                      }
                    >
                      {STATUS_TEXT[step.status]}
                      {time && <span className="text-slate-600 tabular-nums"> · {time}</span>}
                    </span>
                  </p>
                  <p className="text-xs text-slate-600">{STEP_TEXT[step.id].what}</p>
                  {step.detail && (
                    <p
                      className={
                        step.status === 'failed'
                          ? 'break-words text-red-800'
                          : 'break-words text-slate-600'
                      }
                    >
                      {step.detail}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <div aria-live="polite" className="space-y-3 empty:hidden">
        {summary && (
          <p
            ref={summaryRef}
            tabIndex={-1}
            data-testid="full-check-summary"
            className={`rounded-lg border px-4 py-3 text-sm font-medium focus:outline-2 focus:outline-brand-600 ${
              failed
                ? 'border-red-200 bg-red-50 text-red-950'
                : 'border-emerald-200 bg-emerald-50 text-emerald-950'
            }`}
          >
            {summary}
          </p>
        )}
        {result?.leftover && (
          <div
            role="alert"
            className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          >
            <p className="font-semibold">The canary credential is still there</p>
            <p className="break-words">
              Its id is <code className="font-mono text-xs">{result.leftover.credentialId}</code>{' '}
              (named “{result.leftover.name}”). {result.leftover.detail} Delete it here once the
              service answers, or from the Credentials page.
            </p>
            {cleanupAgain === 'deleted' ? (
              <p role="status" className="font-medium">
                Deleted: nothing is left over.
              </p>
            ) : (
              <>
                {cleanupAgain && <p className="break-words">Still not deleted: {cleanupAgain}</p>}
                <Button
                  size="sm"
                  onClick={() => void retryCleanup(result.leftover?.credentialId ?? '')}
                  loading={retryingCleanup}
                >
                  Delete the canary again
                </Button>
              </>
            )}
          </div>
        )}
        {result?.authFailure && (
          <AuthFailureNotice reason={result.authFailure} onRetry={() => void run()} />
        )}
      </div>
    </section>
  );
}
