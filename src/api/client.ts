import { getConnection, normaliseBaseUrl, type Connection } from './connection';
import { parseErrorBody } from './response-guards';

/**
 * What went wrong, in a form every screen can act on:
 * - `http`: Skyvern answered with a non-2xx status;
 * - `cors`: the browser blocked the response and nothing from that server was readable in this tab
 *   yet (Skyvern's ALLOWED_ORIGINS most likely does not list us);
 * - `unreadable`: the same blocked response after earlier requests to that server worked: the
 *   server most likely crashed (Skyvern sends unhandled 500s without CORS headers) or a proxy
 *   stripped the headers. Never blamed on ALLOWED_ORIGINS;
 * - `csp`: the console's own Content-Security-Policy does not allow connecting to that origin;
 * - `network`: nothing answered at all;
 * - `timeout`: no answer within the request's time limit;
 * - `invalid-response`: a 2xx whose body does not match the contract;
 * - `aborted`: the caller cancelled (react-query does this when a query is no longer needed).
 */
export type ApiErrorKind =
  'http' | 'cors' | 'unreadable' | 'csp' | 'network' | 'timeout' | 'invalid-response' | 'aborted';

export class ApiError extends Error {
  readonly status: number;
  readonly kind: ApiErrorKind;
  /** Field path (e.g. `credential.password`, `name`, `query.search`) → message, from 422/400s. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Skyvern's structured `error_code`, e.g. `invalid_authenticator_key`. */
  readonly code: string | undefined;

