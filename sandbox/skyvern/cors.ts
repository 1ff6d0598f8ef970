/*
 * Starlette's CORSMiddleware as Skyvern configures it (contract 1.5): exact allowed origins only,
 * credentials allowed, any method and header, no exposed headers. Also the two framing headers
 * Skyvern sends on every response.
 */
import type { MiddlewareHandler } from 'hono';

/** Marks a response produced "outside the CORS layer" (Skyvern's unhandled 500s). */
export const NO_CORS_HEADER = 'x-sandbox-no-cors';

const ALLOW_METHODS = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT';

/** Skyvern drops every ALLOWED_ORIGINS entry that contains `*`. */
export function filterAllowedOrigins(origins: readonly string[]): string[] {
  return origins.filter((origin) => !origin.includes('*'));
}

function addSecurityHeaders(headers: Headers): void {
  headers.set('x-frame-options', 'DENY');
  headers.set('content-security-policy', "frame-ancestors 'none'");
}

function appendVary(headers: Headers, value: string): void {
  const existing = headers.get('vary');
  headers.set('vary', existing ? `${existing}, ${value}` : value);
}

export function corsAndSecurityHeaders(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(filterAllowedOrigins(allowedOrigins));
  return async (c, next) => {
    const origin = c.req.header('origin');
    const preflight =
      c.req.method === 'OPTIONS' &&
      origin !== undefined &&
      c.req.header('access-control-request-method') !== undefined;
    if (preflight) {
      const headers = new Headers({
        vary: 'Origin',
        'access-control-allow-methods': ALLOW_METHODS,
        'access-control-max-age': '600',
        'access-control-allow-credentials': 'true',
        'content-type': 'text/plain; charset=utf-8',
      });
      const requested = c.req.header('access-control-request-headers');
      if (requested !== undefined) headers.set('access-control-allow-headers', requested);
      addSecurityHeaders(headers);
      if (!allowed.has(origin))
        return new Response('Disallowed CORS origin', { status: 400, headers });
      headers.set('access-control-allow-origin', origin);
      return new Response('OK', { status: 200, headers });
    }

    await next();
    const headers = c.res.headers;
    addSecurityHeaders(headers);
    if (headers.has(NO_CORS_HEADER)) {
      headers.delete(NO_CORS_HEADER);
      return;
    }
    if (origin === undefined) return;
    headers.set('access-control-allow-credentials', 'true');
    if (allowed.has(origin)) {
      headers.set('access-control-allow-origin', origin);
      appendVary(headers, 'Origin');
    }
  };
}
