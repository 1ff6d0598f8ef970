import type { KeyboardEvent } from 'react';
import { cn } from '../../../lib/cn';
import { TABS, type Tab } from './types';

/** The scanner's tabs (webcam, image, text), with arrow, Home and End keys. */
export function ScanTabs({
  tab,
  onSelect,
  baseId,
}: {
  tab: Tab;
  onSelect: (tab: Tab) => void;
  baseId: string;
}) {
  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = TABS.findIndex((item) => item.id === tab);
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    else return;
    event.preventDefault();
    const target = TABS[next];
    if (!target) return;
    onSelect(target.id);
    document.getElementById(`${baseId}-tab-${target.id}`)?.focus();
  }

  return (
    <div role="tablist" aria-label="How to scan" className="flex gap-1 rounded-lg bg-slate-100 p-1">
      {TABS.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          id={`${baseId}-tab-${item.id}`}
          aria-selected={tab === item.id}
          aria-controls={`${baseId}-panel-${item.id}`}
          tabIndex={tab === item.id ? 0 : -1}
          onClick={() => onSelect(item.id)}
          onKeyDown={onTabKeyDown}
          className={cn(
            'flex-1 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600',
            tab === item.id
              ? 'bg-white text-slate-900 shadow-sm'
              : 'text-slate-700 hover:text-slate-900',
          )}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
