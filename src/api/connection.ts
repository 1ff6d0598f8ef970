import { useSyncExternalStore } from 'react';

/**
 * Where this browser tab talks to Skyvern. A browser keeps several named connections
 * (production, staging…): their names, URLs and colours are not secrets and live in
 * localStorage. Each connection's API key is the console's own login and lives in this tab's
 * sessionStorage only, so it dies with the tab. See docs/decisions/connections.md.
 */
export interface Connection {
  baseUrl: string;
  apiKey: string;
}

export const CONNECTION_COLORS = ['blue', 'green', 'amber', 'red', 'violet', 'slate'] as const;
export type ConnectionColor = (typeof CONNECTION_COLORS)[number];

export interface SavedConnection {
  id: string;
  name: string;
  baseUrl: string;
  color: ConnectionColor;
}

/** The active connection: what it is called and where, plus this tab's key for it. */
export interface ActiveConnection extends Connection {
  id: string;
  name: string;
  color: ConnectionColor;
  /** Every saved connection, for switchers. */
  all: readonly SavedConnection[];
}

const CONNECTIONS_KEY = 'skyvern-console.connections';
/** Before several connections existed: the one URL. Read once, to migrate. */
const LEGACY_BASE_URL_KEY = 'skyvern-console.baseUrl';
const ACTIVE_KEY = 'skyvern-console.activeConnection';
const LAST_ACTIVE_KEY = 'skyvern-console.lastConnection';
/** A flag (never the key): the user forgot the key in this tab, so the sandbox key stays out. */
const KEY_FORGOTTEN_KEY = 'skyvern-console.apiKeyForgotten';
export const DEFAULT_CONNECTION_ID = 'default';

/** The default connection keeps the storage name keys had before there were several. */
function apiKeyStorageName(id: string): string {
  return id === DEFAULT_CONNECTION_ID ? 'skyvern-console.apiKey' : `skyvern-console.apiKey.${id}`;
}

let defaultBaseUrl = 'http://localhost:8000';
let snapshot: ActiveConnection = read();
/** Bumped whenever the active connection, its URL or its key changes; kept in memory only. */
let generation = 0;
const listeners = new Set<() => void>();

function isColor(value: unknown): value is ConnectionColor {
  return typeof value === 'string' && (CONNECTION_COLORS as readonly string[]).includes(value);
}

function readSaved(): SavedConnection[] {
  const saved: SavedConnection[] = [];
  try {
    const parsed: unknown = JSON.parse(safeGet(localStorage, CONNECTIONS_KEY) ?? '[]');
    if (Array.isArray(parsed)) {
      for (const entry of parsed as unknown[]) {
        if (typeof entry !== 'object' || entry === null) continue;
        const { id, name, baseUrl, color } = entry as Record<string, unknown>;
        if (typeof id !== 'string' || typeof name !== 'string' || typeof baseUrl !== 'string') {
          continue;
        }
        saved.push({ id, name, baseUrl, color: isColor(color) ? color : 'slate' });
      }
    }
  } catch {
    // Unreadable: start again from the default connection.
  }
  if (!saved.some((connection) => connection.id === DEFAULT_CONNECTION_ID)) {
    saved.unshift({
      id: DEFAULT_CONNECTION_ID,
      name: 'Default',
      baseUrl: safeGet(localStorage, LEGACY_BASE_URL_KEY) ?? '',
      color: 'blue',
    });
  }
  return saved;
}

function read(): ActiveConnection {
  const all = readSaved().map((connection) =>
    // The default connection without a URL of its own follows the deployment's default target.
    connection.id === DEFAULT_CONNECTION_ID && !connection.baseUrl
      ? { ...connection, baseUrl: defaultBaseUrl }
      : connection,
  );
  const wanted =
    safeGet(sessionStorage, ACTIVE_KEY) ??
    safeGet(localStorage, LAST_ACTIVE_KEY) ??
    DEFAULT_CONNECTION_ID;
  const active = all.find((connection) => connection.id === wanted) ?? all[0];
  if (!active) throw new Error('unreachable: the default connection always exists');
  return {
    ...active,
    apiKey: safeGet(sessionStorage, apiKeyStorageName(active.id)) ?? '',
    all,
  };
}

