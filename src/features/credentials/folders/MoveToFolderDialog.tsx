import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import { FolderPlus } from 'lucide-react';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { Field, inputClass } from '../../../components/ui/Field';
import { UserText } from '../../../components/ui/UserText';
import { cn } from '../../../lib/cn';
import type { QueueSnapshot } from '../../../lib/task-queue';
import { useTaskQueue } from '../../../lib/useTaskQueue';
import { moveForBulk, useRefreshAfterBulk, type BulkMoveResult } from '../api/bulk';
import { FOLDER_TITLE_MAX, folderListQuery, useCreateFolder, type Folder } from '../api/folders';
import { BulkProgress, errorMessage, type BulkWords } from '../bulk/BulkProgress';
import { doneKeys } from '../bulk/BulkDeleteDialog';
import { displayName } from '../describe';
import { DialogError } from '../dialogs/DialogError';

/*
 * Move to folder (contract 10.8, F6), for one credential (row menu, detail page) or many (the bulk
 * bar). The picker filters the folder list (F2, already loaded by the folder panel) as you type,
 * offers "No folder" (F6 with null), and creates the typed folder on the spot (F1). Many
 * credentials go through the shared task queue with progress, Stop and a report.
 */

/** The report's words; the summary says where they went. */
const wordsFor = (title: string | null): BulkWords<BulkMoveResult> => ({
  running: 'Moving credentials',
  done: (value) => (value === 'already-there' ? 'Already there' : 'Moved'),
  doneCount: (count) => (title ? `${count} moved to ${title}` : `${count} out of their folder`),
});

const credentialKey = (credential: Credential) => credential.credential_id;
/** The radio value of "No folder". */
const NONE = '';

function matches(folder: Folder, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  return (
    !needle ||
    folder.title.toLocaleLowerCase().includes(needle) ||
    (folder.description ?? '').toLocaleLowerCase().includes(needle)
  );
}

