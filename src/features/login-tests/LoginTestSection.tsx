import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { useLocation, useNavigate } from '../../lib/router';
import { queryKeys } from '../../api/query-keys';
import type { Credential } from '../../api/schemas';
import { Button } from '../../components/ui/Button';
import { getBrowserProfile } from './api';
import { formatElapsed, markSeen, useLatestTestOf, type LoginTestRun } from './live-tests';

const TestLoginDialog = lazy(async () => ({
  default: (await import('./TestLoginDialog')).TestLoginDialog,
}));

const profileQuery = (id: string) =>
  queryOptions({
    queryKey: ['x', id],
    queryFn: ({ signal }) => getBrowserProfile(id, signal),
  });

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Skyvern's naive UTC timestamps (contract 1.6). */
function formatNaiveUtc(value: string): string {
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-5 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 text-sm break-words text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

function LastResult({ run }: { run: LoginTestRun | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  const running = run !== undefined && run.outcome === null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!run) return <span className="text-slate-500">No test in this browser yet</span>;
  if (!run.outcome) {
    const phase =
      run.phase === 'queued' ? 'Queued' : run.phase === 'signing-in' ? 'Signing in' : 'Checking';
    return (
      <span>
        Running: {phase} · {formatElapsed(now - run.startedAt)}
      </span>
    );
  }
  const when = run.finishedAt ? dateTime.format(run.finishedAt) : '';
  if (run.outcome.passed) return <span className="text-emerald-800">Passed · {when}</span>;
  return (
    <span>
      <span className="font-medium text-red-700">
        {run.outcome.status === 'canceled' ? 'Cancelled' : 'Failed'}
      </span>{' '}
      · {when}
      {run.outcome.reason && run.outcome.status !== 'canceled' && (
        <span className="block text-slate-700">{run.outcome.reason}</span>
      )}
    </span>
  );
}

/** The detail page's login-test panel: URL, last result this tab saw, profile's last login. */
export function LoginTestSection({ credential, name }: { credential: Credential; name: string }) {
  const id = credential.credential_id;
  const latest = useLatestTestOf(id);
  // The list's row menu opens "Test login" here, with #test-login (its first load has no room).
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(location.hash === '#test-login');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    if (location.hash === '#test-login') {
      navigate(location.pathname + location.search, { replace: true });
    }
  };
  const queryClient = useQueryClient();
  const profileId = credential.browser_profile_id ?? null;
  const profile = useQuery({ ...profileQuery(profileId ?? ''), enabled: profileId !== null });
  const finishedRef = useRef(latest?.finishedAt ?? null);

  // A test that ends while the page is open may have linked a profile and set tested_url.
  const finishedAt = latest?.finishedAt ?? null;
  useEffect(() => {
    if (finishedAt === null || finishedRef.current === finishedAt) return;
    finishedRef.current = finishedAt;
    void queryClient.invalidateQueries({ queryKey: queryKeys.credentials.detail(id) });
    void queryClient.invalidateQueries({ queryKey: ['x'] });
  }, [finishedAt, id, profileId, queryClient]);
  useEffect(() => {
    if (latest?.outcome) markSeen(latest.runId);
  }, [latest]);

  return (
    <section
      aria-labelledby="login-test-heading"
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
        <div>
          <h2 id="login-test-heading" className="text-sm font-semibold text-slate-900">
            Login test
          </h2>
          <p className="text-xs text-slate-600">
            Check that Skyvern can still sign in with this credential.
          </p>
        </div>
        <Button ref={buttonRef} onClick={() => setOpen(true)} aria-label={`Test login of ${name}`}>
          <ShieldCheck aria-hidden="true" className="size-4" />
          {latest && !latest.outcome ? 'Show running test' : 'Test login'}
        </Button>
      </div>
      <dl className="divide-y divide-slate-100">
        <Row label="Login URL">
          {credential.tested_url ? (
            <span className="wrap-anywhere">{credential.tested_url}</span>
          ) : (
            <span className="text-slate-500">Not set</span>
          )}
        </Row>
        <Row label="Last result in this browser">
          <LastResult run={latest} />
        </Row>
        <Row label="Last verified login">
          {profileId === null ? (
            <span className="text-slate-500">No browser profile linked</span>
          ) : profile.data ? (
            profile.data.last_verified_login_at ? (
              formatNaiveUtc(profile.data.last_verified_login_at)
            ) : (
              <span className="text-slate-500">Not verified yet (profile {profileId})</span>
            )
          ) : profile.isError ? (
            <span className="text-slate-500">Profile {profileId} could not be loaded</span>
          ) : (
            <span className="text-slate-500">Loading…</span>
          )}
        </Row>
      </dl>
      {open && (
        <Suspense fallback={null}>
          <TestLoginDialog
            credential={credential}
            name={name}
            onClose={close}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              buttonRef.current?.focus();
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
