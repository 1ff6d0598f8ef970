import { Link } from 'react-router';
import { PencilLine, SquarePen, Trash2, type LucideIcon } from 'lucide-react';
import type { Credential } from '../../../api/schemas';
import { cn } from '../../../lib/cn';
import { displayName, identifierOf, totpLabels, twoFactorOf, vaultLabel } from '../describe';
import type { CredentialDialog } from '../dialogs/CredentialDialogHost';
import { CopyIdButton } from './CopyIdButton';
import { TypeBadge } from './TypeBadge';

const headerCell =
  'px-3 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase';

export function CredentialTable({
  credentials,
  onAction,
  busy,
}: {
  credentials: Credential[];
  onAction: (dialog: CredentialDialog) => void;
  busy: boolean;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={cn('w-full text-sm', busy && 'opacity-60 transition-opacity')}>
        <caption className="sr-only">Credentials</caption>
        <thead className="border-b border-slate-200 bg-slate-50/80">
          <tr>
            <th scope="col" className={cn(headerCell, 'pl-4')}>
              Name
            </th>
            <th scope="col" className={headerCell}>
              Type
            </th>
            <th scope="col" className={headerCell}>
              Identifier
            </th>
            <th scope="col" className={headerCell}>
              2FA
            </th>
            <th scope="col" className={headerCell}>
              Vault
            </th>
            <th scope="col" className={headerCell}>
              ID
            </th>
            <th scope="col" className={cn(headerCell, 'text-right')}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {credentials.map((credential) => (
            <CredentialRow
              key={credential.credential_id}
              credential={credential}
              onAction={onAction}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CredentialRow({
  credential,
  onAction,
}: {
  credential: Credential;
  onAction: (dialog: CredentialDialog) => void;
}) {
  const name = displayName(credential);
  const identifier = identifierOf(credential);
  const twoFactor = twoFactorOf(credential);
  return (
    <tr className="group hover:bg-slate-50/70">
      <td className="max-w-56 py-3 pr-3 pl-4">
        <Link
          to={`/credentials/${encodeURIComponent(credential.credential_id)}`}
          aria-label={`Open ${name}`}
          className="block truncate rounded font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          {name}
        </Link>
      </td>
      <td className="px-3 py-3">
        <TypeBadge type={credential.credential_type} />
      </td>
      <td className="max-w-60 truncate px-3 py-3 text-slate-700" title={identifier || undefined}>
        {identifier || <span className="text-slate-500">—</span>}
      </td>
      <td className="px-3 py-3 text-slate-700">
        {twoFactor === null || twoFactor === 'none' ? (
          <span className="text-slate-500">{twoFactor ? 'None' : '—'}</span>
        ) : (
          totpLabels[twoFactor]
        )}
      </td>
      <td className="max-w-36 px-3 py-3 text-slate-700">{vaultLabel(credential.vault_type)}</td>
      <td className="px-3 py-3">
        <span className="flex items-center gap-0.5">
          <code
            className="max-w-[5.5rem] truncate font-mono text-xs text-slate-600"
            title={credential.credential_id}
          >
            {credential.credential_id}
          </code>
          <CopyIdButton value={credential.credential_id} label={`ID of ${name}`} />
        </span>
      </td>
      <td className="py-2 pr-3 pl-1 text-right whitespace-nowrap">
        <span className="inline-flex gap-0.5">
          <RowAction
            label={`Edit ${name}`}
            icon={SquarePen}
            onClick={() => onAction({ kind: 'edit', credential })}
          />
          <RowAction
            label={`Rename ${name}`}
            icon={PencilLine}
            onClick={() => onAction({ kind: 'rename', credential })}
          />
          <RowAction
            label={`Delete ${name}`}
            icon={Trash2}
            danger
            onClick={() => onAction({ kind: 'delete', credential })}
          />
        </span>
      </td>
    </tr>
  );
}

function RowAction({
  label,
  icon: Icon,
  onClick,
  danger,
}: {
  label: string;
  icon: LucideIcon;
  onClick: () => void;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className={cn(
        'inline-flex size-8 items-center justify-center rounded-md text-slate-500 focus-visible:outline-2 focus-visible:outline-brand-600',
        danger ? 'hover:bg-red-50 hover:text-red-700' : 'hover:bg-slate-100 hover:text-slate-900',
      )}
    >
      <Icon aria-hidden="true" className="size-4" />
    </button>
  );
}

/** Grey bars in the table's shape, so the page does not jump when data arrives. */
export function CredentialTableSkeleton({ rows }: { rows: number }) {
  return (
    <div role="status" className="divide-y divide-slate-100 border-t border-slate-200">
      <span className="sr-only">Loading credentials…</span>
      {Array.from({ length: Math.min(rows, 8) }, (_, index) => (
        <div key={index} aria-hidden="true" className="flex gap-8 px-4 py-4">
          <div className="h-3.5 w-40 animate-pulse rounded bg-slate-200" />
          <div className="h-3.5 w-1/3 animate-pulse rounded bg-slate-100" />
          <div className="ml-auto h-3.5 w-24 animate-pulse rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
