import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '../../lib/router';
import {
  ArrowLeft,
  Eye,
  EyeOff,
  FolderInput,
  KeyRound,
  MessageSquareText,
  PencilLine,
  SquarePen,
  Trash2,
} from 'lucide-react';
import { isApiError } from '../../api/client';
import type { Credential } from '../../api/schemas';
import { AuthFailureNotice } from '../../components/ui/AuthFailureNotice';
import { cn } from '../../lib/cn';
import { Button, buttonVariants } from '../../components/ui/Button';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/States';
import { WaitingNotice } from '../../components/ui/WaitingNotice';
import { UserText } from '../../components/ui/UserText';
import { revealBidiControls } from '../../lib/bidi';
import { usePageTitle } from '../../lib/usePageTitle';
import { LoginTestSection } from '../login-tests/LoginTestSection';
import { credentialDetailQuery } from './api/credentials';
import { folderDetailQuery } from './api/folders';
import { totpCodeQuery } from './api/totp-code';
import { CopyIdButton } from './components/CopyIdButton';
import { CustomVaultAlert } from './components/CustomVaultAlert';
import { useCustomServiceMissing } from './components/CustomVaultWarning';
import { TypeBadge } from './components/TypeBadge';
import { displayName, identifierOf, totpLabels, typeLabels, vaultLabel } from './describe';
import { CredentialDialogHost } from './dialogs/CredentialDialogHost';
import { useCredentialDialogs } from './dialogs/useCredentialDialogs';
import { RunSettingsSection } from './run-settings/RunSettingsSection';

export function CredentialDetailPage() {
  const { credentialId = '' } = useParams();
  const query = useQuery(credentialDetailQuery(credentialId));
  const navigate = useNavigate();
  const { dialog, open, close, opener } = useCredentialDialogs();
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(query.data ? displayName(query.data) : 'Credential');
  const customServiceMissing = useCustomServiceMissing(query.data ? [query.data] : []);

  if (query.isPending) return <LoadingState label="Loading the credential…" />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.kind === 'http' && query.error.status === 404) {
      return (
        <div className="mx-auto max-w-3xl space-y-6">
          <BackLink />
          <h1 className="sr-only">Credential not found</h1>
          <EmptyState
            title="This credential no longer exists"
            action={
              <Link to="/credentials" className={buttonVariants({ variant: 'primary' })}>
                Back to credentials
              </Link>
            }
          >
            It may have been deleted, or the link is from another organisation. Workflows that
            referenced it will fail until they point at another credential.
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="mx-auto max-w-3xl space-y-6">
        <BackLink />
        <h1 className="text-2xl font-semibold text-slate-900">Credential</h1>
        <ErrorState
          title="The credential could not be loaded"
          message={query.error.message}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </div>
    );
  }

  const credential = query.data;
  const name = displayName(credential);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <BackLink />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1 basis-64 space-y-2">
          <h1
            ref={headingRef}
            tabIndex={-1}
            className="text-2xl font-semibold break-words text-slate-900 focus:outline-none"
          >
            <UserText text={name} />
          </h1>
          <div className="flex min-w-0 items-center gap-2 text-sm text-slate-600">
            <TypeBadge type={credential.credential_type} />
            <UserText text={identifierOf(credential)} truncate className="min-w-0" />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => open({ kind: 'edit', credential })} aria-label={`Edit ${name}`}>
            <SquarePen aria-hidden="true" className="size-4" />
            Edit
          </Button>
          {credential.credential_type === 'password' && (
            <Button
              onClick={() => open({ kind: 'edit', credential, focus: 'password' })}
              aria-label={`Change password of ${name}`}
            >
              <KeyRound aria-hidden="true" className="size-4" />
              Change password
            </Button>
          )}
          <Button
            onClick={() => open({ kind: 'rename', credential })}
            aria-label={`Rename ${name}`}
          >
            <PencilLine aria-hidden="true" className="size-4" />
            Rename
          </Button>
          <Button
            onClick={() => open({ kind: 'delete', credential })}
            variant="danger-outline"
            aria-label={`Delete ${name}`}
          >
            <Trash2 aria-hidden="true" className="size-4" />
            Delete
          </Button>
        </div>
      </div>

      {customServiceMissing && <CustomVaultAlert />}

      {credential.credential_type === 'password' &&
        credential.credential.totp_type === 'authenticator' && (
          <AuthenticatorCode credentialId={credential.credential_id} name={name} />
        )}
      {credential.credential_type === 'password' &&
        (credential.credential.totp_type === 'email' ||
          credential.credential.totp_type === 'text') &&
        credential.credential.totp_identifier && (
          <PushedCodesLink
            identifier={credential.credential.totp_identifier}
            kind={credential.credential.totp_type}
          />
        )}

      {credential.credential_type === 'password' && (
        <LoginTestSection credential={credential} name={name} />
      )}

      <Metadata credential={credential} onMove={() => open({ kind: 'move', credential })} />
      <RunSettingsSection credential={credential} />

      <CredentialDialogHost
        dialog={dialog}
        close={close}
        opener={opener}
        fallbackFocus={headingRef}
        onDeleted={() => navigate('/credentials', { replace: true })}
      />
    </div>
  );
}

