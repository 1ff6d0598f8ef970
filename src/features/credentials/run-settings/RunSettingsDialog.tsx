import { useMemo, useRef, type ReactNode } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { toast } from 'sonner';
import { isApiError } from '../../../api/client';
import type { Credential } from '../../../api/schemas';
import { AuthFailureNotice } from '../../../components/ui/AuthFailureNotice';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { Field, inputClass } from '../../../components/ui/Field';
import { ErrorState } from '../../../components/ui/States';
import { UserText } from '../../../components/ui/UserText';
import { useDiscardGuard } from '../../../components/ui/useDiscardGuard';
import { useFocusFirstError } from '../../../components/ui/useFocusFirstError';
import { isGone, useUpdateRunSettings } from '../api/mutations';
import { displayName, typeLabels } from '../describe';
import { DialogError } from '../dialogs/DialogError';
import {
  appliesToType,
  type BrowserProfile,
  browserProfileKeys,
  browserProfileListQuery,
  browserProfileQuery,
  browserProfileUsageQuery,
  buildRunSettingsPatch,
  formatVerifiedLogin,
  GEO,
  ISP,
  PROXY_LOCATIONS,
  runSettingsDefaults,
  runSettingsProblems,
  type RunSettingsValues,
  USER_CONTEXT_MAX,
} from './model';

type Form = UseFormReturn<RunSettingsValues>;

/** Contract 3.4: OSS refuses run_sequentially: true with this 400. */
const SEQUENTIAL_REFUSED = /sequential credential execution is not supported/i;
/** The 400s of 3.9 about the profile being linked. */
const PROFILE_REFUSED = /browser profile/i;

function formSchema(credential: Credential) {
  return z
    .object({
      testedUrl: z.string(),
      userContext: z.string(),
      runSequentially: z.boolean(),
      browserProfileId: z.string(),
      pinSavedSessionIp: z.boolean(),
      saveBrowserSession: z.boolean(),
      autoProfile: z.boolean(),
      proxyChoice: z.string(),
      geoCountry: z.string(),
      geoSubdivision: z.string(),
      geoCity: z.string(),
      proxySessionId: z.string(),
      newProxySession: z.boolean(),
    })
    .check(
      z.superRefine((values, context) => {
        for (const [path, message] of Object.entries(runSettingsProblems(credential, values))) {
          context.issues.push({ code: 'custom', path: [path], message, input: values });
        }
      }),
    );
}

/**
 * Edit how runs use a credential: PATCH only (contract 3.4), so no secret is asked for and the
 * vault is never touched. Only what changed is sent.
 */
