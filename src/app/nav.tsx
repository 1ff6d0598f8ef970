import { Inbox, KeyRound, LockKeyhole, PlugZap, ShieldCheck, Vault } from 'lucide-react';
import { cn } from '../lib/cn';
import { NavLink } from '../lib/router';

/** The console's sections: the sidebar on wide screens, the menu sheet on a phone (MobileMenu). */
export const mainNav = [
  { to: '/credentials', label: 'Credentials', icon: KeyRound },
  { to: '/two-factor', label: '2FA codes', icon: ShieldCheck },
  { to: '/import', label: 'Import', icon: Inbox },
];
export const settingsNav = [
  { to: '/settings/connection', label: 'Connection', icon: PlugZap },
  { to: '/settings/custom-credential-service', label: 'Custom Credential Service', icon: Vault },
  { to: '/settings/vault-providers', label: 'Vault providers', icon: LockKeyhole },
];

function navClass({ isActive }: { isActive: boolean }) {
  return cn(
    'flex items-center gap-2.5 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium',
    'focus-visible:outline-2 focus-visible:outline-brand-600',
    isActive
      ? 'bg-brand-50 text-brand-800'
      : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
  );
}

export function NavList({
  items,
  onNavigate,
}: {
  items: typeof mainNav;
  /** Called when a link is followed, with its target (the menu sheet closes). */
  onNavigate?: (to: string) => void;
}) {
  return (
    <ul className="space-y-1">
      {items.map(({ to, label, icon: Icon }) => (
        <li key={to}>
          <NavLink to={to} className={navClass} onClick={() => onNavigate?.(to)}>
            <Icon aria-hidden="true" className="size-4 shrink-0" />
            {label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

export function SettingsHeading() {
  return (
    <p className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
      Settings
    </p>
  );
}
