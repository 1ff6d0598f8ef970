import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { CircleCheck, CircleDashed, CircleAlert } from 'lucide-react';
import { toast } from 'sonner';
import { isApiError } from '../../api/client';
import { AuthFailureNotice } from '../../components/ui/AuthFailureNotice';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { SecretInput } from '../../components/ui/SecretInput';
import { ErrorState, LoadingState } from '../../components/ui/States';
import { useDiscardGuard } from '../../components/ui/useDiscardGuard';
import { useFocusFirstError } from '../../components/ui/useFocusFirstError';
import {
  describeItemsError,
  providerItemsQuery,
  providerStatusQuery,
  useClearProvider,
  useSaveProvider,
  type ItemsProviderId,
  type ProviderId,
  type ProviderStatusMap,
  type SaveInputMap,
} from './api';

const ConfirmDialog = lazy(async () => ({
  default: (await import('../../components/ui/ConfirmDialog')).ConfirmDialog,
}));

export interface PanelField {
  name: string;
  label: string;
  secret?: boolean;
  type?: 'email' | 'text';
  description?: string;
  /** Skyvern's 422 path for this field, e.g. `credential.email`. */
  serverPath: string;
  validate?: (value: string) => string | true;
}

export interface ProviderPanelProps<P extends ProviderId> {
  provider: P;
  title: string;
  intro: ReactNode;
  fields: PanelField[];
  /** The non-secret facts of a configuration, as description-list rows. */
  describe: (status: Extract<ProviderStatusMap[P], { configured: true }>) => [string, ReactNode][];
  toInput: (values: Record<string, string>) => SaveInputMap[P];
  /** What stops working when the configuration is cleared. */
  clearConsequence: string;
  /** Null: the provider has no check route (Azure), `noCheck` says so. */
  checkProvider: ItemsProviderId | null;
  noCheck?: string;
}

