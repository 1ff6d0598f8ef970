import { useEffect } from 'react';

/** Sets the tab title so that several open consoles can be told apart. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Skyvern Credentials`;
  }, [title]);
}
