import { Link, useNavigate } from '../../../lib/router';
import {
  Ellipsis,
  FolderInput,
  KeyRound,
  PencilLine,
  ShieldCheck,
  SquarePen,
  Trash2,
} from 'lucide-react';
import type { Credential } from '../../../api/schemas';
import { MenuButton, type MenuAction } from '../../../components/ui/MenuButton';
import { UserText } from '../../../components/ui/UserText';
import { cn } from '../../../lib/cn';
import { displayName, identifierOf, totpLabels, twoFactorOf, vaultLabel } from '../describe';
import type { CredentialDialog } from '../dialogs/useCredentialDialogs';
import type { Selection } from '../useSelection';
import { CopyIdButton } from './CopyIdButton';
import { CustomVaultFlag, useCustomServiceMissing } from './CustomVaultWarning';
import { TypeBadge } from './TypeBadge';

/*
 * One table, two layouts, switched by a container query on the list (`@container` on the
 * section in CredentialsPage): a table when the list is at least 56rem wide (a 1280 px window),
 * and below that every row stacks into a card. The cells stay table cells in both, so screen
 * readers keep the table and there is one component tree.
 */
const headerCell =
  'sr-only px-3 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase @min-[56rem]:not-sr-only';
const checkbox = 'size-4 accent-brand-600';
/** A cell's own label, shown only when the row is stacked (the header row is hidden then). */
const stackedLabel =
  'before:mr-1 before:text-xs before:font-medium before:text-slate-600 before:content-[attr(data-label)] @min-[56rem]:before:content-none';

export function CredentialTable({
  credentials,
  onAction,
  busy,
  selection,
}: {
  credentials: Credential[];
  onAction: (dialog: CredentialDialog) => void;
  busy: boolean;
  selection: Selection;
}) {
  const customServiceMissing = useCustomServiceMissing(credentials);
  const some = selection.ids.size;
  const all = some === credentials.length;
  return (
    <table
      className={cn(
        'block w-full text-sm @min-[56rem]:table',
        busy && 'opacity-60 transition-opacity',
      )}
    >
      <caption className="sr-only">Credentials</caption>
      {/* Stacked, only the select-all cell shows: a strip above the cards. */}
      <thead className="block border-b border-slate-200 bg-slate-50/80 @min-[56rem]:table-header-group">
        <tr className="flex @min-[56rem]:table-row">
          <td className="py-2.5 pl-4 @min-[56rem]:w-px @min-[56rem]:table-cell">
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                id="credential-select-page"
                type="checkbox"
                className={checkbox}
                checked={all}
                ref={(box) => {
                  if (box) box.indeterminate = some > 0 && !all;
                }}
                onChange={selection.toggleAll}
              />
              <span className="@min-[56rem]:sr-only">Select all on this page</span>
            </label>
          </td>
          <th scope="col" className={cn(headerCell, 'pl-3')}>
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
      <tbody className="block divide-y divide-slate-100 @min-[56rem]:table-row-group">
        {credentials.map((credential) => (
          <CredentialRow
            key={credential.credential_id}
            credential={credential}
            onAction={onAction}
            customServiceMissing={customServiceMissing}
            selection={selection}
          />
        ))}
      </tbody>
    </table>
  );
}

