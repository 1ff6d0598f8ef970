import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { cn } from '../../lib/cn';
import type { MenuAction } from './MenuButton';

/**
 * The open menu of a MenuButton: its own chunk, loaded once the list is on screen or when a menu
 * button is first pointed at or focused (MenuButton's preloadMenu). Arrows, Home and End move,
 * Escape closes it and focus goes back to the button, Tab leaves it.
 */
export function MenuPopup({
  id,
  label,
  items,
  start,
  buttonRef,
  onClose,
}: {
  id: string;
  label: string;
  items: MenuAction[];
  /** Which item takes focus on opening. */
  start: 'first' | 'last';
  buttonRef: RefObject<HTMLButtonElement | null>;
  /** Closes the menu; `returnFocus` puts focus back on the button. */
  onClose: (returnFocus: boolean) => void;
}) {
  const [upward, setUpward] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  const itemsOf = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useLayoutEffect(() => {
    const menu = menuRef.current;
    const button = buttonRef.current;
    if (menu && button) {
      // Open upwards when the menu would run off the bottom of the window.
      const below = window.innerHeight - button.getBoundingClientRect().bottom;
      setUpward(below < menu.offsetHeight + 8);
    }
    const list = itemsOf();
    (start === 'last' ? list[list.length - 1] : list[0])?.focus();
  }, [start, buttonRef]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        onClose(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [buttonRef, onClose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
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
        onClose(true);
        break;
      case 'Tab':
        onClose(false);
        break;
    }
  };

  return (
    <div
      ref={menuRef}
      id={id}
      role="menu"
      tabIndex={-1}
      aria-label={label}
      onKeyDown={onKeyDown}
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
            onClose(true);
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
  );
}