function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function writeSaved(all: readonly SavedConnection[]) {
  // Names, URLs and colours only: never a key.
  const plain = all.map(({ id, name, baseUrl, color }) => ({ id, name, baseUrl, color }));
  localStorage.setItem(CONNECTIONS_KEY, JSON.stringify(plain));
}

function emit() {
  const previous = snapshot;
  snapshot = read();
  if (
    previous.id !== snapshot.id ||
    previous.baseUrl !== snapshot.baseUrl ||
    previous.apiKey !== snapshot.apiKey
  ) {
    generation += 1;
  }
  listeners.forEach((listener) => listener());
}

/** Trailing slashes are dropped so that paths can always be appended with a leading `/`. */
export function normaliseBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function getConnection(): ActiveConnection {
  return snapshot;
}

/**
 * Names the active connection in query keys: its id, its normalised base URL and a generation
 * that changes with the connection, the URL or the API key. It never contains the key, nor
 * anything derived from it.
 */
export function getConnectionScope(): string {
  return `${snapshot.id}@${normaliseBaseUrl(snapshot.baseUrl)}#${generation}`;
}

/** Sets the active connection's URL and this tab's key for it (and its name or colour). */
export function setConnection(
  next: Connection & { name?: string | undefined; color?: ConnectionColor | undefined },
): void {
  const all = snapshot.all.map((connection) =>
    connection.id === snapshot.id
      ? {
          ...connection,
          baseUrl: normaliseBaseUrl(next.baseUrl),
          name: next.name?.trim() || connection.name,
          color: next.color ?? connection.color,
        }
      : connection,
  );
  writeSaved(all);
  const keyName = apiKeyStorageName(snapshot.id);
  if (next.apiKey) {
    sessionStorage.setItem(keyName, next.apiKey);
    if (snapshot.id === DEFAULT_CONNECTION_ID) sessionStorage.removeItem(KEY_FORGOTTEN_KEY);
  } else sessionStorage.removeItem(keyName);
  emit();
}

/** Adds a connection (without a key) and returns its id. */
export function addConnection(init: Omit<SavedConnection, 'id'>): string {
  const id = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  writeSaved([
    ...snapshot.all,
    { id, name: init.name.trim(), baseUrl: normaliseBaseUrl(init.baseUrl), color: init.color },
  ]);
  emit();
  return id;
}

/** Removes a connection and this tab's key for it; the default connection cannot be removed. */
export function removeConnection(id: string): void {
  if (id === DEFAULT_CONNECTION_ID) return;
  writeSaved(snapshot.all.filter((connection) => connection.id !== id));
  sessionStorage.removeItem(apiKeyStorageName(id));
  if (snapshot.id === id) switchConnection(DEFAULT_CONNECTION_ID);
  else emit();
}

/** Makes `id` this tab's active connection (and the one new tabs start on). */
export function switchConnection(id: string): void {
  if (!snapshot.all.some((connection) => connection.id === id)) return;
  sessionStorage.setItem(ACTIVE_KEY, id);
  localStorage.setItem(LAST_ACTIVE_KEY, id);
  emit();
}

/** Forgets the key for the rest of this tab's life, reloads included (see applyRuntimeDefaults). */
export function forgetApiKey(): void {
  sessionStorage.removeItem(apiKeyStorageName(snapshot.id));
  if (snapshot.id === DEFAULT_CONNECTION_ID) sessionStorage.setItem(KEY_FORGOTTEN_KEY, '1');
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
    current.id === DEFAULT_CONNECTION_ID &&
    !current.apiKey &&
    safeGet(sessionStorage, KEY_FORGOTTEN_KEY) === null &&
    normaliseBaseUrl(current.baseUrl) === defaultBaseUrl &&
    // The sandbox key is local-only: both this page and the API it names must be loopback.
    isLoopbackUrl(window.location.href) &&
    isLoopbackUrl(defaultBaseUrl)
  ) {
    sessionStorage.setItem(apiKeyStorageName(DEFAULT_CONNECTION_ID), config.sandboxApiKey);
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

export function useConnection(): ActiveConnection {
  return useSyncExternalStore(subscribe, getConnection, getConnection);
}