  constructor(init: {
    status: number;
    kind: ApiErrorKind;
    message: string;
    fieldErrors?: Record<string, string>;
    code?: string | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.kind = init.kind;
    this.fieldErrors = init.fieldErrors ?? {};
    this.code = init.code;
  }

  /**
   * Skyvern refused the API key: 401/403 (missing, wrong, expired or revoked), or the 404
   * `Organization not found` of a key whose organisation no longer exists (contract 1.3).
   */
  get isAuthError(): boolean {
    if (this.kind !== 'http') return false;
    if (this.status === 401 || this.status === 403) return true;
    return this.status === 404 && this.message === ORGANIZATION_NOT_FOUND;
  }

  /** Worth offering "Try again": the request may succeed unchanged. */
  get isRetryable(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'cors' ||
      this.kind === 'unreadable' ||
      (this.kind === 'http' && (this.status >= 500 || this.status === 409 || this.status === 429))
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;

/** Any zod schema (classic or mini): the client only needs `safeParse`. */
export interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path under the Skyvern base URL, starting with `/v1/`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Schema the 2xx body must match. Omit for empty-body responses (204). */
  schema?: ResponseSchema<T>;
  signal?: AbortSignal | undefined;
  /** Milliseconds before the request is abandoned as a timeout. */
  timeoutMs?: number;
  /** Overrides the tab's connection, e.g. to test new settings before saving them. */
  connection?: Connection;
}

/** Contract 1.3: a key whose organisation is gone gets this 404 detail on every route. */
const ORGANIZATION_NOT_FOUND = 'Organization not found';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Create, update, delete and totp-code may wait on a custom credential service, which Skyvern
 * gives 30 s per call and up to two calls (contract 6.2–6.3): up to about 60 s in all. 75 s leaves
 * room for Skyvern's own work before the console gives up.
 */
export const VAULT_BOUND_TIMEOUT_MS = 75_000;

/** Origins that answered a readable response in this tab: CORS works there. */
const answeredOrigins = new Set<string>();

export function buildUrl(
  baseUrl: string,
  path: string,
  query?: Record<string, QueryValue>,
): string {
  const url = new URL(normaliseBaseUrl(baseUrl) + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** The one place the console calls Skyvern. */
export async function apiRequest<T = void>(options: RequestOptions<T>): Promise<T> {
  const connection = options.connection ?? getConnection();
  let url: string;
  try {
    url = buildUrl(connection.baseUrl, options.path, options.query);
  } catch {
    throw new ApiError({
      status: 0,
      kind: 'network',
      message: `The Skyvern API URL "${connection.baseUrl}" is not a valid URL. Check it on the Connection page.`,
    });
  }

  // A plain timer rather than AbortSignal.timeout, so that tests can run the clock forward.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal
    ? AbortSignal.any([options.signal, timeout.signal])
    : timeout.signal;
  try {
    return await send(options, connection, url, signal, () => timeout.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

async function send<T>(
  options: RequestOptions<T>,
  connection: Connection,
  url: string,
  signal: AbortSignal,
  timedOut: () => boolean,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (connection.apiKey) headers['x-api-key'] = connection.apiKey;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    if (options.signal?.aborted) {
      throw new ApiError({ status: 0, kind: 'aborted', message: 'The request was cancelled.' });
    }
    if (timedOut()) {
      throw new ApiError({
        status: 0,
        kind: 'timeout',
        message: `Skyvern at ${connection.baseUrl} did not answer in time. It may be overloaded or unreachable; try again.`,
      });
    }
    throw await diagnoseNetworkFailure(connection.baseUrl);
  }
  // Any readable answer, even an error status, proves the browser may read this server.
  answeredOrigins.add(originOf(connection.baseUrl));

  if (!response.ok) throw await errorFromResponse(response);

  if (!options.schema) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw invalidResponse(connection.baseUrl);
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) throw invalidResponse(connection.baseUrl);
  return parsed.data;
}

function invalidResponse(baseUrl: string): ApiError {
  return new ApiError({
    status: 0,
    kind: 'invalid-response',
    message: `${baseUrl} answered, but not in the shape Skyvern's API uses. Is this the Skyvern API URL?`,
  });
}

/** Origins the page's Content-Security-Policy refused to connect to (connect-src). */
const blockedByPolicy = new Set<string>();
if (typeof document !== 'undefined') {
  document.addEventListener('securitypolicyviolation', (event) => {
    if (event.effectiveDirective !== 'connect-src') return;
    try {
      blockedByPolicy.add(new URL(event.blockedURI).origin);
    } catch {
      // blockedURI can be a keyword such as "inline"; nothing to record.
    }
  });
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * Why a `fetch` failed (./network-diagnosis.ts), loaded only when one does: its messages are no
 * part of the first load. Should even that chunk not load, nothing answered.
 */
async function diagnoseNetworkFailure(baseUrl: string): Promise<ApiError> {
  try {
    const diagnosis = await import('./network-diagnosis');
    return await diagnosis.diagnoseNetworkFailure(baseUrl, answeredOrigins, blockedByPolicy);
  } catch {
    return unreachable(baseUrl);
  }
}

export function unreachable(baseUrl: string): ApiError {
  return new ApiError({
    status: 0,
    kind: 'network',
    message: `Could not reach Skyvern at ${baseUrl}. Check that it is running and that the URL is right.`,
  });
}

/** Normalises Skyvern's error bodies (contract section 1.4) into one ApiError. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const status = response.status;
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const data = parseErrorBody(body);
  const fallback = statusMessage(status);

  if (!data) return new ApiError({ status, kind: 'http', message: fallback });

  if ('error' in data && typeof data.error === 'string') {
    return new ApiError({
      status,
      kind: 'http',
      message: `Skyvern hit an unexpected error (${data.error}). Try again; if it keeps happening, check Skyvern's logs.`,
    });
  }
  if (!('detail' in data)) return new ApiError({ status, kind: 'http', message: fallback });
  const detail = data.detail;

  if (typeof detail === 'string') {
    return new ApiError({ status, kind: 'http', message: detail || fallback });
  }
  if (Array.isArray(detail)) {
    const fieldErrors: Record<string, string> = {};
    const messages: string[] = [];
    for (const item of detail) {
      const path = fieldPath(item.loc);
      const message = item.msg;
      if (path && !(path in fieldErrors)) fieldErrors[path] = message;
      messages.push(path ? `${path}: ${message}` : message);
    }
    return new ApiError({
      status,
      kind: 'http',
      message: messages.length ? `Skyvern rejected the request. ${messages[0]}` : fallback,
      fieldErrors,
    });
  }
  // Structured authenticator errors: { error_code, message }.
  const fieldErrors: Record<string, string> = detail.error_code?.includes('authenticator')
    ? { 'credential.totp': detail.message }
    : {};
  return new ApiError({
    status,
    kind: 'http',
    message: detail.message,
    code: detail.error_code,
    fieldErrors,
  });
}

/**
 * `["body", "credential", "function-after[..., NonEmptyPasswordCredential]", "password"]`
 * becomes `credential.password`. The union tag's spelling is unstable, so anything that is not a
 * plain identifier is dropped rather than parsed.
 */
export function fieldPath(loc: ReadonlyArray<string | number>): string {
  const parts = loc.filter((part, index) => {
    if (index === 0 && (part === 'body' || part === 'query' || part === 'path')) {
      return part !== 'body';
    }
    return typeof part === 'number' || /^[A-Za-z_][A-Za-z0-9_]*$/.test(part);
  });
  return parts
    .filter((part) => !/^(NonEmpty\w*Credential|SecretCredential)$/.test(String(part)))
    .join('.');
}

/** For tests: forget which servers answered, as a new tab would. */
export function resetAnsweredOriginsForTests(): void {
  answeredOrigins.clear();
}

function statusMessage(status: number): string {
  if (status === 401 || status === 403)
    return 'Skyvern refused the API key. Check it on the Connection page.';
  if (status === 404) return 'Skyvern could not find what was asked for.';
  if (status === 405) return 'Skyvern does not accept this request here.';
  if (status === 413) return 'The request was too large.';
  if (status === 429) return 'Skyvern is rate-limiting requests. Wait a moment and try again.';
  if (status === 502) return 'Skyvern could not reach a service it depends on. Try again.';
  if (status === 503) return 'Skyvern is too busy right now. Try again in a moment.';
  if (status >= 500) return `Skyvern answered with a server error (HTTP ${status}). Try again.`;
  return `Skyvern rejected the request (HTTP ${status}).`;
}
