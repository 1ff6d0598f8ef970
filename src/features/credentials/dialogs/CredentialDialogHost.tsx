import { lazy, Suspense, useCallback, useRef, useState, type RefObject } from 'react';
import type { Credential, CredentialType } from '../../../api/schemas';

/*
 * One dialog host per screen, with typed state, instead of a hidden dialog in every row. The
 * dialogs are lazy chunks: Radix, react-hook-form and classic zod only load when one opens, so the
 * list's first load stays small.
 */

export type CredentialDialog =
  | { kind: 'create'; type?: CredentialType | undefined }
  | { kind: 'edit'; credential: Credential; focus?: 'password' }
  | { kind: 'rename'; credential: Credential }
  | { kind: 'delete'; credential: Credential };

const loadFormDialog = () => import('./CredentialFormDialog');
const CredentialFormDialog = lazy(async () => ({
  default: (await loadFormDialog()).CredentialFormDialog,
}));
const RenameCredentialDialog = lazy(async () => ({
  default: (await import('./RenameCredentialDialog')).RenameCredentialDialog,
}));
const DeleteCredentialDialog = lazy(async () => ({
  default: (await import('./DeleteCredentialDialog')).DeleteCredentialDialog,
}));

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

export interface CredentialDialogHostProps {
  dialog: CredentialDialog | null;
  close: () => void;
  opener: RefObject<HTMLElement | null>;
  /** Focused when the opener is gone (for example the deleted row's button). */
  fallbackFocus: RefObject<HTMLElement | null>;
  onDeleted?: (credential: Credential) => void;
}

export function CredentialDialogHost({
  dialog,
  close,
  opener,
  fallbackFocus,
  onDeleted,
}: CredentialDialogHostProps) {
  const returnFocus = (event: Event) => {
    event.preventDefault();
    const target = opener.current;
    if (target && target.isConnected && target !== document.body) target.focus();
    else fallbackFocus.current?.focus();
  };
  if (!dialog) return null;
  return (
    <Suspense fallback={null}>
      {dialog.kind === 'create' && (
        <CredentialFormDialog
          mode="create"
          initialType={dialog.type}
          onClose={close}
          onCloseAutoFocus={returnFocus}
        />
      )}
      {dialog.kind === 'edit' && (
        <CredentialFormDialog
          mode="edit"
          credential={dialog.credential}
          initialFocus={dialog.focus}
          onClose={close}
          onCloseAutoFocus={returnFocus}
        />
      )}
      {dialog.kind === 'rename' && (
        <RenameCredentialDialog
          credential={dialog.credential}
          onClose={close}
          onCloseAutoFocus={returnFocus}
        />
      )}
      {dialog.kind === 'delete' && (
        <DeleteCredentialDialog
          credential={dialog.credential}
          onClose={close}
          onDeleted={onDeleted}
          onCloseAutoFocus={returnFocus}
        />
      )}
    </Suspense>
  );
}
