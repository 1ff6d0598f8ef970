import { lazy, Suspense, useCallback, useId, useRef, useState, type ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';

export interface MenuAction {
  label: string;
  icon?: LucideIcon;
  danger?: boolean;
  onSelect: () => void;
}

const loadMenu = () => import('./MenuPopup');
const MenuPopup = lazy(async () => ({ default: (await loadMenu()).MenuPopup }));

/**
 * Fetches the open menu's chunk ahead of use: the Credentials page calls it once its rows are on
 * screen, and every menu button when it is pointed at or focused.
 */
export function preloadMenu(): void {
  void loadMenu();
}

/*
 * A menu button in the WAI-ARIA pattern, written here rather than taken from a library because
 * the list's first load has little room: Enter, Space or the arrow keys open it on the first or
 * last item (MenuPopup, a lazy chunk, does the rest). Choosing an item puts focus back on the
 * button first, so a dialog opened from the menu returns focus there when it closes.
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
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

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
        onPointerEnter={preloadMenu}
        onFocus={preloadMenu}
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
        <Suspense fallback={null}>
          <MenuPopup
            id={menuId}
            label={label}
            items={items}
            start={open}
            buttonRef={buttonRef}
            onClose={close}
          />
        </Suspense>
      )}
    </div>
  );
}
