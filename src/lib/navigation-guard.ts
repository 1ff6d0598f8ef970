/*
 * A tiny navigation guard for the router (lib/router.tsx), which has no useBlocker (see
 * docs/decisions/discard-guard.md). A form with unsaved input registers a guard; the layout's
 * links ask `confirmNavigation()` before navigating, and the browser's back/forward buttons are
 * held here: the pop is undone, the guard asks, and the pop is replayed only on "Discard".
 * Reload and tab close get the browser's own `beforeunload` prompt.
 */

export interface NavigationGuard {
  /** True while the form holds input that would be lost. */
  isDirty: () => boolean;
  /** Asks the person; resolves true to go ahead (the form is discarded), false to stay. */
  confirm: () => Promise<boolean>;
}

const guards = new Set<NavigationGuard>();
/** The history index (lib/router.tsx keeps it in history.state.idx) the guards protect. */
let guardedIndex: number | null = null;
/** Pops this module starts itself (undo, then replay), let through or swallowed. */
let replaying = false;
let undoing = false;

function historyIndex(state: unknown): number | null {
  if (state && typeof state === 'object' && 'idx' in state && typeof state.idx === 'number') {
    return state.idx;
  }
  return null;
}

function dirtyGuards(): NavigationGuard[] {
  return [...guards].filter((guard) => guard.isDirty());
}

/** Asks every dirty guard in turn; true when navigation may go ahead. */
export async function confirmNavigation(): Promise<boolean> {
  for (const guard of dirtyGuards()) {
    if (!(await guard.confirm())) return false;
  }
  return true;
}

export function hasUnsavedChanges(): boolean {
  return dirtyGuards().length > 0;
}

function onPopState(event: PopStateEvent) {
  if (replaying) {
    replaying = false;
    return;
  }
  if (undoing) {
    // Our own undo returning to the guarded entry: the router never saw the first pop.
    undoing = false;
    event.stopImmediatePropagation();
    return;
  }
  if (!hasUnsavedChanges()) return;
  // Runs before the router's own listener (capture phase on window), so the router never moves.
  event.stopImmediatePropagation();
  const target = historyIndex(event.state);
  const delta = guardedIndex !== null && target !== null ? guardedIndex - target : 1;
  if (delta === 0) return;
  undoing = true;
  window.history.go(delta);
  void confirmNavigation().then((go) => {
    if (!go) return;
    replaying = true;
    window.history.go(-delta);
  });
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (!hasUnsavedChanges()) return;
  event.preventDefault();
  // Older Chromium still wants returnValue set to show the prompt.
  event.returnValue = '';
}

/** Call after every location change while a guard is registered (pushes fire no event). */
export function syncGuardedIndex() {
  guardedIndex = historyIndex(window.history.state);
}

/** Registers a guard; returns the function that removes it. */
export function registerNavigationGuard(guard: NavigationGuard): () => void {
  if (guards.size === 0) {
    syncGuardedIndex();
    replaying = false;
    undoing = false;
    window.addEventListener('popstate', onPopState, { capture: true });
    window.addEventListener('beforeunload', onBeforeUnload);
  }
  guards.add(guard);
  return () => {
    guards.delete(guard);
    if (guards.size === 0) {
      window.removeEventListener('popstate', onPopState, { capture: true });
      window.removeEventListener('beforeunload', onBeforeUnload);
    }
  };
}
