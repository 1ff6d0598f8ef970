import { lazy, Suspense, useDeferredValue, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isCredentialType } from '../../api/response-guards';
import { useSearchParams } from '../../lib/router';
import { ChevronLeft, ChevronRight, Plus, Search } from 'lucide-react';
import { Button } from '../../components/ui/Button';
import { preloadMenu } from '../../components/ui/MenuButton';
import { inputClass } from '../../components/ui/input-styles';
import { EmptyState, ErrorState } from '../../components/ui/States';
import { isPlainKey, isTypingTarget } from '../../lib/keyboard';
import { usePageTitle } from '../../lib/usePageTitle';
import { credentialListQuery } from './api/credentials';
import { CredentialTable, CredentialTableSkeleton } from './components/CredentialTable';
import { preloadCredentialForm, useCredentialDialogs } from './dialogs/useCredentialDialogs';
import {
  PAGE_SIZES,
  SEARCH_MAX,
  parseListState,
  serialiseListState,
  toApiParams,
  type ListState,
} from './listParams';
import { useSelection } from './useSelection';

const SEARCH_DEBOUNCE_MS = 300;

// The host is loaded when a dialog first opens (the dialogs themselves are lazy chunks too).
const CredentialDialogHost = lazy(async () => ({
  default: (await import('./dialogs/CredentialDialogHost')).CredentialDialogHost,
}));
const BulkBar = lazy(async () => ({ default: (await import('./bulk/BulkBar')).BulkBar }));

const ProviderItemsSection = lazy(async () => ({
  default: (await import('../vault-providers/ProviderItemsSection')).ProviderItemsSection,
}));

/*
 * Folders are their own chunk and their own request (contract 10, F2). Neither is on the way to the
 * list: the chunk starts loading once the list has rendered its rows (or its error), and the
 * panel renders once it is there. Until then a box of the narrow-screen folder row's height holds
 * its place, so the list does not move when it arrives. No Suspense boundary, so a slow chunk
 * cannot hold back anything else.
 */
type FolderNavModule = typeof import('./folders/FolderNav');
let folderNavModule: FolderNavModule | undefined;
let folderNavLoad: Promise<FolderNavModule | undefined> | undefined;
function loadFolderNav() {
  folderNavLoad ??= import('./folders/FolderNav').then(
    (module) => (folderNavModule = module),
    () => undefined,
  );
  return folderNavLoad;
}

function FolderNavSlot({
  load,
  ...props
}: Parameters<FolderNavModule['FolderNav']>[0] & { load: boolean }) {
  const [module, setModule] = useState(folderNavModule);
  useEffect(() => {
    if (module || !load) return;
    let live = true;
    void loadFolderNav().then((loaded) => {
      if (live && loaded) setModule(loaded);
    });
    return () => {
      live = false;
    };
  }, [module, load]);
  return module ? (
    <module.FolderNav {...props} />
  ) : (
    // The narrow-screen folder row: its select row and a note on two lines (one from sm up).
    <div aria-hidden="true" className="h-24 sm:h-20 lg:hidden" />
  );
}

