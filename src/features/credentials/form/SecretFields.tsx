import { Field, inputClass } from '../../../components/ui/Field';
import { SecretTextarea } from '../../../components/ui/SecretTextarea';
import type { CredentialFormApi } from './fields';

/** The optional label and the value of a secret credential. */
export function SecretFields({ form, editing }: { form: CredentialFormApi; editing: boolean }) {
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
