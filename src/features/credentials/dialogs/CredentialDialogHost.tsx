import { lazy, Suspense, type RefObject } from 'react';
import type { Credential } from '../../../api/schemas';
import { loadFormDialog, type CredentialDialog } from './useCredentialDialogs';

/*
 * One dialog host per screen, with typed state, instead of a hidden dialog in every row. The
 * dialogs are lazy chunks: Radix, react-hook-form and classic zod only load when one opens, so the
 * list's first load stays small. The Credentials page loads this host itself lazily, when a dialog
 * first opens; the state and its type live in ./useCredentialDialogs.
 */

const CredentialFormDialog = lazy(async () => ({
  default: (await loadFormDialog()).CredentialFormDialog,
}));
const RenameCredentialDialog = lazy(async () => ({
  default: (await import('./RenameCredentialDialog')).RenameCredentialDialog,
}));
const DeleteCredentialDialog = lazy(async () => ({
  default: (await import('./DeleteCredentialDialog')).DeleteCredentialDialog,
}));
const MoveToFolderDialog = lazy(async () => ({
  default: (await import('../folders/MoveToFolderDialog')).MoveToFolderDialog,
}));

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
      {dialog.kind === 'move' && (
        <MoveToFolderDialog
          credentials={[dialog.credential]}
          onClose={close}
          onCloseAutoFocus={returnFocus}
        />
      )}
    </Suspense>
  );
}
