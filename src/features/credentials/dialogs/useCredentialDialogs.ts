import { useCallback, useRef, useState } from 'react';
import type { Credential, CredentialType } from '../../../api/schemas';

/*
 * The dialog state of a screen, apart from the host that renders the dialogs
 * (CredentialDialogHost), so that a screen can load the host lazily: the Credentials page's first
 * load has no room for it.
 */

export type CredentialDialog =
  | { kind: 'create'; type?: CredentialType | undefined }
  | { kind: 'edit'; credential: Credential; focus?: 'password' }
  | { kind: 'rename'; credential: Credential }
  | { kind: 'delete'; credential: Credential }
  | { kind: 'move'; credential: Credential };

export const loadFormDialog = () => import('./CredentialFormDialog');

/** Starts loading the form chunk before it is needed (hover or focus on "New credential"). */
export function preloadCredentialForm() {
  void loadFormDialog();
}

export function useCredentialDialogs() {
  const [dialog, setDialog] = useState<CredentialDialog | null>(null);
  // Where focus was when the dialog opened: that is where it goes back to.
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback((next: CredentialDialog) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog(next);
  }, []);
  const close = useCallback(() => setDialog(null), []);
  return { dialog, open, close, opener };
}
