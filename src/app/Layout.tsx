import { lazy, Suspense, useState, type MouseEvent, type ReactNode } from 'react';
import { KeyRound, Menu, Search } from 'lucide-react';
import { useAuthFailure } from '../api/auth-state';
import { useConnection } from '../api/connection';
import { cn } from '../lib/cn';
import { NavLink, useNavigate } from '../lib/router';
import { confirmNavigation, hasUnsavedChanges } from '../lib/navigation-guard';
import { LoadingState } from '../components/ui/States';
import { useRouteFocus } from './useRouteFocus';
import { ThemeSelect } from './ThemeSelect';
import { ConnectionSwitcher } from './ConnectionSwitcher';
import { connectionColorClass } from '../components/ui/connection-colors';
import { OPEN_COMMAND_PALETTE } from './palette/CommandPaletteLauncher';
import { mainNav, NavList, SettingsHeading, settingsNav } from './nav';

// The banner (and its key dialog) is only needed once Skyvern refuses the key: its own chunk.
const AuthBanner = lazy(async () => ({ default: (await import('./AuthBanner')).AuthBanner }));
// The phone's menu sheet: its own chunk, fetched when the Menu button is touched or focused.
const loadMobileMenu = () => import('./MobileMenu');
const MobileMenu = lazy(async () => ({ default: (await loadMobileMenu()).MobileMenu }));
// Login tests that go on while the user is elsewhere: loaded only once one has started.
const LoginTests = lazy(async () => ({
  default: (await import('../features/login-tests/live-tests')).LoginTests,
}));

export function Layout({ children }: { children: ReactNode }) {
  const connection = useConnection();
  const navigate = useNavigate();
  const refused = useAuthFailure() !== null;
  const [menu, setMenu] = useState<'closed' | 'open' | 'loaded'>('closed');
  useRouteFocus();

  // Every in-app link under the layout (dialogs included: React events bubble through portals)
  // asks a form with unsaved input before leaving it (lib/navigation-guard).
  const guardLinks = (event: MouseEvent) => {
    if (!hasUnsavedChanges() || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self')) return;
    const url = new URL(link.href);
    if (url.origin !== window.location.origin || link.hasAttribute('download')) return;
    event.preventDefault();
    event.stopPropagation();
    void confirmNavigation().then((go) => {
      if (go) navigate(url.pathname + url.search + url.hash);
    });
  };

  return (
    <div className="min-h-dvh bg-slate-50 text-slate-900" onClickCapture={guardLinks}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        {connection.all.length > 1 && (
          <div aria-hidden="true" className={cn('h-1', connectionColorClass[connection.color])} />
        )}
        <div className="flex h-14 items-center justify-between gap-2 px-2 sm:gap-4 sm:px-6">
          <button
            id="menu-button"
            type="button"
            aria-haspopup="dialog"
            aria-expanded={menu === 'open'}
            onPointerEnter={() => void loadMobileMenu()}
            onFocus={() => void loadMobileMenu()}
            onClick={() => setMenu('open')}
            className="-mr-1 rounded-md p-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 md:hidden"
          >
            <Menu aria-hidden="true" className="size-5" />
            <span className="sr-only">Menu</span>
          </button>
          <NavLink
            to="/credentials"
            className="flex items-center gap-2 font-semibold text-slate-900"
          >
            <span className="grid size-7 place-items-center rounded-md bg-brand-600 text-white">
              <KeyRound aria-hidden="true" className="size-4" />
            </span>
            <span className="sr-only whitespace-nowrap sm:not-sr-only">Skyvern Credentials</span>
          </NavLink>
          <button
            type="button"
            onClick={() => window.dispatchEvent(new Event(OPEN_COMMAND_PALETTE))}
            aria-keyshortcuts="Control+K Meta+K"
            className="ml-auto flex items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <Search aria-hidden="true" className="size-4" />
            {/* One name at every width; a phone shows the icon alone. */}
            <span className="sr-only sm:not-sr-only">Search or jump to…</span>
            <kbd className="hidden rounded border border-slate-300 px-1 font-mono text-xs text-slate-600 sm:inline">
              Ctrl K
            </kbd>
          </button>
          {/* Set once a login test starts in this tab (features/login-tests); Layout re-renders on
              every navigation, so the list shows up as soon as the user leaves the page. */}
          {document.documentElement.dataset['loginTests'] && (
            <Suspense fallback={null}>
              <LoginTests />
            </Suspense>
          )}
          <ConnectionSwitcher connection={connection} />
        </div>
      </header>
      {menu !== 'closed' && (
        <Suspense fallback={null}>
          <MobileMenu
            open={menu === 'open'}
            onOpenChange={(open) => setMenu(open ? 'open' : 'loaded')}
          />
        </Suspense>
      )}
      <div className="flex">
        <nav
          aria-label="Main"
          className="sticky top-14 hidden h-[calc(100dvh-3.5rem)] w-64 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white p-3 md:flex"
        >
          <NavList items={mainNav} />
          <div>
            <SettingsHeading />
            <NavList items={settingsNav} />
          </div>
          <div className="mt-auto">
            <ThemeSelect />
          </div>
        </nav>
        <main
          id="main"
          tabIndex={-1}
          className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-8"
        >
          {refused && (
            <Suspense fallback={null}>
              <AuthBanner />
            </Suspense>
          )}
          {/* Another connection mounts the page afresh: nothing of the previous one is shown. */}
          <Suspense key={connection.id} fallback={<LoadingState />}>
            {children}
          </Suspense>
        </main>
      </div>
    </div>
  );
}
