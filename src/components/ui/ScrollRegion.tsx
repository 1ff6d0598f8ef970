import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';

/**
 * A box that scrolls sideways on its own when its table is wider than the screen (a phone), named
 * and focusable so the keyboard can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      // A scrolling region must be reachable by keyboard, or its hidden columns are not.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className={cn(
        'overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600',
        className,
      )}
    >
      {children}
    </div>
  );
}
