/*
 * Test-only faults of the reference custom credential service (SANDBOX_TEST_CONTROL=1): make the
 * next matching calls Skyvern sends to the service fail, so a console can be tested against a
 * service that breaks between two of Skyvern's calls (for example the read-back after a create).
 *
 *   POST   /__vault/faults  { method: "GET"|"POST"|"DELETE", status: 400–599, message?, count? }
 *   DELETE /__vault/faults
 *
 * GET and DELETE faults hit item URLs only (`{base}/{id}`), so Test Connection's GET on the
 * collection keeps working; POST faults hit the collection (item creation).
 */
import type { MiddlewareHandler } from 'hono';

export interface VaultFault {
  method: 'GET' | 'POST' | 'DELETE';
  status: number;
  message: string;
  remaining: number;
}

const METHODS = ['GET', 'POST', 'DELETE'] as const;

export class VaultFaults {
  current: VaultFault | null = null;

  /** Validates a POST body; returns an error message or null. */
  set(body: unknown): string | null {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return 'Send a JSON object: { method, status, message?, count? }';
    }
    const { method, status, message, count } = body as Record<string, unknown>;
    const verb = METHODS.find((candidate) => candidate === method);
    if (verb === undefined) return 'method must be GET, POST or DELETE';
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      return 'status must be an HTTP error status (400–599)';
    }
    if (message !== undefined && typeof message !== 'string') return 'message must be a string';
    if (
      count !== undefined &&
      (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
    ) {
      return 'count must be a positive integer';
    }
    this.current = {
      method: verb,
      status,
      message: message ?? 'Injected fault',
      remaining: count ?? 1,
    };
    return null;
  }

  clear(): void {
    this.current = null;
  }

  /** Takes one use of the fault if it applies to this call. */
  take(method: string, path: string, basePath: string): VaultFault | null {
    const fault = this.current;
    if (fault === null || fault.method !== method) return null;
    const onItem = path.startsWith(`${basePath}/`) && path.length > basePath.length + 1;
    const onCollection = path === basePath || path === `${basePath}/`;
    if (method === 'POST' ? !onCollection : !onItem) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.current = null;
    return fault;
  }
}

export function vaultFaultInjection(faults: VaultFaults, basePath: string): MiddlewareHandler {
  return async (c, next) => {
    const fault = faults.take(c.req.method, new URL(c.req.url).pathname, basePath);
    if (fault === null) return next();
    return new Response(JSON.stringify({ error: 'injected_fault', message: fault.message }), {
      status: fault.status,
      headers: { 'content-type': 'application/json' },
    });
  };
}
