import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  decodeMigrationPayload,
  decodeMigrationUri,
  MigrationDecodeError,
} from './otp-migration';

/*
 * A tiny protobuf *encoder* for MigrationPayload, written independently of the decoder so that
 * the fixtures below are produced by the tests themselves rather than copied from the decoder.
 */
function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}
function field(number: number, wire: number, body: number[]): number[] {
  return [...varint(number * 8 + wire), ...body];
}
function lengthDelimited(number: number, bytes: ArrayLike<number>): number[] {
  return field(number, 2, [...varint(bytes.length), ...Array.from(bytes)]);
}
const text = (value: string) => new TextEncoder().encode(value);

interface EncodeAccount {
  secret: number[];
  name: string;
  issuer?: string;
  algorithm?: number;
  digits?: number;
  type?: number;
  counter?: number;
}
function encodeAccount(account: EncodeAccount): number[] {
  return [
    ...lengthDelimited(1, account.secret),
    ...lengthDelimited(2, text(account.name)),
    ...(account.issuer === undefined ? [] : lengthDelimited(3, text(account.issuer))),
    ...field(4, 0, varint(account.algorithm ?? 1)),
    ...field(5, 0, varint(account.digits ?? 1)),
    ...field(6, 0, varint(account.type ?? 2)),
    ...(account.counter === undefined ? [] : field(7, 0, varint(account.counter))),
  ];
}
function encodePayload(accounts: EncodeAccount[], extra: number[] = []): Uint8Array {
  return new Uint8Array([
    ...accounts.flatMap((account) => lengthDelimited(1, encodeAccount(account))),
    ...field(2, 0, varint(1)),
    ...field(3, 0, varint(1)),
    ...field(4, 0, varint(0)),
    ...field(5, 0, varint(123456789)),
    ...extra,
  ]);
}
function toUri(bytes: Uint8Array): string {
  const base64 = btoa(String.fromCharCode(...bytes));
  return `otpauth-migration://offline?data=${encodeURIComponent(base64)}`;
}

// "Hello!\xDE\xAD\xBE\xEF" is JBSWY3DPEHPK3PXP in Base32.
const HELLO = [0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef];

describe('decodeMigrationUri', () => {
  it('lists every account with its settings', () => {
    const uri = toUri(
      encodePayload([
        { secret: HELLO, name: 'Acme:jane@example.com', issuer: 'Acme' },
        {
          secret: [1, 2, 3, 4, 5],
          name: 'ops@example.com',
          issuer: 'Büro',
          algorithm: 2,
          digits: 2,
        },
        { secret: [9, 9, 9, 9, 9], name: 'legacy', type: 1, counter: 300 },
      ]),
    );
    const payload = decodeMigrationUri(uri);
    expect(payload.version).toBe(1);
    expect(payload.accounts).toEqual([
      {
        secret: 'JBSWY3DPEHPK3PXP',
        name: 'Acme:jane@example.com',
        issuer: 'Acme',
        algorithm: 'SHA1',
        digits: 6,
        type: 'totp',
        counter: 0,
      },
      {
        secret: 'AEBAGBAF',
        name: 'ops@example.com',
        issuer: 'Büro',
        algorithm: 'SHA256',
        digits: 8,
        type: 'totp',
        counter: 0,
      },
      {
        secret: 'BEEQSCIJ',
        name: 'legacy',
        issuer: '',
        algorithm: 'SHA1',
        digits: 6,
        type: 'hotp',
        counter: 300,
      },
    ]);
  });

  it('reads data whose "+" was not percent-encoded, and base64url', () => {
    // 0xfb 0xff encodes to "+/8" in base64: exercise both special characters.
    const bytes = encodePayload([{ secret: [0xfb, 0xff, 0xfb, 0xff, 0xfe], name: 'x' }]);
    const base64 = btoa(String.fromCharCode(...bytes));
    expect(base64).toMatch(/[+/]/);
    const raw = decodeMigrationUri(`otpauth-migration://offline?data=${base64}`);
    const url = decodeMigrationUri(
      `otpauth-migration://offline?data=${base64.replace(/\+/g, '-').replace(/\//g, '_')}`,
    );
    const spaced = decodeMigrationUri(
      `otpauth-migration://offline?data=${base64.replace(/\+/g, ' ')}`,
    );
    expect(raw.accounts[0]?.secret).toBe('7P77X776'); // base64.b32encode in Python;
    expect(url).toEqual(raw);
    expect(spaced).toEqual(raw);
  });

  it('skips unknown fields of every wire type', () => {
    const unknown = [
      ...field(15, 0, varint(7)),
      ...field(16, 1, [1, 2, 3, 4, 5, 6, 7, 8]),
      ...lengthDelimited(17, [1, 2, 3]),
      ...field(18, 5, [1, 2, 3, 4]),
    ];
    const payload = decodeMigrationPayload(encodePayload([{ secret: HELLO, name: 'a' }], unknown));
    expect(payload.accounts).toHaveLength(1);
  });

  it('decodes multi-byte varints (large counters)', () => {
    const payload = decodeMigrationPayload(
      encodePayload([{ secret: HELLO, name: 'a', type: 1, counter: 2 ** 40 + 5 }]),
    );
    expect(payload.accounts[0]?.counter).toBe(2 ** 40 + 5);
  });

  it('rejects truncated, empty and malformed data with a clear error', () => {
    const bytes = encodePayload([{ secret: HELLO, name: 'Acme:jane' }]);
    expect(() => decodeMigrationPayload(bytes.subarray(0, bytes.length - 20))).toThrow(
      MigrationDecodeError,
    );
    expect(() => decodeMigrationPayload(new Uint8Array())).toThrow('no accounts');
    expect(() => decodeMigrationUri('otpauth-migration://offline')).toThrow('no data');
    expect(() => decodeMigrationUri('otpauth-migration://offline?data=%%%')).toThrow(
      MigrationDecodeError,
    );
    expect(() => decodeMigrationUri('otpauth-migration://offline?data=!!!!')).toThrow(
      'not valid base64',
    );
    // Wire type 3 (groups) never appears in this message.
    expect(() => decodeMigrationPayload(new Uint8Array([0x0b]))).toThrow(MigrationDecodeError);
  });

  it('base64ToBytes round-trips arbitrary bytes', () => {
    const bytes = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    expect(base64ToBytes(btoa(String.fromCharCode(...bytes)))).toEqual(bytes);
  });
});
