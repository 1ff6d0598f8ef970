import { HOTP, Secret, TOTP, URI } from 'otpauth';
import { compactKey, isValidBase32, normaliseBase32Key } from './base32';
import {
  decodeMigrationUri,
  isMigrationUri,
  MigrationDecodeError,
  type MigrationAccount,
  type MigrationPayload,
} from './otp-migration';

/*
 * What an authenticator setup text (a scanned QR, a pasted URI or key, the form field's value)
 * means, checked with the same rules Skyvern applies when it stores a key (contract 3.8), so
 * that what the console accepts Skyvern accepts too.
 */

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpAccount {
  /** Upper-case, unpadded Base32. */
  secret: string;
  issuer: string;
  account: string;
  algorithm: TotpAlgorithm;
  digits: number;
  period: number;
}

export type KeyParseResult =
  | { kind: 'empty' }
  | { kind: 'totp'; totp: TotpAccount; source: 'uri' | 'base32' | 'url-secret' }
  | { kind: 'hotp'; issuer: string; account: string }
  | { kind: 'migration'; payload: MigrationPayload }
  | { kind: 'not-otpauth'; summary: string }
  | { kind: 'invalid'; reason: string };

export const TOTP_DEFAULTS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

const ALGORITHMS: readonly TotpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

/** Messages a person can act on; they never quote the key itself. */
export const keyMessages = {
  hotp:
    'This is a counter-based (HOTP) key. Skyvern only generates time-based (TOTP) codes, so it ' +
    'cannot use it. Ask the site for an "authenticator app" setup, which is time-based.',
  migrationInField:
    'This is a Google Authenticator export, which can hold several accounts. Use "Scan QR code" ' +
    'and paste it under Text to pick the account.',
  notOtpauth:
    'This QR code does not hold an authenticator key (an otpauth:// link). Scan the QR code ' +
    'shown on the site’s two-factor setup screen.',
  invalid:
    'This is not a Base32 setup key or an otpauth:// URI. Setup keys use the letters A–Z and the ' +
    'digits 2–7.',
};

function totpFromUri(uri: string): KeyParseResult {
  const query = uri.slice(uri.indexOf('?') + 1);
  const names = query.split('&').map((pair) => pair.split('=')[0]?.toLowerCase() ?? '');
  if (names.filter((name) => name === 'issuer').length > 1) {
    return { kind: 'invalid', reason: 'The otpauth:// URI names its issuer twice.' };
  }
  let otp: HOTP | TOTP;
  try {
    otp = URI.parse(uri);
  } catch {
    return {
      kind: 'invalid',
      reason:
        'The otpauth:// URI is incomplete or malformed: it needs a label and a valid Base32 secret.',
    };
  }
  if (otp instanceof HOTP) return { kind: 'hotp', issuer: otp.issuer, account: otp.label };
  // otpauth accepts more than Skyvern does: check the parameters the way Skyvern will.
  const rawParam = (name: string) => {
    const pair = query.split('&').find((item) => item.split('=')[0]?.toLowerCase() === name);
    return pair === undefined ? undefined : decodeURIComponent(pair.slice(pair.indexOf('=') + 1));
  };
  const secret = rawParam('secret') ?? '';
  if (!isValidBase32(secret)) {
    return { kind: 'invalid', reason: 'The secret in the otpauth:// URI is not valid Base32.' };
  }
  const algorithm = rawParam('algorithm');
  if (algorithm !== undefined && !ALGORITHMS.includes(algorithm as TotpAlgorithm)) {
    return {
      kind: 'invalid',
      reason: `Skyvern supports the algorithms SHA1, SHA256 and SHA512 (in capitals), not "${algorithm}".`,
    };
  }
  if (otp.digits < 6 || otp.digits > 8) {
    return {
      kind: 'invalid',
      reason: `Skyvern supports codes of 6, 7 or 8 digits, not ${otp.digits}.`,
    };
  }
  return {
    kind: 'totp',
    source: 'uri',
    totp: {
      secret: otp.secret.base32,
      issuer: otp.issuer,
      account: otp.label,
      algorithm: otp.algorithm as TotpAlgorithm,
      digits: otp.digits,
      period: otp.period,
    },
  };
}

function defaultTotp(secret: string): TotpAccount {
  return { secret, issuer: '', account: '', ...TOTP_DEFAULTS };
}

/** A short, secret-free description of a decoded text that is not an authenticator key. */
function summarise(text: string): string {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:')
      return `a web address on ${url.host}`;
    return `a ${url.protocol.replace(/:$/, '')}: link`;
  } catch {
    return 'text';
  }
}

/**
 * Interprets a pasted, typed or scanned text. Whitespace is removed everywhere first, as Skyvern
 * does; a whole percent-encoded URI is decoded.
 */
