import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/Button';
import { CopyButton } from '../../../components/ui/CopyButton';
import { formValueFor, type TotpAccount } from '../../../lib/authenticator-key';
import { KeyDetails } from '../KeyDetails';

/** One usable time-based key: its details and codes, and "Use this key" (or copy). */
export function TotpResult({
  totp,
  onUse,
  again,
  children,
}: {
  totp: TotpAccount;
  onUse: ((formValue: string, totp: TotpAccount) => void) | undefined;
  again: ReactNode;
  children?: ReactNode;
}) {
  const formValue = formValueFor(totp);
  return (
    <div className="space-y-4">
      {children}
      <KeyDetails totp={totp} />
      <div className="flex flex-wrap items-center gap-2">
        {onUse ? (
          <Button variant="primary" onClick={() => onUse(formValue, totp)}>
            Use this key
          </Button>
        ) : (
          <span className="inline-flex items-center gap-1 text-sm text-slate-700">
            <CopyButton value={formValue} label="setup key" />
            Copy the key for a credential
          </span>
        )}
        {again}
      </div>
    </div>
  );
}
