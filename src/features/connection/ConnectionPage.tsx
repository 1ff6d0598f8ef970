import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod/mini';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { CheckCircle2, XCircle } from 'lucide-react';
import { getConnection, normaliseBaseUrl, setConnection, forgetApiKey } from '../../api/connection';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { SecretInput } from '../../components/ui/SecretInput';
import { Notice } from '../../components/ui/States';
import { usePageTitle } from '../../lib/usePageTitle';
import { testConnection, type ConnectionTestResult } from './api';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const schema = z.object({
  baseUrl: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter the Skyvern API URL.'),
      z.refine(
        isHttpUrl,
        'Enter an absolute http:// or https:// URL, for example http://localhost:8000.',
      ),
    ),
  apiKey: z.string().check(z.minLength(1, 'Enter the API key from Skyvern’s Settings page.')),
});
type FormValues = z.infer<typeof schema>;

const reasonTitles: Record<Exclude<ConnectionTestResult, { ok: true }>['reason'], string> = {
  auth: 'Wrong API key',
  'not-skyvern': 'This does not look like Skyvern',
  cors: 'The browser blocked the response',
  csp: 'This console may not connect there',
  unreachable: 'Skyvern is unreachable',
  timeout: 'No answer in time',
  other: 'The test failed',
};

/** Only the console's own pages may be returned to. */
function safeReturnTo(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

export function ConnectionPage() {
  usePageTitle('Connection');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const current = getConnection();

  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: { baseUrl: current.baseUrl, apiKey: current.apiKey },
  });

  // The key is read from the form when the test runs, never handed to react-query as a variable.
  const test = useMutation({
    mutationFn: () => {
      const values = form.getValues();
      return testConnection({ baseUrl: normaliseBaseUrl(values.baseUrl), apiKey: values.apiKey });
    },
    gcTime: 0,
  });

  const onSave = form.handleSubmit((values) => {
    // Another server or key means another organisation: every query key is scoped by the
    // connection (api/query-keys.ts), so nothing cached for the old one is shown again.
    setConnection({ baseUrl: values.baseUrl, apiKey: values.apiKey });
    toast.success('Connection saved');
    if (returnTo) void navigate(returnTo, { replace: true });
  });

  const result = test.data;
  const origin = window.location.origin;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Connection</h1>
        <p className="mt-1 text-sm text-slate-600">
          The Skyvern server this browser tab manages. The API key is kept for this tab only and is
          forgotten when the tab closes.
        </p>
      </div>

      {params.get('reason') === 'auth' && (
        <Notice tone="warning">
          Skyvern refused the API key. Enter a valid key to continue
          {returnTo ? ' — you will be taken back to where you were.' : '.'}
        </Notice>
      )}

      <form
        onSubmit={(event) => void onSave(event)}
        noValidate
        className="space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        aria-label="Skyvern connection"
      >
        <Field
          label="Skyvern API URL"
          required
          error={form.formState.errors.baseUrl?.message}
          description="The server's base URL, without /v1. Local Skyvern listens on http://localhost:8000; Skyvern Cloud is https://api.skyvern.com."
        >
          <input
            className={inputClass}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            {...form.register('baseUrl')}
          />
        </Field>
        <Field
          label="API key"
          required
          error={form.formState.errors.apiKey?.message}
          description="Sent as the x-api-key header. Find it in Skyvern under Settings → API key."
        >
          <SecretInput revealLabel="API key" autoComplete="off" {...form.register('apiKey')} />
        </Field>

        <div className="flex flex-wrap gap-3">
          <Button
            variant="secondary"
            loading={test.isPending}
            onClick={() => {
              // trigger() resolves to false on invalid input; it does not reject.
              void form.trigger().then((valid) => valid && test.mutate());
            }}
          >
            Test connection
          </Button>
          <Button type="submit" variant="primary">
            {returnTo ? 'Save and go back' : 'Save'}
          </Button>
          {current.apiKey && (
            <Button
              variant="ghost"
              onClick={() => {
                forgetApiKey();
                form.setValue('apiKey', '');
                toast.success('API key forgotten for this tab');
              }}
            >
              Forget key
            </Button>
          )}
        </div>

        <div aria-live="polite">
          {result?.ok && (
            <p className="flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
              <CheckCircle2 aria-hidden="true" className="size-5 text-emerald-700" />
              Connected. Skyvern accepted the key.
            </p>
          )}
          {result && !result.ok && (
            <div
              role="alert"
              className="flex gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
            >
              <XCircle aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-red-700" />
              <div className="space-y-1">
                <p className="font-semibold">{reasonTitles[result.reason]}</p>
                <p>{result.message}</p>
                {result.reason === 'not-skyvern' && (
                  <p>Check the URL: it should be Skyvern&apos;s API server, not its web UI.</p>
                )}
                {result.reason === 'cors' && (
                  <p>
                    Start Skyvern with{' '}
                    <code className="rounded bg-white px-1 font-mono text-xs">
                      ALLOWED_ORIGINS=&apos;[&quot;{origin}&quot;]&apos;
                    </code>
                    .
                  </p>
                )}
              </div>
            </div>
          )}
        </div>
      </form>
    </div>
  );
}