export function CredentialsPage() {
  usePageTitle('Credentials');
  const [searchParams, setSearchParams] = useSearchParams();
  const state = parseListState(searchParams);
  const { dialog, open, close, opener } = useCredentialDialogs();
  const searchRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const update = (patch: Partial<ListState>) => {
    const next = { ...state, ...patch };
    setSearchParams(serialiseListState(next));
  };

  // The search box shows what is typed at once; the URL (and so the request) follows once
  // typing pauses. When the URL changes by itself (back/forward), the box follows it.
  const [draft, setDraft] = useState(state.search);
  const [syncedSearch, setSyncedSearch] = useState(state.search);
  if (syncedSearch !== state.search) {
    setSyncedSearch(state.search);
    setDraft(state.search);
  }
  useEffect(() => {
    if (draft === state.search) return;
    const timer = window.setTimeout(() => {
      setSearchParams((current) => {
        const latest = parseListState(current);
        return serialiseListState({ ...latest, search: draft, page: 1 });
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, state.search, setSearchParams]);

  // `?new=password|credit_card|secret` (the command palette's "New …") opens the create form
  // with that type, and leaves the URL as it was.
  const requestedType = searchParams.get('new');
  useEffect(() => {
    if (requestedType === null) return;
    open({ kind: 'create', type: isCredentialType(requestedType) ? requestedType : undefined });
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('new');
        return next;
      },
      { replace: true },
    );
  }, [requestedType, open, setSearchParams]);

  // `/` focuses search and `n` opens New credential, unless the user is typing somewhere.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPlainKey(event) || isTypingTarget(event.target) || dialog) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        open({ kind: 'create' });
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [dialog, open]);

  const query = useQuery(credentialListQuery(toApiParams(state)));
  // Rendering the rows is the biggest piece of main-thread work at start-up, and a query update
  // renders synchronously (useSyncExternalStore). While the deferred copy is still empty, the
  // skeleton stays and React renders the rows in an interruptible background pass that yields to
  // input every few ms (total blocking time; docs/decisions/first-load-budget.md). Only that
  // first wait is deferred: what is shown is always the current data, never a lagging copy (a
  // switched connection must not show the previous one's rows, not even for a frame).
  const rowsReady = useDeferredValue(query.data) !== undefined;
  const data = rowsReady ? query.data : undefined;
  const rows = data ?? [];
  // Secondary panels (folders, vault provider items) load once the rows (or the error) are on
  // screen: set in a task after that commit, so their chunks and requests start after the rows
  // are painted, not on their way.
  const [listShown, setListShown] = useState(false);
  const listSettled = rowsReady || query.isError;
  useEffect(() => {
    if (!listSettled) return;
    const timer = window.setTimeout(() => {
      setListShown(true);
      // The rows' menus open at once from here on.
      preloadMenu();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [listSettled]);
  const filtered = Boolean(state.search || state.type || state.folder);
  // Skyvern returns no total: a full page means there may be another one.
  const hasNext = !query.isPlaceholderData && rows.length === state.pageSize;
  const firstRow = (state.page - 1) * state.pageSize + 1;
  // Selection is per view: another page, search, type or folder starts with none (useSelection).
  const selection = useSelection(rows, serialiseListState(state).toString());
  const selectedCount = selection.rows.length;
  // Once loaded, the bulk bar stays mounted: its dialog (and report) must outlive the selection
  // when the refreshed list no longer has the rows it deleted.
  const [bulkLoaded, setBulkLoaded] = useState(false);
  if (selectedCount && !bulkLoaded) setBulkLoaded(true);
  // When the bar goes away with focus in it: to select-all, or the heading if the list is empty.
  const focusAway = () =>
    (document.getElementById('credential-select-page') ?? headingRef.current)?.focus();

  let body;
  if (query.isPending || (query.data !== undefined && !rowsReady)) {
    body = <CredentialTableSkeleton rows={state.pageSize} />;
  } else if (query.isError) {
    body = (
      <div className="p-4">
        <ErrorState
          title="The credentials could not be loaded"
          message={query.error.message}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </div>
    );
  } else if (rows.length === 0 && state.page > 1) {
    body = (
      <div className="p-4">
        <EmptyState
          title={`Page ${state.page} is empty`}
          action={<Button onClick={() => update({ page: 1 })}>Go to the first page</Button>}
        >
          Some credentials may have been deleted since.
        </EmptyState>
      </div>
    );
  } else if (rows.length === 0 && filtered) {
    body = (
      <div className="p-4">
        <EmptyState
          title="No credentials match"
          action={
            <Button
              onClick={() => {
                setDraft('');
                update({ search: '', type: undefined, folder: undefined, page: 1 });
              }}
            >
              {state.folder ? 'Show all credentials' : 'Clear search and filter'}
            </Button>
          }
        >
          {state.folder && !state.search && !state.type
            ? 'This folder is empty.'
            : state.search
              ? `Nothing has “${state.search}” in its name, username, card brand, last four digits or secret label.`
              : 'There are no credentials of this type yet.'}
        </EmptyState>
      </div>
    );
  } else if (rows.length === 0) {
    body = (
      <div className="p-4">
        <EmptyState
          title="No credentials yet"
          action={
            <Button
              variant="primary"
              onClick={() => open({ kind: 'create' })}
              onFocus={preloadCredentialForm}
              onMouseEnter={preloadCredentialForm}
            >
              <Plus aria-hidden="true" className="size-4" />
              Add the first credential
            </Button>
          }
        >
          Add the passwords, cards and secrets your workflows sign in with. Skyvern never shows a
          stored secret again.
        </EmptyState>
      </div>
    );
  } else {
    body = (
      <CredentialTable
        credentials={rows}
        onAction={open}
        busy={query.isPlaceholderData && query.isFetching}
        selection={selection}
      />
    );
  }

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1
            ref={headingRef}
            tabIndex={-1}
            className="text-2xl font-semibold text-slate-900 focus:outline-none"
          >
            Credentials
          </h1>
          <p className="max-w-2xl text-sm text-slate-600">
            Passwords, credit cards and secrets that Skyvern’s automations sign in with. Stored
            secrets are never shown again, only replaced.
          </p>
        </div>
        <Button
          variant="primary"
          onClick={() => open({ kind: 'create' })}
          onFocus={preloadCredentialForm}
          onMouseEnter={preloadCredentialForm}
          aria-keyshortcuts="n"
        >
          <Plus aria-hidden="true" className="size-4" />
          New credential
          <kbd
            aria-hidden="true"
            className="ml-1 hidden rounded border border-white/50 px-1.5 font-sans text-[11px] leading-4 text-white sm:inline"
          >
            N
          </kbd>
        </Button>
      </div>

      <div className="grid gap-4 lg:grid-cols-[15rem_minmax(0,1fr)] lg:items-start lg:gap-6">
        <div className="min-w-0">
          <FolderNavSlot
            load={listShown}
            selected={state.folder}
            onSelect={(folder) => update({ folder, page: 1 })}
          />
        </div>
        <section
          aria-label="Credential list"
          className="@container min-w-0 rounded-xl border border-slate-200 bg-white shadow-sm"
        >
          <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
            <div className="min-w-56 flex-1 space-y-1">
              <label
                htmlFor="credential-search"
                className="block text-xs font-medium text-slate-700"
              >
                Search
              </label>
              <div className="relative">
                <Search
                  aria-hidden="true"
                  className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500"
                />
                <input
                  ref={searchRef}
                  id="credential-search"
                  type="search"
                  value={draft}
                  maxLength={SEARCH_MAX}
                  onChange={(event) => setDraft(event.target.value.slice(0, SEARCH_MAX))}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape' && draft) {
                      event.preventDefault();
                      setDraft('');
                    }
                  }}
                  placeholder="Name, username, card brand, last four or label"
                  aria-keyshortcuts="/"
                  className={`${inputClass} pr-9 pl-9`}
                />
                {!draft && (
                  <kbd
                    aria-hidden="true"
                    className="absolute top-1/2 right-3 hidden -translate-y-1/2 rounded border border-slate-300 px-1.5 text-[11px] text-slate-500 sm:block"
                  >
                    /
                  </kbd>
                )}
              </div>
            </div>
            <div className="w-44 space-y-1">
              <label htmlFor="credential-type" className="block text-xs font-medium text-slate-700">
                Type
              </label>
              <select
                id="credential-type"
                value={state.type ?? ''}
                onChange={(event) =>
                  update({
                    type: parseListState(new URLSearchParams({ type: event.target.value })).type,
                    page: 1,
                  })
                }
                className={inputClass}
              >
                <option value="">All types</option>
                <option value="password">Passwords</option>
                <option value="credit_card">Credit cards</option>
                <option value="secret">Secrets</option>
              </select>
            </div>
          </div>

          <div aria-busy={query.isFetching}>{body}</div>
          <p aria-live="polite" className="sr-only">
            {selectedCount > 0 && `${selectedCount} selected`}
          </p>
          {bulkLoaded && (
            <Suspense fallback={null}>
              <BulkBar
                selected={selection.rows}
                onClear={() => selection.remove([...selection.ids])}
                onSettled={selection.remove}
                focusAway={focusAway}
              />
            </Suspense>
          )}

          {!query.isError && query.data && (rows.length > 0 || state.page > 1) && (
            <nav
              aria-label="Pages"
              className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm text-slate-700"
            >
              <div className="flex items-center gap-2">
                <label htmlFor="credential-page-size" className="whitespace-nowrap text-slate-600">
                  Per page
                </label>
                <select
                  id="credential-page-size"
                  value={state.pageSize}
                  onChange={(event) => update({ pageSize: Number(event.target.value), page: 1 })}
                  className={`${inputClass} h-8 w-20 py-1`}
                >
                  {PAGE_SIZES.map((size) => (
                    <option key={size} value={size}>
                      {size}
                    </option>
                  ))}
                </select>
              </div>
              <p aria-live="polite">
                {rows.length > 0 ? (
                  <>
                    Page {state.page} · showing {firstRow}–{firstRow + rows.length - 1}
                  </>
                ) : (
                  <>Page {state.page}</>
                )}
              </p>
              <div className="flex gap-2">
                <Button
                  size="sm"
                  disabled={state.page <= 1}
                  onClick={() => update({ page: state.page - 1 })}
                >
                  <ChevronLeft aria-hidden="true" className="size-4" />
                  Previous
                </Button>
                <Button
                  size="sm"
                  disabled={!hasNext}
                  onClick={() => update({ page: state.page + 1 })}
                >
                  Next
                  <ChevronRight aria-hidden="true" className="size-4" />
                </Button>
              </div>
            </nav>
          )}
        </section>
      </div>

      {/* A lazy chunk, mounted once the rows are on screen: nothing of it is on their way. */}
      {query.isSuccess && listShown && (
        <Suspense fallback={null}>
          <ProviderItemsSection />
        </Suspense>
      )}

      {dialog && (
        <Suspense fallback={null}>
          <CredentialDialogHost
            dialog={dialog}
            close={close}
            opener={opener}
            fallbackFocus={headingRef}
          />
        </Suspense>
      )}
    </div>
  );
}
