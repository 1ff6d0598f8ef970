import { forwardRef, lazy, Suspense, useMemo, useState } from 'react';
import { ScanLine } from 'lucide-react';
import { Button } from '../../components/ui/Button';
import { Field } from '../../components/ui/Field';
import { SecretInput } from '../../components/ui/SecretInput';
import {
  keyMessages,
  parseAuthenticatorInput,
  type TotpAccount,
} from '../../lib/authenticator-key';
import { KeyDetails } from './KeyDetails';

/*
 * The "Authenticator key" field of the password form (the declared credentials → two-factor
 * import). It accepts what Skyvern accepts (contract 3.8): a Base32 setup key or an
 * otpauth://totp URI. The form receives the value unchanged as typed; a scanned QR puts in the
 * bare key, or the full URI when its settings are not SHA1/6/30.
 *
 * This module pulls in `otpauth` for the live preview, so it must only be imported from lazily
 * loaded code (the credential form is). The scanner dialog and qr-scanner load on first use.
 */
const ScanQrDialog = lazy(async () => ({
  default: (await import('./ScanQrDialog')).ScanQrDialog,
}));

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
  /**
   * After "Use this key": what the scan learned beyond the key (issuer, account), which a bare
   * key in the field no longer carries.
   */
  onScanned?: (totp: Pick<TotpAccount, 'issuer' | 'account'>) => void;
}

export const AuthenticatorKeyField = forwardRef<HTMLInputElement, AuthenticatorKeyFieldProps>(
  function AuthenticatorKeyField(
    { value, onChange, onBlur, name, error, disabled, required, description, onScanned },
    ref,
  ) {
    const [scanning, setScanning] = useState(false);
    const [scannerLoaded, setScannerLoaded] = useState(false);
    const parsed = useMemo(() => parseAuthenticatorInput(value), [value]);

    const hint =
      parsed.kind === 'hotp'
        ? keyMessages.hotp
        : parsed.kind === 'migration'
          ? keyMessages.migrationInField
          : parsed.kind === 'not-otpauth'
            ? keyMessages.notOtpauth
            : parsed.kind === 'invalid'
              ? parsed.reason
              : null;

    return (
      <div className="space-y-3">
        <Field
          label="Authenticator key"
          required={required}
          error={error}
          description={
            description ??
            'The Base32 setup key or the otpauth:// link behind the QR code on the site’s two-factor setup screen.'
          }
          action={
            <Button
              size="sm"
              variant="link"
              disabled={disabled}
              onClick={() => {
                setScannerLoaded(true);
                setScanning(true);
              }}
            >
              <ScanLine aria-hidden="true" className="size-4" />
              Scan QR code
            </Button>
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

        {parsed.kind === 'totp' && (
          <section
            aria-label="Authenticator key preview"
            className="rounded-lg border border-slate-200 bg-white p-3"
          >
            <KeyDetails totp={parsed.totp} compact />
          </section>
        )}
        {hint && !error && (
          <p className="text-sm text-amber-800" data-testid="authenticator-key-hint">
            {hint}
          </p>
        )}

        {scannerLoaded && (
          <Suspense fallback={null}>
            <ScanQrDialog
              open={scanning}
              onOpenChange={setScanning}
              onUse={(formValue, totp) => {
                onChange(formValue);
                onBlur?.();
                onScanned?.({ issuer: totp.issuer, account: totp.account });
              }}
            />
          </Suspense>
        )}
      </div>
    );
  },
);
