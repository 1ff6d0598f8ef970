import { ApiError, apiRequest } from '../../api/client';
import type { Connection } from '../../api/connection';
import { credentialListResponse } from '../../api/response-guards';

export type ConnectionTestResult =
  | { ok: true }
  | {
      ok: false;
      reason: 'auth' | 'not-skyvern' | 'cors' | 'csp' | 'unreachable' | 'timeout' | 'other';
      message: string;
    };

/** The cheapest authenticated call Skyvern has: one credential from the list. */
export async function testConnection(connection: Connection): Promise<ConnectionTestResult> {
  try {
    await apiRequest({
      path: '/v1/credentials',
      query: { page: 1, page_size: 1 },
      schema: credentialListResponse,
      connection,
      timeoutMs: 10_000,
    });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { ok: false, reason: classify(error), message: error.message };
  }
}

function classify(error: ApiError): Exclude<ConnectionTestResult, { ok: true }>['reason'] {
  if (error.isAuthError) return 'auth';
  if (error.kind === 'http' && (error.status === 404 || error.status === 405)) return 'not-skyvern';
  if (error.kind === 'invalid-response') return 'not-skyvern';
  if (error.kind === 'cors') return 'cors';
  if (error.kind === 'csp') return 'csp';
  if (error.kind === 'network') return 'unreachable';
  if (error.kind === 'timeout') return 'timeout';
  return 'other';
}
