import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation } from '../../lib/router';
import { registerNavigationGuard, syncGuardedIndex } from '../../lib/navigation-guard';

const DiscardPrompt = lazy(async () => ({
  default: (await import('./DiscardPrompt')).DiscardPrompt,
}));

/**
 * Protects a form's unsaved input. `requestClose` is what Escape, the backdrop, × and Cancel call:
 * a pristine form goes at once (`onDiscard`), a dirty one asks "Discard changes?" first. While
 * mounted, the form is also registered with the navigation guard (links, back, reload).
 * Render `prompt` somewhere in the form's tree.
 */
export function useDiscardGuard({ dirty, onDiscard }: { dirty: boolean; onDiscard: () => void }) {
  const [pending, setPending] = useState<{ answer: (discard: boolean) => void } | null>(null);
  const dirtyRef = useRef(dirty);
  const onDiscardRef = useRef(onDiscard);
  useLayoutEffect(() => {
    dirtyRef.current = dirty;
    onDiscardRef.current = onDiscard;
  });

  const ask = useCallback(
    () =>
      new Promise<boolean>((resolve) =>
        setPending((previous) => {
          previous?.answer(false);
          return { answer: resolve };
        }),
      ),
    [],
  );

  useEffect(
    () =>
      registerNavigationGuard({
        isDirty: () => dirtyRef.current,
        confirm: async () => {
          const discard = await ask();
          if (discard) onDiscardRef.current();
          return discard;
        },
      }),
    [ask],
  );
  const { key } = useLocation();
  useEffect(() => syncGuardedIndex(), [key]);

  const requestClose = useCallback(() => {
    if (!dirtyRef.current) {
      onDiscardRef.current();
      return;
    }
    void ask().then((discard) => {
      if (discard) onDiscardRef.current();
    });
  }, [ask]);

  const answer = (discard: boolean) => {
    pending?.answer(discard);
    setPending(null);
  };
  const prompt = pending ? (
    <Suspense fallback={null}>
      <DiscardPrompt onKeep={() => answer(false)} onDiscard={() => answer(true)} />
    </Suspense>
  ) : null;

  return { requestClose, prompt };
}
