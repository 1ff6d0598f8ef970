import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { CopyButton } from '../../components/ui/CopyButton';
import { inputClass } from '../../components/ui/Field';
import {
  describeItemsError,
  providerItemsQuery,
  type ItemsProviderId,
  type ProviderItem,
} from './api';

const NAMES: Record<ItemsProviderId, { title: string; container: string; idLabel: string }> = {
  onepassword: { title: '1Password', container: 'Vault', idLabel: 'vault id' },
  bitwarden: { title: 'Bitwarden', container: 'Collection', idLabel: 'collection id' },
};

function matches(item: ProviderItem, needle: string): boolean {
  if (!needle) return true;
  return [item.title, item.containerName, item.containerId, item.category, item.url, item.itemId]
    .filter((value): value is string => typeof value === 'string')
    .some((value) => value.toLowerCase().includes(needle));
}

function ProviderItems({ provider }: { provider: ItemsProviderId }) {
  const items = useQuery(providerItemsQuery(provider));
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const regionId = useId();
  const searchId = useId();
  const names = NAMES[provider];

  // Not configured (or still asking): nothing at all, as contract 12 answers.
  if (items.isPending || (items.data && !items.data.configured)) return null;

  const count = items.data?.configured ? items.data.items.length : null;
  const needle = search.trim().toLowerCase();
  const visible = items.data?.configured
    ? items.data.items.filter((item) => matches(item, needle))
    : [];

  return (
    <section
      aria-labelledby={`${regionId}-heading`}
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <h3 id={`${regionId}-heading`} className="text-sm font-semibold text-slate-900">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen((value) => !value)}
          className="flex w-full items-center gap-2 rounded-xl px-4 py-3 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          {open ? (
            <ChevronDown aria-hidden="true" className="size-4" />
          ) : (
            <ChevronRight aria-hidden="true" className="size-4" />
          )}
          {names.title} items{count !== null ? ` (${count})` : ''}
        </button>
      </h3>
      <div id={regionId} hidden={!open} className="space-y-3 border-t border-slate-200 p-4">
        {items.isError ? (
          <p role="alert" className="text-sm text-red-800">
            {describeItemsError(provider, items.error)} (Settings → Vault providers)
          </p>
        ) : (
          <>
            <div className="max-w-sm space-y-1">
              <label htmlFor={searchId} className="block text-sm font-medium text-slate-800">
                Search {names.title} items
              </label>
              <input
                id={searchId}
                type="search"
                className={inputClass}
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            </div>
            <ul className="divide-y divide-slate-200" aria-label={`${names.title} items`}>
              {visible.map((item) => (
                <li
                  key={`${item.containerId ?? ''}/${item.itemId}`}
                  className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-2.5 text-sm"
                >
                  <div className="min-w-0 flex-1">
                    <p className="font-medium break-words text-slate-900">{item.title}</p>
                    <p className="text-xs break-all text-slate-600">
                      {names.container}: {item.containerName ?? item.containerId ?? '—'}
                      {item.category ? ` · ${item.category}` : ''}
                      {item.url ? ` · ${item.url}` : ''}
                    </p>
                  </div>
                  <div className="flex shrink-0 items-center gap-1 text-xs text-slate-600">
                    {item.containerId && (
                      <span className="inline-flex items-center">
                        <span aria-hidden="true">{names.idLabel}</span>
                        <CopyButton
                          value={item.containerId}
                          label={`${names.idLabel} of ${item.title}`}
                        />
                      </span>
                    )}
                    <span className="inline-flex items-center">
                      <span aria-hidden="true">item id</span>
                      <CopyButton value={item.itemId} label={`item id of ${item.title}`} />
                    </span>
                  </div>
                </li>
              ))}
            </ul>
            {visible.length === 0 && (
              <p className="text-sm text-slate-600">No item matches &ldquo;{search}&rdquo;.</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/**
 * Read-only lists of the organisation's 1Password and Bitwarden items (P3, P6). Loaded after the
 * credentials list has rendered, so it adds nothing to the list's first paint.
 */
export function ProviderItemsSection() {
  const onePassword = useQuery(providerItemsQuery('onepassword'));
  const bitwarden = useQuery(providerItemsQuery('bitwarden'));
  const shown = [onePassword, bitwarden].some(
    (query) => query.isError || query.data?.configured === true,
  );
  if (!shown) return null;
  return (
    <section aria-labelledby="provider-items-heading" className="space-y-3">
      <div>
        <h2 id="provider-items-heading" className="text-base font-semibold text-slate-900">
          Items in your vault providers
        </h2>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          These items live in your organisation&apos;s 1Password or Bitwarden, not in Skyvern: they
          are not Skyvern credentials and cannot be edited here. Workflows use them by id (vault id
          and item id; collection id and item id).
        </p>
      </div>
      <ProviderItems provider="onepassword" />
      <ProviderItems provider="bitwarden" />
    </section>
  );
}
