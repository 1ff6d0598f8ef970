import type { Credential } from '../../../api/schemas';
import { Field, inputClass } from '../../../components/ui/Field';
import type { CredentialFormApi } from './fields';
import { PasswordField } from './PasswordField';
import { TwoFactorFields } from './TwoFactorFields';

/**
 * Username, password and the two-factor choice of a password credential. "Change password"
 * (`passwordFirst`) puts the password at the top with the 2FA key right below it, since an
 * update without the key deletes it (contract 3.5).
 */
export function PasswordFields({
  form,
  editing,
  passwordFirst = false,
}: {
  form: CredentialFormApi;
  editing: Credential | undefined;
  passwordFirst?: boolean;
}) {
  const errors = form.formState.errors;
  const username = (
    <Field label="Username" required error={errors.username?.message}>
      <input
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        className={inputClass}
        {...form.register('username')}
      />
    </Field>
  );
  const password = <PasswordField form={form} editing={Boolean(editing)} />;
  const twoFactor = <TwoFactorFields form={form} editing={editing} />;
  if (passwordFirst) {
    return (
      <div className="space-y-5">
        {password}
        {twoFactor}
        {username}
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        {username}
        {password}
      </div>
      {twoFactor}
    </div>
  );
}
