import { Settings2 } from 'lucide-react';
import { isConfigured, type ActiveConnection } from '../api/connection';
import { connectionColorClass } from '../components/ui/connection-colors';
import { cn } from '../lib/cn';
import { NavLink, useNavigate } from '../lib/router';
import { hostOf, switchToConnection } from './switch-connection';

/**
 * Which Skyvern this tab talks to. With one connection, a link to its settings; with several, a
 * select that switches (after asking a form with unsaved input), so production is never taken for
 * staging. A detail page moves to its list, which exists on every connection.
 */
export function ConnectionSwitcher({ connection }: { connection: ActiveConnection }) {
  const navigate = useNavigate();
  const configured = isConfigured(connection);
  const status = (
    <span
      aria-hidden="true"
      className={cn('size-2 shrink-0 rounded-full', configured ? 'bg-emerald-500' : 'bg-amber-500')}
    />
  );
  const noKey = !configured && <span className="ml-1 text-amber-800">· no API key</span>;

  if (connection.all.length < 2) {
    return (
      <NavLink
        to="/settings/connection"
        className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
        title={connection.baseUrl}
      >
        {status}
        <span className="truncate">
          <span className="sr-only">Connected to </span>
          {hostOf(connection.baseUrl)}
          {noKey}
        </span>
      </NavLink>
    );
  }

  return (
    <div className="flex min-w-0 items-center gap-1">
      <span
        aria-hidden="true"
        className={cn('size-3 shrink-0 rounded-full', connectionColorClass[connection.color])}
      />
      <label className="sr-only" htmlFor="connection-switcher">
        Connection
      </label>
      <select
        id="connection-switcher"
        value={connection.id}
        title={connection.baseUrl}
        onChange={(event) => void switchToConnection(event.target.value, navigate)}
        className="min-w-0 max-w-48 truncate rounded-md border border-slate-300 bg-white py-1 pr-7 pl-2 text-sm font-medium text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {connection.all.map((saved) => (
          <option key={saved.id} value={saved.id}>
            {saved.name} ({hostOf(saved.baseUrl)})
          </option>
        ))}
      </select>
      {noKey}
      <NavLink
        to="/settings/connection"
        title="Manage connections"
        className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <Settings2 aria-hidden="true" className="size-4" />
        <span className="sr-only">Manage connections</span>
      </NavLink>
    </div>
  );
}
