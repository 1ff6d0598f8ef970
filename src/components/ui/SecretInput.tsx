import { forwardRef, useState, type InputHTMLAttributes } from 'react';
import { cn } from '../../lib/cn';
import { inputClass } from './Field';
import { RevealToggle } from './RevealToggle';

export interface SecretInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  /** Used in the reveal button's accessible name: "Show password". */
  revealLabel?: string;
}

/**
 * A password field with a focusable reveal toggle. Secrets are never trimmed or reformatted, and
 * the browser is asked not to offer saved passwords (these are other people's secrets).
 */
export const SecretInput = forwardRef<HTMLInputElement, SecretInputProps>(function SecretInput(
  { className, revealLabel = 'secret', autoComplete = 'new-password', ...rest },
  ref,
) {
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="relative">
      <input
        ref={ref}
        type={revealed ? 'text' : 'password'}
        autoComplete={autoComplete}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        data-1p-ignore
        data-lpignore="true"
        className={cn(inputClass, 'pr-10 font-mono', className)}
        {...rest}
      />
      <RevealToggle
        revealed={revealed}
        onToggle={() => setRevealed((value) => !value)}
        label={revealLabel}
        className="inset-y-0"
      />
    </div>
  );
});
