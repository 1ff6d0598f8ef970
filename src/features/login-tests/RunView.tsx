import { useEffect, useRef, useState, type ReactNode } from 'react';
import { AlertTriangle, CheckCircle2, LoaderCircle, TriangleAlert } from 'lucide-react';
import { Button } from '../../components/ui/Button';
import { cn } from '../../lib/cn';
import {
  cancelTracked,
  formatElapsed,
  markSeen,
  type LoginTestPhase,
  type LoginTestRun,
} from './live-tests';

const STEPS: Array<{ phase: Exclude<LoginTestPhase, 'done'>; label: string }> = [
  { phase: 'queued', label: 'Queued' },
  { phase: 'signing-in', label: 'Signing in' },
  { phase: 'checking', label: 'Checking the result' },
];
const ORDER: LoginTestPhase[] = ['queued', 'signing-in', 'checking', 'done'];

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

const PHASE_TEXT: Record<LoginTestPhase, string> = {
  queued: 'Waiting for Skyvern to start the test…',
  'signing-in': 'Skyvern is signing in…',
  checking: 'Signed in. Checking the result and saving the browser session…',
  done: 'The test has finished.',
};

/** Live status: the steps passed, the elapsed time and Cancel. */
export function RunningView({ run, footer }: { run: LoginTestRun; footer?: ReactNode }) {
  const now = useNow(true);
  const current = ORDER.indexOf(run.phase);
  const [cancelFailed, setCancelFailed] = useState(false);
  return (
    <div className="space-y-4">
      <p role="status" className="text-sm font-medium text-slate-900">
        {run.cancelling ? 'Cancelling the test…' : PHASE_TEXT[run.phase]}
      </p>
      <ol className="space-y-2" aria-label="Steps">
        {STEPS.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'active' : 'todo';
          return (
            <li key={step.phase} className="flex items-center gap-2.5 text-sm">
              {state === 'done' ? (
                <CheckCircle2 aria-hidden="true" className="size-4 text-emerald-600" />
              ) : state === 'active' ? (
                <LoaderCircle aria-hidden="true" className="size-4 animate-spin text-brand-600" />
              ) : (
                <span
                  aria-hidden="true"
                  className="m-0.5 size-3 rounded-full border-2 border-slate-300"
                />
              )}
              <span className={cn(state === 'todo' ? 'text-slate-500' : 'text-slate-900')}>
                {step.label}
              </span>
              <span className="sr-only">
                {state === 'done' ? '(done)' : state === 'active' ? '(in progress)' : '(to do)'}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="text-sm text-slate-700">
        Elapsed: <span data-testid="login-test-elapsed">{formatElapsed(now - run.startedAt)}</span>
        {' · '}You can leave: the test goes on, and the header lists it.
      </p>
      {cancelFailed && (
        <p role="alert" className="text-sm text-red-700">
          Skyvern could not cancel this test. It goes on; its result will show here.
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        {footer}
        <Button
          variant="danger-outline"
          loading={run.cancelling}
          onClick={() => {
            setCancelFailed(false);
            void cancelTracked(run.runId).then((ok) => setCancelFailed(!ok));
          }}
        >
          Cancel test
        </Button>
      </div>
    </div>
  );
}

function nextSteps(run: LoginTestRun): string[] {
  const outcome = run.outcome;
  if (!outcome || outcome.passed || outcome.status === 'canceled') return [];
  const reason = (outcome.reason ?? '').toLowerCase();
  const steps: string[] = [];
  if (reason.includes('password') || reason.includes('credentials may be incorrect'))
    steps.push('Fix the password: use “Change password” with the current one.');
  if (reason.includes('username')) steps.push('Check the username.');
  if (reason.includes('two-factor') || reason.includes('2fa'))
    steps.push('Re-scan the 2FA key: the site may have a new authenticator setup.');
  if (reason.includes('url') || outcome.status === 'timed_out')
    steps.push('Check the login URL: open it yourself and make sure it shows the sign-in form.');
  if (outcome.status === 'terminated')
    steps.push(
      'Sign in yourself: the site may have locked the account or asked for information Skyvern does not have.',
    );
  if (steps.length === 0)
    steps.push('Check the password and the 2FA settings, then the login URL, and test again.');
  return steps;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** "Login test passed" or "Login test failed", with the reason and what to try next. */
export function ResultView({ run, actions }: { run: LoginTestRun; actions: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const outcome = run.outcome;
  useEffect(() => {
    markSeen(run.runId);
    headingRef.current?.focus();
  }, [run.runId]);
  if (!outcome) return null;
  const finished = run.finishedAt ? timeFormat.format(run.finishedAt) : '';
  const duration = run.finishedAt ? formatElapsed(run.finishedAt - run.startedAt) : '';
  const steps = nextSteps(run);
  return (
    <div className="space-y-4">
      <div
        className={cn(
          'flex gap-3 rounded-lg border px-4 py-3 text-sm',
          outcome.passed
            ? 'border-emerald-200 bg-emerald-50 text-emerald-950'
            : 'border-red-200 bg-red-50 text-red-950',
        )}
      >
        {outcome.passed ? (
          <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-emerald-700" />
        ) : (
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-red-700" />
        )}
        <div className="min-w-0 space-y-1">
          <h3 ref={headingRef} tabIndex={-1} className="font-semibold focus:outline-none">
            {outcome.passed
              ? 'Login test passed'
              : outcome.status === 'canceled'
                ? 'Login test cancelled'
                : 'Login test failed'}
          </h3>
          {outcome.passed ? (
            <>
              <p>
                Skyvern signed in at {finished} ({duration}).
              </p>
              {outcome.browserProfileId ? (
                <p className="break-words">
                  Browser session saved as profile{' '}
                  <code className="font-mono text-xs">{outcome.browserProfileId}</code>, linked to
                  this credential.
                </p>
              ) : outcome.profileFailure ? (
                <p>{outcome.profileFailure}</p>
              ) : (
                <p>The browser session was not saved.</p>
              )}
            </>
          ) : (
            <p className="break-words" data-testid="login-test-reason">
              {outcome.reason ?? 'Skyvern gave no reason.'}
            </p>
          )}
        </div>
      </div>
      {steps.length > 0 && (
        <div className="space-y-1 text-sm text-slate-800">
          <p className="font-medium">What to try next</p>
          <ul className="list-disc space-y-1 pl-5">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap justify-end gap-2">{actions}</div>
    </div>
  );
}

/** The warning every test start shows (issue 13): a test is a real sign-in. */
export function RealSignInWarning() {
  return (
    <div className="flex gap-2.5 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
      <p>
        A test really signs in to the site, as a person would. Repeated tests, or tests with a wrong
        password, can lock the account or alert its owner.
      </p>
    </div>
  );
}
