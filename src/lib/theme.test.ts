import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { setTheme, startTheme, useResolvedTheme } from './theme';

function systemPrefers(dark: boolean) {
  vi.stubGlobal(
    'matchMedia',
    vi
      .fn()
      .mockReturnValue({ matches: dark, addEventListener: vi.fn() } as unknown as MediaQueryList),
  );
}

describe('theme', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
    delete document.documentElement.dataset['theme'];
  });

  it('follows the system until a choice is made, and keeps the choice in localStorage', () => {
    systemPrefers(true);
    startTheme();
    expect(document.documentElement.dataset['theme']).toBe('dark');
    setTheme('light');
    expect(document.documentElement.dataset['theme']).toBe('light');
    expect(localStorage.getItem('skyvern-console.theme')).toBe('light');
    setTheme('system');
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(localStorage.getItem('skyvern-console.theme')).toBeNull();
  });

  it('a stored choice wins over the system at start-up', () => {
    systemPrefers(false);
    localStorage.setItem('skyvern-console.theme', 'dark');
    startTheme();
    expect(document.documentElement.dataset['theme']).toBe('dark');
  });

  it('tells React the scheme shown, for what CSS cannot reach (the toasts)', () => {
    systemPrefers(true);
    startTheme();
    const { result } = renderHook(() => useResolvedTheme());
    expect(result.current).toBe('dark');
    act(() => setTheme('light'));
    expect(result.current).toBe('light');
    act(() => setTheme('system'));
    expect(result.current).toBe('dark');
  });
});
