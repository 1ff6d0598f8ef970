/*
 * What every parser shares: reading the file's text and JSON with user-facing errors, turning a
 * source's 2FA field into a TotpAccount (or a reason it can't be one), checking cards, and
 * yielding to the page between chunks of work (docs/decisions/import.md, "Speed").
 *
 * Nothing here logs, and no message quotes a value from the file: names of fields and counts only.
 */
import {
  parseAuthenticatorInput,
  TOTP_DEFAULTS,
  type TotpAccount,
  type TotpAlgorithm,
} from '../../../lib/authenticator-key';
import { normaliseBase32Key } from '../../../lib/base32';
import { cardDigits, cardNumberProblem, detectCardBrand, isExpired } from '../../../lib/card';
import { ImportFileError, type ImportEntry, type ImportSourceId, type ParseResult } from '../model';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, trimmed; numbers are accepted and written out; anything else is ''. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A string field kept exactly as it is (passwords and secrets keep their spaces). */
export function raw(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text (UTF-8, a leading byte-order mark removed). */
export function decodeText(bytes: Uint8Array): string {
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    throw new ImportFileError(
      'corrupt',
      'This file is not text (it is not valid UTF-8). Pick the export file itself.',
    );
  }
  return decoded.replace(/^\uFEFF/, '');
}

/** JSON.parse with a message a person can act on; never quotes the file. */
export function parseJson(source: string, what: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    throw new ImportFileError(
      'corrupt',
      `This ${what} is not complete JSON: it may have been cut off or edited. Export it again.`,
    );
  }
}

/* ------------------------------------------------------------------ Yielding to the page */

/** Time between yields. Well under the 200 ms the page may be blocked, even on a slow machine. */
export const SLICE_MS = 25;

export interface Yielder {
  /** Call once per entry: yields to the event loop when the current slice has run long enough. */
  tick(): Promise<void> | undefined;
}

export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createYielder(signal?: AbortSignal): Yielder {
  let sliceStart = performance.now();
  return {
    tick() {
      if (performance.now() - sliceStart < SLICE_MS) return undefined;
      return yieldToPage().then(() => {
        signal?.throwIfAborted();
        sliceStart = performance.now();
      });
    },
  };
}

/* ---------------------------------------------------------------- Building a ParseResult */

/** An entry before it gets its id (Omit distributed over the union's members). */
export type NewEntry = ImportEntry extends infer E
  ? E extends ImportEntry
    ? Omit<E, 'id'>
    : never
  : never;

/** Collects entries and folders with stable ids, in file order. */
export class ResultBuilder {
  readonly entries: ImportEntry[] = [];
  readonly warnings: string[] = [];
  private readonly folderSet = new Set<string>();

  constructor(private readonly source: ImportSourceId) {}

  nextId(): string {
    return `${this.source}-${this.entries.length + 1}`;
  }

