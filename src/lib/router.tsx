/*
 * The console's router: wouter (about 2 KB gzip) behind the few react-router-shaped names the app
 * uses, so that screens import routing from one place. See docs/decisions/router.md for why it
 * replaced react-router (about 12 KB gzip of the first load) and what it keeps:
 *
 * - every history entry this app creates carries `{ idx, key }` in history.state, as react-router
 *   did: the navigation guard (lib/navigation-guard.ts) undoes a back/forward by the index delta,
 *   and forms re-sync the guarded index when the key changes;
 * - the type of the last navigation (PUSH, REPLACE or POP), for focus management on route change.
 */
import { useCallback, type ReactNode } from 'react';
import {
  Link as WouterLink,
  Redirect,
  Route,
  Router,
  Switch,
  useLocation as useWouterLocation,
  useParams,
  useSearch,
  useSearchParams,
} from 'wouter';
import { useHistoryState, usePathname } from 'wouter/use-browser-location';

export { Route, Switch, useParams, useSearchParams };

export type NavigationType = 'POP' | 'PUSH' | 'REPLACE';

interface EntryState {
  idx: number;
  key: string;
}

let lastNavigation: NavigationType = 'POP';
let keyCounter = 0;

function entryState(state: unknown): EntryState | null {
  if (state && typeof state === 'object' && 'idx' in state && typeof state.idx === 'number') {
    const key = 'key' in state && typeof state.key === 'string' ? state.key : 'default';
    return { idx: state.idx, key };
  }
  return null;
}

function nextKey(): string {
  keyCounter += 1;
  return `${Date.now().toString(36)}-${keyCounter}`;
}

export interface NavigateOptions {
  replace?: boolean | undefined;
}

/** Pushes (or replaces) an entry numbered one after the current one. */
function navigateBrowser(to: string, options: NavigateOptions = {}): void {
  const current = entryState(window.history.state)?.idx ?? 0;
  const replace = options.replace === true;
  lastNavigation = replace ? 'REPLACE' : 'PUSH';
  const state: EntryState = { idx: replace ? current : current + 1, key: nextKey() };
  window.history[replace ? 'replaceState' : 'pushState'](state, '', to);
}

function useBrowserLocation(): [string, (to: string, options?: NavigateOptions) => void] {
  return [usePathname(), navigateBrowser];
}

let listening = false;
function startListening() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  // Capture phase, registered first: runs before the guard and the router see the pop.
  window.addEventListener(
    'popstate',
    () => {
      lastNavigation = 'POP';
    },
    { capture: true },
  );
}

/** The app's router, on the browser's history. */
export function BrowserRouter({ children }: { children: ReactNode }) {
  startListening();
  if (entryState(window.history.state) === null) {
    window.history.replaceState({ idx: 0, key: 'default' } satisfies EntryState, '');
  }
  return <Router hook={useBrowserLocation}>{children}</Router>;
}

export const Link = WouterLink;

/** Like react-router's Navigate: redirects on render (replacing the entry by default here). */
export function Navigate({ to, replace = true }: { to: string; replace?: boolean }) {
  return <Redirect to={to} replace={replace} />;
}

export interface NavLinkProps {
  to: string;
  className: string | ((state: { isActive: boolean }) => string);
  title?: string | undefined;
  onClick?: (() => void) | undefined;
  children: ReactNode;
}

/** A link that knows it is the current section (its path or below), with aria-current. */
export function NavLink({ to, className, title, onClick, children }: NavLinkProps) {
  const [pathname] = useWouterLocation();
  const isActive = pathname === to || pathname.startsWith(`${to}/`);
  return (
    <WouterLink
      to={to}
      title={title}
      onClick={onClick}
      aria-current={isActive ? 'page' : undefined}
      className={typeof className === 'function' ? className({ isActive }) : className}
    >
      {children}
    </WouterLink>
  );
}

export function useNavigate(): (to: string, options?: NavigateOptions) => void {
  const [, navigate] = useWouterLocation();
  return useCallback((to: string, options?: NavigateOptions) => navigate(to, options), [navigate]);
}

export interface Location {
  pathname: string;
  /** With its leading "?", or "" (as window.location.search). */
  search: string;
  /** With its leading "#", or "". Read when the location changes; a hash alone re-renders nothing. */
  hash: string;
  /** Changes with every navigation, even to the same URL. */
  key: string;
}

export function useLocation(): Location {
  const [pathname] = useWouterLocation();
  const search = useSearch();
  const key = entryState(useHistoryState())?.key ?? 'default';
  return { pathname, search: search ? `?${search}` : '', hash: window.location.hash, key };
}

/** How the current entry was reached: PUSH, REPLACE, or POP (back/forward, and the first load). */
export function useNavigationType(): NavigationType {
  useWouterLocation();
  return lastNavigation;
}
