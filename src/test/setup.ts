import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { clearAuthFailure } from '../api/auth-state';
import { resetAnsweredOriginsForTests } from '../api/client';
import { setConnection } from '../api/connection';
import { server, TEST_API_BASE, TEST_API_KEY } from './msw';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

// Dialogs and panels are lazy chunks; on a busy two-core CI machine their first import can take
// longer than Testing Library's default 1 s wait, which made tests fail on load, not on behaviour.
configure({ asyncUtilTimeout: 5_000 });

let consoleErrors: unknown[][] = [];
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  setConnection({ baseUrl: TEST_API_BASE, apiKey: TEST_API_KEY });
  // Module state that a new tab starts without.
  clearAuthFailure();
  resetAnsweredOriginsForTests();
  consoleErrors = [];
  // A console.error during a test is a bug (React warnings, failed prop types, leaks): fail on it.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  const errors = consoleErrors;
  consoleErrors = [];
  if (errors.length > 0) {
    throw new Error(
      `console.error was called:\n${errors.map((args) => args.map(String).join(' ')).join('\n')}`,
    );
  }
});

afterAll(() => server.close());

// jsdom lacks these browser APIs that Radix and the console use.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver: ResizeObserverStub });
}
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
// jsdom's scrollTo only prints "Not implemented" (a route change scrolls to the top).
Object.defineProperty(window, 'scrollTo', { value: () => {}, writable: true, configurable: true });
if (!Element.prototype.hasPointerCapture) {
  Element.prototype.hasPointerCapture = () => false;
  Element.prototype.releasePointerCapture = () => {};
}
