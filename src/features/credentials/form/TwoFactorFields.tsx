import { Controller } from 'react-hook-form';
import { Field, inputClass } from '../../../components/ui/Field';
import { AuthenticatorKeyField } from '../../two-factor/AuthenticatorKeyField';
import { ChoiceCard, ChoiceGroup, radioClass, type CredentialFormApi } from './fields';

/** The two-factor choice of a password credential and the field the chosen method needs. */
export function TwoFactorFields({ form, editing }: { form: CredentialFormApi; editing: boolean }) {
  const errors = form.formState.errors;
  const twoFactor = form.watch('twoFactor');
  return (
    <>
      <ChoiceGroup legend="Two-factor authentication" columns={4} error={errors.twoFactor?.message}>
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
    </>
  );
}
