import { useSyncExternalStore } from 'react';

/**
 * Where this browser tab talks to Skyvern. The base URL is not a secret and is remembered in
 * localStorage; the API key is the console's own login and lives in sessionStorage only, so it
 * dies with the tab.
 */
export interface Connection {
  baseUrl: string;
  apiKey: string;
}

const BASE_URL_KEY = 'skyvern-console.baseUrl';
const API_KEY_KEY = 'skyvern-console.apiKey';
/** A flag (never the key): the user forgot the key in this tab, so the sandbox key stays out. */
const KEY_FORGOTTEN_KEY = 'skyvern-console.apiKeyForgotten';

let defaultBaseUrl = 'http://localhost:8000';
let snapshot: Connection = read();
const listeners = new Set<() => void>();

function read(): Connection {
  return {
    baseUrl: safeGet(localStorage, BASE_URL_KEY) ?? defaultBaseUrl,
    apiKey: safeGet(sessionStorage, API_KEY_KEY) ?? '',
  };
}

function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function emit() {
  snapshot = read();
  listeners.forEach((listener) => listener());
}

/** Trailing slashes are dropped so that paths can always be appended with a leading `/`. */
export function normaliseBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function getConnection(): Connection {
  return snapshot;
}

export function setConnection(next: Connection): void {
  localStorage.setItem(BASE_URL_KEY, normaliseBaseUrl(next.baseUrl));
  if (next.apiKey) {
    sessionStorage.setItem(API_KEY_KEY, next.apiKey);
    sessionStorage.removeItem(KEY_FORGOTTEN_KEY);
  } else sessionStorage.removeItem(API_KEY_KEY);
  emit();
}

/** Forgets the key for the rest of this tab's life, reloads included (see applyRuntimeDefaults). */
export function forgetApiKey(): void {
  sessionStorage.removeItem(API_KEY_KEY);
  sessionStorage.setItem(KEY_FORGOTTEN_KEY, '1');
  emit();
}

/**
 * Applies the deployment's runtime defaults (from /config.json). A base URL the user chose in
 * this browser wins. The sandbox's development key is only adopted when the tab has no key and
 * still points at the sandbox the config names, and never after "Forget key" in this tab.
 */
export function applyRuntimeDefaults(config: { apiBaseUrl?: string; sandboxApiKey?: string }) {
  if (config.apiBaseUrl) defaultBaseUrl = normaliseBaseUrl(config.apiBaseUrl);
  const current = read();
  if (
    config.sandboxApiKey &&
    !current.apiKey &&
    safeGet(sessionStorage, KEY_FORGOTTEN_KEY) === null &&
    normaliseBaseUrl(current.baseUrl) === defaultBaseUrl
  ) {
    sessionStorage.setItem(API_KEY_KEY, config.sandboxApiKey);
  }
  emit();
}

export function isConfigured(connection: Connection = snapshot): boolean {
  return connection.baseUrl.length > 0 && connection.apiKey.length > 0;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnection(): Connection {
  return useSyncExternalStore(subscribe, getConnection, getConnection);
}
