/*
 * Outgoing HTTP from the Skyvern stand-in (test_connection and custom-vault calls): URL
 * normalisation, the host blocking rules of contract 5.3, manual redirect following with a re-check
 * per hop, and a total timeout. Errors carry aiohttp-like texts because Skyvern puts them in 400/502
 * details.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface HostPolicy {
  /** Hosts exempt from every rule (Skyvern's ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  /** Extra names to block (Skyvern's BLOCKED_HOSTS, default ["localhost"]). */
  blockedHosts: readonly string[];
  /** DNS resolution, replaceable in tests so fuzzing never waits on a resolver. */
  resolve: (hostname: string) => Promise<string[]>;
}

export async function systemResolve(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
}

/** Every failure of an outgoing call; `message` is what Skyvern would show. */
export class OutboundError extends Error {
  override name = 'OutboundError';
}

const BLOCKED_SUFFIXES = ['.local', '.localhost', '.internal', '.cluster.local', '.svc'];
const BLOCKED_NAMES = ['metadata.google.internal', 'kubernetes.default.svc'];
const METADATA_ADDRESSES = ['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254'];

/** Loopback, private, link-local, CGNAT, unique-local, reserved, multicast and unspecified ranges. */
const blockedRanges = (() => {
  const list = new BlockList();
  const v4: Array<[string, number]> = [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ];
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, 'ipv4');
  const v6: Array<[string, number]> = [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['fec0::', 10],
    ['ff00::', 8],
    ['2001:db8::', 32],
    ['100::', 64],
    ['64:ff9b:1::', 48],
  ];
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, 'ipv6');
  for (const address of METADATA_ADDRESSES)
    list.addAddress(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  return list;
})();

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blockedRanges.check(address, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms are judged by their IPv4 address.
  const mapped = /^(?:::ffff:|::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return blockedRanges.check(mapped[1], 'ipv4');
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hexMapped?.[1] !== undefined && hexMapped[2] !== undefined) {
    const high = parseInt(hexMapped[1], 16);
    const low = parseInt(hexMapped[2], 16);
    return blockedRanges.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
  }
  return blockedRanges.check(address, 'ipv6');
}

/** The host as Skyvern names it in messages: no IPv6 brackets. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function isExplicitlyAllowed(host: string, policy: HostPolicy): boolean {
  const lowered = host.toLowerCase();
  return policy.allowedHosts.some(
    (allowed) => allowed.toLowerCase().replace(/^\[(.*)\]$/, '$1') === lowered,
  );
}

/** The name- and literal-based rules; DNS answers are checked separately just before connecting. */
export function isStaticallyBlocked(host: string, policy: HostPolicy): boolean {
  if (isExplicitlyAllowed(host, policy)) return false;
  const lowered = host.toLowerCase().replace(/\.$/, '');
  if (
    lowered === 'localhost' ||
    policy.blockedHosts.some((name) => name.toLowerCase() === lowered)
  ) {
    return true;
  }
  if (
    BLOCKED_NAMES.includes(lowered) ||
    BLOCKED_SUFFIXES.some((suffix) => lowered.endsWith(suffix))
  ) {
    return true;
  }
  return isIP(lowered) !== 0 && isBlockedAddress(lowered);
}

export type UrlCheck =
  { ok: true; url: URL } | { ok: false; reason: 'invalid' | 'blocked'; detail: string };

const MAX_URL_LENGTH = 2083;

/**
 * Skyvern's URL validation for outgoing calls: add `https://` when there is no scheme (so
 * `localhost:8080` has the scheme "localhost"), accept only http(s) up to 2083 characters, collapse
 * `www.www.`, and refuse blocked hosts.
 */
