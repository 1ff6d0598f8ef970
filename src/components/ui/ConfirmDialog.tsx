import { useRef, type ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  description: ReactNode;
  /** The safe choice: it has focus when the question opens, and Escape picks it. */
  cancelLabel: string;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  onCancel: () => void;
  onConfirm: () => void;
}

/** A yes/no question over a form. Load it lazily: it is only needed once someone asks. */
export function ConfirmDialog({
  title,
  description,
  cancelLabel,
  confirmLabel,
  tone = 'danger',
  onCancel,
  onConfirm,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open
      alert
      size="sm"
      title={title}
      description={description}
      onOpenChange={(open) => !open && onCancel()}
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        cancelRef.current?.focus();
      }}
    >
      <div className="flex flex-wrap justify-end gap-2">
        <Button ref={cancelRef} onClick={onCancel}>
          {cancelLabel}
        </Button>
        <Button variant={tone} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