function BackLink() {
  return (
    <Link
      to="/credentials"
      className="inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      All credentials
    </Link>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-5 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 text-sm break-words text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

const notSet = <span className="text-slate-500">Not set</span>;

function Metadata({ credential, onMove }: { credential: Credential; onMove: () => void }) {
  return (
    <section
      aria-labelledby="credential-details-heading"
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="border-b border-slate-200 px-5 py-3">
        <h2 id="credential-details-heading" className="text-sm font-semibold text-slate-900">
          Details
        </h2>
        <p className="text-xs text-slate-600">
          Skyvern never returns a stored secret; only these details can be shown.
        </p>
      </div>
      <dl className="divide-y divide-slate-100">
        <Row label="Credential ID">
          <span className="flex items-center gap-1">
            <code className="font-mono text-xs break-all">{credential.credential_id}</code>
            <CopyIdButton value={credential.credential_id} label="credential ID" />
          </span>
        </Row>
        <Row label="Name">{credential.name ? <UserText text={credential.name} /> : notSet}</Row>
        <Row label="Type">{typeLabels[credential.credential_type]}</Row>
        {credential.credential_type === 'password' && (
          <>
            <Row label="Username">
              <UserText text={credential.credential.username} />
            </Row>
            <Row label="Two-factor authentication">
              {totpLabels[credential.credential.totp_type]}
            </Row>
            {credential.credential.totp_identifier && (
              <Row label="Codes sent to">
                <UserText text={credential.credential.totp_identifier} />
              </Row>
            )}
          </>
        )}
        {credential.credential_type === 'credit_card' && (
          <>
            <Row label="Card brand">{credential.credential.brand}</Row>
            <Row label="Last four digits">
              <span className="font-mono">{credential.credential.last_four}</span>
            </Row>
          </>
        )}
        {credential.credential_type === 'secret' && (
          <Row label="Secret label">
            {credential.credential.secret_label ? (
              <UserText text={credential.credential.secret_label} />
            ) : (
              notSet
            )}
          </Row>
        )}
        <Row label="Vault">{vaultLabel(credential.vault_type)}</Row>
        <Row label="Folder">
          <FolderRow credential={credential} onMove={onMove} />
        </Row>
      </dl>
    </section>
  );
}

/** The folder's title (F3) with a link to it, and Move to folder. */
function FolderRow({ credential, onMove }: { credential: Credential; onMove: () => void }) {
  const id = credential.folder_id;
  const folder = useQuery({ ...folderDetailQuery(id ?? ''), enabled: Boolean(id) });
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {!id ? (
        <span className="text-slate-500">Not in a folder</span>
      ) : folder.data ? (
        <Link
          to={`/credentials?folder=${encodeURIComponent(id)}`}
          className="rounded font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          <UserText text={folder.data.title} />
        </Link>
      ) : (
        <code className="font-mono text-xs">{id}</code>
      )}
      <Button size="sm" onClick={onMove}>
        <FolderInput aria-hidden="true" className="size-4" />
        Move to folder
      </Button>
    </span>
  );
}

function PushedCodesLink({ identifier, kind }: { identifier: string; kind: 'email' | 'text' }) {
  return (
    <section className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <div className="flex min-w-0 flex-1 basis-64 gap-3">
        <MessageSquareText aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-600" />
        <div className="min-w-0">
          <h2 className="text-sm font-semibold text-slate-900">
            {kind === 'email' ? 'Codes sent by email' : 'Codes sent by text message'}
          </h2>
          <p className="text-sm text-slate-600">
            Skyvern matches codes pushed for{' '}
            <strong className="font-medium">
              <UserText text={identifier} />
            </strong>{' '}
            to this credential.
          </p>
        </div>
      </div>
      <Link
        to={`/two-factor?identifier=${encodeURIComponent(identifier)}`}
        title={`See codes for ${revealBidiControls(identifier)}`}
        className={cn(buttonVariants({ size: 'sm' }), 'h-9 max-w-full min-w-0 gap-1 px-3')}
      >
        <span className="shrink-0">See codes for</span>{' '}
        <bdi className="isolate-text min-w-0 truncate">{revealBidiControls(identifier)}</bdi>
      </Link>
    </section>
  );
}

/** The live authenticator code: hidden until revealed, counting down, rolling over by itself. */
function AuthenticatorCode({ credentialId, name }: { credentialId: string; name: string }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <section
      aria-labelledby="authenticator-heading"
      className="rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 id="authenticator-heading" className="text-sm font-semibold text-slate-900">
            Current authenticator code
          </h2>
          <p className="text-sm text-slate-600">
            Generated by Skyvern from the stored key, for signing in by hand.
          </p>
        </div>
        <div className="flex items-center gap-3">
          {!revealed && (
            <span aria-hidden="true" className="font-mono text-2xl tracking-widest text-slate-600">
              ••• •••
            </span>
          )}
          <Button size="sm" onClick={() => setRevealed((value) => !value)} aria-pressed={revealed}>
            {revealed ? (
              <EyeOff aria-hidden="true" className="size-4" />
            ) : (
              <Eye aria-hidden="true" className="size-4" />
            )}
            {revealed ? 'Hide code' : 'Reveal code'}
          </Button>
        </div>
      </div>
      {/* Mounted only while revealed: hiding drops the code from memory (gcTime 0). */}
      {revealed && <CurrentCode credentialId={credentialId} name={name} />}
    </section>
  );
}

