import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import { CreditCard, KeyRound, LockKeyhole, SquareAsterisk } from 'lucide-react';
import { customCredentialStatusQuery } from '../../../api/custom-credential-config';
import { isApiError } from '../../../api/client';
import type { Credential, CredentialType } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { Field, inputClass } from '../../../components/ui/Field';
import { Notice } from '../../../components/ui/States';
import { WaitingNotice } from '../../../components/ui/WaitingNotice';
import { useFocusFirstError } from '../../../components/ui/useFocusFirstError';
import { fetchCredentials } from '../api/credentials';
import { isGone, mayHaveBeenApplied, useSaveCredential } from '../api/mutations';
import { identifierOf, typeLabels, vaultLabel } from '../describe';
import { DialogError } from '../dialogs/DialogError';
import { CardFields } from './CardFields';
import { attemptOf, type CreateAttempt } from './create-attempt';
import { ChoiceCard, ChoiceGroup, radioClass } from './fields';
import { PasswordFields } from './PasswordFields';
import { PossibleDuplicateAlert } from './PossibleDuplicateAlert';
import { credentialFormResolver, useRemoveTwoFactorConfirm } from './remove-two-factor';
import {
  initialValues,
  mapServerFieldErrors,
  serverVaultRefusal,
  unplacedServerErrors,
  toRequestBody,
  type CredentialFormValues,
} from './schema';
import { SecretFields } from './SecretFields';
import { InlineLoginTest } from '../../login-tests/InlineLoginTest';

type CommonProps = {
  onSaved: (credential: Credential) => void;
  onCancel: () => void;
  /** Told whether the form holds unsaved input, so the dialog can ask before discarding it. */
  onDirtyChange?: (dirty: boolean) => void;
};
export type CredentialFormProps =
  | ({
      mode: 'create';
      /** The type chosen before the form opened (the command palette's "New credit card"). */
      initialType?: CredentialType | undefined;
    } & CommonProps)
  | ({
      mode: 'edit';
      credential: Credential;
      /** "Change password": the password first, with the 2FA key right below it. */
      initialFocus?: 'password' | undefined;
    } & CommonProps);

const typeChoices = [
  { value: 'password', Icon: KeyRound, hint: 'Sign-in with username, password and 2FA' },
  { value: 'credit_card', Icon: CreditCard, hint: 'Card details for checkouts' },
  { value: 'secret', Icon: SquareAsterisk, hint: 'An API key, token or other value' },
] as const;

