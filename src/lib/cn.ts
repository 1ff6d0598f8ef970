import { createTailwindMerge } from 'tailwind-merge';

/*
 * tailwind-merge's engine (`createTailwindMerge`) with only the class groups this console's
 * components override, instead of its default Tailwind config: about 1.5 KB gzip of the
 * /credentials first load instead of 8.7 KB (docs/decisions/structure.md). A class outside these
 * groups is never dropped: it is kept, as a plain join would. cn.test.ts checks, over every class
 * the console's source uses, that this never drops a class the full default config would keep.
 * When a component starts overriding another group (say `leading-*`), add it here and a case to
 * cn.test.ts.
 */

/** `white`, `transparent`, `slate-300`, `brand-600` (any palette name, so `brand-*` too), `[#fff]`. */
const isColor = (value: string) =>
  /^(?:inherit|current|transparent|black|white|[a-z]+-\d{2,3}|\[(?:#|rgb|hsl|oklch|color:).*\])$/.test(
    value,
  );
const isNumber = (value: string) => /^\d+(?:\.\d+)?$/.test(value);
const isArbitrary = (value: string) => /^\[.+\]$/.test(value);
const isArbitraryLength = (value: string) => /^\[\d[\d.]*(?:px|r?em|%)\]$/.test(value);
const isFraction = (value: string) => /^\d+\/\d+$/.test(value);

const spacing = [isNumber, isArbitrary, 'px'];
const sizing = [...spacing, isFraction, 'auto', 'full', 'screen', 'fit', 'min', 'max'];
const margin = [...spacing, 'auto'];
const inset = [...spacing, isFraction, 'auto', 'full'];
const tshirt = ['xs', 'sm', 'md', 'lg', 'xl', '2xl', '3xl', '4xl', '5xl', '6xl', '7xl'];

const merge = createTailwindMerge(() => ({
  cacheSize: 200,
  theme: {},
  classGroups: {
    display: [
      'block',
      'inline-block',
      'inline',
      'flex',
      'inline-flex',
      'grid',
      'hidden',
      'contents',
    ],
    position: ['static', 'fixed', 'absolute', 'relative', 'sticky'],
    z: [{ z: [isNumber, isArbitrary, 'auto'] }],
    p: [{ p: spacing }],
    px: [{ px: spacing }],
    py: [{ py: spacing }],
    pt: [{ pt: spacing }],
    pr: [{ pr: spacing }],
    pb: [{ pb: spacing }],
    pl: [{ pl: spacing }],
    inset: [{ inset: inset }],
    top: [{ top: inset }],
    bottom: [{ bottom: inset }],
    m: [{ m: margin }],
    mx: [{ mx: margin }],
    my: [{ my: margin }],
    mt: [{ mt: margin }],
    mr: [{ mr: margin }],
    mb: [{ mb: margin }],
    ml: [{ ml: margin }],
    'space-y': [{ 'space-y': spacing }],
    gap: [{ gap: spacing }],
    'gap-x': [{ 'gap-x': spacing }],
    'gap-y': [{ 'gap-y': spacing }],
    w: [{ w: sizing }],
    h: [{ h: sizing }],
    size: [{ size: sizing }],
    'min-w': [{ 'min-w': sizing }],
    'max-w': [{ 'max-w': [...sizing, 'none', 'prose', ...tshirt] }],
    items: [{ items: ['start', 'end', 'center', 'baseline', 'stretch'] }],
    justify: [{ justify: ['start', 'end', 'center', 'between', 'around', 'evenly'] }],
    rounded: [{ rounded: ['', 'none', 'full', ...tshirt, isArbitrary] }],
    'font-weight': [{ font: ['normal', 'medium', 'semibold', 'bold'] }],
    'font-family': [{ font: ['sans', 'mono'] }],
    'font-size': [{ text: ['base', ...tshirt, isArbitraryLength] }],
    'text-align': [{ text: ['left', 'center', 'right', 'start', 'end'] }],
    'text-color': [{ text: [isColor] }],
    'text-decoration': ['underline', 'no-underline', 'line-through'],
    'bg-color': [{ bg: [isColor] }],
    'border-w': [{ border: ['', isNumber] }],
    'border-color': [{ border: [isColor] }],
    shadow: [{ shadow: ['', 'none', ...tshirt] }],
    opacity: [{ opacity: [isNumber] }],
    whitespace: [{ whitespace: ['normal', 'nowrap', 'pre', 'pre-wrap', 'pre-line'] }],
    cursor: [{ cursor: ['pointer', 'default', 'not-allowed', 'wait'] }],
  },
  conflictingClassGroups: {
    p: ['px', 'py', 'pt', 'pr', 'pb', 'pl'],
    px: ['pr', 'pl'],
    py: ['pt', 'pb'],
    inset: ['top', 'bottom'],
    m: ['mx', 'my', 'mt', 'mr', 'mb', 'ml'],
    mx: ['mr', 'ml'],
    my: ['mt', 'mb'],
    gap: ['gap-x', 'gap-y'],
    size: ['w', 'h'],
  },
  conflictingClassGroupModifiers: {},
  orderSensitiveModifiers: [],
}));

/**
 * Joins class names, skipping falsy ones; when two classes set the same thing (two text colours,
 * two paddings), the later one wins, so a `className` prop overrides a component's own classes
 * (`<Button className="bg-red-600">` is red, whatever the variant's background).
 */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return merge(...classes);
}
