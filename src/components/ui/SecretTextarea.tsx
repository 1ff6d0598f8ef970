import { forwardRef, useState, type TextareaHTMLAttributes } from 'react';
import { Eye, EyeOff } from 'lucide-react';
import { cn } from '../../lib/cn';
import { inputClass } from './input-styles';

export interface SecretTextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  /** Used in the reveal button's accessible name: "Show secret value". */
  revealLabel?: string;
}

/**
 * A masked multi-line secret (private keys, JSON service-account keys). A password input would
 * silently drop the line breaks of a pasted key, altering the secret; this keeps every character
 * and masks it with `-webkit-text-security` until revealed.
 */
export const SecretTextarea = forwardRef<HTMLTextAreaElement, SecretTextareaProps>(
  function SecretTextarea({ className, revealLabel = 'secret', rows = 3, ...rest }, ref) {
    const [revealed, setRevealed] = useState(false);
    return (
      <div className="relative">
        <textarea
          ref={ref}
          rows={rows}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          data-1p-ignore
          data-lpignore="true"
          className={cn(
            inputClass,
            'resize-y pr-10 font-mono',
            !revealed && '[-webkit-text-security:disc]',
            className,
          )}
          {...rest}
        />
        <button
          type="button"
          onClick={() => setRevealed((value) => !value)}
          aria-pressed={revealed}
          aria-label={`${revealed ? 'Hide' : 'Show'} ${revealLabel}`}
          className="absolute top-1 right-0 flex h-8 w-10 items-center justify-center rounded-r-md text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          {revealed ? (
            <EyeOff aria-hidden="true" className="size-4" />
          ) : (
            <Eye aria-hidden="true" className="size-4" />
          )}
        </button>
      </div>
    );
  },
);