function Badge({ tone, children }: { tone: 'ok' | 'off' | 'bad'; children: ReactNode }) {
  const styles = {
    ok: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
    off: 'bg-slate-100 text-slate-700 ring-slate-200',
    bad: 'bg-red-50 text-red-800 ring-red-200',
  }[tone];
  const Icon = tone === 'ok' ? CircleCheck : tone === 'off' ? CircleDashed : CircleAlert;
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ${styles}`}
    >
      <Icon aria-hidden="true" className="size-3.5" />
      {children}
    </span>
  );
}

/** One provider: its status, a form that replaces the configuration, Clear, and the check. */
export function ProviderPanel<P extends ProviderId>(props: ProviderPanelProps<P>) {
  const { provider, title, intro, fields, clearConsequence, checkProvider, noCheck } = props;
  const status = useQuery(providerStatusQuery(provider));
  const configured = status.data?.configured === true;

  // The listing doubles as the check: only fetched when asked, and only for a configuration.
  const [checkRequested, setCheckRequested] = useState(false);
  const check = useQuery({
    ...providerItemsQuery(checkProvider ?? 'onepassword'),
    enabled: checkProvider !== null && configured && checkRequested,
  });

  const empty = Object.fromEntries(fields.map((field) => [field.name, '']));
  const form = useForm<Record<string, string>>({ defaultValues: empty, shouldFocusError: false });
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const guard = useDiscardGuard({ dirty: form.formState.isDirty, onDiscard: () => {} });
  const save = useSaveProvider(provider, () => props.toInput(form.getValues()));
  const clear = useClearProvider(provider);
  const [confirmClear, setConfirmClear] = useState(false);
  const headingId = `${provider}-heading`;
  const statusRef = useRef<HTMLParagraphElement>(null);

  const onSave = form.handleSubmit(() => {
    save.mutate(undefined, {
      onSuccess: () => {
        // Secrets leave the page as soon as Skyvern has them.
        form.reset(empty);
        setCheckRequested(false);
        toast.success(`${title} configuration saved`);
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        for (const field of fields) {
          const message = error.fieldErrors[field.serverPath];
          if (message) form.setError(field.name, { message });
        }
        focusFirstError();
      },
    });
  }, focusFirstError);

  const onConfirmClear = () => {
    setConfirmClear(false);
    clear.mutate(undefined, {
      onSuccess: () => {
        setCheckRequested(false);
        toast.success(`${title} configuration cleared`);
        statusRef.current?.focus();
      },
    });
  };

  const checkError = checkRequested && check.isError && checkProvider ? check.error : null;
  let badge: ReactNode;
  if (!status.data) badge = null;
  else if (!status.data.configured) badge = <Badge tone="off">Not configured</Badge>;
  else if (checkError) badge = <Badge tone="bad">Check failed</Badge>;
  else badge = <Badge tone="ok">Configured</Badge>;

  const saveError =
    save.error && !(isApiError(save.error) && save.error.isAuthError) ? save.error : null;

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {badge}
      </div>
      <p className="text-sm text-slate-600">{intro}</p>

      {status.isPending ? (
        <LoadingState label={`Loading the ${title} configuration…`} />
      ) : status.isError ? (
        <ErrorState
          title={`Could not load the ${title} configuration`}
          message={status.error.message}
          onRetry={() => void status.refetch()}
          retrying={status.isFetching}
        />
      ) : (
        <div className="space-y-3">
          <p
            ref={statusRef}
            tabIndex={-1}
            className="text-sm font-medium text-slate-900 focus:outline-none"
          >
            {status.data.configured
              ? `Status: Configured${checkError ? `. Last check: ${describeItemsError(checkProvider ?? 'onepassword', checkError)}` : ''}`
              : 'Status: Not configured'}
          </p>
          {status.data.configured && (
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
              {props
                .describe(status.data as Extract<ProviderStatusMap[P], { configured: true }>)
                .map(([term, value]) => (
                  <div key={term} className="contents">
                    <dt className="text-slate-600">{term}</dt>
                    <dd className="text-slate-900 [overflow-wrap:anywhere]">{value}</dd>
                  </div>
                ))}
            </dl>
          )}

          {status.data.configured && (
            <div className="space-y-2 rounded-lg bg-slate-50 p-4" aria-live="polite">
              {checkProvider ? (
                <>
                  <div className="flex flex-wrap items-center gap-3">
                    <Button
                      size="sm"
                      loading={check.isFetching}
                      onClick={() => {
                        if (checkRequested) void check.refetch();
                        else setCheckRequested(true);
                      }}
                    >
                      {check.isFetching ? 'Checking…' : 'Check connection'}
                    </Button>
                    <span className="text-xs text-slate-600">
                      Lists the items Skyvern can see with this configuration.
                    </span>
                  </div>
                  {checkRequested && !check.isFetching && check.data?.configured && (
                    <p className="text-sm text-emerald-800">
                      Connected: {check.data.items.length}{' '}
                      {check.data.items.length === 1 ? 'item' : 'items'} visible.
                    </p>
                  )}
                  {checkError && !check.isFetching && (
                    <p role="alert" className="text-sm text-red-800">
                      {describeItemsError(checkProvider, checkError)}
                    </p>
                  )}
                </>
              ) : (
                <p className="text-sm text-slate-700">{noCheck}</p>
              )}
            </div>
          )}
        </div>
      )}

      <form
        ref={formRef}
        noValidate
        aria-label={`${title} configuration`}
        onSubmit={(event) => void onSave(event)}
        className="space-y-4 border-t border-slate-200 pt-5"
      >
        <h3 className="text-sm font-semibold text-slate-900">
          {configured ? 'Replace the configuration' : 'Configure'}
        </h3>
        {fields.map((field) => {
          const registration = form.register(field.name, {
            validate: (value) =>
              value.length === 0 ? `${field.label} is required` : (field.validate?.(value) ?? true),
          });
          return (
            <Field
              key={field.name}
              label={field.label}
              required
              error={form.formState.errors[field.name]?.message}
              description={
                field.secret && configured
                  ? `${field.description ?? ''} The saved value is never shown; enter it again to replace it.`.trim()
                  : field.description
              }
            >
              {field.secret ? (
                <SecretInput revealLabel={field.label} autoComplete="off" {...registration} />
              ) : (
                <input
                  className={inputClass}
                  type={field.type ?? 'text'}
                  autoComplete="off"
                  spellCheck={false}
                  {...registration}
                />
              )}
            </Field>
          );
        })}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" variant="primary" loading={save.isPending}>
            {save.isPending ? 'Saving…' : configured ? 'Replace configuration' : 'Save'}
          </Button>
          {configured && (
            <Button
              variant="danger"
              loading={clear.isPending}
              onClick={() => {
                clear.reset();
                setConfirmClear(true);
              }}
            >
              Clear
            </Button>
          )}
        </div>
        <div aria-live="polite" className="space-y-3 empty:hidden">
          {isApiError(save.error) && save.error.isAuthError && (
            <AuthFailureNotice reason={save.error.message} />
          )}
          {saveError && (
            <ErrorState title="The configuration was not saved" message={saveError.message} />
          )}
          {clear.error && (
            <ErrorState title="The configuration was not cleared" message={clear.error.message} />
          )}
        </div>
        {guard.prompt}
      </form>
      {confirmClear && (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={`Clear the ${title} configuration?`}
            description={clearConsequence}
            cancelLabel="Keep it"
            confirmLabel="Clear"
            onCancel={() => setConfirmClear(false)}
            onConfirm={onConfirmClear}
          />
        </Suspense>
      )}
    </section>
  );
}
