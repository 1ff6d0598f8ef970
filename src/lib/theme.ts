import { useSyncExternalStore } from 'react';

/*
 * Light, dark, or whatever the system says (docs/decisions/dark-mode.md). The choice is not a
 * secret and lives in localStorage; the resolved scheme is `data-theme` on <html>, which the dark
 * tokens in index.css key off.
 */

export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'skyvern-console.theme';
const listeners = new Set<() => void>();

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

let choice: ThemeChoice = 'system';

function systemPrefersDark(): boolean {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

let resolved: 'light' | 'dark' = 'light';

function apply() {
  const dark = choice === 'dark' || (choice === 'system' && systemPrefersDark());
  resolved = dark ? 'dark' : 'light';
  document.documentElement.dataset['theme'] = resolved;
}

/** Call once at start-up, before the first render: no flash of the other scheme. */
export function startTheme(): void {
  choice = stored();
  apply();
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (choice !== 'system') return;
    apply();
    listeners.forEach((listener) => listener());
  });
}

export function setTheme(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Storage refused (private mode): the choice lasts for this page.
  }
  apply();
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useTheme(): ThemeChoice {
  return useSyncExternalStore(subscribe, () => choice);
}

/** The scheme shown: the choice, or the system's for "system" (for what CSS cannot reach). */
export function useResolvedTheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, () => resolved);
}
