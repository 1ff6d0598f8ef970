import { setupServer } from 'msw/node';

/** The Skyvern base URL every unit test talks to (through MSW; nothing leaves the process). */
export const TEST_API_BASE = 'http://skyvern.test';
export const TEST_API_KEY = 'test-api-key';

/** `apiUrl('/v1/credentials')` → the absolute URL MSW handlers should match. */
export function apiUrl(path: string): string {
  return TEST_API_BASE + path;
}

export const server = setupServer();
