import { Field, inputClass } from '../../../components/ui/Field';
import { SecretInput } from '../../../components/ui/SecretInput';
import type { CredentialFormApi } from './fields';
import { TwoFactorFields } from './TwoFactorFields';

/** Username, password and the two-factor choice of a password credential. */
export function PasswordFields({ form, editing }: { form: CredentialFormApi; editing: boolean }) {
  const errors = form.formState.errors;
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
      <TwoFactorFields form={form} editing={editing} />
    </div>
  );
}
