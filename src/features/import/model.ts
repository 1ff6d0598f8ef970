/*
 * What every import parser yields, and what the import flow consumes. Parsers run in the browser
 * (see docs/decisions/import.md); their results hold secrets, so they live only in the import's
 * own state: never in storage, the react-query cache, the URL or a log.
 */
import type { TotpAccount } from '../../lib/authenticator-key';

export type ImportSourceId =
  | 'bitwarden-json'
  | 'bitwarden-csv'
  | '1password-1pux'
  | '1password-csv'
  | 'aegis'
  | '2fas'
  | 'google-migration'
  | 'otpauth-list';

interface EntryBase {
  /** Stable within one parse: the row key in the dry run. */
  id: string;
  /** The entry's name in the source, as the user knows it. */
  sourceName: string;
  /** Folder (Bitwarden folder, 1Password vault) to file it under, if the source has one. */
  folder: string | null;
  /**
   * Why this entry can't be imported as it is (bad Base32 key, missing password, failed Luhn
   * check…). Empty when it is valid. Messages never quote a secret.
   */
  problems: string[];
}

export interface PasswordEntry extends EntryBase {
  kind: 'password';
  name: string;
  username: string;
  password: string;
  /** The authenticator key, when the login has one (Bitwarden `login.totp`, 1Password OTP). */
  totp: TotpAccount | null;
  url: string | null;
}

export interface CardEntry extends EntryBase {
  kind: 'card';
  name: string;
  cardholder: string;
  /** Digits only. */
  number: string;
  /** Two digits, "01"–"12". */
  expMonth: string;
  /** Four digits. */
  expYear: string;
  cvv: string;
  /** Skyvern's card_brand wording (Visa, Mastercard…), or "Unknown". */
  brand: string;
}

export interface SecretEntry extends EntryBase {
  kind: 'secret';
  name: string;
  secret: string;
  label: string | null;
}

/** An authenticator key without a login (Aegis, 2FAS, Google, otpauth lists): needs a login. */
export interface AuthenticatorEntry extends EntryBase {
  kind: 'authenticator';
  name: string;
  totp: TotpAccount;
}

/** Something Skyvern can't hold (HOTP, Steam, Yandex, passkeys…): listed, never sent. */
export interface UnsupportedEntry extends EntryBase {
  kind: 'unsupported';
  reason: string;
}

export type ImportEntry =
  PasswordEntry | CardEntry | SecretEntry | AuthenticatorEntry | UnsupportedEntry;

export interface ParseResult {
  source: ImportSourceId;
  entries: ImportEntry[];
  /** Folder names the entries use, in first-seen order. */
  folders: string[];
  /** Non-fatal notes about the file as a whole ("3 items in the trash were left out"). */
  warnings: string[];
}

export type ImportFileErrorCode =
  'needs-password' | 'wrong-password' | 'unknown-format' | 'unsupported-version' | 'corrupt';

/** A file the parser can't read at all. The message is for the user and never quotes a secret. */
export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;

  constructor(code: ImportFileErrorCode, message: string) {
    super(message);
    this.name = 'ImportFileError';
    this.code = code;
  }
}

/** What a parser is given: the file's bytes (and its name), plus the password for encrypted ones. */
export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  password?: string | undefined;
}
