import { ConfirmDialog } from './ConfirmDialog';

/** "Discard changes?": the question every form with unsaved input asks before it goes away. */
export function DiscardPrompt({
  onKeep,
  onDiscard,
}: {
  onKeep: () => void;
  onDiscard: () => void;
}) {
  return (
    <ConfirmDialog
      title="Discard changes?"
      description="What you typed in this form has not been saved. Discarding it cannot be undone."
      cancelLabel="Keep editing"
      confirmLabel="Discard"
      onCancel={onKeep}
      onConfirm={onDiscard}
    />
  );
}
