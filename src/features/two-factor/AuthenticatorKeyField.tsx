import { forwardRef } from 'react';
import { Field } from '../../components/ui/Field';
import { SecretInput } from '../../components/ui/SecretInput';

/*
 * The "Authenticator key" field of the password form (the declared credentials → two-factor
 * import). PLACEHOLDER: the 2FA work replaces the inside (QR scanning, otpauth parsing, live
 * code preview) and keeps these props.
 */
export interface AuthenticatorKeyFieldProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
  error?: string | undefined;
  disabled?: boolean;
  /** Marks the field required (edit forms: every secret must be typed again). */
  required?: boolean;
  /** Extra help under the field, e.g. why an edit needs the key again. */
  description?: string;
}

export const AuthenticatorKeyField = forwardRef<HTMLInputElement, AuthenticatorKeyFieldProps>(
  function AuthenticatorKeyField(
    { value, onChange, onBlur, name, error, disabled, required, description },
    ref,
  ) {
    return (
      <Field
        label="Authenticator key"
        required={required}
        error={error}
        description={
          description ?? 'The Base32 setup key, or the full otpauth:// URI from the QR code.'
        }
      >
        <SecretInput
          ref={ref}
          name={name}
          value={value}
          disabled={disabled}
          revealLabel="authenticator key"
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      </Field>
    );
  },
);
