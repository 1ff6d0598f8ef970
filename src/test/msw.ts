import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** The Skyvern base URL every unit test talks to (through MSW; nothing leaves the process). */
export const TEST_API_BASE = 'http://skyvern.test';
export const TEST_API_KEY = 'test-api-key';

/** `apiUrl('/v1/credentials')` → the absolute URL MSW handlers should match. */
export function apiUrl(path: string): string {
  return TEST_API_BASE + path;
}

/*
 * The credentials page asks for the organisation's 1Password and Bitwarden items (P3, P6) after its
 * list renders. Unless a test says otherwise, the organisation has neither: Skyvern's answer is
 * `{"configured": false, "items": []}` (contract 12.2, 12.3). Tests override these with server.use.
 */
const providerDefaults = [
  http.get(apiUrl('/v1/credentials/onepassword/items'), () =>
    HttpResponse.json({ configured: false, items: [] }),
  ),
  http.get(apiUrl('/v1/credentials/bitwarden/items'), () =>
    HttpResponse.json({ configured: false, items: [] }),
  ),
];

/**
 * Initial handlers survive `resetHandlers`. The Credentials page also loads its folder panel after
 * the list on every render; with no folders unless a test says otherwise (`server.use` wins).
 */
export const server = setupServer(
  ...providerDefaults,
  http.get(apiUrl('/v1/credential_folders'), () => HttpResponse.json([])),
);
