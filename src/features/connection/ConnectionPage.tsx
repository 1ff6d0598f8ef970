import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod/mini';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from '../../lib/router';
import { toast } from 'sonner';
import { CheckCircle2, XCircle } from 'lucide-react';
import { clearAuthFailure } from '../../api/auth-state';
import {
  CONNECTION_COLORS,
  forgetApiKey,
  normaliseBaseUrl,
  setConnection,
  useConnection,
} from '../../api/connection';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { SecretInput } from '../../components/ui/SecretInput';
import { Notice } from '../../components/ui/States';
import { usePageTitle } from '../../lib/usePageTitle';
import { testConnection, type ConnectionTestResult } from './api';
import { ColorPicker, ConnectionsList, isHttpUrl, takeKeyFocusRequest } from './ConnectionsList';

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
  // Empty means "keep the key this tab already has" while no replacement is being typed.
  apiKey: z.string(),
  name: z
    .string()
    .check(z.trim(), z.minLength(1, 'Name this connection, for example “Production”.')),
  color: z.enum(CONNECTION_COLORS),
});
const MISSING_KEY = 'Enter the API key from Skyvern’s Settings page.';
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
  const current = useConnection();
  // The saved key is never put back into an input: only its last four characters are shown.
  const [replacing, setReplacing] = useState(false);
  const keySet = current.apiKey.length > 0;
  const editingKey = !keySet || replacing;
  const keyStatusRef = useRef<HTMLParagraphElement>(null);
  // Replace, Forget and "Keep the current key" swap what is shown: focus follows the swap.
  const focusNext = useRef<'key-input' | 'key-status' | null>(null);

  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      baseUrl: current.baseUrl,
      apiKey: '',
      name: current.name,
      color: current.color,
    },
  });
  const several = current.all.length > 1;

  // Just added (or switched to) a connection without a key: its key is what comes next.
  useEffect(() => {
    if (takeKeyFocusRequest() && !current.apiKey) form.setFocus('apiKey');
  }, [current.apiKey, form]);

  useEffect(() => {
    if (focusNext.current === 'key-input' && editingKey) form.setFocus('apiKey');
    if (focusNext.current === 'key-status' && !editingKey) keyStatusRef.current?.focus();
    focusNext.current = null;
  }, [editingKey, form]);

  /** The key to use: the one being typed, or the tab's own while none is. */
  const keyFor = (values: FormValues) => (editingKey ? values.apiKey : current.apiKey);

  const checkKey = (): boolean => {
    if (keyFor(form.getValues())) return true;
    form.setError('apiKey', { message: MISSING_KEY }, { shouldFocus: true });
    return false;
  };

  // The key is read from the form when the test runs, never handed to react-query as a variable.
  const test = useMutation({
    mutationFn: () => {
      const values = form.getValues();
      return testConnection({ baseUrl: normaliseBaseUrl(values.baseUrl), apiKey: keyFor(values) });
    },
    gcTime: 0,
  });

  const onSave = form.handleSubmit(
    (values) => {
      if (!checkKey()) return;
      setConnection({
        baseUrl: values.baseUrl,
        apiKey: keyFor(values),
        name: values.name,
        color: values.color,
      });
      form.resetField('apiKey', { defaultValue: '' });
      setReplacing(false);
      // Another server or key means another organisation: every query key is scoped by the
      // connection (api/query-keys.ts), so nothing cached for the old one is shown again.
      clearAuthFailure();
      toast.success('Connection saved');
      if (returnTo) navigate(returnTo, { replace: true });
    },
    // The key is checked here, not by the schema, since an empty input can mean "keep it".
    () => {
      if (!keyFor(form.getValues())) form.setError('apiKey', { message: MISSING_KEY });
    },
  );

  const onForget = () => {
    forgetApiKey();
    form.resetField('apiKey', { defaultValue: '' });
    setReplacing(false);
    focusNext.current = 'key-input';
    test.reset();
    toast.success('API key forgotten for this tab');
  };

  const result = test.data;
  const origin = window.location.origin;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Connection</h1>
        <p className="mt-1 text-sm text-slate-600">
          The Skyvern servers this browser tab manages. API keys are kept for this tab only and are
          forgotten when the tab closes.
        </p>
      </div>

      <ConnectionsList />

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
        aria-labelledby="this-connection-heading"
      >
        <h2 id="this-connection-heading" className="text-lg font-semibold text-slate-900">
          {several ? `This tab's connection: ${current.name}` : 'Skyvern connection'}
        </h2>
        {several && (
          <>
            <Field label="Name" required error={form.formState.errors.name?.message}>
              <input className={inputClass} autoComplete="off" {...form.register('name')} />
            </Field>
            <ColorPicker
              value={form.watch('color')}
              onChange={(color) => form.setValue('color', color, { shouldDirty: true })}
            />
          </>
        )}
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
        {editingKey ? (
          <Field
            label={keySet ? 'New API key' : 'API key'}
            required
            error={form.formState.errors.apiKey?.message}
            description="Sent as the x-api-key header. Find it in Skyvern under Settings → API key."
          >
            <SecretInput revealLabel="API key" autoComplete="off" {...form.register('apiKey')} />
          </Field>
        ) : (
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-slate-800">API key</p>
            <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2">
              <p ref={keyStatusRef} tabIndex={-1} className="mr-auto text-sm text-slate-800">
                Key set (ends …{current.apiKey.slice(-4)})
              </p>
              <Button
                size="sm"
                onClick={() => {
                  focusNext.current = 'key-input';
                  setReplacing(true);
                }}
              >
                Replace key
              </Button>
              <Button size="sm" variant="ghost" onClick={onForget}>
                Forget key
              </Button>
            </div>
            <p className="text-xs text-slate-600">
              Kept for this tab only and never shown again. Sent as the x-api-key header.
            </p>
          </div>
        )}

        <div className="flex flex-wrap gap-3">
          <Button
            variant="secondary"
            loading={test.isPending}
            onClick={() => {
              // trigger() resolves to false on invalid input; it does not reject.
              void form.trigger().then((valid) => valid && checkKey() && test.mutate());
            }}
          >
            Test connection
          </Button>
          <Button type="submit" variant="primary">
            {returnTo ? 'Save and go back' : 'Save'}
          </Button>
          {keySet && replacing && (
            <Button
              variant="ghost"
              onClick={() => {
                form.resetField('apiKey', { defaultValue: '' });
                focusNext.current = 'key-status';
                setReplacing(false);
              }}
            >
              Keep the current key
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
