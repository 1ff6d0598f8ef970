import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDiscardGuard } from '../../components/ui/useDiscardGuard';
import { usePageTitle } from '../../lib/usePageTitle';
import { cn } from '../../lib/cn';
import { isApiError } from '../../api/client';
import { searchCredentials } from './api';
import type { ImportFileErrorCode, ImportInput, ParseResult } from './model';
import { parseFile } from './parse-file';
import {
  checkedRow,
  initialRow,
  rowProblem,
  searchTextFor,
  withoutSecrets,
  type PlanRow,
} from './plan';
import { ReviewStep } from './ReviewStep';
import { RunStep } from './RunStep';
import { createImportRunner, type ImportRunner } from './run-import';
import { SourceStep, type PickedFile } from './SourceStep';
import type { Credential } from '../../api/schemas';

const GoogleScanDialog = lazy(async () => ({
  default: (await import('./GoogleScanDialog')).GoogleScanDialog,
}));

export type ParseFn = (input: ImportInput, signal: AbortSignal) => Promise<ParseResult>;

type Stage = 'source' | 'review' | 'import';

/**
 * An ImportFileError, recognised by its name and code rather than `instanceof`: importing the
 * class would put model.ts in a chunk of its own, and the first load lists every chunk the lazy
 * import page needs (docs/decisions/import.md, "The flow").
 */
function fileError(error: unknown): { code: ImportFileErrorCode; message: string } | null {
  if (!(error instanceof Error) || error.name !== 'ImportFileError' || !('code' in error)) {
    return null;
  }
  return { code: error.code as ImportFileErrorCode, message: error.message };
}

const steps = ['Pick the export', 'Dry run', 'Import', 'Verify', 'Report'];

/** How many searches run at once while the dry run looks for existing credentials. */
const CHECK_CONCURRENCY = 4;

/*
 * The whole import lives in this component's state: the picked file's bytes (until parsed), the
 * parsed entries with their secrets, and the queue. Leaving /import unmounts it and so drops all
 * of it; Start over and the end of a run drop it too (docs/decisions/import.md, "The flow").
 */
