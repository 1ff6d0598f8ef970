import { switchConnection } from '../api/connection';
import { confirmNavigation } from '../lib/navigation-guard';

/** A connection's host for labels ("skyvern.example.com:8000"), or the text itself if no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url || 'not set';
  }
}

/**
 * Moves this tab to another connection (the header's switcher and the command palette): asks a
 * form with unsaved input first, then shows the same page there. A credential's page exists only
 * on its own connection, so a detail page moves to the list. False when the user stayed.
 */
export async function switchToConnection(
  id: string,
  navigate: (to: string, options?: { replace?: boolean }) => void,
): Promise<boolean> {
  if (!(await confirmNavigation())) return false;
  const path = window.location.pathname;
  switchConnection(id);
  navigate(path.startsWith('/credentials/') ? '/credentials' : path, { replace: true });
  return true;
}
