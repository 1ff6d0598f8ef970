import { useId, useState, type ReactNode } from 'react';
import { accountFromMigration, type TotpAccount } from '../../../lib/authenticator-key';
import type { MigrationPayload } from '../../../lib/otp-migration';
import { cn } from '../../../lib/cn';
import { Problem } from './Problem';
import { TotpResult } from './TotpResult';

/** A Google Authenticator export: pick the one account this credential signs in to. */
export function MigrationPicker({
  payload,
  onUse,
  again,
}: {
  payload: MigrationPayload;
  onUse: ((formValue: string, totp: TotpAccount) => void) | undefined;
  again: ReactNode;
}) {
  const entries = payload.accounts.map((account) => ({
    account,
    usable: accountFromMigration(account),
  }));
  const firstUsable = entries.findIndex((entry) => entry.usable.ok);
  const [picked, setPicked] = useState(firstUsable);
  const name = useId();
  const chosen = entries[picked]?.usable;

  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm text-slate-700">
          This Google Authenticator export holds {payload.accounts.length}{' '}
          {payload.accounts.length === 1 ? 'account' : 'accounts'}
          {payload.batchSize > 1 ? ` (part ${payload.batchIndex + 1} of ${payload.batchSize})` : ''}
          . Pick the one this credential signs in to.
        </legend>
        {entries.map(({ account, usable }, index) => {
          const label = usable.ok
            ? [usable.totp.issuer, usable.totp.account].filter(Boolean).join(' · ') ||
              'Unnamed account'
            : account.name || 'Unnamed account';
          return (
            <label
              key={index}
              className={cn(
                'flex items-center gap-3 rounded-lg border px-3 py-2 text-sm',
                picked === index ? 'border-brand-600 bg-brand-50' : 'border-slate-200',
                usable.ok ? 'cursor-pointer' : 'cursor-not-allowed text-slate-600',
              )}
            >
              <input
                type="radio"
                name={name}
                checked={picked === index}
                disabled={!usable.ok}
                onChange={() => setPicked(index)}
                className="size-4 accent-brand-600"
              />
              <span className="min-w-0 flex-1 truncate font-medium">{label}</span>
              {!usable.ok && <span className="text-xs text-slate-600">{usable.reason}</span>}
            </label>
          );
        })}
      </fieldset>
      {chosen?.ok ? (
        <TotpResult key={picked} totp={chosen.totp} onUse={onUse} again={again} />
      ) : (
        <div className="space-y-4">
          <Problem title="No usable account">
            None of the accounts in this export is time-based with a supported algorithm.
          </Problem>
          {again}
        </div>
      )}
    </div>
  );
}