/** The credential form's shell: type, name, vault, the type's section, errors and buttons. */
export function CredentialForm(props: CredentialFormProps) {
  const editing = props.mode === 'edit' ? props.credential : undefined;
  const form = useForm<CredentialFormValues>({
    resolver: credentialFormResolver(editing),
    defaultValues: initialValues(editing, props.mode === 'create' ? props.initialType : undefined),
    mode: 'onTouched',
    // useFocusFirstError focuses in reading order instead of registration order.
    shouldFocusError: false,
  });
  const removeTwoFactor = useRemoveTwoFactorConfirm(editing);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const { isDirty } = form.formState;
  const { onDirtyChange } = props;
  useEffect(() => {
    onDirtyChange?.(isDirty);
  }, [isDirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);
  const save = useSaveCredential(
    editing ? { mode: 'edit', credentialId: editing.credential_id } : { mode: 'create' },
  );
  const vaultStatus = useQuery({ ...customCredentialStatusQuery(), enabled: !editing });
  const offerVault = !editing && vaultStatus.data?.configured === true;

  // After a create whose answer was lost, the next attempt first looks for what it may have made.
  const uncertainCreate = useRef<CreateAttempt | null>(null);
  const [possibleDuplicate, setPossibleDuplicate] = useState<Credential | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);
  const [unplacedErrors, setUnplacedErrors] = useState<string[]>([]);
  const [placedCount, setPlacedCount] = useState(0);
  // The server-vault choices start folded away: most teams never use them.
  const [serverVault, setServerVault] = useState(false);

  const type = form.watch('credentialType');

  const send = (values: CredentialFormValues) => {
    setUnplacedErrors([]);
    setPlacedCount(0);
    save.send(toRequestBody(values, { offerVault }), {
      onSuccess: (credential) => {
        uncertainCreate.current = null;
        props.onSaved(credential);
      },
      onError: (error) => {
        if (!editing && mayHaveBeenApplied(error)) uncertainCreate.current = attemptOf(values);
        if (!isApiError(error)) return;
        const vaultRefusal = error.status === 400 ? serverVaultRefusal(error.message) : null;
        if (vaultRefusal) {
          form.setError('vault', { type: 'server', message: vaultRefusal });
          setPlacedCount(1);
          formRef.current?.querySelector<HTMLInputElement>('input[name="vault"]:checked')?.focus();
          return;
        }
        // Only errors for fields on screen count as placed; the rest are listed in words.
        const mapped = mapServerFieldErrors(error.fieldErrors, values.credentialType);
        const onScreen = (field: string) =>
          formRef.current?.querySelector(`[name="${field}"]`) != null;
        const placed = mapped.filter(({ field }) => onScreen(field));
        placed.forEach(({ field, message }) => form.setError(field, { type: 'server', message }));
        setPlacedCount(placed.length);
        setUnplacedErrors([
          ...mapped.filter(({ field }) => !onScreen(field)).map(({ message }) => message),
          ...unplacedServerErrors(error.fieldErrors),
        ]);
        if (placed.length > 0) focusFirstError();
      },
    });
  };

  const onValid = async (values: CredentialFormValues) => {
    setPossibleDuplicate(null);
    setCheckError(null);
    const attempt = uncertainCreate.current;
    if (!editing && attempt) {
      setChecking(true);
      try {
        const candidates = await fetchCredentials({
          page: 1,
          page_size: 100,
          credential_type: attempt.type,
          search: attempt.name,
        });
        const match = candidates.find(
          (candidate) =>
            candidate.name === attempt.name && identifierOf(candidate) === attempt.identifier,
        );
        if (match) {
          setPossibleDuplicate(match);
          return;
        }
      } catch (error) {
        setCheckError(error);
        return;
      } finally {
        setChecking(false);
      }
    }
    send(values);
  };

  const submit = form.handleSubmit(
    (values) => removeTwoFactor.guard(values, (checked) => void onValid(checked)),
    focusFirstError,
  );
  const gone = isGone(save.error);
  const busy = save.isPending || checking;

  return (
    <form
      ref={formRef}
      onSubmit={(event) => void submit(event)}
      noValidate
      className="space-y-6"
      aria-busy={busy}
    >
      {editing && (
        <Notice>
          <p className="flex gap-2">
            <LockKeyhole aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand-700" />
            <span>
              <strong className="font-semibold">Type every secret again.</strong> Skyvern never
              returns a stored secret, so saving replaces the whole secret with what you enter here.
              Fields without a secret are filled in from the credential.
            </span>
          </p>
        </Notice>
      )}

      <ChoiceGroup
        legend="Type"
        error={form.formState.errors.credentialType?.message}
        description={
          editing
            ? 'You may change the type; the stored secret is replaced by one of the new type.'
            : 'What Skyvern should store.'
        }
      >
        {typeChoices.map(({ value, Icon, hint }) => (
          <ChoiceCard
            key={value}
            icon={<Icon aria-hidden="true" className="size-4 text-slate-600" />}
            hint={hint}
            input={
              <input
                type="radio"
                value={value}
                className={radioClass}
                {...form.register('credentialType')}
              />
            }
          >
            {typeLabels[value]}
          </ChoiceCard>
        ))}
      </ChoiceGroup>

      <Field
        label="Name"
        required
        error={form.formState.errors.name?.message}
        description="How workflows and people find this credential. Not secret."
      >
        <input
          id="credential-name"
          autoComplete="off"
          className={inputClass}
          {...form.register('name')}
        />
      </Field>

      {!editing && (
        <ChoiceGroup
          legend="Store the secret in"
          columns={2}
          error={form.formState.errors.vault?.message}
        >
          <ChoiceCard
            compact
            hint="Skyvern’s own encrypted vault (the default)"
            input={
              <input
                type="radio"
                value="skyvern"
                className={radioClass}
                {...form.register('vault')}
              />
            }
          >
            Skyvern
          </ChoiceCard>
          {offerVault && vaultStatus.data?.configured && (
            <ChoiceCard
              compact
              hint={
                vaultStatus.data.apiBaseUrl
                  ? `Your service at ${vaultStatus.data.apiBaseUrl}`
                  : 'Your organisation’s own service'
              }
              input={
                <input
                  type="radio"
                  value="custom"
                  className={radioClass}
                  {...form.register('vault')}
                />
              }
            >
              Custom Credential Service
            </ChoiceCard>
          )}
          <details
            className="sm:col-span-2"
            open={serverVault || undefined}
            onToggle={(event) => {
              const open = event.currentTarget.open;
              setServerVault(open);
              // Folding them away goes back to the default rather than hiding the choice made.
              const vault = form.getValues('vault');
              if (!open && (vault === 'bitwarden' || vault === 'azure_vault')) {
                form.setValue('vault', 'skyvern');
              }
            }}
          >
            <summary className="cursor-pointer text-sm text-brand-700 hover:underline">
              The Skyvern server’s own Bitwarden or Azure Key Vault
            </summary>
            <p className="mt-2 text-xs text-slate-600">
              These mean the vault set up on the Skyvern server itself (its environment), not the
              organisation’s settings under Settings → Vault providers, which are only read by
              workflows. Skyvern refuses them when the server has none.
            </p>
            {serverVault && (
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                <ChoiceCard
                  compact
                  hint="A new item in the server’s Bitwarden account"
                  input={
                    <input
                      type="radio"
                      value="bitwarden"
                      className={radioClass}
                      {...form.register('vault')}
                    />
                  }
                >
                  Bitwarden (server)
                </ChoiceCard>
                <ChoiceCard
                  compact
                  hint="A secret in the server’s AZURE_CREDENTIAL_VAULT"
                  input={
                    <input
                      type="radio"
                      value="azure_vault"
                      className={radioClass}
                      {...form.register('vault')}
                    />
                  }
                >
                  Azure Key Vault (server)
                </ChoiceCard>
              </div>
            )}
          </details>
        </ChoiceGroup>
      )}
      {editing && (
        <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
          <p className="font-medium text-slate-800">Stored in: {vaultLabel(editing.vault_type)}</p>
          <p className="text-xs text-slate-600">
            Skyvern keeps a credential in the vault it was created in; it cannot be moved.
          </p>
        </div>
      )}

      <div className="border-t border-slate-200 pt-5">
        <h3 className="mb-4 text-sm font-semibold text-slate-900">{typeLabels[type]} details</h3>
        {type === 'password' && (
          <PasswordFields
            form={form}
            editing={editing}
            passwordFirst={props.mode === 'edit' && props.initialFocus === 'password'}
          />
        )}
        {type === 'password' && !editing && (
          <div className="mt-4">
            <InlineLoginTest
              values={() => {
                const values = form.getValues();
                return {
                  name: values.name.trim(),
                  username: values.username,
                  password: values.password,
                  totp: values.twoFactor === 'authenticator' ? values.authenticatorKey : null,
                  totp_type: values.twoFactor,
                  totp_identifier:
                    values.twoFactor === 'email' || values.twoFactor === 'text'
                      ? values.totpIdentifier.trim()
                      : null,
                };
              }}
              onSaved={props.onSaved}
            />
          </div>
        )}
        {type === 'credit_card' && <CardFields form={form} editing={editing} />}
        {type === 'secret' && <SecretFields form={form} editing={Boolean(editing)} />}
      </div>

      {removeTwoFactor.dialog}
      {possibleDuplicate && (
        <PossibleDuplicateAlert
          credential={possibleDuplicate}
          onUse={() => props.onSaved(possibleDuplicate)}
          onCreateAnyway={() => {
            uncertainCreate.current = null;
            setPossibleDuplicate(null);
            void submit();
          }}
        />
      )}
      {checkError !== null && (
        <DialogError error={checkError}>
          <p>
            The console could not check whether your earlier attempt created the credential, so it
            did not send it again.
          </p>
        </DialogError>
      )}
      {save.isError && !possibleDuplicate && placedCount > 0 && (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
        >
          <p className="font-semibold">Skyvern did not accept this</p>
          <p>
            Check the highlighted {placedCount === 1 ? 'field' : 'fields'}; everything you typed is
            still here.
          </p>
        </div>
      )}
      {save.isError && !possibleDuplicate && placedCount === 0 && (
        <DialogError error={save.error}>
          {unplacedErrors.length > 0 && (
            <ul className="list-disc pl-5">
              {unplacedErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          {!editing && mayHaveBeenApplied(save.error) && (
            <p>
              The request may have reached Skyvern before the connection failed. When you try again,
              the console first checks whether it was created, so you will not get a duplicate.
            </p>
          )}
        </DialogError>
      )}

      <div className="sticky -bottom-5 -mx-4 -mb-5 flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 bg-white px-4 py-4 sm:-mx-6 sm:px-6">
        <WaitingNotice
          active={save.isPending}
          className="mr-auto text-sm text-slate-700 empty:hidden"
        />
        <Button onClick={props.onCancel}>{gone ? 'Close' : 'Cancel'}</Button>
        {!gone && (
          <Button type="submit" variant="primary" loading={busy}>
            {save.isError || checkError
              ? 'Try again'
              : editing
                ? 'Save changes'
                : 'Create credential'}
          </Button>
        )}
      </div>
    </form>
  );
}
