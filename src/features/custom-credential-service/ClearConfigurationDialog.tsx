import { useRef } from 'react';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { ErrorState } from '../../components/ui/States';

export interface ClearConfigurationDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  pending: boolean;
  error: string | null;
  onCloseAutoFocus?: (event: Event) => void;
}

/** Loaded lazily: the settings page only needs Radix once someone asks to clear. */
export function ClearConfigurationDialog({
  open,
  onOpenChange,
  onConfirm,
  pending,
  error,
  onCloseAutoFocus,
}: ClearConfigurationDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        // Closing while the request runs would hide its outcome.
        if (!pending) onOpenChange(next);
      }}
      size="sm"
      title="Clear the custom credential service?"
      description="Workflows using the custom credential service will stop resolving credentials until a new configuration is saved."
      onCloseAutoFocus={onCloseAutoFocus}
      onOpenAutoFocus={(event) => {
        // A destructive confirmation starts on the safe choice.
        event.preventDefault();
        cancel.current?.focus();
      }}
    >
      <div className="space-y-4 text-sm text-slate-700">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Credentials stored in the service stay listed in Skyvern, but runs, edits and deletes of
            them fail until the service is configured again.
          </li>
          <li>Nothing is deleted from your service.</li>
          <li>To reconnect later, you will need the service&apos;s token again.</li>
        </ul>
        {error && <ErrorState title="Could not clear the configuration" message={error} />}
        <div className="flex flex-wrap justify-end gap-3 pt-1">
          <Button
            ref={cancel}
            variant="secondary"
            onClick={() => onOpenChange(false)}
            disabled={pending}
          >
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm} loading={pending}>
            Clear configuration
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
