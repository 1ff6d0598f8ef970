import { useEffect, useRef, useState } from 'react';
import { Link } from '../../../lib/router';
import { toast } from 'sonner';
import { CheckCircle2 } from 'lucide-react';
import type { Credential, CredentialType } from '../../../api/schemas';
import { Button, buttonVariants } from '../../../components/ui/Button';
import { CopyButton } from '../../../components/ui/CopyButton';
import { Dialog } from '../../../components/ui/Dialog';
import { UserText } from '../../../components/ui/UserText';
import { useDiscardGuard } from '../../../components/ui/useDiscardGuard';
import { displayName, typeLabels, vaultLabel } from '../describe';
import { CredentialForm } from '../form/CredentialForm';
import { CustomVaultUnavailable, useCustomVaultMissing } from './CustomVaultUnavailable';

export type CredentialFormDialogProps = {
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
} & (
  | { mode: 'create'; initialType?: CredentialType | undefined }
  | {
      mode: 'edit';
      credential: Credential;
      /** "Change password": open with the password focused, the 2FA key right below it. */
      initialFocus?: 'password' | undefined;
    }
);

/**
 * Create and edit share one form. The form (and every secret typed into it) is unmounted when
 * the dialog closes or a create succeeds, so nothing typed outlives the dialog.
 */
export function CredentialFormDialog(props: CredentialFormDialogProps) {
  const [created, setCreated] = useState<Credential | null>(null);
  // Each "Create another" mounts a fresh, empty form.
  const [formKey, setFormKey] = useState(0);
  const contentRef = useRef<HTMLDivElement>(null);
  const editing = props.mode === 'edit' ? props.credential : undefined;
  const initialFocus = props.mode === 'edit' ? props.initialFocus : undefined;
  const vaultMissing = useCustomVaultMissing(editing);
  // Escape, the backdrop, ×, Cancel and navigating away ask first while the form holds input.
  const [dirty, setDirty] = useState(false);
  const guard = useDiscardGuard({ dirty, onDiscard: props.onClose });

  const title = created ? (
    'Credential created'
  ) : editing ? (
    <>
      Edit <UserText text={displayName(editing)} />
    </>
  ) : (
    'New credential'
  );
  const description = created
    ? 'Skyvern stored the secret. It will not be shown again.'
    : editing
      ? initialFocus === 'password'
        ? 'Type the new password. Skyvern replaces the whole credential, so the authenticator key goes with it again.'
        : 'Change its details and type its secret again.'
      : 'Choose what to store, then fill in its details. Skyvern keeps the secret encrypted and never shows it again.';

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && guard.requestClose()}
      title={title}
      description={description}
      size="lg"
      onOpenAutoFocus={(event) => {
        // Start where the work is: the type choice for a new credential, the name on an edit.
        event.preventDefault();
        const target = editing
          ? initialFocus === 'password'
            ? contentRef.current?.querySelector<HTMLInputElement>('input[name="password"]')
            : document.getElementById('credential-name')
          : document.querySelector<HTMLInputElement>('input[name="credentialType"]:checked');
        target?.focus();
      }}
      onCloseAutoFocus={props.onCloseAutoFocus}
    >
      <div ref={contentRef}>
        {created ? (
          <CreatedSummary
            credential={created}
            onDone={props.onClose}
            onAnother={() => {
              setCreated(null);
              setFormKey((key) => key + 1);
            }}
          />
        ) : editing && vaultMissing ? (
          <CustomVaultUnavailable onClose={props.onClose} />
        ) : editing ? (
          <CredentialForm
            mode="edit"
            credential={editing}
            initialFocus={initialFocus}
            onCancel={guard.requestClose}
            onDirtyChange={setDirty}
            onSaved={(saved) => {
              toast.success(`Saved “${displayName(saved)}”`, {
                description: 'The stored secret was replaced.',
              });
              props.onClose();
            }}
          />
        ) : (
          <CredentialForm
            key={formKey}
            mode="create"
            initialType={props.mode === 'create' ? props.initialType : undefined}
            onCancel={guard.requestClose}
            onDirtyChange={setDirty}
            onSaved={(saved) => {
              toast.success(`Created “${displayName(saved)}”`, {
                description: `ID ${saved.credential_id}`,
              });
              setCreated(saved);
            }}
          />
        )}
      </div>
      {guard.prompt}
    </Dialog>
  );
}

function CreatedSummary({
  credential,
  onDone,
  onAnother,
}: {
  credential: Credential;
  onDone: () => void;
  onAnother: () => void;
}) {
  // The form that had focus is gone; the natural next step is "Done".
  const doneRef = useRef<HTMLButtonElement>(null);
  useEffect(() => doneRef.current?.focus(), []);
  return (
    <div className="space-y-5">
      <div className="flex gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
        <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-emerald-700" />
        <div>
          <p className="font-semibold">{displayName(credential)} is ready to use</p>
          <p>
            {typeLabels[credential.credential_type]} stored in {vaultLabel(credential.vault_type)}.
            Workflows refer to it by its ID.
          </p>
        </div>
      </div>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800" id="new-credential-id-label">
          Credential ID
        </p>
        <div className="flex items-center gap-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-2">
          <code
            className="min-w-0 flex-1 truncate font-mono text-sm text-slate-900"
            data-testid="new-credential-id"
          >
            {credential.credential_id}
          </code>
          <CopyButton value={credential.credential_id} label="credential ID" />
        </div>
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onAnother}>Create another</Button>
        <Link
          to={`/credentials/${encodeURIComponent(credential.credential_id)}`}
          className={buttonVariants({ variant: 'secondary' })}
        >
          Open credential
        </Link>
        <Button variant="primary" onClick={onDone} ref={doneRef}>
          Done
        </Button>
      </div>
    </div>
  );
}
