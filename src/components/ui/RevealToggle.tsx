import { Eye, EyeOff } from 'lucide-react';
import { cn } from '../../lib/cn';

/** The focusable show/hide button of a secret field; its name says what it reveals. */
export function RevealToggle({
  revealed,
  onToggle,
  label,
  className,
}: {
  revealed: boolean;
  onToggle: () => void;
  /** What is revealed, e.g. "password": the button is named "Show password" / "Hide password". */
  label: string;
  /** Positioning within the field. */
  className: string;
}) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-pressed={revealed}
      aria-label={`${revealed ? 'Hide' : 'Show'} ${label}`}
      className={cn(
        'absolute right-0 flex w-10 items-center justify-center rounded-r-md text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600',
        className,
      )}
    >
      {revealed ? (
        <EyeOff aria-hidden="true" className="size-4" />
      ) : (
        <Eye aria-hidden="true" className="size-4" />
      )}
    </button>
  );
}