export function RunSettingsDialog({
  credential,
  onClose,
  onCloseAutoFocus,
}: {
  credential: Credential;
  onClose: () => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const defaults = useMemo(() => runSettingsDefaults(credential), [credential]);
  const schema = useMemo(() => formSchema(credential), [credential]);
  const form = useForm<RunSettingsValues>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const update = useUpdateRunSettings(credential.credential_id);
  const queryClient = useQueryClient();
  const guard = useDiscardGuard({ dirty: form.formState.isDirty, onDiscard: onClose });
  const applies = appliesToType(credential.credential_type);
  const gone = isGone(update.error);
  const name = displayName(credential);

  const onSubmit = form.handleSubmit((values) => {
    const patch = buildRunSettingsPatch(credential, values);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    update.mutate(patch, {
      onSuccess: () => {
        toast.success(`Run settings saved for “${name}”`);
        onClose();
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        if (error.status === 400 && SEQUENTIAL_REFUSED.test(error.message)) {
          form.setError('runSequentially', {
            message:
              'This Skyvern server does not run a credential’s workflows one at a time (self-hosted Skyvern refuses it). Turn this off to save the other settings.',
          });
        } else if (error.status === 400 && PROFILE_REFUSED.test(error.message)) {
          form.setError('browserProfileId', { message: `Skyvern said: ${error.message}` });
          // Someone else may have linked it meanwhile: show the picker as it is now.
          void queryClient.invalidateQueries({ queryKey: browserProfileKeys.all() });
        } else {
          const field = serverFieldMap(error.fieldErrors);
          for (const [key, message] of field) form.setError(key, { message });
        }
        focusFirstError();
      },
    });
  }, focusFirstError);

  // A refusal shown on its field needs no second message below the form.
  const fieldHandled =
    isApiError(update.error) &&
    !update.error.isAuthError &&
    !gone &&
    Object.keys(form.formState.errors).length > 0;

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && guard.requestClose()}
      title={
        <>
          Run settings for <UserText text={name} />
        </>
      }
      description="How Skyvern’s runs use this credential. Nothing here touches the stored secret."
      size="lg"
      onCloseAutoFocus={onCloseAutoFocus}
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
      }}
    >
      <form
        ref={formRef}
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        className="space-y-6"
        aria-label="Run settings"
      >
        <fieldset disabled={gone} className="space-y-6">
          {applies.testedUrl && <SignInSection form={form} />}
          {applies.browserProfile && <ProfileSection form={form} credential={credential} />}
          <ProxySection form={form} pinApplies={applies.pinSavedSessionIp} />
          <Section title="Running">
            <Toggle
              form={form}
              name="runSequentially"
              label="Run one at a time"
              description="Workflow runs that use this credential wait for each other instead of signing in at the same time, for sites that log out a second session. Self-hosted Skyvern does not offer this; Skyvern Cloud may."
            />
          </Section>
          {!applies.testedUrl && (
            <p className="text-sm text-slate-600">
              Sign-in settings (login URL, hints, browser profile and saved session) only apply to
              password credentials, so they are not shown for a{' '}
              {typeLabels[credential.credential_type].toLowerCase()}.
            </p>
          )}
        </fieldset>

        {update.isError && !fieldHandled && (
          <DialogError error={update.error}>{gone && <p>Nothing was changed.</p>}</DialogError>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={gone ? onClose : guard.requestClose}>{gone ? 'Close' : 'Cancel'}</Button>
          {!gone && (
            <Button type="submit" variant="primary" loading={update.isPending}>
              Save run settings
            </Button>
          )}
        </div>
      </form>
      {guard.prompt}
    </Dialog>
  );
}

/** Skyvern's 422 paths (1.4) for PATCH bodies, onto the form's fields. */
function serverFieldMap(
  fieldErrors: Readonly<Record<string, string>>,
): Array<[keyof RunSettingsValues, string]> {
  const map: Record<string, keyof RunSettingsValues> = {
    tested_url: 'testedUrl',
    user_context: 'userContext',
    proxy_location: 'proxyChoice',
    proxy_session_id: 'proxySessionId',
    browser_profile_id: 'browserProfileId',
  };
  return Object.entries(fieldErrors).flatMap(([path, message]) => {
    const key = map[path.replace(/^body\./, '')];
    return key ? [[key, message] as [keyof RunSettingsValues, string]] : [];
  });
}

const radioClass = 'size-4 accent-brand-600 focus-visible:outline-none';

/*
 * The radio group and cards look like the credential form's (form/fields.tsx) but are kept here:
 * sharing that module would split it into its own chunk, one more name in the first load's
 * preload list (first-load-budget.md).
 */
