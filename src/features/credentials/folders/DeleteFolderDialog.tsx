import { useRef } from 'react';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { UserText } from '../../../components/ui/UserText';
import { DialogError } from '../dialogs/DialogError';
import { useDeleteFolder, type Folder } from '../api/folders';

function credentialsIn(count: number): string {
  if (count === 0) return 'It holds no credentials.';
  if (count === 1) return 'The 1 credential in it is kept and becomes unfiled.';
  return `The ${count} credentials in it are kept and become unfiled.`;
}

/** F5: the folder goes; its credentials stay (contract 10.7). */
export function DeleteFolderDialog({
  folder,
  onClose,
  onDeleted,
  onCloseAutoFocus,
}: {
  folder: Folder;
  onClose: () => void;
  onDeleted?: (folder: Folder) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const remove = useDeleteFolder(folder.folder_id);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast.success(`Deleted folder “${folder.title}”`);
        onDeleted?.(folder);
        onClose();
      },
    });
  return (
    <Dialog
      open
      alert
      size="sm"
      onOpenChange={(open) => !open && onClose()}
      title={
        <>
          Delete folder <UserText text={folder.title} />?
        </>
      }
      description={`${credentialsIn(folder.credential_count)} No credential is deleted, and workflows that use them keep working.`}
      onCloseAutoFocus={onCloseAutoFocus}
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        cancelRef.current?.focus();
      }}
    >
      <div className="space-y-4">
        {remove.isError && <DialogError error={remove.error} onRetry={confirm} />}
        <div className="flex flex-wrap justify-end gap-2">
          <Button ref={cancelRef} onClick={onClose}>
            Keep folder
          </Button>
          <Button variant="danger" loading={remove.isPending} onClick={confirm}>
            Delete folder
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
