import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Invalid inputs carry aria-invalid (Field); an invalid radio group carries data-invalid. */
const INVALID = '[aria-invalid="true"], fieldset[data-invalid]';

/**
 * Focuses the first invalid field inside `root`, in the order people read the form, and scrolls
 * it to the middle of its scroll area (clear of a sticky footer). A radio group takes focus on its
 * checked radio, as the keyboard would. Returns false when nothing on screen is marked invalid.
 */
export function focusFirstInvalid(root: HTMLElement | null): boolean {
  const target = root?.querySelector<HTMLElement>(INVALID);
  if (!target) return false;
  const details = target.closest('details');
  if (details && !details.open) details.open = true;
  const control =
    target instanceof HTMLFieldSetElement
      ? (target.querySelector<HTMLElement>('input:checked') ??
        target.querySelector<HTMLElement>('input, select, textarea, button'))
      : target;
  control?.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
  return true;
}

/**
 * Returns a function to call after a failed submit (client or server). The focus moves once the
 * errors have rendered, so it lands on what is marked invalid on screen, not on what a form
 * library registered first.
 */
export function useFocusFirstError(root: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request > 0) focusFirstInvalid(root.current);
  }, [request, root]);
  return useCallback(() => setRequest((count) => count + 1), []);
}
