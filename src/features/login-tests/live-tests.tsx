import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Link } from '../../lib/router';
import { LoaderCircle, ShieldCheck, TriangleAlert } from 'lucide-react';
import { cn } from '../../lib/cn';
import { isApiError } from '../../api/client';
import { cancelLoginTest, FINAL_STATUSES, pollLoginTest, type LoginTestPoll } from './api';

/*
 * Login tests this tab started, and their polling. It lives outside React so a test keeps going
 * when the user leaves the page or closes the dialog; components only subscribe. Entries hold ids,
 * statuses, humanised reasons and times, never a secret, and only in memory.
 */

export type LoginTestPhase = 'queued' | 'signing-in' | 'checking' | 'done';

export interface LoginTestOutcome {
  passed: boolean;
  status: string;
  /** Skyvern's humanised reason (or ours, when the console gave up). */
  reason: string | null;
  browserProfileId: string | null;
  /** Signed in, but the browser session could not be saved. */
  profileFailure: string | null;
  testedUrl: string | null;
}

export interface LoginTestRun {
  runId: string;
  credentialId: string;
  credentialName: string;
  /** The login URL the test was started with. */
  url: string;
  /** `inline`: X1, before saving; the credential is the temporary `_test_login_` one. */
  kind: 'saved' | 'inline';
  saveProfile: boolean;
  startedAt: number;
  status: string;
  phase: LoginTestPhase;
  /** When each phase was first seen (ms), for the step list. */
  phaseAt: Partial<Record<LoginTestPhase, number>>;
  finishedAt: number | null;
  outcome: LoginTestOutcome | null;
  cancelling: boolean;
  /** The user has looked at the result (the header stops listing it). */
  seen: boolean;
  polls: number;
}

/** "1 min 05 s" / "8 s". */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** The wait before poll `n` (0-based): 1 s, then 1.5× longer each time, at most 10 s. */
export function pollDelay(n: number): number {
  return Math.min(Math.round(1000 * 1.5 ** n), 10_000);
}

/** Skyvern's own UI gives up after 10 minutes and cancels (contract 11.8). */
export const GIVE_UP_AFTER_MS = 10 * 60 * 1000;

let runs: readonly LoginTestRun[] = [];
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

function update(runId: string, change: (run: LoginTestRun) => Partial<LoginTestRun>) {
  runs = runs.map((run) => (run.runId === runId ? { ...run, ...change(run) } : run));
  emit();
}

function find(runId: string) {
  return runs.find((run) => run.runId === runId);
}

function phaseOf(run: LoginTestRun, poll: LoginTestPoll): LoginTestPhase {
  if (!FINAL_STATUSES.includes(poll.status))
    return poll.status === 'running' ? 'signing-in' : 'queued';
  return waitingForProfile(run, poll) ? 'checking' : 'done';
}

/** Completed with saving on, but the profile is neither saved nor reported failed yet (11.8). */
function waitingForProfile(run: LoginTestRun, poll: LoginTestPoll) {
  return (
    poll.status === 'completed' &&
    (run.kind === 'inline' || run.saveProfile) &&
    !poll.browser_profile_id &&
    !poll.browser_profile_failure_reason
  );
}

function finish(runId: string, outcome: LoginTestOutcome) {
  clearTimeout(timers.get(runId));
  timers.delete(runId);
  const now = Date.now();
  update(runId, (run) => ({
    phase: 'done',
    phaseAt: { ...run.phaseAt, done: now },
    finishedAt: now,
    outcome,
    cancelling: false,
  }));
}

function schedule(runId: string) {
  const run = find(runId);
  if (!run) return;
  timers.set(
    runId,
    setTimeout(() => void pollOnce(runId), pollDelay(run.polls)),
  );
}

async function pollOnce(runId: string) {
  timers.delete(runId);
  const run = find(runId);
  if (!run || run.outcome) return;
  if (Date.now() - run.startedAt > GIVE_UP_AFTER_MS) {
    void cancelLoginTest(run.credentialId, runId).catch(() => undefined);
    finish(runId, {
      passed: false,
      status: 'timed_out',
      reason: 'The test ran for more than 10 minutes, so the console cancelled it.',
      browserProfileId: null,
      profileFailure: null,
      testedUrl: null,
    });
    return;
  }
  update(runId, (current) => ({ polls: current.polls + 1 }));
  let poll: LoginTestPoll;
  try {
    poll = await pollLoginTest(run.credentialId, runId);
  } catch (error) {
    const current = find(runId);
    if (!current || current.outcome) return;
    if (isApiError(error) && !error.isRetryable) {
      finish(runId, {
        passed: false,
        status: 'unknown',
        reason: `The console could not follow this test: ${error.message}`,
        browserProfileId: null,
        profileFailure: null,
        testedUrl: null,
      });
      return;
    }
    schedule(runId);
    return;
  }
  const current = find(runId);
  if (!current || current.outcome) return;
  const phase = phaseOf(current, poll);
  const now = Date.now();
  update(runId, (latest) => ({
    status: poll.status,
    phase,
    phaseAt: {
      ...(phase === 'signing-in' || phase === 'checking' || phase === 'done'
        ? { queued: latest.phaseAt.queued ?? now }
        : {}),
      ...latest.phaseAt,
      [phase]: latest.phaseAt[phase] ?? now,
    },
  }));
  if (phase !== 'done') {
    schedule(runId);
    return;
  }
  finish(runId, {
    passed: poll.status === 'completed',
    status: poll.status,
    reason: poll.failure_reason ?? null,
    browserProfileId: poll.browser_profile_id ?? null,
    profileFailure: poll.browser_profile_failure_reason ?? null,
    testedUrl: poll.tested_url ?? null,
  });
}

