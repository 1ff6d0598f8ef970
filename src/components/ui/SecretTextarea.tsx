import { forwardRef, useState, type TextareaHTMLAttributes } from 'react';
import { cn } from '../../lib/cn';
import { inputClass } from './input-styles';
import { RevealToggle } from './RevealToggle';

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
        <RevealToggle
          revealed={revealed}
          onToggle={() => setRevealed((value) => !value)}
          label={revealLabel}
          className="top-1 h-8"
        />
      </div>
    );
  },
);
