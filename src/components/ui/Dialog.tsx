import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { cn } from '../../lib/cn';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  children?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /**
   * Where focus goes when the dialog closes. By default it returns to whatever had focus when the
   * dialog opened (Radix alone only does that for a Dialog.Trigger, and these open from plain
   * buttons, menus and shortcuts).
   */
  onCloseAutoFocus?: (event: Event) => void;
  /** Where focus goes when the dialog opens; Radix focuses the first focusable element by default. */
  onOpenAutoFocus?: (event: Event) => void;
  /** A question that interrupts (discard? save anyway?): announced as an alertdialog. */
  alert?: boolean;
  /**
   * False while work that must be seen through is running (a bulk action): no close button, and
   * Escape or a click outside do nothing. The dialog offers its own Stop instead.
   */
  dismissible?: boolean;
}

const widths = { sm: 'sm:max-w-md', md: 'sm:max-w-lg', lg: 'sm:max-w-2xl' };

/** Every dialog has a title and a description, closes on Escape and returns focus on close. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  size = 'md',
  onCloseAutoFocus,
  onOpenAutoFocus,
  alert = false,
  dismissible = true,
}: DialogProps) {
  const openerRef = useRef<HTMLElement | null>(null);
  // Layout effects run before Radix moves focus into the dialog, so this is still the opener.
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement) {
      openerRef.current = document.activeElement;
    }
  }, [open]);
  const returnFocus = (event: Event) => {
    const opener = openerRef.current;
    if (opener?.isConnected) {
      event.preventDefault();
      opener.focus();
    }
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay
          data-dialog-overlay=""
          className={cn(
            'fixed inset-0 bg-slate-900/50 data-[state=open]:animate-[fade-in_120ms_ease-out]',
            // z-50 like the content: a dialog opened over another (the key dialog, a question)
            // comes later in the DOM, so its overlay dims the dialog beneath.
            alert ? 'z-[60]' : 'z-50',
          )}
        />
        <RadixDialog.Content
          onCloseAutoFocus={onCloseAutoFocus ?? returnFocus}
          onOpenAutoFocus={onOpenAutoFocus}
          onEscapeKeyDown={dismissible ? undefined : (event) => event.preventDefault()}
          onInteractOutside={dismissible ? undefined : (event) => event.preventDefault()}
          role={alert ? 'alertdialog' : 'dialog'}
          className={cn(
            // A phone gets a full-height sheet (the whole screen, its body scrolling between a
            // fixed title bar and the keyboard); from 640 px up, a centred box.
            'fixed inset-0 flex h-dvh w-full flex-col bg-white focus:outline-none',
            'sm:inset-auto sm:top-1/2 sm:left-1/2 sm:h-auto sm:max-h-[calc(100dvh-2rem)] sm:w-[calc(100vw-2rem)] sm:-translate-x-1/2 sm:-translate-y-1/2',
            'sm:rounded-xl sm:shadow-2xl sm:ring-1 sm:ring-slate-900/10',
            alert ? 'z-[70]' : 'z-50',
            widths[size],
          )}
        >
          <div className="flex shrink-0 items-start justify-between gap-4 border-b border-slate-200 px-4 py-4 sm:px-6">
            <div className="space-y-1">
              <RadixDialog.Title className="text-lg font-semibold text-slate-900">
                {title}
              </RadixDialog.Title>
              <RadixDialog.Description className="text-sm text-slate-600">
                {description}
              </RadixDialog.Description>
            </div>
            {dismissible && (
              <RadixDialog.Close
                className="-mr-2 rounded-md p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
                aria-label="Close"
              >
                <X aria-hidden="true" className="size-5" />
              </RadixDialog.Close>
            )}
          </div>
          <div className="flex-1 overflow-y-auto px-4 py-5 sm:flex-initial sm:px-6">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
