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
/** Bumped whenever the base URL or the API key changes; kept in memory only. */
let generation = 0;
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
  const previous = snapshot;
  snapshot = read();
  if (previous.baseUrl !== snapshot.baseUrl || previous.apiKey !== snapshot.apiKey) generation += 1;
  listeners.forEach((listener) => listener());
}

/** Trailing slashes are dropped so that paths can always be appended with a leading `/`. */
export function normaliseBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function getConnection(): Connection {
  return snapshot;
}

/**
 * Names the active connection in query keys: the normalised base URL and a generation that changes
 * with the URL or the API key. It never contains the key, nor anything derived from it.
 */
export function getConnectionScope(): string {
  return `${normaliseBaseUrl(snapshot.baseUrl)}#${generation}`;
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
  // A relative apiBaseUrl ("/skyvern-api", the same-origin proxy) means this page's origin.
  if (config.apiBaseUrl) defaultBaseUrl = normaliseBaseUrl(resolveAgainstPage(config.apiBaseUrl));
  const current = read();
  if (
    config.sandboxApiKey &&
    !current.apiKey &&
    safeGet(sessionStorage, KEY_FORGOTTEN_KEY) === null &&
    normaliseBaseUrl(current.baseUrl) === defaultBaseUrl &&
    // The sandbox key is local-only: both this page and the API it names must be loopback.
    isLoopbackUrl(window.location.href) &&
    isLoopbackUrl(defaultBaseUrl)
  ) {
    sessionStorage.setItem(API_KEY_KEY, config.sandboxApiKey);
  }
  emit();
}

function resolveAgainstPage(url: string): string {
  try {
    return new URL(url.trim(), window.location.origin).toString();
  } catch {
    return url;
  }
}

/** localhost, 127.0.0.0/8 or ::1: addresses only this machine can reach. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
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
