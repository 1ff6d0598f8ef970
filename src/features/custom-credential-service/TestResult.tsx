import type { ReactNode } from 'react';
import { AlertTriangle, CheckCircle2, XCircle } from 'lucide-react';
import type { ConnectionTestOutcome } from './api';

type Tone = 'success' | 'warning' | 'error';

const tones: Record<Tone, { box: string; icon: ReactNode }> = {
  success: {
    box: 'border-emerald-200 bg-emerald-50 text-emerald-950',
    icon: <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-emerald-700" />,
  },
  warning: {
    box: 'border-amber-300 bg-amber-50 text-amber-950',
    icon: <AlertTriangle aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-amber-700" />,
  },
  error: {
    box: 'border-red-200 bg-red-50 text-red-950',
    icon: <XCircle aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-red-700" />,
  },
};

function Result({ tone, title, children }: { tone: Tone; title: string; children: ReactNode }) {
  const style = tones[tone];
  return (
    <div
      // Failures interrupt; a pass or a warning is announced politely.
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="ccs-test-result"
      data-outcome={tone}
      className={`flex gap-3 rounded-lg border px-4 py-3 text-sm ${style.box}`}
    >
      {style.icon}
      <div className="space-y-1.5">
        <p className="font-semibold">{title}</p>
        {children}
      </div>
    </div>
  );
}

function Code({ children }: { children: ReactNode }) {
  return <code className="rounded bg-white/70 px-1 font-mono text-xs">{children}</code>;
}

/** A Test Connection failure in a few words, for "The connection test failed (…)". */
export function testOutcomeSummary(outcome: ConnectionTestOutcome): string {
  switch (outcome.kind) {
    case 'success':
      return 'passed';
    case 'not-found-or-method':
      return `HTTP ${outcome.status}: no GET on the base URL`;
    case 'unauthorized':
      return `${outcome.status} ${outcome.status === 401 ? 'Unauthorized' : 'Forbidden'}`;
    case 'other-status':
      return `HTTP ${outcome.status}`;
    case 'unreachable':
      return 'Skyvern could not reach the service';
    case 'host-blocked':
      return 'blocked by Skyvern’s host rules';
    case 'invalid-url':
      return 'Skyvern did not accept the URL';
    case 'rejected':
      return outcome.message;
  }
}

/** What a Test Connection outcome means, and what to do about it. */
export function TestResult({
  outcome,
  testedUrl,
}: {
  outcome: ConnectionTestOutcome;
  testedUrl: string;
}) {
  switch (outcome.kind) {
    case 'success':
      return (
        <Result tone="success" title="Connection successful">
          <p>
            Skyvern reached <span className="font-mono break-all">{testedUrl}</span> and the service
            accepted the token. Nothing was saved yet: press Update Configuration to use it.
          </p>
        </Result>
      );
    case 'not-found-or-method':
      return (
        <Result
          tone="warning"
          title={`Reachable, but the service answered HTTP ${outcome.status} on GET of the base URL`}
        >
          <p>
            Skyvern&apos;s documentation says a 404 or 405 still counts as a working connection, but
            current Skyvern only passes the test on a 2xx answer. The service is up; it just has no{' '}
            <Code>GET</Code> on the base URL itself.
          </p>
          <p>
            Credentials can still work if the service accepts <Code>POST</Code> on this URL and{' '}
            <Code>GET</Code>/<Code>DELETE</Code> on <Code>{'<base URL>/<id>'}</Code>. Check that the
            URL is the collection URL (for example <Code>…/api/v1/credentials</Code>), or add a{' '}
            <Code>GET</Code> handler to the service to make the test pass.
          </p>
        </Result>
      );
    case 'unauthorized':
      return (
        <Result tone="error" title={`The service refused the token (HTTP ${outcome.status})`}>
          <p>
            Skyvern reached the service, but it answered {outcome.status}{' '}
            {outcome.status === 401 ? 'Unauthorized' : 'Forbidden'}. Check the API token: it is sent
            as <Code>Authorization: Bearer &lt;token&gt;</Code>, exactly as typed.
          </p>
        </Result>
      );
    case 'other-status':
      return (
        <Result tone="error" title={`The service answered HTTP ${outcome.status}`}>
          <p>
            Skyvern reached the service, but the test only passes when a <Code>GET</Code> of the
            base URL answers with a 2xx status.
            {outcome.status >= 500 && ' The service reported an error of its own; check its logs.'}
          </p>
        </Result>
      );
    case 'unreachable':
      return (
        <Result tone="error" title="Skyvern could not reach the service">
          <p>
            The connection failed or timed out (Skyvern waits 10 seconds). Skyvern connects from its
            server, not from this browser: check the URL, that the service is running and reachable
            from the Skyvern host, firewalls and TLS certificates.
          </p>
          <p>
            A name that resolves to a private or loopback address also ends up here unless
            Skyvern&apos;s <Code>ALLOWED_HOSTS</Code> setting lists it.
          </p>
        </Result>
      );
    case 'host-blocked':
      return (
        <Result tone="error" title="Skyvern's host rules refuse this URL">
          {outcome.host && (
            <p>
              Skyvern refused to call <span className="font-mono break-all">{outcome.host}</span>.
            </p>
          )}
          <p>
            Skyvern does not call localhost, private, link-local or internal addresses unless its{' '}
            <Code>ALLOWED_HOSTS</Code> setting lists the host. Whoever runs Skyvern can add it, for
            example <Code>{`ALLOWED_HOSTS='["${outcome.host || 'vault.internal'}"]'`}</Code>, and
            restart Skyvern.
          </p>
        </Result>
      );
    case 'invalid-url':
      return (
        <Result tone="error" title="Skyvern did not accept this URL">
          <p className="whitespace-pre-line">{outcome.message}</p>
          <p>Enter a full http:// or https:// URL with a host name.</p>
        </Result>
      );
    case 'rejected':
      return (
        <Result tone="error" title="The test failed">
          <p className="whitespace-pre-line">{outcome.message}</p>
        </Result>
      );
  }
}
