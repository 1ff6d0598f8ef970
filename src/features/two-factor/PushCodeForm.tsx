import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod/mini';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, Clock3 } from 'lucide-react';
import { isApiError } from '../../api/client';
import { mutationKeys, queryKeys } from '../../api/query-keys';
import type { TotpRecord } from '../../api/schemas';
import { AuthFailureNotice } from '../../components/ui/AuthFailureNotice';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { useDiscardGuard } from '../../components/ui/useDiscardGuard';
import { useFocusFirstError } from '../../components/ui/useFocusFirstError';
import { pushTotpCode } from './api';

/** Skyvern stores unparsed messages up to this size; longer ones fail (contract 4.1). */
export const MAX_CONTENT_LENGTH = 65_536;

// zod/mini, like every schema in the app, so the shared zod core stays small (first-load-budget.md).
const optionalId = (prefix: RegExp, message: string) =>
  z.string().check(
    z.trim(),
    z.refine((value) => value === '' || prefix.test(value), message),
  );

export const pushCodeSchema = z.object({
  totp_identifier: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter the email address or phone number the code was sent to.'),
    ),
  content: z.string().check(
    z.refine((value) => value.trim().length > 0, 'Paste the code, or the whole message.'),
    z.refine(
      (value) => value.length <= MAX_CONTENT_LENGTH,
      `Skyvern accepts messages of up to ${MAX_CONTENT_LENGTH.toLocaleString('en')} characters.`,
    ),
  ),
  workflow_run_id: optionalId(/^wr_\w+$/, 'A workflow run id looks like wr_123….'),
  task_id: optionalId(/^tsk_\w+$/, 'A task id looks like tsk_123….'),
  workflow_id: optionalId(
    /^w_\w+$/,
    'Use the workflow version id (w_…), not the permanent id (wpid_…).',
  ),
});
export type PushCodeValues = z.input<typeof pushCodeSchema>;

const emptyValues: PushCodeValues = {
  totp_identifier: '',
  content: '',
  workflow_run_id: '',
  task_id: '',
  workflow_id: '',
};

/** Skyvern's 400s for unknown run ids name the field in words (contract 4.1). */
function fieldForMessage(message: string): keyof PushCodeValues | null {
  if (/^Invalid workflow run id/i.test(message)) return 'workflow_run_id';
  if (/^Invalid task id/i.test(message)) return 'task_id';
  if (/^Invalid workflow id/i.test(message)) return 'workflow_id';
  if (/Failed to parse otp login/i.test(message)) return 'content';
  return null;
}

function Outcome({ record }: { record: TotpRecord }) {
  if (record.status === 'raw_pending' || (!record.code && record.otp_type === null)) {
    return (
      <div
        role="status"
        className="flex gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
      >
        <Clock3 aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
        <p>
          Skyvern found no code in this message yet. It kept the message for{' '}
          <strong>{record.totp_identifier}</strong>, and a run that waits for a code will read it
          then. It does not appear under Recent codes until it has been read.
        </p>
      </div>
    );
  }
  return (
    <div
      role="status"
      className="flex gap-2 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950"
    >
      <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-700" />
      <p>
        {record.otp_type === 'magic_link' ? (
          <>
            Skyvern stored a sign-in link for <strong>{record.totp_identifier}</strong>.
          </>
        ) : record.code ? (
          <>
            Skyvern stored the code <strong className="font-mono">{record.code}</strong> for{' '}
            <strong>{record.totp_identifier}</strong>.
          </>
        ) : (
          <>
            Skyvern stored an empty code for <strong>{record.totp_identifier}</strong>.
          </>
        )}{' '}
        Runs use codes younger than 10 minutes.
      </p>
    </div>
  );
}

