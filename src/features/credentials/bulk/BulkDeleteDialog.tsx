import { useRef, useState, type FormEvent } from 'react';
import { AlertOctagon } from 'lucide-react';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { Field, inputClass } from '../../../components/ui/Field';
import { UserText } from '../../../components/ui/UserText';
import type { QueueSnapshot } from '../../../lib/task-queue';
import { useTaskQueue } from '../../../lib/useTaskQueue';
import { deleteForBulk, useRefreshAfterBulk, type BulkDeleteResult } from '../api/bulk';
import { displayName } from '../describe';
import { BulkProgress, type BulkWords } from './BulkProgress';

/** Names listed before "and N more"; above this many, the count must be typed to confirm. */
export const NAMES_SHOWN = 10;

const words: BulkWords<BulkDeleteResult> = {
  running: 'Deleting credentials',
  done: (value) => (value === 'already-gone' ? 'Already deleted' : 'Deleted'),
  doneCount: (count) => `${count} deleted`,
};

const credentialKey = (credential: Credential) => credential.credential_id;

export function doneKeys<R>(snapshot: QueueSnapshot<R>): string[] {
  return snapshot.keys.filter((key) => snapshot.items.get(key)?.status === 'done');
}

/**
 * Deletes the selected credentials through the shared task queue: confirm (names, the warning,
 * the typed count above ten), then progress with Stop, then a report with Retry failed. The
 * lists refresh once when a run ends. `onClose` gets the ids that are gone.
 */
export function BulkDeleteDialog({
  credentials,
  onClose,
  onCloseAutoFocus,
}: {
  credentials: readonly Credential[];
  onClose: (deleted: string[]) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const { queue, snapshot } = useTaskQueue<Credential, BulkDeleteResult>({
    key: credentialKey,
    run: deleteForBulk,
  });
  const refresh = useRefreshAfterBulk();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const countRef = useRef<HTMLInputElement>(null);
  const count = credentials.length;
  const needsCount = count > NAMES_SHOWN;
  const phase = snapshot.phase;
  const running = phase === 'running' || phase === 'paused' || phase === 'stopping';
  const label = count === 1 ? '1 credential' : `${count} credentials`;

  const start = (run: () => Promise<QueueSnapshot<BulkDeleteResult>>) => {
    void run().then((settled) => refresh({ deleted: doneKeys(settled) }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (needsCount && typed.trim() !== String(count)) {
      setProblem(`Type ${count} to confirm.`);
      countRef.current?.focus();
      return;
    }
    start(() => queue.run(credentials));
  };
  const close = () => onClose(doneKeys(queue.getSnapshot()));

  return (
    <Dialog
      open
      dismissible={!running}
      onOpenChange={(open) => !open && !running && close()}
      title={phase === 'idle' ? `Delete ${label}?` : `Deleting ${label}`}
      description={
        phase === 'idle'
          ? 'They and their stored secrets are deleted permanently. This cannot be undone.'
          : 'Each credential is deleted on its own, a few at a time.'
      }
      onOpenAutoFocus={(event) => {
        // The safe choice first: Enter on the opened question must not delete.
        event.preventDefault();
        (needsCount ? countRef : cancelRef).current?.focus();
      }}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      {phase === 'idle' ? (
        <form onSubmit={submit} noValidate className="space-y-5">
          <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
            <ul aria-label="Credentials to delete" className="list-disc space-y-0.5 pl-5">
              {credentials.slice(0, NAMES_SHOWN).map((credential) => (
                <li key={credential.credential_id} className="text-slate-900">
                  <UserText text={displayName(credential)} />
                </li>
              ))}
            </ul>
            {count > NAMES_SHOWN && (
              <p className="mt-1 pl-5 text-slate-600">and {count - NAMES_SHOWN} more</p>
            )}
          </div>
          <div className="flex gap-2.5 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <AlertOctagon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
            <p>
              Any workflow that uses one of them will fail when it runs. Skyvern cannot restore
              them.
            </p>
          </div>
          {needsCount && (
            <Field label={`Type ${count} to confirm`} error={problem}>
              <input
                ref={countRef}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                inputMode="numeric"
                autoComplete="off"
                className={inputClass}
              />
            </Field>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <Button ref={cancelRef} onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="danger">
              Delete {label}
            </Button>
          </div>
        </form>
      ) : (
        <BulkProgress
          snapshot={snapshot}
          credentials={credentials}
          words={words}
          onStop={() => queue.stop()}
          onRetryFailed={() => start(() => queue.retryFailed())}
          onClose={close}
        />
      )}
    </Dialog>
  );
}
