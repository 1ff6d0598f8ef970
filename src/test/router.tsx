import { useState, type ReactNode } from 'react';
import { BrowserRouter } from '../lib/router';

/**
 * The app's router on jsdom's real history, started at `path` (replacing the current entry), so
 * tests see the same history behaviour as the browser.
 */
export function TestRouter({ path, children }: { path: string; children: ReactNode }) {
  useState(() => {
    window.history.replaceState(null, '', path);
    return path;
  });
  return <BrowserRouter>{children}</BrowserRouter>;
}
