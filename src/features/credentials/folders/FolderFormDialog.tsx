import { useEffect, useRef, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { isApiError } from '../../../api/client';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { Field, inputClass } from '../../../components/ui/Field';
import { UserText } from '../../../components/ui/UserText';
import { useDiscardGuard } from '../../../components/ui/useDiscardGuard';
import { DialogError } from '../dialogs/DialogError';
import {
  FOLDER_TITLE_MAX,
  useCreateFolder,
  useUpdateFolder,
  type Folder,
  type FolderInput,
} from '../api/folders';

/** A folder is gone (F4 404): nothing to edit any more. */
function isMissing(error: unknown): boolean {
  return isApiError(error) && error.kind === 'http' && error.status === 404;
}

/** New folder (F1) or edit a folder's title and description (F4). */
export function FolderFormDialog({
  folder,
  onClose,
  onSaved,
  onCloseAutoFocus,
}: {
  /** The folder to edit; without it, a new folder is created. */
  folder?: Folder | undefined;
  onClose: () => void;
  onSaved?: (folder: Folder) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const [title, setTitle] = useState(folder?.title ?? '');
  const [description, setDescription] = useState(folder?.description ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const create = useCreateFolder();
  const update = useUpdateFolder(folder?.folder_id ?? '');
  const mutation = folder ? update : create;
  const titleRef = useRef<HTMLInputElement>(null);
  const dirty = title !== (folder?.title ?? '') || description !== (folder?.description ?? '');
  const guard = useDiscardGuard({ dirty, onDiscard: onClose });
  const serverTitleError =
    isApiError(mutation.error) && mutation.error.status === 422
      ? mutation.error.message
      : undefined;
  const titleError = problem ?? serverTitleError;
  useEffect(() => {
    if (attempt > 0 && titleError) titleRef.current?.focus();
  }, [attempt, titleError]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setProblem('Enter a title.');
      setAttempt((count) => count + 1);
      return;
    }
    setProblem(undefined);
    const done = (saved: Folder) => {
      toast.success(folder ? `Saved folder “${saved.title}”` : `Created folder “${saved.title}”`);
      onSaved?.(saved);
      onClose();
    };
    const onError = () => setAttempt((count) => count + 1);
    if (folder) {
      // F4 is partial: send only what changed. A description cannot go back to null, so an
      // emptied one is stored as "".
      const changes: Partial<FolderInput> = {};
      if (title !== folder.title) changes.title = title;
      if (description !== (folder.description ?? '')) changes.description = description;
      if (!changes.title && changes.description === undefined) {
        onClose();
        return;
      }
      update.mutate(changes, { onSuccess: done, onError });
    } else {
      create.mutate({ title, description: description || undefined }, { onSuccess: done, onError });
    }
  };

  const gone = isMissing(mutation.error);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && guard.requestClose()}
      title={
        folder ? (
          <>
            Edit folder <UserText text={folder.title} />
          </>
        ) : (
          'New folder'
        )
      }
      description="Folders group credentials in this console. Workflows find a credential the same way wherever it is filed."
      size="sm"
      onCloseAutoFocus={onCloseAutoFocus}
      onOpenAutoFocus={(event) => {
        // Start in the title, selected, whether it is new or being renamed.
        event.preventDefault();
        titleRef.current?.focus();
        titleRef.current?.select();
      }}
    >
      <form onSubmit={submit} noValidate className="space-y-5">
        <Field label="Title" required error={titleError}>
          <input
            ref={titleRef}
            value={title}
            maxLength={FOLDER_TITLE_MAX}
            onChange={(event) => setTitle(event.target.value)}
            autoComplete="off"
            className={inputClass}
            disabled={gone}
          />
        </Field>
        <Field label="Description" description="Optional: what belongs in this folder.">
          <textarea
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            rows={3}
            className={inputClass}
            disabled={gone}
          />
        </Field>
        {mutation.isError && !serverTitleError && (
          <DialogError error={mutation.error}>
            {gone && <p>This folder was deleted in the meantime. Nothing was changed.</p>}
          </DialogError>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={gone ? onClose : guard.requestClose}>{gone ? 'Close' : 'Cancel'}</Button>
          {!gone && (
            <Button type="submit" variant="primary" loading={mutation.isPending}>
              {folder ? 'Save' : 'Create folder'}
            </Button>
          )}
        </div>
      </form>
      {guard.prompt}
    </Dialog>
  );
}
