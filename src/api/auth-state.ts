import { useSyncExternalStore } from 'react';
import type { ApiError } from './client';

/**
 * Whether Skyvern is refusing this tab's API key right now, and in its own words why.
 *
 * Set by the query and mutation caches on a 401/403 (or `404 Organization not found`); while set,
 * background queries are paused (api/query-client.ts) and the layout shows one banner. Cleared
 * when a new key is entered, which resumes them. Holds no secret: only Skyvern's reason.
 */
export interface AuthFailure {
  status: number;
  /** Skyvern's `detail`, e.g. "Your API key has expired. Please retrieve the latest one…". */
  reason: string;
}

let current: AuthFailure | null = null;
const listeners = new Set<() => void>();

function emit() {
  listeners.forEach((listener) => listener());
}

export function reportAuthFailure(error: ApiError): void {
  if (current && current.status === error.status && current.reason === error.message) return;
  current = { status: error.status, reason: error.message };
  emit();
}

export function clearAuthFailure(): void {
  if (current === null) return;
  current = null;
  emit();
}

export function getAuthFailure(): AuthFailure | null {
  return current;
}

export function subscribeAuthFailure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAuthFailure(): AuthFailure | null {
  return useSyncExternalStore(subscribeAuthFailure, getAuthFailure, getAuthFailure);
}
