import { useRef, useState } from 'react';
import { Controller, useForm, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { CreditCard, KeyRound, LockKeyhole, SquareAsterisk } from 'lucide-react';
import { customCredentialStatusQuery } from '../../../api/custom-credential-config';
import { isApiError } from '../../../api/client';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { Field, inputClass } from '../../../components/ui/Field';
import { SecretInput } from '../../../components/ui/SecretInput';
import { SecretTextarea } from '../../../components/ui/SecretTextarea';
import { Notice } from '../../../components/ui/States';
import { WaitingNotice } from '../../../components/ui/WaitingNotice';
import { cardDigits, detectCardBrand, formatCardNumber, passesLuhn } from '../../../lib/card';
import { AuthenticatorKeyField } from '../../two-factor/AuthenticatorKeyField';
import { fetchCredentials } from '../api/credentials';
import { isGone, mayHaveBeenApplied, useSaveCredential } from '../api/mutations';
import { displayName, identifierOf, typeLabels, vaultLabel } from '../describe';
import { DialogError } from '../dialogs/DialogError';
import {
  credentialFormSchema,
  initialValues,
  mapServerFieldErrors,
  unplacedServerErrors,
  toRequestBody,
  type CredentialFormValues,
} from './schema';
import { ChoiceCard, ChoiceGroup, radioClass } from './fields';

export type CredentialFormProps =
  | { mode: 'create'; onSaved: (credential: Credential) => void; onCancel: () => void }
  | {
      mode: 'edit';
      credential: Credential;
      onSaved: (credential: Credential) => void;
      onCancel: () => void;
    };

const typeChoices = [
  { value: 'password', Icon: KeyRound, hint: 'Sign-in with username, password and 2FA' },
  { value: 'credit_card', Icon: CreditCard, hint: 'Card details for checkouts' },
  { value: 'secret', Icon: SquareAsterisk, hint: 'An API key, token or other value' },
] as const;

const months = Array.from({ length: 12 }, (_, index) => {
  const value = String(index + 1).padStart(2, '0');
  const name = new Date(2000, index, 1).toLocaleString('en', { month: 'long' });
  return { value, label: `${value} · ${name}` };
});

/** What a possibly-created credential looks like, to find it again after a lost answer. */
interface CreateAttempt {
  name: string;
  type: Credential['credential_type'];
  identifier: string;
}

function attemptOf(values: CredentialFormValues): CreateAttempt {
  const name = values.name.trim();
  switch (values.credentialType) {
    case 'password':
      return { name, type: 'password', identifier: values.username };
    case 'credit_card': {
      const digits = cardDigits(values.cardNumber);
      return {
        name,
        type: 'credit_card',
        identifier: `${values.cardBrand.trim()} •••• ${digits.slice(-4)}`,
      };
    }
    case 'secret':
      return { name, type: 'secret', identifier: values.secretLabel.trim() };
  }
}

export function CredentialForm(props: CredentialFormProps) {
  const editing = props.mode === 'edit' ? props.credential : undefined;
  const form = useForm<CredentialFormValues>({
    resolver: zodResolver(credentialFormSchema),
    defaultValues: initialValues(editing),
    mode: 'onTouched',
  });
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
        const placed = mapServerFieldErrors(error.fieldErrors, values.credentialType);
        placed.forEach(({ field, message }, index) =>
          form.setError(field, { type: 'server', message }, { shouldFocus: index === 0 }),
        );
        setPlacedCount(placed.length);
        setUnplacedErrors(unplacedServerErrors(error.fieldErrors));
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

  const submit = form.handleSubmit(onValid);
  const gone = isGone(save.error);
  const busy = save.isPending || checking;

  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-busy={busy}>
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

      {offerVault && vaultStatus.data?.configured && (
        <ChoiceGroup legend="Store the secret in" columns={2}>
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
        {type === 'password' && <PasswordFields form={form} editing={Boolean(editing)} />}
        {type === 'credit_card' && <CardFields form={form} editing={editing} />}
        {type === 'secret' && <SecretFields form={form} editing={Boolean(editing)} />}
      </div>

      {possibleDuplicate && (
        <div
          role="alert"
          className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <p className="font-semibold">Your earlier attempt probably went through</p>
          <p>
            The answer to the last attempt was lost, and Skyvern now has a credential named “
            {displayName(possibleDuplicate)}” (
            {identifierOf(possibleDuplicate) || typeLabels[possibleDuplicate.credential_type]}
            ), id <code className="font-mono text-xs">{possibleDuplicate.credential_id}</code>.
            Creating it again would make a duplicate.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="primary" onClick={() => props.onSaved(possibleDuplicate)}>
              Use the existing credential
            </Button>
            <Button
              size="sm"
              onClick={() => {
                uncertainCreate.current = null;
                setPossibleDuplicate(null);
                void submit();
              }}
            >
              Create another anyway
            </Button>
          </div>
        </div>
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

      <div className="sticky -bottom-5 -mx-6 -mb-5 flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 bg-white px-6 py-4">
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

type FormApi = UseFormReturn<CredentialFormValues>;

function PasswordFields({ form, editing }: { form: FormApi; editing: boolean }) {
  const errors = form.formState.errors;
  const twoFactor = form.watch('twoFactor');
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Username" required error={errors.username?.message}>
          <input
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            className={inputClass}
            {...form.register('username')}
          />
        </Field>
        <Field
          label="Password"
          required
          error={errors.password?.message}
          description={editing ? 'Type the password again; the stored one is replaced.' : undefined}
        >
          <SecretInput revealLabel="password" {...form.register('password')} />
        </Field>
      </div>
      <ChoiceGroup legend="Two-factor authentication" columns={4}>
        {(
          [
            ['none', 'None'],
            ['authenticator', 'Authenticator app'],
            ['email', 'Email'],
            ['text', 'Text message'],
          ] as const
        ).map(([value, label]) => (
          <ChoiceCard
            key={value}
            compact
            input={
              <input
                type="radio"
                value={value}
                className={radioClass}
                {...form.register('twoFactor')}
              />
            }
          >
            {label}
          </ChoiceCard>
        ))}
      </ChoiceGroup>
      {twoFactor === 'authenticator' && (
        <Controller
          control={form.control}
          name="authenticatorKey"
          render={({ field, fieldState }) => (
            <AuthenticatorKeyField
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              required
              description={
                editing
                  ? 'Skyvern does not return the stored key: enter it again (the setup key or the otpauth:// URI), or scan the QR code.'
                  : undefined
              }
            />
          )}
        />
      )}
      {twoFactor === 'email' && (
        <Field
          label="Email address"
          required
          error={errors.totpIdentifier?.message}
          description="The address Skyvern’s one-time codes are sent to. Codes pushed for this address are matched to this credential."
        >
          <input
            type="email"
            autoComplete="off"
            className={inputClass}
            {...form.register('totpIdentifier')}
          />
        </Field>
      )}
      {twoFactor === 'text' && (
        <Field
          label="Phone number"
          required
          error={errors.totpIdentifier?.message}
          description="The number the site texts codes to, with country code. Codes pushed for this number are matched to this credential."
        >
          <input
            type="tel"
            autoComplete="off"
            className={inputClass}
            {...form.register('totpIdentifier')}
          />
        </Field>
      )}
    </div>
  );
}

function CardFields({ form, editing }: { form: FormApi; editing: Credential | undefined }) {
  const errors = form.formState.errors;
  const [brandTouched, setBrandTouched] = useState(Boolean(editing));
  const number = cardDigits(form.watch('cardNumber'));
  const detected = detectCardBrand(number);
  const lastFour = editing?.credential_type === 'credit_card' ? editing.credential.last_four : null;

  let numberHint: string;
  if (!number)
    numberHint =
      lastFour && lastFour !== '****'
        ? `The stored card ends in ${lastFour}. Enter the full number again.`
        : 'Digits only; spaces are added for you.';
  else if (number.length >= 12 && passesLuhn(number))
    numberHint = `${detected?.label ?? 'Card'} number, check digit OK.`;
  else numberHint = detected ? `Looks like ${detected.label}.` : 'Keep typing…';

  return (
    <div className="space-y-5">
      <Field label="Cardholder name" required error={errors.cardHolderName?.message}>
        <input autoComplete="off" className={inputClass} {...form.register('cardHolderName')} />
      </Field>
      <Controller
        control={form.control}
        name="cardNumber"
        render={({ field, fieldState }) => (
          <Field
            label="Card number"
            required
            error={fieldState.error?.message}
            description={numberHint}
          >
            <SecretInput
              ref={field.ref}
              name={field.name}
              value={field.value}
              revealLabel="card number"
              autoComplete="off"
              inputMode="numeric"
              onBlur={field.onBlur}
              onChange={(event) => {
                const formatted = formatCardNumber(event.target.value);
                field.onChange(formatted);
                const brand = detectCardBrand(cardDigits(formatted));
                if (brand && !brandTouched) form.setValue('cardBrand', brand.label);
              }}
            />
          </Field>
        )}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Expiry month" required error={errors.cardExpMonth?.message}>
          <select className={inputClass} {...form.register('cardExpMonth')}>
            <option value="">Month</option>
            {months.map((month) => (
              <option key={month.value} value={month.value}>
                {month.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Expiry year" required error={errors.cardExpYear?.message}>
          <input
            inputMode="numeric"
            autoComplete="off"
            placeholder="YYYY"
            maxLength={4}
            className={inputClass}
            {...form.register('cardExpYear')}
          />
        </Field>
        <Field label="CVV" required error={errors.cardCvv?.message} description="3 or 4 digits">
          <SecretInput
            revealLabel="CVV"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            {...form.register('cardCvv')}
          />
        </Field>
      </div>
      <Field
        label="Card brand"
        required
        error={errors.cardBrand?.message}
        description="Filled in from the card number; change it if Skyvern should see another name."
      >
        <input
          autoComplete="off"
          className={inputClass}
          {...form.register('cardBrand', {
            onChange: () => setBrandTouched(true),
          })}
        />
      </Field>
      <details className="group rounded-lg border border-slate-200 bg-slate-50/60 px-4 py-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600">
          Billing details (optional)
        </summary>
        <p className="mt-2 text-xs text-slate-600">
          {editing
            ? 'Leave these empty to keep the billing details Skyvern has stored; whatever you fill in replaces them.'
            : 'Only needed where a checkout asks for them.'}
        </p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <Field
            label="Address line 1"
            className="sm:col-span-2"
            error={errors.billingLine1?.message}
          >
            <input autoComplete="off" className={inputClass} {...form.register('billingLine1')} />
          </Field>
          <Field
            label="Address line 2"
            className="sm:col-span-2"
            error={errors.billingLine2?.message}
          >
            <input autoComplete="off" className={inputClass} {...form.register('billingLine2')} />
          </Field>
          <Field label="City" error={errors.billingCity?.message}>
            <input autoComplete="off" className={inputClass} {...form.register('billingCity')} />
          </Field>
          <Field label="State or region" error={errors.billingState?.message}>
            <input autoComplete="off" className={inputClass} {...form.register('billingState')} />
          </Field>
          <Field label="Postal code" error={errors.billingPostalCode?.message}>
            <input
              autoComplete="off"
              className={inputClass}
              {...form.register('billingPostalCode')}
            />
          </Field>
          <Field label="Country" error={errors.billingCountry?.message}>
            <input autoComplete="off" className={inputClass} {...form.register('billingCountry')} />
          </Field>
          <Field label="Billing email" error={errors.billingEmail?.message}>
            <input
              type="email"
              autoComplete="off"
              className={inputClass}
              {...form.register('billingEmail')}
            />
          </Field>
          <Field label="Billing phone" error={errors.billingPhone?.message}>
            <input
              type="tel"
              autoComplete="off"
              className={inputClass}
              {...form.register('billingPhone')}
            />
          </Field>
        </div>
      </details>
    </div>
  );
}

function SecretFields({ form, editing }: { form: FormApi; editing: boolean }) {
  const errors = form.formState.errors;
  return (
    <div className="space-y-5">
      <Field
        label="Secret label"
        error={errors.secretLabel?.message}
        description="Optional. Shown in the list so people can tell secrets apart; it is not secret itself."
      >
        <input autoComplete="off" className={inputClass} {...form.register('secretLabel')} />
      </Field>
      <Field
        label="Secret value"
        required
        error={errors.secretValue?.message}
        description={
          editing
            ? 'Type the value again; the stored one is replaced.'
            : 'Stored exactly as typed or pasted, spaces and line breaks included.'
        }
      >
        <SecretTextarea revealLabel="secret value" {...form.register('secretValue')} />
      </Field>
    </div>
  );
}