function ChoiceGroup({
  legend,
  description,
  error,
  children,
}: {
  legend: string;
  description: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = 'run-settings-profile';
  return (
    <fieldset
      className="space-y-2"
      data-invalid={error ? true : undefined}
      aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <p id={`${id}-description`} className="text-xs text-slate-600">
        {description}
      </p>
      <div className="grid gap-2 sm:grid-cols-2">{children}</div>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function ChoiceCard({
  children,
  hint,
  input,
}: {
  children: ReactNode;
  hint: ReactNode;
  input: ReactNode;
}) {
  return (
    <label
      className={[
        'flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm transition-colors',
        'hover:border-slate-400 has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-600',
        'has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
        'has-disabled:cursor-not-allowed has-disabled:bg-slate-50 has-disabled:hover:border-slate-300',
      ].join(' ')}
    >
      <span className="mt-0.5 flex">{input}</span>
      <span className="min-w-0 space-y-0.5">
        <span className="block font-medium text-slate-900">{children}</span>
        <span className="block text-xs text-slate-600">{hint}</span>
      </span>
    </label>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-4" aria-label={title}>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

function Toggle({
  form,
  name,
  label,
  description,
}: {
  form: Form;
  name:
    | 'runSequentially'
    | 'pinSavedSessionIp'
    | 'saveBrowserSession'
    | 'autoProfile'
    | 'newProxySession';
  label: string;
  description: string;
}) {
  const id = `run-settings-${name}`;
  const error = form.formState.errors[name]?.message;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2.5">
        <input
          id={id}
          type="checkbox"
          className="mt-0.5 size-4 shrink-0 accent-brand-600"
          aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          {...form.register(name)}
        />
        <div className="space-y-0.5">
          <label htmlFor={id} className="text-sm font-medium text-slate-800">
            {label}
          </label>
          <p id={`${id}-description`} className="text-xs text-slate-600">
            {description}
          </p>
        </div>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function SignInSection({ form }: { form: Form }) {
  const hints = useWatch({ control: form.control, name: 'userContext' });
  return (
    <Section title="Signing in">
      <Field
        label="Login URL used for tests"
        error={form.formState.errors.testedUrl?.message}
        description="The sign-in page that login tests open. A successful test also sets it."
      >
        <input
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://example.com/login"
          className={`${inputClass} font-mono`}
          {...form.register('testedUrl')}
        />
      </Field>
      <Field
        label="Login hints for the agent"
        error={form.formState.errors.userContext?.message}
        description={`Plain-language advice Skyvern’s agent reads when it signs in with this credential, for example “Choose Sign in with email, not SSO”. Never put a password here. ${hints.length}/${USER_CONTEXT_MAX} characters.`}
      >
        <textarea rows={3} className={inputClass} {...form.register('userContext')} />
      </Field>
    </Section>
  );
}

function ProfileSection({ form, credential }: { form: Form; credential: Credential }) {
  const list = useQuery(browserProfileListQuery());
  const current = credential.browser_profile_id ?? '';
  const currentListed = !current || list.data?.some((p) => p.browser_profile_id === current);
  // The linked profile may be past the first page: name it with B2, as Skyvern's own picker does.
  const linked = useQuery({
    ...browserProfileQuery(current),
    enabled: list.isSuccess && !currentListed,
  });
  const profiles: BrowserProfile[] = [...(list.data ?? [])];
  if (current && !currentListed) {
    profiles.unshift(
      linked.data ?? {
        browser_profile_id: current,
        name: current,
        is_managed: false,
        last_verified_login_at: null,
        linked_credential_name: null,
      },
    );
  }

  let picker: ReactNode;
  if (list.isPending) {
    picker = (
      <p role="status" className="text-sm text-slate-600">
        Loading browser profiles…
      </p>
    );
  } else if (list.isError) {
    picker =
      isApiError(list.error) && list.error.isAuthError ? (
        <AuthFailureNotice reason={list.error.message} onRetry={() => void list.refetch()} />
      ) : (
        <ErrorState
          title="Browser profiles could not be loaded"
          message={`${list.error.message} The link stays as it is unless you pick another profile.`}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      );
  } else {
    picker = (
      <ChoiceGroup
        legend="Browser profile"
        error={form.formState.errors.browserProfileId?.message}
        description="A saved browser (cookies, local storage) that runs with this credential start from, so they are often signed in already. Only profiles no other credential uses can be linked."
      >
        <ChoiceCard
          hint="Runs start from a fresh browser."
          input={
            <input
              type="radio"
              value=""
              className={radioClass}
              {...form.register('browserProfileId')}
            />
          }
        >
          None
        </ChoiceCard>
        {profiles.map((profile) => {
          const ownedByThis = profile.browser_profile_id === current;
          const other = !ownedByThis ? profile.linked_credential_name : null;
          return (
            <ChoiceCard
              key={profile.browser_profile_id}
              hint={
                <>
                  <span className="block">
                    {ownedByThis ? (
                      'Linked to this credential'
                    ) : other ? (
                      <>
                        Linked to <UserText text={other} />: unlink it there first
                      </>
                    ) : (
                      'Not linked to a credential'
                    )}
                  </span>
                  <span className="block">
                    {formatVerifiedLogin(profile.last_verified_login_at)}
                  </span>
                </>
              }
              input={
                <input
                  type="radio"
                  value={profile.browser_profile_id}
                  disabled={Boolean(other)}
                  className={radioClass}
                  {...form.register('browserProfileId')}
                />
              }
            >
              <UserText text={profile.name} />
            </ChoiceCard>
          );
        })}
      </ChoiceGroup>
    );
  }

  return (
    <Section title="Browser profile and session">
      {picker}
      <ProfileUsageNote form={form} current={current} />
      <Toggle
        form={form}
        name="saveBrowserSession"
        label="Save the browser session after login"
        description="After a successful sign-in, Skyvern keeps the browser’s session so later runs can continue signed in instead of logging in again."
      />
      <Toggle
        form={form}
        name="autoProfile"
        label="Create a browser profile automatically"
        description="Skyvern may create and link a browser profile for this credential on its own. Turn this off to link profiles only by hand or through login tests."
      />
    </Section>
  );
}

/**
 * Linking a profile that workflows also use: a login test of this credential saves into it in
 * place (contract 11.6), so those workflows start from this credential's session. Skyvern's own
 * picker warns about this too (13.4).
 */
function ProfileUsageNote({ form, current }: { form: Form; current: string }) {
  const picked = useWatch({ control: form.control, name: 'browserProfileId' });
  const changed = picked !== '' && picked !== current;
  const usage = useQuery({ ...browserProfileUsageQuery(picked), enabled: changed });
  const workflows = changed ? (usage.data?.workflows ?? []) : [];
  if (workflows.length === 0) return null;
  return (
    <p
      role="status"
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      {workflows.length === 1 ? 'A workflow also runs' : `${workflows.length} workflows also run`}{' '}
      with this profile:{' '}
      {workflows.map((workflow, index) => (
        <span key={workflow.workflow_permanent_id}>
          {index > 0 && ', '}
          <UserText text={workflow.title} />
        </span>
      ))}
      . Login tests of this credential save into it, so those workflows will start from this
      credential’s session.
    </p>
  );
}

function ProxySection({ form, pinApplies }: { form: Form; pinApplies: boolean }) {
  const choice = useWatch({ control: form.control, name: 'proxyChoice' });
  const errors = form.formState.errors;
  return (
    <Section title="Network">
      <Field
        label="Proxy location"
        error={errors.proxyChoice?.message}
        description="Where runs that use this credential appear to connect from. Not set: this credential does not choose a proxy. Choosing another location ends the current sticky session."
      >
        <select className={inputClass} {...form.register('proxyChoice')}>
          <option value="">Not set</option>
          {PROXY_LOCATIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
          <option value={GEO}>A country, region or city…</option>
        </select>
      </Field>
      {choice === GEO && (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field
            label="Country code"
            error={errors.geoCountry?.message}
            description="Two letters, e.g. US."
          >
            <input
              autoComplete="off"
              maxLength={2}
              className={`${inputClass} uppercase`}
              {...form.register('geoCountry')}
            />
          </Field>
          <Field label="Region" description="Optional, e.g. CA.">
            <input autoComplete="off" className={inputClass} {...form.register('geoSubdivision')} />
          </Field>
          <Field label="City" description="Optional.">
            <input autoComplete="off" className={inputClass} {...form.register('geoCity')} />
          </Field>
        </div>
      )}
      {choice === ISP && (
        <>
          <Field
            label="Proxy session"
            error={errors.proxySessionId?.message}
            description="Runs with the same session key keep the same IP address. Leave it empty and Skyvern makes one."
          >
            <input
              autoComplete="off"
              spellCheck={false}
              className={`${inputClass} font-mono`}
              {...form.register('proxySessionId')}
            />
          </Field>
          <Toggle
            form={form}
            name="newProxySession"
            label="Start a new proxy session when saving"
            description="Runs get a new IP address from the next run on, for example after a site blocked the old one."
          />
        </>
      )}
      {pinApplies && (
        <Toggle
          form={form}
          name="pinSavedSessionIp"
          label="Keep the saved session’s IP"
          description="Runs that reuse the saved browser session connect through the same proxy IP, so the site sees a familiar address. Without a proxy session, Skyvern switches to the residential ISP proxy and starts one."
        />
      )}
    </Section>
  );
}
