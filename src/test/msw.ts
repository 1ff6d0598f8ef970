import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** The Skyvern base URL every unit test talks to (through MSW; nothing leaves the process). */
export const TEST_API_BASE = 'http://skyvern.test';
export const TEST_API_KEY = 'test-api-key';

/** `apiUrl('/v1/credentials')` → the absolute URL MSW handlers should match. */
export function apiUrl(path: string): string {
  return TEST_API_BASE + path;
}

/**
 * Initial handlers survive `resetHandlers`. The Credentials page loads its folder panel after the
 * list on every render; with no folders unless a test says otherwise (`server.use` wins).
 */
export const server = setupServer(
  http.get(apiUrl('/v1/credential_folders'), () => HttpResponse.json([])),
);
