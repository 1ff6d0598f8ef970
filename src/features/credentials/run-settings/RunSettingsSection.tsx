import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { SlidersHorizontal } from 'lucide-react';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { UserText } from '../../../components/ui/UserText';
import {
  appliesToType,
  browserProfileQuery,
  describeProxyLocation,
  formatVerifiedLogin,
} from './model';

const RunSettingsDialog = lazy(async () => ({
  default: (await import('./RunSettingsDialog')).RunSettingsDialog,
}));

const notSet = <span className="text-slate-500">Not set</span>;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-5 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 text-sm break-words text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

/** A setting in positive words: what it does to runs, not "disabled: No". */
function onOff(on: boolean, yes: string, no: string) {
  return (
    <>
      <span className="font-medium">{on ? 'Yes' : 'No'}</span>
      <span className="text-slate-600">: {on ? yes : no}</span>
    </>
  );
}

/** The credential's run settings, read-only, with the button that edits them. */
export function RunSettingsSection({ credential }: { credential: Credential }) {
  const [editing, setEditing] = useState(false);
  // A setting that cannot apply to the type is left out, unless one was stored anyway (over the
  // API): then it is shown, since hiding a stored value would misreport the credential.
  const typeApplies = appliesToType(credential.credential_type);
  const applies = {
    ...typeApplies,
    testedUrl: typeApplies.testedUrl || Boolean(credential.tested_url),
    userContext: typeApplies.userContext || Boolean(credential.user_context),
    browserProfile: typeApplies.browserProfile || Boolean(credential.browser_profile_id),
  };
  const proxy = describeProxyLocation(credential.proxy_location);
  return (
    <section
      aria-labelledby="run-settings-heading"
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
        <div>
          <h2 id="run-settings-heading" className="text-sm font-semibold text-slate-900">
            Run settings
          </h2>
          <p className="text-xs text-slate-600">How Skyvern’s runs use this credential.</p>
        </div>
        <Button size="sm" onClick={() => setEditing(true)}>
          <SlidersHorizontal aria-hidden="true" className="size-4" />
          Edit run settings
        </Button>
      </div>
      <dl className="divide-y divide-slate-100">
        {applies.testedUrl && (
          <Row label="Login URL used for tests">
            {credential.tested_url ? (
              <span className="wrap-anywhere">{credential.tested_url}</span>
            ) : (
              notSet
            )}
          </Row>
        )}
        {applies.userContext && (
          <Row label="Login hints for the agent">
            {credential.user_context ? <UserText text={credential.user_context} /> : notSet}
          </Row>
        )}
        {applies.browserProfile && (
          <Row label="Browser profile">
            {credential.browser_profile_id ? (
              <LinkedProfile id={credential.browser_profile_id} />
            ) : (
              <span className="text-slate-600">None: runs start from a fresh browser</span>
            )}
          </Row>
        )}
        {applies.saveBrowserSession && (
          <Row label="Save the browser session after login">
            {onOff(
              credential.save_browser_session_intent === true,
              'later runs can continue signed in',
              'each run signs in again',
            )}
          </Row>
        )}
        {applies.autoProfile && (
          <Row label="Create a browser profile automatically">
            {onOff(
              credential.auto_profile_disabled !== true,
              'Skyvern may create and link one',
              'only linked by hand or by login tests',
            )}
          </Row>
        )}
        <Row label="Proxy location">{proxy ?? notSet}</Row>
        {credential.proxy_session_id && (
          <Row label="Proxy session">
            <code className="font-mono text-xs">{credential.proxy_session_id}</code>
          </Row>
        )}
        {applies.pinSavedSessionIp && (
          <Row label="Keep the saved session’s IP">
            {onOff(
              credential.pin_saved_session_ip === true,
              'runs reuse the same proxy IP',
              'the IP may change between runs',
            )}
          </Row>
        )}
        <Row label="Run one at a time">
          {onOff(
            credential.run_sequentially === true,
            'runs using it wait for each other',
            'runs may use it at the same time',
          )}
        </Row>
      </dl>
      {editing && (
        <Suspense fallback={null}>
          <RunSettingsDialog credential={credential} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </section>
  );
}

/** The linked profile by name (B2), with its last verified login; the id if it can't be read. */
function LinkedProfile({ id }: { id: string }) {
  const profile = useQuery(browserProfileQuery(id));
  if (!profile.data) {
    return <code className="font-mono text-xs">{id}</code>;
  }
  return (
    <span className="block space-y-0.5">
      <UserText text={profile.data.name} className="block" />
      <span className="block text-xs text-slate-600">
        {formatVerifiedLogin(profile.data.last_verified_login_at)} ·{' '}
        <code className="font-mono">{id}</code>
      </span>
    </span>
  );
}
