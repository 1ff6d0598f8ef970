import { ApiError, originOf, unreachable } from './client';
import { normaliseBaseUrl } from './connection';

/**
 * A `fetch` TypeError means either nothing answered, the browser hid the answer (CORS), or the
 * console's own CSP refused the connection.
 * An opaque `no-cors` request tells them apart: it succeeds whenever the server answers at all.
 */
export async function diagnoseNetworkFailure(
  baseUrl: string,
  answeredOrigins: ReadonlySet<string>,
  blockedByPolicy: ReadonlySet<string>,
): Promise<ApiError> {
  let reachable = false;
  try {
    await fetch(normaliseBaseUrl(baseUrl) + '/', {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(5_000),
    });
    reachable = true;
  } catch {
    reachable = false;
  }
  // The browser reports CSP violations as queued events, after the fetch has already failed.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const target = originOf(baseUrl);
  if (blockedByPolicy.has(target)) {
    return new ApiError({
      status: 0,
      kind: 'csp',
      message:
        `This console's Content-Security-Policy does not allow connections to ${target}. ` +
        `Whoever serves the console must add that origin to the policy's connect-src ` +
        `(with npm start: CONSOLE_CONNECT_SRC="${target}").`,
    });
  }
  if (reachable && answeredOrigins.has(target)) {
    return new ApiError({
      status: 0,
      kind: 'unreadable',
      message:
        `Skyvern at ${baseUrl} answered, but without the headers that let the browser read the answer. ` +
        `Earlier requests from this tab worked, so Skyvern may have crashed on this request ` +
        `(it sends unexpected server errors without those headers) or a proxy in between stripped them. ` +
        `Try again; if it keeps happening, check Skyvern's logs.`,
    });
  }
  if (reachable) {
    const origin = globalThis.location?.origin ?? 'this console';
    return new ApiError({
      status: 0,
      kind: 'cors',
      message:
        `Skyvern at ${baseUrl} answered, but the browser blocked the response. ` +
        `Add this console's origin (${origin}) to Skyvern's ALLOWED_ORIGINS setting, or serve both behind one origin.`,
    });
  }
  return unreachable(baseUrl);
}
