import { useEffect, useState } from 'react';
import { totpAt, type TotpAccount } from '../../lib/authenticator-key';
import { cn } from '../../lib/cn';

/** The current time, updated on every second boundary (so countdowns tick in step). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: number;
    const tick = () => {
      setNow(Date.now());
      timer = window.setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    };
    timer = window.setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    return () => window.clearTimeout(timer);
  }, []);
  return now;
}

/** "123456" → "123 456", "12345678" → "1234 5678": how authenticator apps show them. */
export function groupCode(code: string): string {
  if (code.length === 6) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 8) return `${code.slice(0, 4)} ${code.slice(4)}`;
  return code;
}

/**
 * The code an authenticator app shows right now for this key, with a countdown, so it can be
 * compared with the phone before saving. The code is not a secret (it expires in seconds); the key
 * it comes from never reaches the DOM.
 */
export function LiveCode({ totp, compact = false }: { totp: TotpAccount; compact?: boolean }) {
  const now = useNow();
  const { code, remainingMs } = totpAt(totp, now);
  const seconds = Math.ceil(remainingMs / 1000);
  const fraction = remainingMs / (totp.period * 1000);
  return (
    <div className={cn('flex items-center gap-4', compact ? 'gap-3' : 'gap-4')}>
      <div>
        <p className="text-xs font-medium text-slate-600">Current code</p>
        <p
          data-testid="live-code"
          data-code={code}
          className={cn(
            'font-mono font-semibold tracking-wider text-slate-900 tabular-nums',
            compact ? 'text-lg' : 'text-3xl',
          )}
        >
          {groupCode(code)}
        </p>
      </div>
      <div className="min-w-24 flex-1">
        <p className="text-xs text-slate-600">
          Next code in <span className="tabular-nums">{seconds}</span> s
        </p>
        <div aria-hidden="true" className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200">
          <div
            className={cn(
              'h-full rounded-full transition-[width] duration-1000 ease-linear',
              seconds <= 5 ? 'bg-amber-500' : 'bg-brand-600',
            )}
            style={{ width: `${Math.max(0, Math.min(1, fraction)) * 100}%` }}
          />
        </div>
      </div>
    </div>
  );
}