export function parseAuthenticatorInput(text: string): KeyParseResult {
  if (text.trim() === '') return { kind: 'empty' };
  if (isMigrationUri(text)) {
    try {
      return { kind: 'migration', payload: decodeMigrationUri(text) };
    } catch (error) {
      const reason =
        error instanceof MigrationDecodeError
          ? `This Google Authenticator export could not be read: ${error.message}`
          : 'This Google Authenticator export could not be read.';
      return { kind: 'invalid', reason };
    }
  }
  let compact = text.replace(/\s+/g, '');
  if (/^otpauth%3A/i.test(compact)) {
    try {
      compact = decodeURIComponent(compact);
    } catch {
      return { kind: 'invalid', reason: keyMessages.invalid };
    }
  }
  if (/^otpauth:\/\/totp\//i.test(compact)) return totpFromUri(compact);
  if (/^otpauth:\/\/hotp\//i.test(compact)) {
    const parsed = totpFromUri(compact);
    return parsed.kind === 'hotp' ? parsed : { kind: 'hotp', issuer: '', account: '' };
  }
  if (/^otpauth:/i.test(compact)) {
    return { kind: 'invalid', reason: 'Skyvern only accepts otpauth://totp/ URIs.' };
  }
  const bare = normaliseBase32Key(compactKey(text));
  if (bare) return { kind: 'totp', source: 'base32', totp: defaultTotp(bare) };
  const embedded = /[?&]secret=([^&#\s]+)/i.exec(compact)?.[1];
  if (embedded && isValidBase32(embedded)) {
    return {
      kind: 'totp',
      source: 'url-secret',
      totp: defaultTotp(embedded.replace(/=+$/, '').toUpperCase()),
    };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text.trim())) {
    return { kind: 'not-otpauth', summary: summarise(text.trim()) };
  }
  return { kind: 'invalid', reason: keyMessages.invalid };
}

/** A migration entry as a TotpAccount, or why Skyvern cannot use it. */
export function accountFromMigration(
  entry: MigrationAccount,
): { ok: true; totp: TotpAccount } | { ok: false; reason: string } {
  if (entry.type === 'hotp') return { ok: false, reason: 'Counter-based (HOTP): not supported' };
  if (entry.algorithm === 'MD5') return { ok: false, reason: 'MD5 algorithm: not supported' };
  if (!entry.secret) return { ok: false, reason: 'No secret in the export' };
  let issuer = entry.issuer;
  let account = entry.name;
  const colon = entry.name.indexOf(':');
  if (colon > 0) {
    issuer ||= entry.name.slice(0, colon);
    account = entry.name.slice(colon + 1).trim();
  }
  return {
    ok: true,
    totp: {
      secret: entry.secret,
      issuer,
      account,
      algorithm: entry.algorithm === 'unspecified' ? 'SHA1' : entry.algorithm,
      digits: entry.digits,
      period: 30,
    },
  };
}

export function usesDefaults(totp: TotpAccount): boolean {
  return (
    totp.algorithm === TOTP_DEFAULTS.algorithm &&
    totp.digits === TOTP_DEFAULTS.digits &&
    totp.period === TOTP_DEFAULTS.period
  );
}

/** Plain-language list of what differs from SHA1 / 6 digits / 30 seconds. */
export function nonDefaultSettings(totp: TotpAccount): string[] {
  const differences: string[] = [];
  if (totp.algorithm !== TOTP_DEFAULTS.algorithm) differences.push(`${totp.algorithm} algorithm`);
  if (totp.digits !== TOTP_DEFAULTS.digits) differences.push(`${totp.digits}-digit codes`);
  if (totp.period !== TOTP_DEFAULTS.period) differences.push(`a ${totp.period}-second period`);
  return differences;
}

/** A canonical otpauth://totp URI that Skyvern accepts (upper-case algorithm, no spaces). */
export function toOtpauthUri(totp: TotpAccount): string {
  return URI.stringify(
    new TOTP({
      issuer: totp.issuer,
      label: totp.account || totp.issuer || 'Skyvern',
      secret: Secret.fromBase32(totp.secret),
      algorithm: totp.algorithm,
      digits: totp.digits,
      period: totp.period,
    }),
  );
}

/**
 * What goes into the credential form's `totp`: the bare Base32 key when the settings are the
 * defaults Skyvern assumes, otherwise the full URI so that Skyvern generates the same codes.
 */
export function formValueFor(totp: TotpAccount): string {
  return usesDefaults(totp) ? totp.secret : toOtpauthUri(totp);
}

export interface TotpNow {
  code: string;
  /** Milliseconds until the next code. */
  remainingMs: number;
}

/** The code for `timestamp` (ms since the epoch), and how long it stays valid. */
export function totpAt(totp: TotpAccount, timestamp: number): TotpNow {
  const code = TOTP.generate({
    secret: Secret.fromBase32(totp.secret),
    algorithm: totp.algorithm,
    digits: totp.digits,
    period: totp.period,
    timestamp,
  });
  return { code, remainingMs: TOTP.remaining({ period: totp.period, timestamp }) };
}
