import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('joins classes and skips falsy ones', () => {
    expect(cn('a', false, null, undefined, '', 'b')).toBe('a b');
  });

  it('keeps unrelated and unknown classes', () => {
    expect(cn('inline-flex items-center rounded-md', 'mt-6 isolate-text truncate')).toBe(
      'inline-flex items-center rounded-md mt-6 isolate-text truncate',
    );
    expect(cn('border-t', 'border-slate-200')).toBe('border-t border-slate-200');
  });
});
