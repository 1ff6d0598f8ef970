import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { FolderPlus, MoreHorizontal, Pencil, Trash2 } from 'lucide-react';
import { Button } from '../../../components/ui/Button';
import { inputClass } from '../../../components/ui/input-styles';
import { MenuButton } from '../../../components/ui/MenuButton';
import { UserText } from '../../../components/ui/UserText';
import { cn } from '../../../lib/cn';
import { folderListQuery, type Folder } from '../api/folders';

/*
 * The folder list of the Credentials page (contract 10, F2): a side panel on wide screens and a
 * select labelled "Folder" on narrow ones. This whole module is a lazy chunk that loads after the
 * list has painted, and its request is its own: the credential list never waits for it.
 */

const FolderFormDialog = lazy(async () => ({
  default: (await import('./FolderFormDialog')).FolderFormDialog,
}));
const DeleteFolderDialog = lazy(async () => ({
  default: (await import('./DeleteFolderDialog')).DeleteFolderDialog,
}));

type FolderDialog = { kind: 'create' } | { kind: 'edit' | 'delete'; folder: Folder };

const NO_UNFILED_FILTER =
  'Skyvern cannot list unfiled credentials on their own: they appear under All credentials.';

function countLabel(count: number): string {
  return count === 1 ? '1 credential' : `${count} credentials`;
}

export function FolderNav({
  selected,
  onSelect,
}: {
  /** The folder id in the URL, or undefined for all credentials. */
  selected: string | undefined;
  onSelect: (folderId: string | undefined) => void;
}) {
  const folders = useQuery(folderListQuery());
  const [dialog, setDialog] = useState<FolderDialog | null>(null);
  // A new folder is shown once its dialog has gone: while the dirty form is mounted, the
  // navigation guard would ask whether to discard it.
  const created = useRef<string | null>(null);
  useEffect(() => {
    const id = created.current;
    if (id && !dialog) {
      created.current = null;
      onSelect(id);
    }
  }, [dialog, onSelect]);
  const list = folders.data ?? [];
  const current = list.find((folder) => folder.folder_id === selected);

  const actionsFor = (folder: Folder) => [
    {
      label: 'Rename or describe',
      icon: Pencil,
      onSelect: () => setDialog({ kind: 'edit', folder }),
    },
    {
      label: 'Delete folder',
      icon: Trash2,
      danger: true,
      onSelect: () => setDialog({ kind: 'delete', folder }),
    },
  ];

  const status = folders.isPending ? (
    <p className="px-3 py-2 text-sm text-slate-600">Loading folders…</p>
  ) : folders.isError ? (
    <div role="alert" className="space-y-2 px-3 py-2 text-sm text-red-800">
      <p>The folders could not be loaded. {folders.error.message}</p>
      <Button size="sm" onClick={() => void folders.refetch()} loading={folders.isFetching}>
        Try again
      </Button>
    </div>
  ) : null;

  return (
    <>
      {/* Narrow screens: a select and the actions beside it. */}
      <div className="flex flex-wrap items-end gap-2 lg:hidden">
        <div className="min-w-48 flex-1 space-y-1">
          <label htmlFor="credential-folder" className="block text-xs font-medium text-slate-700">
            Folder
          </label>
          <select
            id="credential-folder"
            aria-describedby="credential-folder-note"
            value={selected ?? ''}
            onChange={(event) => onSelect(event.target.value || undefined)}
            className={inputClass}
            disabled={folders.isPending}
          >
            <option value="">All credentials</option>
            {selected && !current && <option value={selected}>This folder</option>}
            {list.map((folder) => (
              <option key={folder.folder_id} value={folder.folder_id}>
                {folder.title} ({folder.credential_count})
              </option>
            ))}
          </select>
        </div>
        {current && (
          <MenuButton
            label={`Actions for folder ${current.title}`}
            items={actionsFor(current)}
            className="inline-flex size-10 items-center justify-center rounded-lg border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
          >
            <MoreHorizontal aria-hidden="true" className="size-4" />
          </MenuButton>
        )}
        <Button onClick={() => setDialog({ kind: 'create' })}>
          <FolderPlus aria-hidden="true" className="size-4" />
          New folder
        </Button>
        <p id="credential-folder-note" className="w-full text-xs text-slate-600">
          {NO_UNFILED_FILTER}
        </p>
        {/* Only a failure here: while loading, the select is disabled, and a "Loading…" line
            would push the list down and back up (layout shift). */}
        {folders.isError && <div className="w-full lg:hidden">{status}</div>}
      </div>

      {/* Wide screens: a side panel. */}
      <nav
        aria-label="Folders"
        className="hidden rounded-xl border border-slate-200 bg-white p-2 shadow-sm lg:block"
      >
        <div className="flex items-center justify-between gap-2 px-2 pt-1 pb-2">
          <h2 className="text-sm font-semibold text-slate-900">Folders</h2>
          <Button size="sm" variant="ghost" onClick={() => setDialog({ kind: 'create' })}>
            <FolderPlus aria-hidden="true" className="size-4" />
            New folder
          </Button>
        </div>
        <ul className="space-y-0.5">
          <li>
            <FolderLink
              active={!selected}
              onClick={() => onSelect(undefined)}
              title="All credentials"
            />
          </li>
          {list.map((folder) => (
            <li key={folder.folder_id} className="group flex items-center gap-1">
              <FolderLink
                active={folder.folder_id === selected}
                onClick={() => onSelect(folder.folder_id)}
                title={folder.title}
                count={folder.credential_count}
              />
              <MenuButton
                label={`Actions for folder ${folder.title}`}
                items={actionsFor(folder)}
                className="inline-flex size-8 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100"
              >
                <MoreHorizontal aria-hidden="true" className="size-4" />
              </MenuButton>
            </li>
          ))}
        </ul>
        {status}
        <p className="px-3 pt-3 pb-1 text-xs text-slate-600">{NO_UNFILED_FILTER}</p>
      </nav>

      <Suspense fallback={null}>
        {dialog?.kind === 'create' && (
          <FolderFormDialog
            onClose={() => setDialog(null)}
            onSaved={(folder) => (created.current = folder.folder_id)}
          />
        )}
        {dialog?.kind === 'edit' && (
          <FolderFormDialog folder={dialog.folder} onClose={() => setDialog(null)} />
        )}
        {dialog?.kind === 'delete' && (
          <DeleteFolderDialog
            folder={dialog.folder}
            onClose={() => setDialog(null)}
            onDeleted={(folder) => {
              if (folder.folder_id === selected) onSelect(undefined);
            }}
          />
        )}
      </Suspense>
    </>
  );
}

function FolderLink({
  active,
  onClick,
  title,
  count,
}: {
  active: boolean;
  onClick: () => void;
  title: string;
  count?: number;
}) {
  return (
    <button
      type="button"
      aria-current={active ? 'true' : undefined}
      // One name in every browser: "Finance, 2 credentials".
      aria-label={count === undefined ? undefined : `${title}, ${countLabel(count)}`}
      onClick={onClick}
      className={cn(
        'flex min-w-0 flex-1 items-center justify-between gap-2 rounded-md px-3 py-2 text-left text-sm',
        active ? 'bg-brand-50 font-semibold text-brand-800' : 'text-slate-700 hover:bg-slate-100',
      )}
    >
      <UserText text={title} truncate />
      {count !== undefined && (
        <span aria-hidden="true" className="shrink-0 text-xs text-slate-600">
          {count}
        </span>
      )}
    </button>
  );
}
