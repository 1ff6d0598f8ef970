import { twMerge } from 'tailwind-merge';
import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('joins classes and skips falsy ones', () => {
    expect(cn('a', false, null, undefined, '', 'b')).toBe('a b');
  });

  it('lets the later class win within a group', () => {
    expect(cn('bg-slate-100', 'bg-red-600')).toBe('bg-red-600');
    expect(cn('text-slate-800', 'text-red-700')).toBe('text-red-700');
    expect(cn('bg-white hover:bg-slate-50', 'hover:bg-red-50')).toBe('bg-white hover:bg-red-50');
    expect(cn('h-10 px-4', 'h-9 px-3')).toBe('h-9 px-3');
    expect(cn('p-4', 'px-2')).toBe('p-4 px-2');
    expect(cn('px-4', 'p-2')).toBe('p-2');
    expect(cn('mx-2', 'ml-auto')).toBe('mx-2 ml-auto');
    expect(cn('ml-2', 'm-0')).toBe('m-0');
    expect(cn('gap-x-2', 'gap-4')).toBe('gap-4');
    expect(cn('top-0', 'inset-0')).toBe('inset-0');
    expect(cn('max-w-lg', 'max-w-7xl')).toBe('max-w-7xl');
    expect(cn('border border-slate-300', 'border-red-300')).toBe('border border-red-300');
    expect(cn('whitespace-nowrap', 'whitespace-normal')).toBe('whitespace-normal');
  });

  it('knows the brand colours of the theme, with and without an opacity', () => {
    expect(cn('bg-red-600', 'bg-brand-600')).toBe('bg-brand-600');
    expect(cn('text-brand-700', 'text-white')).toBe('text-white');
    expect(cn('disabled:bg-brand-600/60', 'disabled:bg-red-600/60')).toBe('disabled:bg-red-600/60');
    expect(cn('focus-visible:outline-brand-600', 'text-brand-700')).toBe(
      'focus-visible:outline-brand-600 text-brand-700',
    );
  });

  it('keeps a font size next to a text colour, and a border width next to its colour', () => {
    expect(cn('text-sm text-slate-800', 'text-red-700')).toBe('text-sm text-red-700');
    expect(cn('text-[11px]', 'text-slate-500')).toBe('text-[11px] text-slate-500');
    expect(cn('text-sm', 'text-base')).toBe('text-base');
  });

  it('merges the z-index values the console uses', () => {
    expect(cn('z-50', 'z-[60]')).toBe('z-[60]');
    expect(cn('z-[60]', 'z-[70]')).toBe('z-[70]');
  });

  it('keeps unrelated and unknown classes', () => {
    expect(cn('inline-flex items-center rounded-md', 'mt-6 isolate-text truncate')).toBe(
      'inline-flex items-center rounded-md mt-6 isolate-text truncate',
    );
    expect(cn('border-t', 'border-slate-200')).toBe('border-t border-slate-200');
    expect(cn('rounded-md', 'rounded-t-none')).toBe('rounded-md rounded-t-none');
  });

  /*
   * The trimmed config knows fewer groups than tailwind-merge's default one (which is too big for
   * the first load), so it may keep two classes the default would merge; it must never drop one
   * the default keeps. Checked for every pair of class-like words in the console's source.
   */
  it('never drops a class that the full default config keeps, over every class in src', () => {
    const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.*', '!./cn.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const words = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const [, text = ''] of source.matchAll(/['"`]([^'"`\n]*)['"`]/g)) {
        for (const word of text.split(/\s+/)) {
          if (/^[a-z-][a-z0-9:/[\]().%#_-]*-[a-z0-9:/[\]().%#_-]*$/i.test(word)) words.add(word);
        }
      }
    }
    const list = [...words];
    expect(list.length).toBeGreaterThan(300);
    const dropped: string[] = [];
    for (const first of list) {
      for (const second of list) {
        const ours = cn(first, second).split(' ');
        const full = twMerge(first, second).split(' ');
        if (full.some((word) => !ours.includes(word))) dropped.push(`${first} ${second}`);
      }
    }
    expect(dropped).toEqual([]);
  });
});
