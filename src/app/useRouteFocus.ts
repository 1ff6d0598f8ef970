import { useEffect, useRef } from 'react';
import { useLocation, useNavigationType } from '../lib/router';

/** How long to wait for a lazily loaded page's heading before giving up. */
const HEADING_WAIT_MS = 10_000;

/**
 * While a lazy page loads, Suspense keeps the previous page in the DOM, hidden with an inline
 * `display: none`: its heading is not the one to focus.
 */
function isHiddenWithin(element: Element, root: Element): boolean {
  for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
    if (node instanceof HTMLElement && (node.hidden || node.style.display === 'none')) return true;
  }
  return false;
}

/**
 * After a route change, the page starts at the top and focus moves to its `h1`, so keyboard and
 * screen-reader users land on the new page instead of on the link they left. Not on first load
 * (including the start-up redirects, which replace the entry before anyone has navigated), and
 * not when the new page has already put focus somewhere inside itself. Lazy pages and pages that
 * show a loading state first get their heading focused when it appears.
 */
export function useRouteFocus(mainId = 'main') {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const previous = useRef(pathname);
  const navigated = useRef(false);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (navigationType === 'REPLACE' && !navigated.current) return;
    navigated.current = true;

    window.scrollTo(0, 0);
    const main = document.getElementById(mainId);
    if (!main) return;
    const before = document.activeElement;
    const focusHeading = (): boolean => {
      const heading = [...main.querySelectorAll('h1')].find((h1) => !isHiddenWithin(h1, main));
      if (!heading) return false;
      const active = document.activeElement;
      const pageChoseFocus =
        active !== null && active !== before && active !== document.body && main.contains(active);
      if (!pageChoseFocus) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['style', 'hidden'],
    });
    const timer = window.setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [pathname, navigationType, mainId]);
}
