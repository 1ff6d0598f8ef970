import { base32Encode } from './base32';

/*
 * Google Authenticator's "Transfer accounts" export: `otpauth-migration://offline?data=<base64>`,
 * where data is a protobuf `MigrationPayload`:
 *
 *   message MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2;
 *                              int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5; }
 *   message OtpParameters { bytes secret = 1; string name = 2; string issuer = 3;
 *                           Algorithm algorithm = 4; DigitCount digits = 5; OtpType type = 6;
 *                           int64 counter = 7; }
 *
 * `otpauth` does not read these, and a protobuf library would be a lot of code for seven fields,
 * so this is a small decoder that only knows this message and skips anything else.
 */

export type MigrationAlgorithm = 'SHA1' | 'SHA256' | 'SHA512' | 'MD5' | 'unspecified';

export interface MigrationAccount {
  /** Base32 of the secret bytes, upper case, unpadded. */
  secret: string;
  /** Usually "Issuer:account" or just the account. */
  name: string;
  issuer: string;
  algorithm: MigrationAlgorithm;
  digits: number;
  type: 'totp' | 'hotp' | 'unspecified';
  counter: number;
}

export interface MigrationPayload {
  accounts: MigrationAccount[];
  version: number;
  batchSize: number;
  batchIndex: number;
  /** The same for every part of one export (0 when the export does not say). */
  batchId: number;
}

export class MigrationDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationDecodeError';
  }
}

export function isMigrationUri(text: string): boolean {
  return /^otpauth-migration:\/\//i.test(text.trim());
}

const ALGORITHMS: Record<number, MigrationAlgorithm> = {
  1: 'SHA1',
  2: 'SHA256',
  3: 'SHA512',
  4: 'MD5',
};

/** Decodes an `otpauth-migration://offline?data=...` URI. Throws MigrationDecodeError. */
export function decodeMigrationUri(uri: string): MigrationPayload {
  const trimmed = uri.trim();
  if (!isMigrationUri(trimmed)) throw new MigrationDecodeError('Not an otpauth-migration URI.');
  const query = trimmed.slice(trimmed.indexOf('?') + 1);
  const raw = query
    .split('&')
    .find((pair) => pair.startsWith('data='))
    ?.slice('data='.length);
  if (!raw) throw new MigrationDecodeError('The export has no data.');
  let base64: string;
  try {
    // decodeURIComponent, not URLSearchParams: the latter turns a literal "+" into a space.
    base64 = decodeURIComponent(raw);
  } catch {
    throw new MigrationDecodeError('The export data is not correctly encoded.');
  }
  return decodeMigrationPayload(base64ToBytes(base64));
}

export function base64ToBytes(text: string): Uint8Array {
  const standard = text
    .replace(/\s/g, '+') // a "+" that went through form decoding comes back as a space
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(standard) || standard.length % 4 === 1) {
    throw new MigrationDecodeError('The export data is not valid base64.');
  }
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

class Reader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  varint(): number {
    let result = 0;
    let multiplier = 1;
    for (let i = 0; i < 10; i++) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new MigrationDecodeError('The export data is truncated.');
      result += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) return result;
      multiplier *= 128;
    }
    throw new MigrationDecodeError('The export data has a malformed number.');
  }

  bytesField(): Uint8Array {
    const length = this.varint();
    const end = this.offset + length;
    if (end > this.bytes.length) throw new MigrationDecodeError('The export data is truncated.');
    const slice = this.bytes.subarray(this.offset, end);
    this.offset = end;
    return slice;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.advance(8);
    else if (wireType === 2) this.bytesField();
    else if (wireType === 5) this.advance(4);
    else throw new MigrationDecodeError('The export data is not a Google Authenticator export.');
  }

  private advance(count: number) {
    if (this.offset + count > this.bytes.length) {
      throw new MigrationDecodeError('The export data is truncated.');
    }
    this.offset += count;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function decodeAccount(bytes: Uint8Array): MigrationAccount {
  const reader = new Reader(bytes);
  const account: MigrationAccount = {
    secret: '',
    name: '',
    issuer: '',
    algorithm: 'unspecified',
    digits: 6,
    type: 'unspecified',
    counter: 0,
  };
  while (!reader.done) {
    const tag = reader.varint();
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (field === 1 && wireType === 2) account.secret = base32Encode(reader.bytesField());
    else if (field === 2 && wireType === 2) account.name = utf8.decode(reader.bytesField());
    else if (field === 3 && wireType === 2) account.issuer = utf8.decode(reader.bytesField());
    else if (field === 4 && wireType === 0)
      account.algorithm = ALGORITHMS[reader.varint()] ?? 'unspecified';
    else if (field === 5 && wireType === 0) account.digits = reader.varint() === 2 ? 8 : 6;
    else if (field === 6 && wireType === 0) {
      const type = reader.varint();
      account.type = type === 1 ? 'hotp' : type === 2 ? 'totp' : 'unspecified';
    } else if (field === 7 && wireType === 0) account.counter = reader.varint();
    else reader.skip(wireType);
  }
  return account;
}

export function decodeMigrationPayload(bytes: Uint8Array): MigrationPayload {
  const reader = new Reader(bytes);
  const payload: MigrationPayload = {
    accounts: [],
    version: 0,
    batchSize: 1,
    batchIndex: 0,
    batchId: 0,
  };
  while (!reader.done) {
    const tag = reader.varint();
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (field === 1 && wireType === 2) payload.accounts.push(decodeAccount(reader.bytesField()));
    else if (field === 2 && wireType === 0) payload.version = reader.varint();
    else if (field === 3 && wireType === 0) payload.batchSize = reader.varint();
    else if (field === 4 && wireType === 0) payload.batchIndex = reader.varint();
    else if (field === 5 && wireType === 0) payload.batchId = reader.varint();
    else reader.skip(wireType);
  }
  if (payload.accounts.length === 0) {
    throw new MigrationDecodeError('The export holds no accounts.');
  }
  return payload;
}