export function ImportPage({ parse = parseFile }: { parse?: ParseFn }) {
  usePageTitle('Import');
  const [stage, setStage] = useState<Stage>('source');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState<{ file: PickedFile; wrongPassword: boolean } | null>(null);
  const [fileName, setFileName] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const [rows, setRows] = useState<PlanRow[]>([]);
  const [checking, setChecking] = useState(0);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState(0);
  const [jobIds, setJobIds] = useState<string[]>([]);
  const [finished, setFinished] = useState(false);
  const [runner, setRunner] = useState<ImportRunner | null>(null);
  const [runKey, setRunKey] = useState(0);
  const [scanning, setScanning] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [scannerLoaded, setScannerLoaded] = useState(false);
  /** The rows as they are sent (secrets included), until each is imported. */
  const secretRows = useRef(new Map<string, PlanRow>());
  const preexisting = useRef(new Set<string>());
  const session = useRef<AbortController | null>(null);

  const reset = useCallback(() => {
    session.current?.abort();
    session.current = null;
    secretRows.current.clear();
    preexisting.current.clear();
    runner?.forget();
    setRunner(null);
    setStage('source');
    setBusy(false);
    setError(null);
    setLocked(null);
    setFileName('');
    setWarnings([]);
    setRows([]);
    setChecking(0);
    setCheckError(null);
    setBlocked(0);
    setJobIds([]);
    setFinished(false);
    setVerifying(false);
  }, [runner]);

  useEffect(
    () => () => {
      session.current?.abort();
      secretRows.current.clear();
    },
    [],
  );

  const dirty = (stage !== 'source' || locked !== null) && !finished;
  const { prompt } = useDiscardGuard({ dirty, onDiscard: reset });

  const checkRows = useCallback(async (planned: PlanRow[], signal: AbortSignal) => {
    const searches = new Map<string, string[]>();
    for (const row of planned) {
      if (row.status !== 'checking') continue;
      const text = searchTextFor(row.entry);
      if (text === null) continue;
      const ids = searches.get(text) ?? [];
      ids.push(row.entry.id);
      searches.set(text, ids);
    }
    const texts = [...searches.keys()];
    // Rows with nothing to search for are new.
    const unsearched = new Set(
      planned
        .filter((row) => row.status === 'checking' && searchTextFor(row.entry) === null)
        .map((row) => row.entry.id),
    );
    if (unsearched.size > 0) {
      setRows((current) =>
        current.map((row) => (unsearched.has(row.entry.id) ? checkedRow(row, []) : row)),
      );
    }
    let left = texts.length;
    setChecking(left);
    const answers = new Map<string, Credential[]>();
    let flushTimer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      flushTimer = null;
      if (signal.aborted) return;
      const ready = new Map(answers);
      answers.clear();
      const byRow = new Map<string, Credential[]>();
      for (const [text, found] of ready) {
        for (const id of searches.get(text) ?? []) byRow.set(id, found);
      }
      setRows((current) =>
        current.map((row) => {
          const found = byRow.get(row.entry.id);
          return found ? checkedRow(row, found) : row;
        }),
      );
      setChecking(left);
    };
    let next = 0;
    let failure: string | null = null;
    const worker = async () => {
      while (next < texts.length && !signal.aborted) {
        const text = texts[next++];
        if (text === undefined) return;
        let found: Credential[] = [];
        try {
          found = await searchCredentials(text, signal);
        } catch (searchError) {
          if (signal.aborted) return;
          failure = isApiError(searchError) ? searchError.message : 'The search failed.';
        }
        for (const credential of found) preexisting.current.add(credential.credential_id);
        answers.set(text, found);
        left -= 1;
        flushTimer ??= setTimeout(flush, 100);
      }
    };
    await Promise.all(Array.from({ length: CHECK_CONCURRENCY }, worker));
    if (flushTimer !== null) clearTimeout(flushTimer);
    if (signal.aborted) return;
    flush();
    setCheckError(failure);
  }, []);

  const review = useCallback(
    (name: string, result: ParseResult, signal: AbortSignal) => {
      setLocked(null);
      setFileName(name);
      setWarnings(result.warnings);
      const planned = result.entries.map(initialRow);
      setRows(planned);
      setStage('review');
      void checkRows(planned, signal);
    },
    [checkRows],
  );

  const fromScans = (result: ParseResult) => {
    session.current?.abort();
    const controller = new AbortController();
    session.current = controller;
    setError(null);
    review('Google Authenticator export', result, controller.signal);
  };

  const readFile = useCallback(
    async (file: PickedFile, password?: string) => {
      session.current?.abort();
      const controller = new AbortController();
      session.current = controller;
      setBusy(true);
      setError(null);
      try {
        const result = await parse(
          { fileName: file.fileName, bytes: file.bytes, password },
          controller.signal,
        );
        if (controller.signal.aborted) return;
        // The file's bytes go as soon as they are parsed.
        file.bytes.fill(0);
        review(file.fileName, result, controller.signal);
      } catch (parseError) {
        if (controller.signal.aborted) return;
        const known = fileError(parseError);
        if (known?.code === 'needs-password') {
          setLocked({ file, wrongPassword: false });
        } else if (known?.code === 'wrong-password') {
          setLocked({ file, wrongPassword: true });
        } else {
          file.bytes.fill(0);
          setLocked(null);
          setError(
            known?.message ??
              'This file could not be read. Check that it is the export file itself.',
          );
        }
      } finally {
        if (!controller.signal.aborted) setBusy(false);
      }
    },
    [parse, review],
  );

  const onChange = useCallback(
    (rowId: string, patch: Partial<Pick<PlanRow, 'include' | 'login'>>) => {
      setBlocked(0);
      setRows((current) =>
        current.map((row) => (row.entry.id === rowId ? { ...row, ...patch } : row)),
      );
    },
    [],
  );

  const startImport = () => {
    const included = rows.filter((row) => row.include);
    const notReady = included.filter((row) => rowProblem(row) !== null);
    if (notReady.length > 0) {
      setBlocked(notReady.length);
      return;
    }
    secretRows.current = new Map(included.map((row) => [row.entry.id, row]));
    const next = createImportRunner(preexisting.current);
    const folders = [
      ...new Set(
        included.map((row) => row.entry.folder).filter((title): title is string => !!title),
      ),
    ];
    setBusy(true);
    setError(null);
    void next
      .prepareFolders(folders)
      .then(() => {
        setRunner(next);
        setJobIds(included.map((row) => row.entry.id));
        // Secrets stay only in secretRows (for the run); the table keeps what it shows.
        setRows((current) => current.map(withoutSecrets));
        setRunKey((key) => key + 1);
        setStage('import');
      })
      .catch((folderError: unknown) => {
        setError(
          `The folders could not be created: ${isApiError(folderError) ? folderError.message : 'unknown error'}. Nothing was imported.`,
        );
      })
      .finally(() => setBusy(false));
  };

  const onSettled = useCallback((doneIds: readonly string[]) => {
    // Imported rows' secrets are no longer needed; failed ones stay for Retry failed.
    for (const id of doneIds) secretRows.current.delete(id);
    setFinished(true);
  }, []);

  const onStarted = useCallback(() => setFinished(false), []);

  const secretRow = useCallback((id: string) => secretRows.current.get(id), []);
  const stepIndex =
    stage === 'source' ? 0 : stage === 'review' ? 1 : finished ? 4 : verifying ? 3 : 2;

  // Attention goes to the dry run when it appears (the report focuses its own summary).
  useEffect(() => {
    if (stage === 'review') document.getElementById('import-review')?.focus();
  }, [stage]);
  const reviewRows = useMemo(() => rows, [rows]);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">Import</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          Bring logins, cards, notes and 2FA keys over from a password manager or an authenticator
          app. You see every entry and what it becomes before anything is written.
        </p>
      </div>
      <ol aria-label="Import steps" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {steps.map((label, index) => (
          <li
            key={label}
            aria-current={index === stepIndex ? 'step' : undefined}
            className={cn(
              'flex items-center gap-1.5',
              index === stepIndex ? 'font-semibold text-brand-800' : 'text-slate-600',
            )}
          >
            <span
              aria-hidden="true"
              className={cn(
                'grid size-5 place-items-center rounded-full text-xs',
                index === stepIndex ? 'bg-brand-600 text-white' : 'bg-slate-200 text-slate-700',
              )}
            >
              {index + 1}
            </span>
            {label}
          </li>
        ))}
      </ol>

      {stage === 'source' && (
        <SourceStep
          busy={busy}
          error={error}
          locked={
            locked ? { fileName: locked.file.fileName, wrongPassword: locked.wrongPassword } : null
          }
          onFile={(file) => void readFile(file)}
          onUnreadable={() => setError('This file could not be opened. Pick it again.')}
          onPassword={(password) => {
            if (locked) void readFile(locked.file, password);
          }}
          onScanGoogle={() => {
            setScannerLoaded(true);
            setScanning(true);
          }}
          onCancelPassword={() => {
            locked?.file.bytes.fill(0);
            setLocked(null);
          }}
        />
      )}
      {stage === 'review' && (
        <>
          <ReviewStep
            fileName={fileName}
            rows={reviewRows}
            warnings={warnings}
            checking={checking}
            checkError={checkError}
            onChange={onChange}
            onImport={startImport}
            onStartOver={reset}
            blocked={blocked}
            starting={busy}
          />
          {error && (
            <p
              role="alert"
              className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
            >
              {error}
            </p>
          )}
        </>
      )}
      {stage === 'import' && runner && (
        <RunStep
          key={runKey}
          rows={rows}
          jobIds={jobIds}
          secretRow={secretRow}
          runner={runner}
          onSettled={onSettled}
          onStarted={onStarted}
          onVerifying={setVerifying}
          onStartOver={reset}
        />
      )}
      {scannerLoaded && (
        <Suspense fallback={null}>
          <GoogleScanDialog open={scanning} onOpenChange={setScanning} onDone={fromScans} />
        </Suspense>
      )}
      {prompt}
    </div>
  );
}
