import { useRef } from 'react';
import { toast } from 'sonner';
import { AlertOctagon } from 'lucide-react';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { WaitingNotice } from '../../../components/ui/WaitingNotice';
import { UserText } from '../../../components/ui/UserText';
import { isGone, useDeleteCredential } from '../api/mutations';
import { displayName, identifierOf, typeLabels } from '../describe';
import { DialogError } from './DialogError';

export function DeleteCredentialDialog({
  credential,
  onClose,
  onDeleted,
  onCloseAutoFocus,
}: {
  credential: Credential;
  onClose: () => void;
  onDeleted?: ((credential: Credential) => void) | undefined;
  onCloseAutoFocus: (event: Event) => void;
}) {
  const remove = useDeleteCredential(credential.credential_id);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const name = displayName(credential);
  const identifier = identifierOf(credential);
  const gone = isGone(remove.error);
  const confirmDelete = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast.success(`Deleted “${name}”`);
        onClose();
        onDeleted?.(credential);
      },
    });

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !remove.isPending && onClose()}
      title={
        <>
          Delete <UserText text={name} />?
        </>
      }
      description="The credential and its stored secret are deleted permanently. This cannot be undone."
      size="sm"
      // The safe choice has focus first: Enter on an opened confirmation must not delete.
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        cancelRef.current?.focus();
      }}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <div className="space-y-5">
        <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
          <p className="font-medium text-slate-900">
            <UserText text={name} />
          </p>
          <p className="text-slate-600">
            {typeLabels[credential.credential_type]}
            {identifier && (
              <>
                {' · '}
                <UserText text={identifier} />
              </>
            )}
          </p>
          <p className="mt-1 font-mono text-xs break-all text-slate-600">
            {credential.credential_id}
          </p>
        </div>
        <div className="flex gap-2.5 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <AlertOctagon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
          <p>
            Any workflow that references this credential will fail when it runs. Skyvern cannot
            restore it.
          </p>
        </div>
        {remove.isError && (
          <DialogError error={remove.error} onRetry={confirmDelete} retrying={remove.isPending} />
        )}
        <WaitingNotice active={remove.isPending} />
        <div className="flex justify-end gap-2">
          <Button ref={cancelRef} onClick={onClose} disabled={remove.isPending}>
            {gone ? 'Close' : 'Cancel'}
          </Button>
          {!gone && (
            <Button variant="danger" loading={remove.isPending} onClick={confirmDelete}>
              Delete
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
