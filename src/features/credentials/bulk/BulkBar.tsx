import { lazy, Suspense, useRef, useState } from 'react';
import { FolderInput, Trash2, X } from 'lucide-react';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';

/*
 * The bar shown while credentials are selected (the page keeps this mounted once loaded; with
 * nothing selected it shows only a dialog still open): the count, Move to folder, Delete selected and
 * Clear selection. It is a lazy chunk of its own (the list's first load has no room), and so are
 * its dialogs and the task queue they use.
 */

const BulkDeleteDialog = lazy(async () => ({
  default: (await import('./BulkDeleteDialog')).BulkDeleteDialog,
}));
const MoveToFolderDialog = lazy(async () => ({
  default: (await import('../folders/MoveToFolderDialog')).MoveToFolderDialog,
}));

export function BulkBar({
  selected,
  onClear,
  onSettled,
  focusAway,
}: {
  selected: readonly Credential[];
  onClear: () => void;
  /** A bulk dialog closed: these ids were dealt with and leave the selection. */
  onSettled: (ids: string[], action: 'delete' | 'move') => void;
  /** Puts focus somewhere sensible when the bar (and the button that had focus) goes away. */
  focusAway: () => void;
}) {
  const [dialog, setDialog] = useState<{ kind: 'delete' | 'move'; items: Credential[] } | null>(
    null,
  );
  const opener = useRef<HTMLButtonElement | null>(null);
  const count = selected.length;
  const open = (kind: 'delete' | 'move', button: HTMLButtonElement) => {
    opener.current = button;
    // The dialog works on the selection as it was when it opened.
    setDialog({ kind, items: [...selected] });
  };
  const closeWith = (kind: 'delete' | 'move') => (ids: string[]) => {
    setDialog(null);
    onSettled(ids, kind);
  };
  // Runs after the dialog has gone and the selection has been updated: back to the button that
  // opened it if the bar is still there, otherwise (everything done) to the list.
  const returnFocus = (event: Event) => {
    event.preventDefault();
    if (opener.current?.isConnected) opener.current.focus();
    else focusAway();
  };

  return (
    <>
      {count > 0 && (
        <div
          role="region"
          aria-label="Bulk actions"
          className="sticky bottom-0 z-10 flex flex-wrap items-center gap-2 rounded-b-xl border-t border-brand-200 bg-brand-50/95 px-4 py-3 backdrop-blur"
        >
          <p className="mr-auto text-sm font-semibold text-brand-900">
            {count === 1 ? '1 credential selected' : `${count} credentials selected`}
          </p>
          <Button size="sm" onClick={(event) => open('move', event.currentTarget)}>
            <FolderInput aria-hidden="true" className="size-4" />
            Move to folder
          </Button>
          <Button
            size="sm"
            variant="danger-outline"
            onClick={(event) => open('delete', event.currentTarget)}
          >
            <Trash2 aria-hidden="true" className="size-4" />
            Delete selected
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              onClear();
              focusAway();
            }}
          >
            <X aria-hidden="true" className="size-4" />
            Clear selection
          </Button>
        </div>
      )}
      <Suspense fallback={null}>
        {dialog?.kind === 'delete' && (
          <BulkDeleteDialog
            credentials={dialog.items}
            onClose={closeWith('delete')}
            onCloseAutoFocus={returnFocus}
          />
        )}
        {dialog?.kind === 'move' && (
          <MoveToFolderDialog
            credentials={dialog.items}
            onClose={closeWith('move')}
            onCloseAutoFocus={returnFocus}
          />
        )}
      </Suspense>
    </>
  );
}
