import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { toast } from 'sonner';
import { isApiError } from '../../api/client';
import { AuthFailureNotice } from '../../components/ui/AuthFailureNotice';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { SecretInput } from '../../components/ui/SecretInput';
import { ErrorState } from '../../components/ui/States';
import { useDiscardGuard } from '../../components/ui/useDiscardGuard';
import { useFocusFirstError } from '../../components/ui/useFocusFirstError';
import {
  useSaveCustomCredentialConfig,
  useTestCustomCredentialConnection,
  type ConnectionTestOutcome,
  type CustomCredentialServiceInput,
} from './api';
import { customCredentialFormSchema, type CustomCredentialFormValues } from './form-schema';
import { TestResult, testOutcomeSummary } from './TestResult';

const ConfirmDialog = lazy(async () => ({
  default: (await import('../../components/ui/ConfirmDialog')).ConfirmDialog,
}));

/** Skyvern's 422 paths for K2/K3 bodies, mapped onto the form's fields. */
const serverFieldPaths: Record<string, keyof CustomCredentialFormValues> = {
  'config.api_base_url': 'apiBaseUrl',
  'config.api_token': 'apiToken',
};

export function ConfigurationForm({
  storedBaseUrl,
  configured,
}: {
  /** Prefilled into the URL field (not a secret). The stored token is never put into the form. */
  storedBaseUrl: string;
  configured: boolean;
}) {
  const form = useForm<CustomCredentialFormValues>({
    resolver: zodResolver(customCredentialFormSchema),
    defaultValues: { apiBaseUrl: storedBaseUrl, apiToken: '' },
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  // Leaving the page (links, back, reload) asks first while the form holds unsaved input.
  const guard = useDiscardGuard({ dirty: form.formState.isDirty, onDiscard: () => {} });

  // Read when a request is sent: the token never becomes a react-query variable.
  const readInput = (): CustomCredentialServiceInput => {
    const values = form.getValues();
    return { apiBaseUrl: values.apiBaseUrl.trim(), apiToken: values.apiToken };
  };
  const save = useSaveCustomCredentialConfig(readInput);
  const test = useTestCustomCredentialConnection(readInput);
  const [testedUrl, setTestedUrl] = useState('');

  // A stored URL that arrives or changes later (a refetch, another tab) replaces an untouched field.
  const { isDirty: urlDirty } = form.getFieldState('apiBaseUrl', form.formState);
  useEffect(() => {
    if (!urlDirty) form.resetField('apiBaseUrl', { defaultValue: storedBaseUrl });
  }, [storedBaseUrl, urlDirty, form]);

  // A test result describes the values that were tested: typing makes it stale, so it goes.
  const { reset: resetTest } = test;
  useEffect(() => {
    const subscription = form.watch((_values, { type }) => {
      if (type === 'change') resetTest();
    });
    return () => subscription.unsubscribe();
  }, [form, resetTest]);

  const busy = save.isPending || test.isPending;

  // A failed (or never run) test of these exact values asks before saving: the test result is
  // reset on every keystroke, so test.data always describes what is in the form.
  const [saveDespite, setSaveDespite] = useState<ConnectionTestOutcome | null>(null);

  const saveNow = () => {
    setSaveDespite(null);
    save.mutate(undefined, {
      onSuccess: (status) => {
        // The token leaves the page: only its mask, in the status above, remains. A test result
        // from before no longer describes what is in the form.
        resetTest();
        form.reset({ apiBaseUrl: status.configured ? status.apiBaseUrl : '', apiToken: '' });
        toast.success('Custom credential service saved');
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        for (const [path, message] of Object.entries(error.fieldErrors)) {
          const field = serverFieldPaths[path];
          if (field) form.setError(field, { message });
        }
        focusFirstError();
      },
    });
  };

  const onSave = form.handleSubmit(async () => {
    let outcome = test.data;
    if (!outcome) {
      setTestedUrl(readInput().apiBaseUrl);
      try {
        outcome = await test.mutateAsync();
      } catch {
        // "The test could not run" is shown with its own retry; nothing is saved blind.
        return;
      }
    }
    if (outcome.kind === 'success') saveNow();
    else setSaveDespite(outcome);
  }, focusFirstError);

  const onTest = async () => {
    if (!(await form.trigger())) {
      focusFirstError();
      return;
    }
    setTestedUrl(readInput().apiBaseUrl);
    test.mutate();
  };

  const saveError =
    save.error && !(isApiError(save.error) && save.error.isAuthError) ? save.error : null;
  const testError =
    test.error && !(isApiError(test.error) && test.error.isAuthError) ? test.error : null;

  return (
    <form
      ref={formRef}
      onSubmit={(event) => void onSave(event)}
      noValidate
      aria-labelledby="ccs-form-heading"
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div>
        <h2 id="ccs-form-heading" className="text-base font-semibold text-slate-900">
          {configured ? 'Update configuration' : 'Configure a service'}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Skyvern calls the service from its server with{' '}
          <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>. Saving
          replaces the current configuration.
        </p>
      </div>

      <Field
        label="API Base URL"
        required
        error={form.formState.errors.apiBaseUrl?.message}
        description="The collection URL Skyvern creates items on, for example https://vault.example.com/api/v1/credentials. Item ids are appended to it."
      >
        <input
          className={`${inputClass} font-mono`}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://vault.example.com/api/v1/credentials"
          {...form.register('apiBaseUrl')}
        />
      </Field>

      <Field
        label="API Token"
        required
        error={form.formState.errors.apiToken?.message}
        description={
          configured
            ? 'Enter the token again to update or test: the saved token is never shown.'
            : 'The bearer token your service expects. Sent exactly as typed.'
        }
      >
        <SecretInput revealLabel="API token" autoComplete="off" {...form.register('apiToken')} />
      </Field>

      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onClick={() => void onTest()}
          loading={test.isPending}
          disabled={busy}
        >
          {test.isPending ? 'Testing…' : 'Test Connection'}
        </Button>
        <Button type="submit" variant="primary" loading={save.isPending} disabled={busy}>
          {save.isPending ? 'Saving…' : 'Update Configuration'}
        </Button>
      </div>

      <div aria-live="polite" className="space-y-3 empty:hidden">
        {test.data && <TestResult outcome={test.data} testedUrl={testedUrl} />}
        {testError && (
          <ErrorState
            title="The test could not run"
            message={testError.message}
            onRetry={
              isApiError(testError) && testError.isRetryable ? () => void onTest() : undefined
            }
          />
        )}
        {isApiError(test.error) && test.error.isAuthError && (
          <AuthFailureNotice reason={test.error.message} onRetry={() => void onTest()} />
        )}
        {/* Retry re-submits this form: the token is read from its input again, never kept. */}
        {isApiError(save.error) && save.error.isAuthError && (
          <AuthFailureNotice reason={save.error.message} />
        )}
        {saveError && (
          <ErrorState
            title="The configuration was not saved"
            message={saveError.message}
            onRetry={
              isApiError(saveError) && saveError.isRetryable ? () => void onSave() : undefined
            }
          />
        )}
      </div>
      {guard.prompt}
      {saveDespite && (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={`The connection test failed (${testOutcomeSummary(saveDespite)}). Save anyway?`}
            description="Skyvern would store credentials in a service it could not use: creating or reading them fails until the service answers."
            cancelLabel="Don’t save"
            confirmLabel="Save anyway"
            onCancel={() => setSaveDespite(null)}
            onConfirm={saveNow}
          />
        </Suspense>
      )}
    </form>
  );
}
