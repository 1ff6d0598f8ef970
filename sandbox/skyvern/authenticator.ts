/*
 * Authenticator key validation and normalisation (contract 3.8), shared by create, update and the
 * current-code endpoint. The stored form is what Skyvern writes to the vault and sends to a custom
 * credential service as `totp`.
 */
import { decodeBase32 } from '../lib/base32';
import { lenientUnquote } from '../lib/unquote';
import type { TotpAlgorithm, TotpParameters } from '../lib/totp';

export type AuthenticatorErrorCode = 'authenticator_key_required' | 'invalid_authenticator_key';

export type AuthenticatorKeyResult =
  | { ok: true; stored: string; params: TotpParameters }
  | { ok: false; code: AuthenticatorErrorCode };

// Python's str.split() also treats the ASCII separators \x1c–\x1f as whitespace.
// eslint-disable-next-line no-control-regex -- matching those separators is the point
const WHITESPACE = /[\s\x1c-\x1f]/gu;
const ALGORITHMS: readonly TotpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

/** `parse_qsl` semantics: `+` is a space, blank values are dropped. */
function parseQuery(query: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = lenientUnquote((eq === -1 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    const value = eq === -1 ? '' : lenientUnquote(part.slice(eq + 1).replace(/\+/g, ' '));
    if (value === '') continue;
    pairs.push([key, value]);
  }
  return pairs;
}

function parsePositiveInt(text: string): number | null {
  if (!/^[+]?\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** Validates an `otpauth://` URI and returns its TOTP parameters, or null if it is unusable. */
function parseOtpauthUri(uri: string): TotpParameters | null {
  const rest = uri.slice('otpauth://'.length).split('#')[0] ?? '';
  const questionMark = rest.indexOf('?');
  const location = questionMark === -1 ? rest : rest.slice(0, questionMark);
  const query = questionMark === -1 ? '' : rest.slice(questionMark + 1);
  const type = (location.split('/')[0] ?? '').toLowerCase();
  if (type !== 'totp') return null;

  let secret: string | null = null;
  let digits = 6;
  let period = 30;
  let algorithm: TotpAlgorithm = 'SHA1';
  let issuers = 0;
  for (const [key, value] of parseQuery(query)) {
    if (key === 'secret') secret = value;
    else if (key === 'issuer') issuers += 1;
    else if (key === 'digits') {
      const parsed = parsePositiveInt(value);
      if (parsed === null || parsed < 6 || parsed > 8) return null;
      digits = parsed;
    } else if (key === 'period') {
      const parsed = parsePositiveInt(value);
      if (parsed === null) return null;
      period = parsed;
    } else if (key === 'algorithm') {
      const match = ALGORITHMS.find((name) => name === value);
      if (match === undefined) return null;
      algorithm = match;
    }
  }
  // A differing issuer in the label is tolerated; two issuer parameters are ambiguous.
  if (issuers > 1 || secret === null) return null;
  const bytes = decodeBase32(secret);
  if (bytes === null || bytes.length === 0) return null;
  return { secret: bytes, digits, period, algorithm };
}

function rawKeyParameters(key: string): TotpParameters | null {
  if (key === '') return null;
  const bytes = decodeBase32(key);
  if (bytes === null || bytes.length === 0) return null;
  return { secret: bytes, digits: 6, period: 30, algorithm: 'SHA1' };
}

/** Contract 3.8, steps 1–6. */
export function normalizeAuthenticatorKey(
  input: string | null | undefined,
): AuthenticatorKeyResult {
  if (input === null || input === undefined || input.replace(WHITESPACE, '') === '') {
    return { ok: false, code: 'authenticator_key_required' };
  }
  const compact = input.replace(WHITESPACE, '');

  // Step 3: an otpauth URI, possibly percent-encoded as a whole, is validated and kept as a URI.
  let uri: string | null = null;
  if (compact.toLowerCase().startsWith('otpauth://')) {
    uri = compact;
  } else if (compact.toLowerCase().startsWith('otpauth%3a%2f%2f')) {
    const decoded = lenientUnquote(compact);
    if (decoded.toLowerCase().startsWith('otpauth://')) uri = decoded;
  }
  if (uri !== null) {
    const params = parseOtpauthUri(uri);
    return params === null
      ? { ok: false, code: 'invalid_authenticator_key' }
      : { ok: true, stored: uri, params };
  }

  // Step 4: a raw Base32 key, hyphens removed, original letter case kept.
  const raw = compact.replace(/-/g, '');
  const rawParams = rawKeyParameters(raw);
  if (rawParams !== null) return { ok: true, stored: raw, params: rawParams };

  // Step 5: `secret=<value>` anywhere, for example in a non-otpauth URL.
  const match = /secret=([^&#]*)/i.exec(compact);
  if (match?.[1] !== undefined) {
    const params = rawKeyParameters(match[1]);
    if (params !== null) return { ok: true, stored: match[1], params };
  }
  return { ok: false, code: 'invalid_authenticator_key' };
}

export const AUTHENTICATOR_MESSAGES: Record<AuthenticatorErrorCode, string> = {
  authenticator_key_required:
    "Authenticator key is required. Paste the raw setup key or full otpauth:// URI from the website's 2FA setup screen.",
  invalid_authenticator_key:
    "Invalid authenticator key. Paste the raw Base32 setup key or full otpauth:// URI from the website's 2FA setup screen.",
};

/** C7 uses one message for both codes when the key already in the vault is unusable. */
export const SAVED_KEY_INVALID_MESSAGE =
  "Saved authenticator key is invalid. Edit the credential and paste the raw setup key or full otpauth:// URI from the website's 2FA setup screen.";
