import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
import { cn } from '../../lib/cn';

export { inputClass } from './input-styles';

interface FieldControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

export interface FieldProps {
  label: string;
  /** One input-like element; it receives id, aria-describedby and aria-invalid. */
  children: ReactElement<FieldControlProps>;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
  /** Shown beside the label, e.g. a "Scan QR code" button. */
  action?: ReactNode;
}

/** Ties a visible label, an input, its help text and its error together for assistive tech. */
export function Field({
  label,
  children,
  description,
  error,
  required,
  className,
  action,
}: FieldProps) {
  const generated = useId();
  const id = (isValidElement(children) && children.props.id) || `field-${generated}`;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={cn('space-y-1.5', className)}>
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-baseline">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          {/* Outside the label so the accessible name stays exactly `label`; aria-required says it. */}
          {required && (
            <span className="ml-0.5 text-sm text-red-700" aria-hidden="true">
              *
            </span>
          )}
        </span>
        {action}
      </div>
      {cloneElement(children, {
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        'aria-required': required || undefined,
      })}
      {description && (
        <p id={descriptionId} className="text-xs text-slate-600">
          {description}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