/** Push a code by hand (contract 4.1), as email or SMS forwarding would. */
export function PushCodeForm({ defaultIdentifier = '' }: { defaultIdentifier?: string }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<TotpRecord | null>(null);
  const form = useForm<PushCodeValues>({
    resolver: zodResolver(pushCodeSchema),
    defaultValues: { ...emptyValues, totp_identifier: defaultIdentifier },
    shouldFocusError: false,
  });
  const { register, handleSubmit, formState, setError, reset, getValues } = form;
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  // Leaving the page (links, back, reload) asks first while a message is typed but not pushed.
  const guard = useDiscardGuard({ dirty: formState.isDirty, onDiscard: () => {} });

  const mutation = useMutation({
    mutationKey: mutationKeys.pushTotpCode(),
    // The payload is read from the form here, not passed as a variable: the MutationCache keeps
    // variables, and a message may well be sensitive.
    mutationFn: () => {
      const values = pushCodeSchema.parse(getValues());
      return pushTotpCode({
        totp_identifier: values.totp_identifier,
        content: values.content,
        source: 'manual_ui',
        workflow_run_id: values.workflow_run_id || null,
        task_id: values.task_id || null,
        workflow_id: values.workflow_id || null,
      });
    },
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.totpCodes.lists() }),
  });

  const submit = handleSubmit(() => {
    setOutcome(null);
    mutation.mutate(undefined, {
      onSuccess: (record) => {
        setOutcome(record);
        reset({ ...getValues(), content: '' });
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        for (const [path, message] of Object.entries(error.fieldErrors)) {
          const field = path.replace(/^body\./, '');
          if (field in emptyValues) setError(field as keyof PushCodeValues, { message });
        }
        const field = fieldForMessage(error.message);
        if (field) setError(field, { message: error.message });
        focusFirstError();
      },
    });
  }, focusFirstError);

  const errors = formState.errors;
  const serverError = mutation.error && isApiError(mutation.error) ? mutation.error : null;
  const showBanner =
    mutation.isError &&
    !(serverError && fieldForMessage(serverError.message)) &&
    !serverError?.isAuthError;

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void submit(event)} className="space-y-4">
      {guard.prompt}
      <Field
        label="Identifier"
        required
        error={errors.totp_identifier?.message}
        description="The email address or phone number the site sent the code to. It must match the credential’s 2FA identifier."
      >
        <input
          {...register('totp_identifier')}
          className={inputClass}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field
        label="Message or code"
        required
        error={errors.content?.message}
        description="The code itself, or the whole email or text message: Skyvern finds the code in it."
      >
        <textarea {...register('content')} rows={4} className={inputClass} spellCheck={false} />
      </Field>
      <fieldset className="rounded-lg border border-slate-200 px-3 pt-1 pb-3">
        <legend className="px-1 text-sm font-medium text-slate-800">
          Attach to a run <span className="font-normal text-slate-600">(optional)</span>
        </legend>
        <div className="space-y-3">
          <Field label="Workflow run id" error={errors.workflow_run_id?.message}>
            <input
              {...register('workflow_run_id')}
              className={inputClass}
              placeholder="wr_…"
              autoComplete="off"
            />
          </Field>
          <Field label="Task id" error={errors.task_id?.message}>
            <input
              {...register('task_id')}
              className={inputClass}
              placeholder="tsk_…"
              autoComplete="off"
            />
          </Field>
          <Field label="Workflow id" error={errors.workflow_id?.message}>
            <input
              {...register('workflow_id')}
              className={inputClass}
              placeholder="w_…"
              autoComplete="off"
            />
          </Field>
        </div>
      </fieldset>
      {showBanner && mutation.error && (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          <p className="font-semibold">The code was not pushed</p>
          <p>{mutation.error.message}</p>
        </div>
      )}
      {serverError?.isAuthError && <AuthFailureNotice reason={serverError.message} />}
      {outcome && <Outcome record={outcome} />}
      <Button type="submit" variant="primary" loading={mutation.isPending}>
        Push code
      </Button>
    </form>
  );
}