function CurrentCode({ credentialId, name }: { credentialId: string; name: string }) {
  const code = useQuery(totpCodeQuery(credentialId));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);

  if (code.isPending) {
    return (
      <div className="mt-3 space-y-1">
        <p role="status" className="text-sm text-slate-600">
          Fetching the code…
        </p>
        <WaitingNotice active={code.isFetching} />
      </div>
    );
  }
  if (code.isError && isApiError(code.error) && code.error.isAuthError) {
    return (
      <div className="mt-3">
        <AuthFailureNotice reason={code.error.message} onRetry={() => void code.refetch()} />
      </div>
    );
  }
  if (code.isError) {
    return (
      <div className="mt-3">
        <ErrorState
          title="The code could not be fetched"
          message={code.error.message}
          onRetry={() => void code.refetch()}
          retrying={code.isFetching}
        />
      </div>
    );
  }
  const data = code.data;
  const remaining = Math.max(
    0,
    Math.ceil(data.seconds_remaining - Math.max(0, now - code.dataUpdatedAt) / 1000),
  );
  // Skyvern does not say the period; 30 s unless the code says it lasts longer.
  const period = Math.max(30, data.seconds_remaining);
  const digits = data.code;
  const grouped = digits.length === 6 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
  return (
    <div className="mt-4 space-y-2">
      <div className="flex items-center gap-3">
        <span className="font-mono text-3xl font-semibold tracking-widest text-slate-900 tabular-nums">
          {grouped}
        </span>
        <CopyIdButton value={digits} label={`code for ${name}`} />
        <span className="ml-auto text-sm text-slate-600 tabular-nums">
          {code.isFetching && remaining === 0 ? 'Next code…' : `${remaining} s left`}
        </span>
      </div>
      <WaitingNotice active={code.isFetching} />
      <div
        className="h-1.5 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label="Time left for this code"
        aria-valuemin={0}
        aria-valuemax={period}
        aria-valuenow={remaining}
        aria-valuetext={`${remaining} seconds left`}
      >
        <div
          className={remaining <= 5 ? 'h-full bg-amber-500' : 'h-full bg-brand-600'}
          style={{ width: `${Math.min(100, (remaining / period) * 100)}%` }}
        />
      </div>
    </div>
  );
}
