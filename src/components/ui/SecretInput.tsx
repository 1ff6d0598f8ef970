import { forwardRef, useState, type InputHTMLAttributes } from 'react';
import { Eye, EyeOff } from 'lucide-react';
import { cn } from '../../lib/cn';
import { inputClass } from './Field';

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
      <button
        type="button"
        onClick={() => setRevealed((value) => !value)}
        aria-pressed={revealed}
        aria-label={`${revealed ? 'Hide' : 'Show'} ${revealLabel}`}
        className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-md text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {revealed ? (
          <EyeOff aria-hidden="true" className="size-4" />
        ) : (
          <Eye aria-hidden="true" className="size-4" />
        )}
      </button>
    </div>
  );
});
