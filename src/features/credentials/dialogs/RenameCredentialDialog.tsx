import { useEffect, useRef, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { isApiError } from '../../../api/client';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { UserText } from '../../../components/ui/UserText';
import { Field, inputClass } from '../../../components/ui/Field';
import { useDiscardGuard } from '../../../components/ui/useDiscardGuard';
import { useRenameCredential, isGone } from '../api/mutations';
import { displayName } from '../describe';
import { DialogError } from './DialogError';

/** PATCH with the name only: no secret is asked for or touched. */
export function RenameCredentialDialog({
  credential,
  onClose,
  onCloseAutoFocus,
}: {
  credential: Credential;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  const [name, setName] = useState(credential.name);
  const [problem, setProblem] = useState<string | undefined>();
  const rename = useRenameCredential(credential.credential_id);
  const serverFieldError = isApiError(rename.error) ? rename.error.fieldErrors.name : undefined;
  const inputRef = useRef<HTMLInputElement>(null);
  const guard = useDiscardGuard({ dirty: name !== credential.name, onDiscard: onClose });
  // A refused name (empty, or Skyvern's 422) takes focus back so it can be fixed at once.
  const invalid = Boolean(problem ?? serverFieldError);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0 && invalid) inputRef.current?.focus();
  }, [attempt, invalid]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = name.trim();
    if (!next) {
      setProblem('Enter a name.');
      setAttempt((count) => count + 1);
      return;
    }
    setProblem(undefined);
    if (next === credential.name) {
      onClose();
      return;
    }
    rename.mutate(next, {
      onSuccess: (saved) => {
        toast.success(`Renamed to “${saved.name}”`);
        onClose();
      },
      onError: () => setAttempt((count) => count + 1),
    });
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && guard.requestClose()}
      title={
        <>
          Rename <UserText text={displayName(credential)} />
        </>
      }
      description="Only the name changes. The stored secret stays as it is."
      size="sm"
      onCloseAutoFocus={onCloseAutoFocus}
      onOpenAutoFocus={(event) => {
        // Renaming usually means replacing the name: start with all of it selected.
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }}
    >
      <form onSubmit={submit} noValidate className="space-y-5">
        <Field label="Name" required error={problem ?? serverFieldError}>
          <input
            ref={inputRef}
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
            className={inputClass}
            disabled={isGone(rename.error)}
          />
        </Field>
        {rename.isError && !serverFieldError && <DialogError error={rename.error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={isGone(rename.error) ? onClose : guard.requestClose}>
            {isGone(rename.error) ? 'Close' : 'Cancel'}
          </Button>
          {!isGone(rename.error) && (
            <Button type="submit" variant="primary" loading={rename.isPending}>
              Rename
            </Button>
          )}
        </div>
      </form>
      {guard.prompt}
    </Dialog>
  );
}