export function MoveToFolderDialog({
  credentials,
  onClose,
  onCloseAutoFocus,
}: {
  credentials: readonly Credential[];
  /** Called with the ids that are now where they were meant to go. */
  onClose: (moved: string[]) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const folders = useQuery(folderListQuery());
  const create = useCreateFolder();
  const refresh = useRefreshAfterBulk();
  const target = useRef<string | null>(null);
  const run = (credential: Credential) => moveForBulk(credential, target.current);
  const { queue, snapshot } = useTaskQueue<Credential, BulkMoveResult>({
    key: credentialKey,
    run,
  });
  const [search, setSearch] = useState('');
  // undefined: nothing chosen yet; NONE: out of any folder; otherwise a folder id.
  const [chosen, setChosen] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const searchRef = useRef<HTMLInputElement>(null);
  const radioName = useId();
  const single = credentials.length === 1 ? credentials[0] : undefined;
  const current = single ? (single.folder_id ?? NONE) : undefined;
  const phase = snapshot.phase;
  const running = phase === 'running' || phase === 'paused' || phase === 'stopping';

  const list = folders.data ?? [];
  const shown = list.filter((folder) => matches(folder, search));
  const typedTitle = search.trim() ? search : '';
  const exists = list.some((folder) => folder.title === typedTitle);
  const titleOf = (id: string | null) =>
    id ? (list.find((folder) => folder.folder_id === id)?.title ?? 'the folder') : null;

  // A folder created here is chosen, and focus goes to its option once the list shows it.
  const focusNew = useRef<string | null>(null);
  useEffect(() => {
    const id = focusNew.current;
    if (id === null) return;
    const radio = document.querySelector<HTMLInputElement>(
      `input[name="${CSS.escape(radioName)}"][value="${CSS.escape(id)}"]`,
    );
    if (radio) {
      radio.focus();
      focusNew.current = null;
    }
  });

  const createTyped = () => {
    create.mutate(
      { title: typedTitle },
      {
        onSuccess: (folder) => {
          setChosen(folder.folder_id);
          setProblem(undefined);
          focusNew.current = folder.folder_id;
        },
      },
    );
  };

  const finish = (settled: QueueSnapshot<BulkMoveResult>) => {
    const moved = doneKeys(settled);
    void refresh({ moved });
    if (single && settled.done === 1) {
      const title = titleOf(target.current);
      const name = displayName(single);
      toast.success(title ? `Moved “${name}” to ${title}` : `“${name}” is no longer in a folder`);
      onClose(moved);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === undefined) {
      setProblem('Choose a folder, or No folder.');
      return;
    }
    target.current = chosen === NONE ? null : chosen;
    void queue.run(credentials).then(finish);
  };
  const close = () => onClose(doneKeys(queue.getSnapshot()));
  // One credential keeps the form (Move shows it is busy) unless its move failed or stopped.
  const showForm =
    phase === 'idle' || (single !== undefined && snapshot.failed + snapshot.stopped === 0);

  const label =
    single !== undefined ? (
      <>
        Move <UserText text={displayName(single)} /> to a folder
      </>
    ) : (
      `Move ${credentials.length} credentials to a folder`
    );

  return (
    <Dialog
      open
      dismissible={!running}
      onOpenChange={(open) => !open && !running && close()}
      title={label}
      description="Folders only group credentials in this console: workflows find a credential the same way wherever it is filed."
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        searchRef.current?.focus();
      }}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      {showForm ? (
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field
            label="Find or name a folder"
            description="Type to filter the folders. A name that does not exist yet can be created here."
          >
            <input
              ref={searchRef}
              type="search"
              value={search}
              maxLength={FOLDER_TITLE_MAX}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                // Enter in the search box creates the typed folder when nothing matches it.
                if (event.key === 'Enter' && typedTitle && !exists && shown.length === 0) {
                  event.preventDefault();
                  createTyped();
                }
              }}
              autoComplete="off"
              className={inputClass}
            />
          </Field>
          {typedTitle && !exists && (
            <Button size="sm" onClick={createTyped} loading={create.isPending}>
              <FolderPlus aria-hidden="true" className="size-4" />
              {/* Plain text: it is what was just typed in the box above. */}
              Create folder “{typedTitle}”
            </Button>
          )}
          {create.isError && <DialogError error={create.error} onRetry={createTyped} />}

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Folder</legend>
            {folders.isPending ? (
              <p className="text-sm text-slate-600">Loading folders…</p>
            ) : folders.isError ? (
              <div role="alert" className="space-y-2 text-sm text-red-800">
                <p>The folders could not be loaded. {errorMessage(folders.error)}</p>
                <Button size="sm" onClick={() => void folders.refetch()}>
                  Try again
                </Button>
              </div>
            ) : null}
            <div className="max-h-64 space-y-0.5 overflow-y-auto rounded-lg border border-slate-200 p-1">
              <Choice
                name={radioName}
                value={NONE}
                chosen={chosen}
                onChoose={setChosen}
                title="No folder"
                detail={
                  current === NONE
                    ? 'Current. Listed under All credentials.'
                    : 'Listed under All credentials.'
                }
              />
              {shown.map((folder) => (
                <Choice
                  key={folder.folder_id}
                  name={radioName}
                  value={folder.folder_id}
                  chosen={chosen}
                  onChoose={setChosen}
                  title={folder.title}
                  detail={`${folder.credential_count === 1 ? '1 credential' : `${folder.credential_count} credentials`}${current === folder.folder_id ? ' · current' : ''}`}
                />
              ))}
              {folders.isSuccess && shown.length === 0 && (
                <p className="px-3 py-2 text-sm text-slate-600">
                  {list.length === 0 ? 'There are no folders yet.' : 'No folder matches.'}
                </p>
              )}
            </div>
          </fieldset>
          {problem && (
            <p role="alert" className="text-sm text-red-800">
              {problem}
            </p>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={close} disabled={running}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" loading={running}>
              {single ? 'Move' : `Move ${credentials.length} credentials`}
            </Button>
          </div>
        </form>
      ) : (
        <BulkProgress
          snapshot={snapshot}
          credentials={credentials}
          words={wordsFor(chosen ? titleOf(chosen) : null)}
          onStop={() => queue.stop()}
          onRetryFailed={() => void queue.retryFailed().then(finish)}
          onClose={close}
        />
      )}
    </Dialog>
  );
}

function Choice({
  name,
  value,
  chosen,
  onChoose,
  title,
  detail,
}: {
  name: string;
  value: string;
  chosen: string | undefined;
  onChoose: (value: string) => void;
  title: string;
  detail: string;
}) {
  const checked = chosen === value;
  return (
    // The label's text is the folder's title, rendered by UserText.
    // eslint-disable-next-line jsx-a11y/label-has-associated-control
    <label
      className={cn(
        'flex cursor-pointer items-start gap-3 rounded-md px-3 py-2 text-sm has-focus-visible:outline-2 has-focus-visible:outline-brand-600',
        checked ? 'bg-brand-50' : 'hover:bg-slate-50',
      )}
    >
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={() => onChoose(value)}
        className="mt-0.5 size-4 accent-brand-600 focus:outline-none"
      />
      <span className="min-w-0">
        <span className="block font-medium text-slate-900">
          <UserText text={title} />
        </span>
        <span className="block text-xs text-slate-600">{detail}</span>
      </span>
    </label>
  );
}
