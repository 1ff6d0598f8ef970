/*
 * The proxy-pin fields of a credential (contract 3.9): how create, PATCH and update derive
 * `proxy_location` and `proxy_session_id` from what the body sent.
 */
import { randomBytes } from 'node:crypto';
import type { ProxyLocation } from '../schemas';
import { parseStoredProxyLocation } from '../serialize';
import type { CredentialRow } from '../store';

const ISP = 'RESIDENTIAL_ISP';

export function mintSessionId(): string {
  return randomBytes(5).toString('hex');
}

export function cleanSession(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export interface ProxyState {
  location: ProxyLocation;
  sessionId: string | null;
}

/** Proxy fields on create (3.9). */
export function proxyOnCreate(
  location: ProxyLocation,
  session: string | null,
  pin: boolean,
): ProxyState {
  let state: ProxyState = { location, sessionId: cleanSession(session) };
  if (state.sessionId !== null && state.location === null) state.location = ISP;
  if (state.location !== ISP) state.sessionId = null;
  else if (state.sessionId === null) state.sessionId = mintSessionId();
  if (pin && state.sessionId === null) state = { location: ISP, sessionId: mintSessionId() };
  return state;
}

/** Proxy fields on PATCH and update: only keys present in the body count (3.9). */
export function proxyOnChange(
  current: ProxyState,
  present: ReadonlySet<string>,
  body: {
    proxy_location: ProxyLocation;
    proxy_session_id: string | null;
    rotate_proxy_session_id: boolean | null;
    pin_saved_session_ip: boolean | null;
  },
): ProxyState {
  const state = { ...current };
  const sentSession = present.has('proxy_session_id') ? cleanSession(body.proxy_session_id) : null;
  if (present.has('proxy_location')) {
    if (body.proxy_location === ISP) {
      state.location = ISP;
      state.sessionId = sentSession ?? state.sessionId ?? mintSessionId();
    } else {
      state.location = body.proxy_location;
      state.sessionId = null;
    }
  } else if (present.has('proxy_session_id')) {
    if (sentSession !== null) {
      state.location = ISP;
      state.sessionId = sentSession;
    } else {
      state.location = null;
      state.sessionId = null;
    }
  }
  if (body.rotate_proxy_session_id === true) {
    state.location = ISP;
    state.sessionId = mintSessionId();
  }
  if (body.pin_saved_session_ip === true && state.sessionId === null) {
    state.location = ISP;
    state.sessionId = mintSessionId();
  }
  return state;
}

export function currentProxy(row: CredentialRow): ProxyState {
  return {
    location: parseStoredProxyLocation(row.proxy_location),
    sessionId: row.proxy_session_id,
  };
}

export const serializeProxy = (location: ProxyLocation) =>
  location === null ? null : JSON.stringify(location);
