import { useId, type ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { CredentialFormValues } from './schema';
import { cn } from '../../../lib/cn';

/** A group of radio cards with a visible legend: type, two-factor and vault choices. */
export function ChoiceGroup({
  legend,
  description,
  children,
  columns = 3,
  error,
}: {
  legend: string;
  description?: ReactNode;
  children: ReactNode;
  columns?: 2 | 3 | 4;
  error?: string | undefined;
}) {
  const errorId = useId();
  return (
    // data-invalid: the first-invalid-field focus (useFocusFirstError) lands on its checked radio.
    <fieldset
      className="space-y-2"
      data-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {description && <div className="text-xs text-slate-600">{description}</div>}
      <div
        className={cn(
          'grid gap-2',
          columns === 2 && 'sm:grid-cols-2',
          columns === 3 && 'sm:grid-cols-3',
          columns === 4 && 'grid-cols-2 sm:grid-cols-4',
        )}
      >
        {children}
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function ChoiceCard({
  children,
  hint,
  icon,
  compact,
  input,
}: {
  children: ReactNode;
  hint?: ReactNode;
  icon?: ReactNode;
  compact?: boolean;
  /** The native radio input (registered with the form). */
  input: ReactNode;
}) {
  return (
    <label
      className={cn(
        'flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-300 bg-white text-sm shadow-sm transition-colors',
        'hover:border-slate-400 has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-600',
        'has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
        compact ? 'px-3 py-2' : 'px-3.5 py-3',
      )}
    >
      <span className="mt-0.5 flex">{input}</span>
      <span className="min-w-0 space-y-0.5">
        <span className="flex items-center gap-1.5 font-medium text-slate-900">
          {icon}
          {children}
        </span>
        {hint && <span className="block text-xs text-slate-600">{hint}</span>}
      </span>
    </label>
  );
}

export const radioClass = 'size-4 accent-brand-600 focus-visible:outline-none';

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-4" aria-label={title}>
      {children}
    </section>
  );
}

/** The form API every section of the credential form receives. */
export type CredentialFormApi = UseFormReturn<CredentialFormValues>;
