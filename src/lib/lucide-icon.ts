import { createElement, forwardRef, type ReactNode, type SVGProps } from 'react';

/*
 * A smaller stand-in for lucide-react's `createLucideIcon`, which every lucide icon module calls:
 * vite.config.ts points the icons' import of it here. lucide-react 1.x builds each icon through a
 * context provider, stroke-width arithmetic and attribute renaming the console never uses (no
 * `size`, `color` or `strokeWidth` props, no LucideProvider); that machinery was about 1.5 KB gzip
 * of the /credentials first load. The SVG is the same as lucide's: its default attributes, the
 * classes `lucide lucide-<name>` then the caller's, and `aria-hidden` unless the caller gives the
 * icon an accessible name (lucide-icon.test.tsx compares the two).
 */

// lucide's nodes may carry children as a third element; lucide-react does not draw them either.
type IconNode = ReadonlyArray<readonly [tag: string, attributes: object, ...rest: unknown[]]>;
interface IconData {
  name?: string;
  node: IconNode;
}
type IconProps = SVGProps<SVGSVGElement> & { children?: ReactNode };

function hasA11yProp(props: Record<string, unknown>): boolean {
  return Object.keys(props).some(
    (prop) =>
      (prop.startsWith('aria-') || prop === 'role' || prop === 'title') && props[prop] != null,
  );
}

export default function createLucideIcon(data: IconData) {
  const Icon = forwardRef<SVGSVGElement, IconProps>(function Icon(
    { className, children, ...rest },
    ref,
  ) {
    const classes = ['lucide', data.name && `lucide-${data.name}`, ...(className ?? '').split(' ')];
    return createElement(
      'svg',
      {
        ref,
        xmlns: 'http://www.w3.org/2000/svg',
        width: 24,
        height: 24,
        viewBox: '0 0 24 24',
        fill: 'none',
        stroke: 'currentColor',
        strokeWidth: 2,
        strokeLinecap: 'round',
        strokeLinejoin: 'round',
        className: [...new Set(classes.filter(Boolean))].join(' '),
        ...(children || hasA11yProp(rest) ? {} : { 'aria-hidden': 'true' }),
        ...rest,
      },
      ...data.node.map(([tag, attributes]) => createElement(tag, attributes)),
      children,
    );
  });
  return Icon;
}