export function validateOutboundUrl(raw: string, policy: HostPolicy): UrlCheck {
  const text = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw) ? raw : `https://${raw}`;
  const scheme = text.slice(0, text.indexOf(':')).toLowerCase();
  if ((scheme !== 'http' && scheme !== 'https') || text.length > MAX_URL_LENGTH) {
    return {
      ok: false,
      reason: 'invalid',
      detail: `Invalid URL: ${text}. Skyvern supports HTTP and HTTPS urls with max 2083 character length.`,
    };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    const emptyHost = /^https?:\/*(?:[/?#]|$)/i.test(text);
    return {
      ok: false,
      reason: 'invalid',
      detail:
        '1 validation error for Url\n' +
        `  Input should be a valid URL, ${emptyHost ? 'empty host' : 'invalid international domain name'} ` +
        `[type=url_parsing, input_value=${JSON.stringify(text).replace(/^"|"$/g, "'")}, input_type=str]\n` +
        '    For further information visit https://errors.pydantic.dev/2.12/v/url_parsing',
    };
  }
  if (url.hostname === '') return { ok: false, reason: 'invalid', detail: 'Invalid URL' };
  if (url.hostname.startsWith('www.www.')) url.hostname = url.hostname.slice(4);
  const host = bareHost(url);
  if (isStaticallyBlocked(host, policy)) {
    return { ok: false, reason: 'blocked', detail: `The host in your url is blocked: ${host}` };
  }
  return { ok: true, url };
}

export interface OutboundResponse {
  status: number;
  contentType: string;
  text: string;
}

interface OutboundRequest {
  method: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

function describeNetworkError(error: unknown, url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const ssl = url.protocol === 'https:' ? 'ssl:default' : 'ssl:False';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  const host = bareHost(url);
  if (code === 'ECONNREFUSED') {
    return `Cannot connect to host ${host}:${port} ${ssl} [Connect call failed ('${host}', ${port})]`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `Cannot connect to host ${host}:${port} ${ssl} [Name or service not known]`;
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return `Cannot connect to host ${host}:${port} ${ssl} [${message}]`;
}

/** Before connecting, a name that is not explicitly allowed must not resolve to a blocked address. */
async function assertResolvable(url: URL, policy: HostPolicy): Promise<void> {
  const host = bareHost(url);
  if (isStaticallyBlocked(host, policy))
    throw new OutboundError(`The host in your url is blocked: ${host}`);
  if (isIP(host) !== 0 || isExplicitlyAllowed(host, policy)) return;
  let addresses: string[];
  try {
    addresses = await policy.resolve(host);
  } catch {
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    throw new OutboundError(
      `Cannot connect to host ${host}:${port} ssl:default [Name or service not known]`,
    );
  }
  if (addresses.length === 0 || addresses.some(isBlockedAddress)) {
    throw new OutboundError(`The host in your url is blocked: ${host}`);
  }
}

/**
 * One outgoing request with manual redirects (each hop re-checked; Authorization dropped across
 * origins; a 301/302/303 answer to a POST becomes a bodiless GET) and a total timeout.
 */
export async function outboundFetch(
  start: URL,
  request: OutboundRequest,
  policy: HostPolicy,
): Promise<OutboundResponse> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  let url = start;
  let method = request.method;
  let body = request.body;
  const headers = { ...request.headers };
  try {
    for (let hop = 0; ; hop += 1) {
      await assertResolvable(url, policy);
      let response: Response;
      try {
        response = await fetch(url, { method, headers, body, redirect: 'manual', signal });
      } catch (error) {
        if (signal.aborted) throw error;
        throw new OutboundError(describeNetworkError(error, url));
      }
      const location = response.headers.get('location');
      if (REDIRECT_STATUSES.has(response.status) && location !== null) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new OutboundError(`Too many redirects: ${url.href}`);
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new OutboundError(`Unsupported redirect URL: ${next.href}`);
        }
        if (next.origin !== url.origin) delete headers['Authorization'];
        if (
          response.status === 303 ||
          ((response.status === 301 || response.status === 302) && method === 'POST')
        ) {
          method = 'GET';
          body = undefined;
        }
        url = next;
        continue;
      }
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        text: await response.text(),
      };
    }
  } catch (error) {
    if (error instanceof OutboundError) throw error;
    if (signal.aborted) {
      throw new OutboundError(
        `Connection timeout to host ${url.href} after ${request.timeoutMs / 1000}s`,
      );
    }
    throw new OutboundError(error instanceof Error ? error.message : String(error));
  }
}

/** aiohttp parses a body as JSON only for `application/json` and `application/*+json`. */
export function isJsonContentType(contentType: string): boolean {
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || /^application\/[^/]*\+json$/.test(type);
}
