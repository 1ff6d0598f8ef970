import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { TriangleAlert } from 'lucide-react';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { Field, inputClass } from '../../../components/ui/Field';
import { Notice } from '../../../components/ui/States';
import { AuthenticatorKeyField } from '../../two-factor/AuthenticatorKeyField';
import { ChoiceCard, ChoiceGroup, radioClass, type CredentialFormApi } from './fields';
import { hasStoredAuthenticatorKey } from './remove-two-factor';
import type { TwoFactorChoice } from './schema';

const choices: Array<[TwoFactorChoice, string]> = [
  ['none', 'None'],
  ['authenticator', 'Authenticator app'],
  ['email', 'Email'],
  ['text', 'Text message'],
];

export const KEY_AGAIN_NOTICE =
  'Skyvern needs the authenticator key again. Scan the QR code again or paste the key; leaving it out removes 2FA from this credential.';

/** The two-factor choice of a password credential and the field the chosen method needs. */
export function TwoFactorFields({
  form,
  editing,
}: {
  form: CredentialFormApi;
  editing: Credential | undefined;
}) {
  const errors = form.formState.errors;
  const twoFactor = form.watch('twoFactor');
  const storedKey = hasStoredAuthenticatorKey(editing);
  // Skyvern's passkey setting is only ever kept, never chosen here (contract 1.8).
  const storedPasskey =
    editing?.credential_type === 'password' && editing.credential.totp_type === 'passkey';
  // What the last scan learned besides the key; forgotten as soon as the key is typed over.
  const [scanned, setScanned] = useState<{ issuer: string; account: string } | null>(null);
  const [name, username] = useWatch({ control: form.control, name: ['name', 'username'] });

  return (
    <>
      <ChoiceGroup
        legend="Two-factor authentication"
        columns={4}
        error={errors.twoFactor?.message}
        description={
          storedKey ? (
            <Notice tone="warning">
              <span className="flex gap-2">
                <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                <span>{KEY_AGAIN_NOTICE}</span>
              </span>
            </Notice>
          ) : undefined
        }
      >
        {[...choices, ...(storedPasskey ? [['passkey', 'Passkey'] as const] : [])].map(
          ([value, label]) => (
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
          ),
        )}
      </ChoiceGroup>
      {twoFactor === 'passkey' && (
        <p className="text-xs text-slate-600">
          This credential signs in with a passkey, as set up in Skyvern. Saving keeps it.
        </p>
      )}
      {twoFactor === 'authenticator' && (
        <Controller
          control={form.control}
          name="authenticatorKey"
          render={({ field, fieldState }) => (
            <AuthenticatorKeyField
              ref={field.ref}
              name={field.name}
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                setScanned(null);
              }}
              onBlur={field.onBlur}
              onScanned={(totp) => setScanned(totp.issuer || totp.account ? totp : null)}
              error={fieldState.error?.message}
              required={!storedKey}
              description={
                editing
                  ? 'The setup key or the otpauth:// URI; Skyvern never returns the stored key.'
                  : undefined
              }
            />
          )}
        />
      )}
      {twoFactor === 'authenticator' && scanned && (
        <section
          aria-label="From the QR code"
          className="space-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2.5 text-sm"
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            {scanned.issuer && (
              <>
                <dt className="text-slate-600">Issuer</dt>
                <dd className="min-w-0 truncate font-medium text-slate-900">{scanned.issuer}</dd>
              </>
            )}
            {scanned.account && (
              <>
                <dt className="text-slate-600">Account</dt>
                <dd className="min-w-0 truncate font-medium text-slate-900">{scanned.account}</dd>
              </>
            )}
          </dl>
          {((scanned.issuer && !name.trim()) || (scanned.account && !username)) && (
            <div className="flex flex-wrap gap-2">
              {scanned.issuer && !name.trim() && (
                <Button
                  size="sm"
                  onClick={() => form.setValue('name', scanned.issuer, { shouldValidate: true })}
                >
                  Use “{scanned.issuer}” as the name
                </Button>
              )}
              {scanned.account && !username && (
                <Button
                  size="sm"
                  onClick={() =>
                    form.setValue('username', scanned.account, { shouldValidate: true })
                  }
                >
                  Use “{scanned.account}” as the username
                </Button>
              )}
            </div>
          )}
        </section>
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
    </>
  );
}
