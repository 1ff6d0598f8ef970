import { AlertTriangle } from 'lucide-react';
import { nonDefaultSettings, TOTP_DEFAULTS, type TotpAccount } from '../../lib/authenticator-key';
import { cn } from '../../lib/cn';
import { LiveCode } from './LiveCode';

/** What the key says about itself, a warning when its settings are unusual, and the live code. */
export function KeyDetails({ totp, compact = false }: { totp: TotpAccount; compact?: boolean }) {
  const differences = nonDefaultSettings(totp);
  const rows: Array<[string, string, boolean]> = [
    ['Issuer', totp.issuer || 'Not stated', false],
    ['Account', totp.account || 'Not stated', false],
    ['Algorithm', totp.algorithm, totp.algorithm !== TOTP_DEFAULTS.algorithm],
    ['Digits', String(totp.digits), totp.digits !== TOTP_DEFAULTS.digits],
    ['Period', `${totp.period} seconds`, totp.period !== TOTP_DEFAULTS.period],
  ];
  const live = (
    <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
      <LiveCode totp={totp} compact={compact} />
    </div>
  );
  return (
    <div className="space-y-3">
      {/* Beside a form field the code comes first: it is what people compare with their phone. */}
      {compact && live}
      <dl
        className={cn(
          'grid gap-x-4 gap-y-1.5 text-sm',
          compact
            ? 'grid-cols-[auto_1fr] sm:grid-cols-[auto_1fr_auto_1fr]'
            : 'grid-cols-[auto_1fr]',
        )}
      >
        {rows.map(([term, value, unusual]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600">{term}</dt>
            <dd
              className={cn(
                'min-w-0 truncate font-medium',
                unusual ? 'text-amber-800' : 'text-slate-900',
              )}
              title={value}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {differences.length > 0 && (
        <div className="flex gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
          <p>
            Unusual settings: {differences.join(', ')} (most sites use SHA1, 6 digits, 30 seconds).
            Skyvern needs the full otpauth:// URI, not just the key, to generate the same codes; the
            console uses it. Compare the current code with the phone.
          </p>
        </div>
      )}
      {!compact && live}
    </div>
  );
}
