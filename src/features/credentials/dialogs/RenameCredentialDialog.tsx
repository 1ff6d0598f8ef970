import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { isApiError } from '../../../api/client';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { UserText } from '../../../components/ui/UserText';
import { Field, inputClass } from '../../../components/ui/Field';
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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = name.trim();
    if (!next) {
      setProblem('Enter a name.');
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
    });
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={
        <>
          Rename <UserText text={displayName(credential)} />
        </>
      }
      description="Only the name changes. The stored secret stays as it is."
      size="sm"
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <form onSubmit={submit} noValidate className="space-y-5">
        <Field label="Name" required error={problem ?? serverFieldError}>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
            className={inputClass}
            disabled={isGone(rename.error)}
          />
        </Field>
        {rename.isError && !serverFieldError && <DialogError error={rename.error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{isGone(rename.error) ? 'Close' : 'Cancel'}</Button>
          {!isGone(rename.error) && (
            <Button type="submit" variant="primary" loading={rename.isPending}>
              Rename
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
