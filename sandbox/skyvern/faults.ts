/*
 * Test-only fault injection (SANDBOX_TEST_CONTROL=1): delay and/or fail the next matching API
 * requests so the console's resilience can be tested against a real server. Never on by default.
 */
import type { MiddlewareHandler } from 'hono';
import { NO_CORS_HEADER } from './cors';
import { isPlainObject } from './validation';

export interface Fault {
  delayMs: number;
  status: number | null;
  pathPrefix: string | null;
  /** Only requests with this method (upper case), e.g. POST so a bulk delete's list refresh passes. */
  method: string | null;
  /** Requests still to affect; null = until cleared. */
  remaining: number | null;
  detail: string | null;
}

const DEFAULT_DETAILS: Record<number, string> = {
  401: 'Not authenticated',
  403: 'Invalid credentials',
  404: 'Not Found',
  409: 'Credential was modified by another request. Please retry.',
  502: 'Custom credential service returned HTTP 503',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export class FaultState {
  current: Fault | null = null;

  /** Validates a POST /__sandbox/faults body; returns an error message or null. */
  set(body: unknown): string | null {
    if (!isPlainObject(body))
      return 'Send a JSON object: { delayMs?, status?, pathPrefix?, method?, count? }';
    const { delayMs, status, pathPrefix, method, count, detail } = body;
    if (
      delayMs !== undefined &&
      (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > 600_000)
    ) {
      return 'delayMs must be a number of milliseconds between 0 and 600000';
    }
    if (
      status !== undefined &&
      (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
    ) {
      return 'status must be an HTTP error status (400–599)';
    }
    if (
      pathPrefix !== undefined &&
      (typeof pathPrefix !== 'string' || !pathPrefix.startsWith('/'))
    ) {
      return 'pathPrefix must be a path starting with /';
    }
    if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]{1,16}$/.test(method))) {
      return 'method must be an HTTP method such as POST';
    }
    if (
      count !== undefined &&
      (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
    ) {
      return 'count must be a positive integer';
    }
    if (detail !== undefined && typeof detail !== 'string') return 'detail must be a string';
    if (delayMs === undefined && status === undefined) return 'Give delayMs, status or both';
    this.current = {
      delayMs: delayMs ?? 0,
      status: status ?? null,
      pathPrefix: pathPrefix ?? null,
      method: method?.toUpperCase() ?? null,
      remaining: count ?? null,
      detail: detail ?? null,
    };
    return null;
  }

  clear(): void {
    this.current = null;
  }

  /** Takes one use of the fault if it applies to this request. */
  take(path: string, method = 'GET'): Fault | null {
    const fault = this.current;
    if (fault === null || path.startsWith('/__sandbox')) return null;
    if (fault.method !== null && fault.method !== method.toUpperCase()) return null;
    const applies =
      fault.pathPrefix !== null
        ? path.startsWith(fault.pathPrefix)
        : path === '/v1' ||
          path.startsWith('/v1/') ||
          path === '/api/v1' ||
          path.startsWith('/api/v1/');
    if (!applies) return null;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.current = null;
    }
    return fault;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function faultInjection(state: FaultState): MiddlewareHandler {
  return async (c, next) => {
    // Preflights pass untouched, so the fault shows on the request the console actually made.
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
      return next();
    }
    const fault = state.take(new URL(c.req.url).pathname, c.req.method);
    if (fault === null) return next();
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.status === null) return next();
    if (fault.status === 500) {
      // Like Skyvern's unhandled errors: shape 4, and no CORS headers.
      return new Response(JSON.stringify({ error: 'Unexpected error: SandboxFault' }), {
        status: 500,
        headers: { 'content-type': 'application/json', [NO_CORS_HEADER]: '1' },
      });
    }
    const detail =
      fault.detail ?? DEFAULT_DETAILS[fault.status] ?? `Sandbox fault: HTTP ${fault.status}`;
    return new Response(JSON.stringify({ detail }), {
      status: fault.status,
      headers: { 'content-type': 'application/json' },
    });
  };
}