export function startTracking(init: {
  runId: string;
  credentialId: string;
  credentialName: string;
  url: string;
  kind: 'saved' | 'inline';
  saveProfile: boolean;
}) {
  const now = Date.now();
  runs = [
    ...runs.filter((run) => run.runId !== init.runId),
    {
      ...init,
      startedAt: now,
      status: 'created',
      phase: 'queued',
      phaseAt: { queued: now },
      finishedAt: null,
      outcome: null,
      cancelling: false,
      seen: false,
      polls: 0,
    },
  ];
  // The layout's cue to load the header list (it keeps the first load free of this module).
  document.documentElement.dataset['loginTests'] = '1';
  emit();
  schedule(init.runId);
}

/** X4. Resolves false when Skyvern answered `cancel_failed` (the run goes on being followed). */
export async function cancelTracked(runId: string): Promise<boolean> {
  const run = find(runId);
  if (!run || run.outcome) return false;
  update(runId, () => ({ cancelling: true }));
  let canceled = false;
  try {
    canceled = await cancelLoginTest(run.credentialId, runId);
  } catch {
    canceled = false;
  }
  if (!canceled) {
    update(runId, () => ({ cancelling: false }));
    return false;
  }
  finish(runId, {
    passed: false,
    status: 'canceled',
    reason: 'The login test was canceled.',
    browserProfileId: null,
    profileFailure: null,
    testedUrl: null,
  });
  return true;
}

export function markSeen(runId: string) {
  if (find(runId)?.outcome && !find(runId)?.seen) update(runId, () => ({ seen: true }));
}

/** Stops following every test (tests and a change of connection). */
export function resetLoginTests() {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
  runs = [];
  delete document.documentElement.dataset['loginTests'];
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => runs;

export const getLoginTests = snapshot;

export function useLoginTests(): readonly LoginTestRun[] {
  return useSyncExternalStore(subscribe, snapshot);
}

/** The polling hook: the live state of one test. Unmounting only unsubscribes; the test goes on. */
export function useLoginTestRun(runId: string | null): LoginTestRun | undefined {
  const all = useLoginTests();
  return runId === null ? undefined : all.find((run) => run.runId === runId);
}

/** The newest test of a credential this tab saw: running, or the last result. */
export function useLatestTestOf(credentialId: string): LoginTestRun | undefined {
  const all = useLoginTests();
  return all.filter((run) => run.credentialId === credentialId).at(-1);
}

/*
 * The header's list of login tests this tab started: running ones, and finished ones nobody has
 * looked at yet. Loaded after start-up (a lazy chunk the layout always renders), so it costs the
 * first load nothing; it renders nothing until a test starts.
 */
function statusText(run: LoginTestRun, now: number): string {
  if (!run.outcome) {
    const phase =
      run.phase === 'queued' ? 'Queued' : run.phase === 'signing-in' ? 'Signing in' : 'Checking';
    return `${phase} · ${formatElapsed(now - run.startedAt)}`;
  }
  if (run.outcome.passed) return 'Passed';
  return run.outcome.status === 'canceled' ? 'Cancelled' : 'Failed';
}

export function LoginTests() {
  const runs = useLoginTests().filter((run) => !run.seen);
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const running = runs.filter((run) => !run.outcome).length;

  useEffect(() => {
    if (!open || running === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [open, running]);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof MouseEvent && rootRef.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  if (runs.length === 0) return null;
  const label =
    running > 0
      ? `${running} login test${running === 1 ? '' : 's'} running`
      : `${runs.length} login test result${runs.length === 1 ? '' : 's'}`;
  return (
    <div ref={rootRef} className="relative ml-auto">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setNow(Date.now());
          setOpen((value) => !value);
        }}
        className="flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {running > 0 ? (
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin text-brand-600" />
        ) : (
          <ShieldCheck aria-hidden="true" className="size-4 text-slate-700" />
        )}
        <span className="sr-only sm:not-sr-only">{label}</span>
        <span aria-hidden="true" className="sm:hidden">
          {runs.length}
        </span>
      </button>
      {open && (
        <div
          id={panelId}
          className="fixed inset-x-4 top-14 z-40 rounded-lg sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-72 border border-slate-200 bg-white p-2 shadow-lg"
        >
          <p className="px-2 pt-1 pb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            Login tests
          </p>
          <ul className="space-y-1">
            {runs.map((run) => (
              <li key={run.runId} className="flex items-center gap-2">
                <Link
                  to={`/credentials/${encodeURIComponent(run.credentialId)}`}
                  onClick={() => {
                    setOpen(false);
                    if (run.outcome) markSeen(run.runId);
                  }}
                  className="flex min-w-0 flex-1 items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  {!run.outcome ? (
                    <LoaderCircle
                      aria-hidden="true"
                      className="size-4 shrink-0 animate-spin text-brand-600"
                    />
                  ) : run.outcome.passed ? (
                    <ShieldCheck aria-hidden="true" className="size-4 shrink-0 text-emerald-600" />
                  ) : (
                    <TriangleAlert aria-hidden="true" className="size-4 shrink-0 text-red-700" />
                  )}
                  <span className="min-w-0 flex-1 truncate text-slate-900">
                    {run.credentialName}
                  </span>
                  <span
                    className={cn(
                      'shrink-0 text-xs',
                      run.outcome && !run.outcome.passed ? 'text-red-700' : 'text-slate-600',
                    )}
                  >
                    {statusText(run, now)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
