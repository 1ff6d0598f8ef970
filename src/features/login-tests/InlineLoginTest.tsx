import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Credential } from '../../api/schemas';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import {
  adoptTemporaryCredential,
  deleteTemporaryCredential,
  startInlineTest,
  type InlineTestValues,
} from './api';
import { startTracking, useLoginTestRun } from './live-tests';
import { RealSignInWarning, ResultView, RunningView } from './RunView';

export type InlineSignIn = Omit<InlineTestValues, 'url'> & { name: string };

/**
 * "Test before saving" in the create form (X1, contract 11.2). The typed values go straight into
 * the request; this component keeps only a copy of them (in memory, dropped on unmount) to notice
 * a change after the test. A passed test's temporary credential becomes the real one by renaming
 * it; closing without saving deletes it.
 */
export function InlineLoginTest({
  values,
  onSaved,
}: {
  /** The form's current sign-in values. */
  values: () => InlineSignIn;
  onSaved: (credential: Credential) => void;
}) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [runId, setRunId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useLoginTestRun(runId);
  const tested = useRef<{ values: InlineSignIn; url: string } | null>(null);
  const adopted = useRef(false);
  const queryClient = useQueryClient();

  // A passed test's temporary credential that was never saved is deleted with the form.
  const passedId = run?.outcome?.passed ? run.credentialId : null;
  useEffect(() => {
    if (passedId === null) return;
    return () => {
      if (!adopted.current) {
        void deleteTemporaryCredential(passedId)
          .catch(() => undefined)
          .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.credentials.all() }));
      }
    };
  }, [passedId, queryClient]);
  useEffect(() => () => void (tested.current = null), []);

  if (!open) {
    return <Button onClick={() => setOpen(true)}>Test before saving…</Button>;
  }

  const start = async () => {
    setProblem(null);
    const current = values();
    if (!current.username || !current.password) {
      setProblem('Fill in the username and password first.');
      return;
    }
    if (url.trim() === '') {
      setProblem('Enter the address of the login page.');
      return;
    }
    setBusy(true);
    try {
      const started = await startInlineTest({ ...current, url: url.trim() });
      tested.current = { values: current, url: url.trim() };
      startTracking({
        runId: started.workflow_run_id,
        credentialId: started.credential_id,
        credentialName: `_test_login_${current.username}`,
        url: url.trim(),
        kind: 'inline',
        saveProfile: true,
      });
      setRunId(started.workflow_run_id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.credentials.all() });
    } catch (error) {
      setProblem(
        isApiError(error)
          ? `The test could not start: ${error.message}`
          : 'The test could not start.',
      );
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!run || !tested.current) return;
    const current = values();
    const before = tested.current.values;
    if (
      current.username !== before.username ||
      current.password !== before.password ||
      current.totp !== before.totp ||
      current.totp_type !== before.totp_type
    ) {
      setProblem(
        'You changed the sign-in details after the test. Test again, or create the credential.',
      );
      return;
    }
    if (current.name.trim() === '') {
      setProblem('Enter a name for the credential first.');
      return;
    }
    setBusy(true);
    try {
      const saved = await adoptTemporaryCredential(run.credentialId, {
        name: current.name.trim(),
        tested_url: tested.current.url,
      });
      adopted.current = true;
      await queryClient.invalidateQueries({ queryKey: queryKeys.credentials.all() });
      onSaved(saved);
    } catch (error) {
      setProblem(isApiError(error) ? error.message : 'Saving failed.');
    } finally {
      setBusy(false);
    }
  };

  const username = values().username || '<username>';
  return (
    <section
      aria-labelledby="inline-test-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3"
    >
      <h4 id="inline-test-heading" className="text-sm font-semibold text-slate-900">
        Test before saving
      </h4>
      {!run && (
        <>
          <p className="text-sm text-slate-700">
            Skyvern stores these values as a temporary credential named{' '}
            <code className="font-mono text-xs">_test_login_{username}</code> and signs in with it.
            If the test passes, it is kept and <strong>Save tested credential</strong> turns it into
            this one; if it fails or you cancel, Skyvern deletes it.
          </p>
          <Field label="Login URL" required description="The page with the sign-in form.">
            <input
              type="url"
              inputMode="url"
              className={inputClass}
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              placeholder="https://example.com/login"
            />
          </Field>
          <RealSignInWarning />
          <div className="flex justify-end">
            <Button loading={busy} onClick={() => void start()}>
              Start test
            </Button>
          </div>
        </>
      )}
      {run && !run.outcome && <RunningView run={run} />}
      {run?.outcome && (
        <ResultView
          run={run}
          actions={
            run.outcome.passed ? (
              <Button variant="primary" loading={busy} onClick={() => void save()}>
                Save tested credential
              </Button>
            ) : (
              <Button onClick={() => setRunId(null)}>Test again</Button>
            )
          }
        />
      )}
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
    </section>
  );
}
