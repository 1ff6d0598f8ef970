/**
 * Joins class names, skipping falsy ones. It does not merge conflicting Tailwind classes: Button's
 * variants (class-variance-authority) carry no colours that fight each other, and callers pick a
 * variant instead of overriding one. tailwind-merge, even with a trimmed config, cost 2.6 KB gzip
 * of /credentials' 115 KB first load (docs/decisions/structure.md).
 */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