  add(entry: NewEntry): void {
    const complete = { ...entry, id: this.nextId() } as ImportEntry;
    if (complete.folder) this.folderSet.add(complete.folder);
    this.entries.push(complete);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  result(): ParseResult {
    return {
      source: this.source,
      entries: this.entries,
      folders: [...this.folderSet],
      warnings: this.warnings,
    };
  }
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/* --------------------------------------------------------------------- Authenticator keys */

export type TotpReading =
  | { kind: 'none' }
  | { kind: 'totp'; totp: TotpAccount }
  /** Skyvern can't hold it (HOTP, Steam…): reason for an unsupported entry or a problem. */
  | { kind: 'unsupported'; reason: string }
  /** It is meant to be a TOTP key but is malformed. */
  | { kind: 'invalid'; reason: string };

export const unsupportedReasons = {
  hotp: 'Counter-based (HOTP) key: Skyvern only generates time-based (TOTP) codes.',
  steam: 'Steam Guard key: Skyvern cannot generate Steam codes.',
  yandex: 'Yandex key: Skyvern cannot generate Yandex codes.',
  motp: 'mOTP key: Skyvern only generates standard time-based (TOTP) codes.',
  passkey: 'Passkey: Skyvern cannot store passkeys.',
};

/**
 * A password manager's 2FA field: a bare Base32 key, an otpauth:// URI, or steam://KEY
 * (Bitwarden's way of marking a Steam key). `fallback` names the login for the issuer/account.
 */
export function readTotpField(
  value: string,
  fallback: { issuer: string; account: string },
): TotpReading {
  const trimmed = value.trim();
  if (trimmed === '') return { kind: 'none' };
  if (/^steam:\/\//i.test(trimmed))
    return { kind: 'unsupported', reason: unsupportedReasons.steam };
  const parsed = parseAuthenticatorInput(trimmed);
  switch (parsed.kind) {
    case 'empty':
      return { kind: 'none' };
    case 'totp': {
      const totp = { ...parsed.totp };
      if (parsed.source !== 'uri' || (!totp.issuer && !totp.account)) {
        totp.issuer ||= fallback.issuer;
        totp.account ||= fallback.account;
      }
      return { kind: 'totp', totp };
    }
    case 'hotp':
      return { kind: 'unsupported', reason: unsupportedReasons.hotp };
    case 'migration':
      return {
        kind: 'invalid',
        reason: 'The 2FA field holds a Google Authenticator export, not one key.',
      };
    case 'not-otpauth':
      return { kind: 'invalid', reason: 'The 2FA field is not a Base32 key or otpauth:// URI.' };
    case 'invalid':
      return { kind: 'invalid', reason: `Bad 2FA key: ${parsed.reason}` };
  }
}

const ALGORITHMS: readonly TotpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

/**
 * An authenticator app's structured entry (Aegis, 2FAS) as a TotpAccount, checked with the
 * rules Skyvern applies (contract 3.8): Base32 key, SHA1/256/512, 6–8 digits.
 */
export function totpFromParts(parts: {
  secret: string;
  issuer: string;
  account: string;
  algorithm: string;
  digits: unknown;
  period: unknown;
}): { ok: true; totp: TotpAccount } | { ok: false; reason: string } {
  const secret = normaliseBase32Key(parts.secret);
  if (!parts.secret.trim()) return { ok: false, reason: 'No secret key in the export.' };
  if (!secret) return { ok: false, reason: 'The secret key is not valid Base32.' };
  const algorithm = (parts.algorithm.trim().toUpperCase() || TOTP_DEFAULTS.algorithm).replace(
    '-',
    '',
  );
  if (!ALGORITHMS.includes(algorithm as TotpAlgorithm)) {
    return { ok: false, reason: 'Skyvern supports the algorithms SHA1, SHA256 and SHA512 only.' };
  }
  const digits = parts.digits === undefined || parts.digits === null ? 6 : Number(parts.digits);
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) {
    return { ok: false, reason: 'Skyvern supports codes of 6, 7 or 8 digits only.' };
  }
  const period = parts.period === undefined || parts.period === null ? 30 : Number(parts.period);
  if (!Number.isInteger(period) || period < 1) {
    return { ok: false, reason: 'The code period is not a whole number of seconds.' };
  }
  return {
    ok: true,
    totp: {
      secret,
      issuer: parts.issuer.trim(),
      account: parts.account.trim(),
      algorithm: algorithm as TotpAlgorithm,
      digits,
      period,
    },
  };
}

/* ---------------------------------------------------------------------------------- Cards */

export interface CardFields {
  cardholder: string;
  number: string;
  expMonth: string;
  expYear: string;
  cvv: string;
}

/** A card's fields normalised (digits only, "01"–"12", four-digit year) and its problems. */
export function checkCard(
  input: CardFields,
  now: Date = new Date(),
): CardFields & { brand: string; problems: string[] } {
  const problems: string[] = [];
  const number = cardDigits(input.number);
  const numberProblem = cardNumberProblem(number);
  if (numberProblem) {
    problems.push(
      number ? numberProblem.replace('This card number', 'The card number') : 'No card number.',
    );
  }
  let expMonth = input.expMonth.trim();
  let expYear = input.expYear.trim();
  const month = Number(expMonth);
  if (!expMonth && !expYear) {
    problems.push('No expiry date.');
  } else if (!/^\d{1,2}$/.test(expMonth) || month < 1 || month > 12) {
    problems.push('The expiry month is not 1–12.');
  } else if (!/^(\d{2}|\d{4})$/.test(expYear)) {
    problems.push('The expiry year is not a two- or four-digit year.');
  } else {
    expMonth = expMonth.padStart(2, '0');
    if (expYear.length === 2) expYear = `20${expYear}`;
    if (isExpired(month, Number(expYear), now)) {
      problems.push(`The card expired at the end of ${expMonth}/${expYear}.`);
    }
  }
  const cvv = input.cvv.trim();
  if (!cvv) problems.push('No security code (CVV) in the export.');
  else if (!/^\d{3,4}$/.test(cvv)) problems.push('The security code is not 3 or 4 digits.');
  if (!input.cardholder.trim()) problems.push('No cardholder name in the export.');
  const brand = detectCardBrand(number)?.label ?? 'Unknown';
  return { cardholder: input.cardholder.trim(), number, expMonth, expYear, cvv, brand, problems };
}

/** The problem of a login without a password (Skyvern's password credentials need one). */
export const missingPassword = 'No password in the export: Skyvern needs one for a login.';
export const missingUsername = 'No username in the export: Skyvern needs one for a login.';

/** What Skyvern requires of a password credential (contract: username and password, min 1). */
export function loginProblems(username: string, password: string): string[] {
  const problems: string[] = [];
  if (username.trim() === '') problems.push(missingUsername);
  if (password === '') problems.push(missingPassword);
  return problems;
}
