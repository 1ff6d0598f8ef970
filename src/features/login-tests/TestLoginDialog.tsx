import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import type { Credential } from '../../api/schemas';
import { AuthFailureNotice } from '../../components/ui/AuthFailureNotice';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { Field, inputClass } from '../../components/ui/Field';
import { UserText } from '../../components/ui/UserText';
import { startCredentialTest } from './api';
import { getLoginTests, startTracking, useLoginTestRun } from './live-tests';
import { RealSignInWarning, ResultView, RunningView } from './RunView';

export interface TestLoginDialogProps {
  credential: Credential;
  /** The credential's display name. */
  name: string;
  onClose: () => void;
  onCloseAutoFocus?: (event: Event) => void;
}

/** X2 from the row menu or the detail page: asks for the login URL, then follows the run. */
export function TestLoginDialog({
  credential,
  name,
  onClose,
  onCloseAutoFocus,
}: TestLoginDialogProps) {
  const id = credential.credential_id;
  // A test of this credential already running in this tab: show it rather than start another.
  const [runId, setRunId] = useState<string | null>(
    () =>
      getLoginTests()
        .filter((run) => run.credentialId === id && !run.outcome)
        .at(-1)?.runId ?? null,
  );
  const run = useLoginTestRun(runId);
  const [url, setUrl] = useState(credential.tested_url ?? '');
  const [saveProfile, setSaveProfile] = useState(true);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const urlRef = useRef<HTMLInputElement>(null);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (url.trim() === '') {
      setError(new Error('Enter the address of the login page.'));
      return;
    }
    setStarting(true);
    try {
      const started = await startCredentialTest(id, {
        url: url.trim(),
        save_browser_profile: saveProfile,
      });
      startTracking({
        runId: started.workflow_run_id,
        credentialId: id,
        credentialName: name,
        url: url.trim(),
        kind: 'saved',
        saveProfile,
      });
      setRunId(started.workflow_run_id);
    } catch (caught) {
      setError(caught);
    } finally {
      setStarting(false);
    }
  };

  const urlError =
    error instanceof Error && !isApiError(error)
      ? error.message
      : isApiError(error) && error.kind === 'http' && error.status === 400
        ? error.message
        : undefined;

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={
        <>
          Test login: <UserText text={name} />
        </>
      }
      description="Skyvern signs in with this credential in a real browser and reports whether it worked."
      onCloseAutoFocus={onCloseAutoFocus}
      onOpenAutoFocus={(event) => {
        // Start on the login URL (Radix would pick the × button first).
        if (!urlRef.current) return;
        event.preventDefault();
        urlRef.current.focus();
      }}
    >
      {run?.outcome ? (
        <ResultView
          run={run}
          actions={
            <>
              <Button onClick={() => setRunId(null)}>Test again</Button>
              <Button variant="primary" onClick={onClose}>
                Done
              </Button>
            </>
          }
        />
      ) : run ? (
        <RunningView run={run} footer={<Button onClick={onClose}>Run in background</Button>} />
      ) : (
        <form className="space-y-4" onSubmit={(event) => void start(event)} noValidate>
          <Field
            label="Login URL"
            required
            error={urlError}
            description="The page with the sign-in form."
          >
            <input
              ref={urlRef}
              type="url"
              inputMode="url"
              autoComplete="url"
              className={inputClass}
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              placeholder="https://example.com/login"
            />
          </Field>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="mt-0.5 size-4"
              checked={saveProfile}
              onChange={(event) => setSaveProfile(event.target.checked)}
            />
            <span>
              Save the browser session
              <span className="block text-xs text-slate-600">
                On success Skyvern keeps the signed-in session as a browser profile linked to this
                credential, so workflows can start signed in.
              </span>
            </span>
          </label>
          <RealSignInWarning />
          {isApiError(error) && error.isAuthError && <AuthFailureNotice reason={error.message} />}
          {error !== null &&
            urlError === undefined &&
            !(isApiError(error) && error.isAuthError) && (
              <p role="alert" className="text-sm text-red-700">
                The test could not start:{' '}
                {error instanceof Error ? error.message : 'an unexpected problem.'}
              </p>
            )}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" loading={starting}>
              Start test
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