function CredentialRow({
  credential,
  onAction,
  customServiceMissing,
  selection,
}: {
  credential: Credential;
  onAction: (dialog: CredentialDialog) => void;
  customServiceMissing: boolean;
  selection: Selection;
}) {
  const id = credential.credential_id;
  const selected = selection.ids.has(id);
  const name = displayName(credential);
  const navigate = useNavigate();
  const href = `/credentials/${encodeURIComponent(credential.credential_id)}`;
  const identifier = identifierOf(credential);
  const twoFactor = twoFactorOf(credential);
  const actions: MenuAction[] = [
    { label: 'Edit', icon: SquarePen, onSelect: () => onAction({ kind: 'edit', credential }) },
    ...(credential.credential_type === 'password'
      ? [
          {
            label: 'Change password',
            icon: KeyRound,
            onSelect: () => onAction({ kind: 'edit', credential, focus: 'password' }),
          },
          {
            label: 'Test login',
            icon: ShieldCheck,
            // Opens on the credential's page, where the result stays (login-tests feature).
            onSelect: () => navigate(`${href}#test-login`),
          },
        ]
      : []),
    { label: 'Rename', icon: PencilLine, onSelect: () => onAction({ kind: 'rename', credential }) },
    {
      label: 'Move to folder',
      icon: FolderInput,
      onSelect: () => onAction({ kind: 'move', credential }),
    },
    {
      label: 'Delete',
      icon: Trash2,
      danger: true,
      onSelect: () => onAction({ kind: 'delete', credential }),
    },
  ];
  return (
    <tr
      className={cn(
        'flex flex-wrap items-center gap-x-4 gap-y-1.5 px-4 py-3',
        selected ? 'bg-brand-50/70' : 'hover:bg-slate-50/70',
        '@min-[56rem]:table-row @min-[56rem]:p-0',
      )}
    >
      <td className="@min-[56rem]:table-cell @min-[56rem]:py-3 @min-[56rem]:pl-4">
        <input
          type="checkbox"
          aria-label={`Select ${name}`}
          className={cn(checkbox, 'align-middle')}
          checked={selected}
          // React reports a checkbox change from its click event: Shift-click selects a range.
          onChange={(event) => selection.toggle(id, (event.nativeEvent as MouseEvent).shiftKey)}
        />
      </td>
      <td className="order-1 min-w-0 flex-1 basis-40 @min-[56rem]:table-cell @min-[56rem]:max-w-52 @min-[56rem]:py-3 @min-[56rem]:pr-3 @min-[56rem]:pl-3">
        <Link
          to={href}
          aria-label={`Open ${name}`}
          className="block min-w-0 rounded font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          <UserText text={name} truncate />
        </Link>
      </td>
      <td className="order-3 @min-[56rem]:table-cell @min-[56rem]:px-3 @min-[56rem]:py-3">
        <TypeBadge type={credential.credential_type} />
      </td>
      <td className="order-3 max-w-full min-w-0 text-slate-700 @min-[56rem]:table-cell @min-[56rem]:max-w-52 @min-[56rem]:px-3 @min-[56rem]:py-3">
        {identifier ? (
          <UserText text={identifier} truncate />
        ) : (
          <span className="text-slate-600 @max-[56rem]:hidden">—</span>
        )}
      </td>
      <td
        data-label="2FA:"
        className={cn(
          'order-4 text-slate-700 @min-[56rem]:table-cell @min-[56rem]:px-3 @min-[56rem]:py-3',
          stackedLabel,
        )}
      >
        {twoFactor === null || twoFactor === 'none' ? (
          <span className="text-slate-600">{twoFactor ? 'None' : '—'}</span>
        ) : (
          totpLabels[twoFactor]
        )}
      </td>
      <td
        data-label="Vault:"
        className={cn(
          'order-4 text-slate-700 @min-[56rem]:table-cell @min-[56rem]:max-w-36 @min-[56rem]:px-3 @min-[56rem]:py-3',
          stackedLabel,
        )}
      >
        {vaultLabel(credential.vault_type)}
        {customServiceMissing && credential.vault_type === 'custom' && (
          <CustomVaultFlag className="ml-1.5 @min-[56rem]:mt-0.5 @min-[56rem]:ml-0 @min-[56rem]:flex" />
        )}
      </td>
      <td
        data-label="ID:"
        className={cn(
          'order-4 @min-[56rem]:table-cell @min-[56rem]:px-3 @min-[56rem]:py-3',
          stackedLabel,
          'before:self-center',
        )}
      >
        <span className="inline-flex items-center gap-0.5 align-middle">
          <code
            className="max-w-[5.5rem] truncate font-mono text-xs text-slate-600"
            title={credential.credential_id}
          >
            {credential.credential_id}
          </code>
          <CopyIdButton value={credential.credential_id} label={`ID of ${name}`} />
        </span>
      </td>
      <td className="order-2 whitespace-nowrap @min-[56rem]:table-cell @min-[56rem]:py-2 @min-[56rem]:pr-3 @min-[56rem]:pl-1 @min-[56rem]:text-right">
        <span className="inline-flex items-center gap-1">
          <button
            type="button"
            aria-label={`Edit ${name}`}
            onClick={() => onAction({ kind: 'edit', credential })}
            className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            <SquarePen aria-hidden="true" className="size-4" />
            Edit
          </button>
          <MenuButton
            label={`Actions for ${name}`}
            items={actions}
            className="inline-flex size-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 aria-expanded:bg-slate-100"
          >
            <Ellipsis aria-hidden="true" className="size-4" />
          </MenuButton>
        </span>
      </td>
    </tr>
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
