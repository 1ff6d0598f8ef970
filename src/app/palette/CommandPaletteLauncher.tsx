import { lazy, Suspense, useEffect, useState } from 'react';

const CommandPalette = lazy(async () => ({
  default: (await import('./CommandPalette')).CommandPalette,
}));

/** Other parts of the app (a header button) open the palette with this event. */
export const OPEN_COMMAND_PALETTE = 'console:open-command-palette';

/** True for Ctrl+K, or ⌘K on a Mac: the palette's chord, which works even while typing. */
export function isPaletteChord(event: KeyboardEvent): boolean {
  return (
    (event.key === 'k' || event.key === 'K') &&
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey
  );
}

/**
 * Ctrl+K / ⌘K opens the command palette anywhere. The palette (and cmdk) is a lazy chunk that
 * loads on the first press.
 */
export function CommandPaletteLauncher() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const show = () => {
      setLoaded(true);
      setOpen(true);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPaletteChord(event) || event.defaultPrevented) return;
      // Not over another dialog: its own focus trap and question come first.
      if (document.querySelector('[role="dialog"], [role="alertdialog"]') && !open) return;
      event.preventDefault();
      if (open) setOpen(false);
      else show();
    };
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener(OPEN_COMMAND_PALETTE, show);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener(OPEN_COMMAND_PALETTE, show);
    };
  }, [open]);
  if (!loaded) return null;
  return (
    <Suspense fallback={null}>
      <CommandPalette open={open} onOpenChange={setOpen} />
    </Suspense>
  );
}
