import { useEffect, useState } from 'react';
import type { PasswordStrength } from '../../../lib/password-strength';
import { cn } from '../../../lib/cn';

const barColours = ['bg-red-600', 'bg-red-600', 'bg-amber-500', 'bg-emerald-600', 'bg-emerald-700'];

/**
 * How strong the typed password is, measured in the browser with zxcvbn-ts. The library and its
 * dictionaries load on the first typed character, never before, and the password goes nowhere
 * else. The verdict is text in a polite live region; the bar only repeats it.
 */
export function PasswordStrengthMeter({
  password,
  userInputs,
}: {
  password: string;
  userInputs: readonly string[];
}) {
  // Only the verdict is kept, never the password it was measured for.
  const [measured, setMeasured] = useState<PasswordStrength | null>(null);
  const inputsKey = userInputs.join('\n');

  useEffect(() => {
    if (!password) return;
    let current = true;
    // A short pause, so that a burst of typing is measured once.
    const timer = window.setTimeout(() => {
      void import('../../../lib/password-strength').then(({ measurePasswordStrength }) => {
        if (current) setMeasured(measurePasswordStrength(password, inputsKey.split('\n')));
      });
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [password, inputsKey]);

  const strength = password ? measured : null;

  return (
    <div className="space-y-1" hidden={!password}>
      <div className="flex gap-1" aria-hidden="true">
        {[0, 1, 2, 3].map((segment) => (
          <span
            key={segment}
            className={cn(
              'h-1.5 flex-1 rounded-full',
              strength && Math.max(strength.score, 1) > segment
                ? barColours[strength.score]
                : 'bg-slate-200',
            )}
          />
        ))}
      </div>
      <p aria-live="polite" className="text-xs text-slate-700" data-testid="password-strength">
        {strength && (
          <>
            <span className="font-medium">Strength: {strength.label}.</span>
            {strength.advice && ` ${strength.advice}`}
          </>
        )}
      </p>
    </div>
  );
}
