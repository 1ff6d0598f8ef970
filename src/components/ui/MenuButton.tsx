import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { cn } from '../../lib/cn';

export interface MenuAction {
  label: string;
  icon?: LucideIcon;
  danger?: boolean;
  onSelect: () => void;
}

/*
 * A menu button in the WAI-ARIA pattern, written here rather than taken from a library because
 * the list's first load has little room: Enter, Space or the arrow keys open it on the first or
 * last item, arrows, Home and End move, Escape closes it and focus goes back to the button, Tab
 * leaves it. Choosing an item puts focus back on the button first, so a dialog opened from the
 * menu returns focus there when it closes.
 */
export function MenuButton({
  label,
  items,
  children,
  className,
}: {
  /** The button's accessible name, for example "Actions for Work email". */
  label: string;
  items: MenuAction[];
  children: ReactNode;
  className?: string;
}) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const [upward, setUpward] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const itemsOf = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useLayoutEffect(() => {
    if (!open) return;
    const menu = menuRef.current;
    const button = buttonRef.current;
    if (menu && button) {
      // Open upwards when the menu would run off the bottom of the window.
      const below = window.innerHeight - button.getBoundingClientRect().bottom;
      setUpward(below < menu.offsetHeight + 8);
    }
    const list = itemsOf();
    (open === 'last' ? list[list.length - 1] : list[0])?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const closeAndReturn = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: React.KeyboardEvent) => {
    const list = itemsOf();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => list[(next + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(list.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        closeAndReturn();
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  return (
    <div className="relative inline-block">
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={Boolean(open)}
        aria-controls={open ? menuId : undefined}
        className={className}
        onClick={() => setOpen((current) => (current ? false : 'first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen('first');
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen('last');
          }
        }}
      >
        {children}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          tabIndex={-1}
          aria-label={label}
          onKeyDown={onMenuKeyDown}
          className={cn(
            'absolute right-0 z-20 min-w-44 rounded-lg border border-slate-200 bg-white py-1 text-left shadow-lg',
            upward ? 'bottom-full mb-1' : 'top-full mt-1',
          )}
        >
          {items.map(({ label: itemLabel, icon: Icon, danger, onSelect }) => (
            <button
              key={itemLabel}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                closeAndReturn();
                onSelect();
              }}
              className={cn(
                'flex w-full items-center gap-2 px-3 py-2 text-sm whitespace-nowrap focus:outline-none',
                danger
                  ? 'text-red-700 hover:bg-red-50 focus:bg-red-50'
                  : 'text-slate-800 hover:bg-slate-100 focus:bg-slate-100',
              )}
            >
              {Icon && <Icon aria-hidden="true" className="size-4" />}
              {itemLabel}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
