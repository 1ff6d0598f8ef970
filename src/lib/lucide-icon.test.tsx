import { render } from '@testing-library/react';
import { createLucideIcon as lucideCreateIcon, type IconNode } from 'lucide-react';
import { describe, expect, it } from 'vitest';
import createLucideIcon from './lucide-icon';

// An icon's data as lucide-react's icon modules pass it (a path and a filled circle).
const node: IconNode = [
  ['path', { d: 'M2 18.8V21a1 1 0 0 0 1 1h3', key: 'a' }],
  ['circle', { cx: '16.5', cy: '7.5', r: '.5', fill: 'currentColor', key: 'b' }],
];

function markup(element: React.ReactElement): string {
  const { container } = render(element);
  return container.innerHTML;
}

describe('createLucideIcon (the console’s stand-in for lucide-react’s)', () => {
  const Ours = createLucideIcon({ name: 'key-round', node });
  const Theirs = lucideCreateIcon('key-round', node);

  it.each([
    ['decorative, with classes', { 'aria-hidden': 'true' as const, className: 'size-4 shrink-0' }],
    ['without any props', {}],
    ['with an accessible name', { 'aria-label': 'Key', role: 'img' }],
    ['with a duplicated class', { className: 'lucide size-4' }],
  ])('draws the same SVG as lucide-react, %s', (_name, props) => {
    expect(markup(<Ours {...props} />)).toBe(markup(<Theirs {...props} />));
  });
});
