import { useDeferredValue, useRef, useState, type ReactNode } from 'react';
import { Command } from 'cmdk';
import { useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import {
  ArrowRight,
  Copy,
  Inbox,
  Repeat,
  CreditCard,
  KeyRound,
  LockKeyhole,
  PlugZap,
  Plus,
  ShieldCheck,
  SquareAsterisk,
  SunMoon,
  Vault,
} from 'lucide-react';
import { apiRequest, isApiError } from '../../api/client';
import { totpCodeSchema, type Credential, type CredentialType } from '../../api/schemas';
import { useConnection } from '../../api/connection';
import { Dialog } from '../../components/ui/Dialog';
import { connectionColorClass } from '../../components/ui/connection-colors';
import { cn } from '../../lib/cn';
import { useNavigate } from '../../lib/router';
import { setTheme, type ThemeChoice } from '../../lib/theme';
import { credentialListQuery, credentialPath } from '../../features/credentials/api/credentials';
import { displayName, identifierOf, typeLabels } from '../../features/credentials/describe';
import { hostOf, switchToConnection } from '../switch-connection';

const pages = [
  { to: '/credentials', label: 'Credentials', icon: KeyRound },
  { to: '/two-factor', label: '2FA codes', icon: ShieldCheck },
  { to: '/import', label: 'Import', icon: Inbox },
  { to: '/settings/connection', label: 'Connection settings', icon: PlugZap },
  { to: '/settings/custom-credential-service', label: 'Custom Credential Service', icon: Vault },
  { to: '/settings/vault-providers', label: 'Vault providers', icon: LockKeyhole },
] as const;

const themeItems: ReadonlyArray<{ theme: ThemeChoice; label: string }> = [
  { theme: 'light', label: 'Theme: light' },
  { theme: 'dark', label: 'Theme: dark' },
  { theme: 'system', label: 'Theme: same as the system' },
];

const newItems: ReadonlyArray<{ type: CredentialType; label: string; icon: typeof KeyRound }> = [
  { type: 'password', label: 'New password credential', icon: KeyRound },
  { type: 'credit_card', label: 'New credit card', icon: CreditCard },
  { type: 'secret', label: 'New secret', icon: SquareAsterisk },
];

/** Server search results shown at most; more is a job for the list's own search. */
const RESULT_LIMIT = 8;

const itemClass =
  'flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm text-slate-800 ' +
  'data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-900 ' +
  'data-[disabled=true]:cursor-default data-[disabled=true]:text-slate-600';
const groupClass =
  '[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:pb-1 ' +
  '[&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold ' +
  '[&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-slate-600 ' +
  '[&_[cmdk-group-heading]]:uppercase';

/** The list with its current search, filters and folder kept, plus `new` (CredentialsPage). */
function newCredentialUrl(type: CredentialType): string {
  const onList = window.location.pathname === '/credentials';
  const params = new URLSearchParams(onList ? window.location.search : '');
  params.set('new', type);
  return `/credentials?${params.toString()}`;
}

function hasAuthenticator(credential: Credential): boolean {
  return (
    credential.credential_type === 'password' && credential.credential.totp_type === 'authenticator'
  );
}

async function copyCurrentCode(credential: Credential) {
  const name = displayName(credential);
  try {
    // Straight from Skyvern to the clipboard: the code is never cached nor rendered here.
    const code = await apiRequest({
      path: credentialPath(credential.credential_id, '/totp-code'),
      schema: totpCodeSchema,
    });
    await navigator.clipboard.writeText(code.code);
    toast.success(`Copied the current code of “${name}”`, {
      description: `It changes in ${code.seconds_remaining} s.`,
    });
  } catch (error) {
    const reason = isApiError(error) ? error.message : 'The clipboard refused it.';
    toast.error(`Couldn't copy the code of “${name}”`, { description: reason });
  }
}

function Item({
  value,
  onSelect,
  icon,
  children,
  hint,
}: {
  value: string;
  onSelect: () => void;
  icon: ReactNode;
  children: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <Command.Item value={value} onSelect={onSelect} className={itemClass}>
      <span aria-hidden="true" className="shrink-0 text-slate-500">
        {icon}
      </span>
      <span className="min-w-0 flex-1 truncate">{children}</span>
      {hint !== undefined && <span className="shrink-0 text-xs text-slate-600">{hint}</span>}
    </Command.Item>
  );
}

/**
 * Ctrl+K / ⌘K: go to a page, find a credential on the server as you type and open it or copy its
 * current code, start a new credential of a type, or switch to another connection. cmdk gives the combobox/listbox semantics and
 * the arrow-key handling; the dialog is the console's own (titled, focus returned on close).
 */
export function CommandPalette({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const navigate = useNavigate();
  const connection = useConnection();
  const inputRef = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const results = useQuery({
    ...credentialListQuery({ page: 1, page_size: RESULT_LIMIT, search: deferred }),
    enabled: open && deferred.length > 0,
  });
  const credentials = deferred.length > 0 ? (results.data ?? []) : [];
  // Our own matching (every word, in any order) rather than cmdk's fuzzy score: server results
  // are already matched by Skyvern, and "Nothing matches" must count them too.
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (label: string) => words.every((word) => label.toLowerCase().includes(word));
  const shownPages = pages.filter(({ label }) => matches(`go to ${label}`));
  const shownNew = newItems.filter(({ label }) => matches(label));
  const shownThemes = themeItems.filter(({ label }) => matches(label));
  const shownConnections = connection.all.filter(
    (saved) =>
      saved.id !== connection.id && matches(`switch to ${saved.name} ${hostOf(saved.baseUrl)}`),
  );
  const nothing =
    shownPages.length +
      shownNew.length +
      shownThemes.length +
      shownConnections.length +
      credentials.length ===
      0 && !(deferred.length > 0 && results.isPending);

  const close = () => {
    onOpenChange(false);
    setSearch('');
  };
  const go = (to: string) => {
    close();
    navigate(to);
  };

  const status =
    deferred.length === 0
      ? ''
      : results.isPending
        ? 'Searching credentials…'
        : results.isError
          ? ''
          : `${credentials.length === 0 ? 'No' : credentials.length} credential${credentials.length === 1 ? '' : 's'} found`;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title="Command palette"
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        inputRef.current?.focus();
      }}
      description="Type to find a page, a credential or an action. ↑ ↓ to move, Enter to choose, Esc to close."
    >
      <Command
        label="Search pages, credentials and actions"
        loop
        shouldFilter={false}
        className="-mx-2"
      >
        <Command.Input
          ref={inputRef}
          value={search}
          onValueChange={setSearch}
          placeholder="Search pages, credentials and actions…"
          className="mx-2 mb-2 w-[calc(100%-1rem)] rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-2 focus:outline-brand-600"
        />
        <p role="status" className="sr-only">
          {status}
        </p>
        {deferred.length > 0 && results.isError && (
          <p role="alert" className="mx-2 mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            Couldn&apos;t search credentials: {results.error.message}
          </p>
        )}
        <Command.List className="max-h-[calc(100dvh-14rem)] overflow-y-auto px-2 pb-2 sm:max-h-[min(24rem,60dvh)]">
          {nothing && (
            <p className="px-3 py-6 text-center text-sm text-slate-600">
              Nothing matches “{search}”.
            </p>
          )}
          {deferred.length > 0 && (results.isPending || credentials.length > 0) && (
            <Command.Group heading="Credentials" className={groupClass}>
              {results.isPending && (
                <Command.Loading>
                  <p className="px-3 py-2 text-sm text-slate-600">Searching credentials…</p>
                </Command.Loading>
              )}
              {results.isError && <p className="px-3 py-2 text-sm text-red-800">{status}</p>}
              {credentials.map((credential) => (
                <Item
                  key={credential.credential_id}
                  value={`open ${credential.credential_id}`}
                  onSelect={() =>
                    go(`/credentials/${encodeURIComponent(credential.credential_id)}`)
                  }
                  icon={<ArrowRight className="size-4" />}
                  hint={typeLabels[credential.credential_type]}
                >
                  {displayName(credential)}
                  {identifierOf(credential) && (
                    <span className="text-slate-600"> · {identifierOf(credential)}</span>
                  )}
                </Item>
              ))}
              {credentials.filter(hasAuthenticator).map((credential) => (
                <Item
                  key={`code-${credential.credential_id}`}
                  value={`code ${credential.credential_id}`}
                  onSelect={() => {
                    close();
                    void copyCurrentCode(credential);
                  }}
                  icon={<Copy className="size-4" />}
                  hint="2FA"
                >
                  Copy current code: {displayName(credential)}
                </Item>
              ))}
            </Command.Group>
          )}
          {shownPages.length > 0 && (
            <Command.Group heading="Go to" className={groupClass}>
              {shownPages.map(({ to, label, icon: Icon }) => (
                <Item
                  key={to}
                  value={`go ${label}`}
                  onSelect={() => go(to)}
                  icon={<Icon className="size-4" />}
                >
                  {label}
                </Item>
              ))}
            </Command.Group>
          )}
          {shownNew.length > 0 && (
            <Command.Group heading="Create" className={groupClass}>
              {shownNew.map(({ type, label, icon: Icon }) => (
                <Item
                  key={type}
                  value={label}
                  onSelect={() => go(newCredentialUrl(type))}
                  icon={
                    <span className="relative">
                      <Icon className="size-4" />
                      <Plus className="absolute -right-1.5 -bottom-1.5 size-3" />
                    </span>
                  }
                >
                  {label}
                </Item>
              ))}
            </Command.Group>
          )}
          {shownConnections.length > 0 && (
            <Command.Group heading="Connections" className={groupClass}>
              {shownConnections.map((saved) => (
                <Item
                  key={saved.id}
                  value={`switch ${saved.id}`}
                  onSelect={() => {
                    close();
                    void switchToConnection(saved.id, navigate);
                  }}
                  icon={
                    <span className="relative">
                      <Repeat className="size-4" />
                      <span
                        className={cn(
                          'absolute -right-1 -bottom-1 size-2 rounded-full',
                          connectionColorClass[saved.color],
                        )}
                      />
                    </span>
                  }
                  hint={hostOf(saved.baseUrl)}
                >
                  Switch to {saved.name}
                </Item>
              ))}
            </Command.Group>
          )}
          {shownThemes.length > 0 && (
            <Command.Group heading="Appearance" className={groupClass}>
              {shownThemes.map(({ theme, label }) => (
                <Item
                  key={theme}
                  value={label}
                  onSelect={() => {
                    setTheme(theme);
                    close();
                  }}
                  icon={<SunMoon className="size-4" />}
                >
                  {label}
                </Item>
              ))}
            </Command.Group>
          )}
        </Command.List>
      </Command>
    </Dialog>
  );
}
