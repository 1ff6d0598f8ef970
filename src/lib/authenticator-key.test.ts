import { describe, expect, it } from 'vitest';
import {
  accountFromMigration,
  formValueFor,
  keyMessages,
  nonDefaultSettings,
  parseAuthenticatorInput,
  toOtpauthUri,
  totpAt,
  type TotpAccount,
} from './authenticator-key';
import { base32Encode, isValidBase32, normaliseBase32Key } from './base32';

/**
 * RFC 6238 with the platform's Web Crypto HMAC, independent of the otpauth package (and its
 * bundled hash implementations) that the console uses.
 */
async function referenceTotp(
  secret: Uint8Array,
  timestampMs: number,
  { algorithm = 'SHA-1', digits = 6, period = 30 } = {},
): Promise<string> {
  const counter = Math.floor(timestampMs / 1000 / period);
  const message = new Uint8Array(8);
  new DataView(message.buffer).setBigUint64(0, BigInt(counter));
  const key = await crypto.subtle.importKey(
    'raw',
    new Uint8Array(secret),
    { name: 'HMAC', hash: algorithm },
    false,
    ['sign'],
  );
  const hmac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const binary = new DataView(hmac.buffer).getUint32(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

const HELLO_SECRET = new Uint8Array([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]);

describe('Base32 normalisation', () => {
  it('removes spaces and hyphens and folds case', () => {
    expect(normaliseBase32Key('jbsw y3dp-ehpk 3pxp')).toBe('JBSWY3DPEHPK3PXP');
    expect(normaliseBase32Key(' JBSW\tY3DP\nEHPK 3PXP ')).toBe('JBSWY3DPEHPK3PXP');
    expect(normaliseBase32Key('JBSWY3DPEHPK3PX=')).toBe('JBSWY3DPEHPK3PX');
  });

  it.each([
    ['JBSWY3DPEHPK3PXP', true],
    ['jbswy3dpehpk3pxp', true],
    ['hello', true], // structural, not a strength check (contract 3.8)
    ['JBSWY3DPEHPK3PX1', false],
    ['12345678', false],
    ['A', false],
    ['ABC', false], // length 3 mod 8 is not a valid Base32 length
    ['AB======', true],
    ['AB=', false], // padding only when the padded length is a multiple of 8
    ['', false],
  ])('isValidBase32(%j) is %s', (input, valid) => {
    expect(isValidBase32(input)).toBe(valid);
  });

  it('encodes bytes like RFC 4648 test vectors', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(base32Encode(bytes(''))).toBe('');
    expect(base32Encode(bytes('f'))).toBe('MY');
    expect(base32Encode(bytes('fo'))).toBe('MZXQ');
    expect(base32Encode(bytes('foo'))).toBe('MZXW6');
    expect(base32Encode(bytes('foob'))).toBe('MZXW6YQ');
    expect(base32Encode(bytes('fooba'))).toBe('MZXW6YTB');
    expect(base32Encode(bytes('foobar'))).toBe('MZXW6YTBOI');
  });
});

describe('parseAuthenticatorInput', () => {
  it('reads an otpauth URI with issuer and account', () => {
    const result = parseAuthenticatorInput(
      'otpauth://totp/Acme%20Corp:jane@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Corp',
    );
    expect(result).toEqual({
      kind: 'totp',
      source: 'uri',
      totp: {
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'Acme Corp',
        account: 'jane@example.com',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      },
    });
  });

  it('removes whitespace anywhere and decodes a wholly percent-encoded URI (contract 3.8)', () => {
    const spaced = parseAuthenticatorInput(
      'otpauth://totp/Acme:jane?secret=JBSW Y3DP EHPK 3PXP&issuer=Acme',
    );
    expect(spaced.kind === 'totp' && spaced.totp.secret).toBe('JBSWY3DPEHPK3PXP');
    const encoded = parseAuthenticatorInput(
      encodeURIComponent('otpauth://totp/Acme:jane?secret=JBSWY3DPEHPK3PXP&issuer=Acme'),
    );
    expect(encoded.kind === 'totp' && encoded.totp.account).toBe('jane');
  });

  it('reads non-default settings', () => {
    const result = parseAuthenticatorInput(
      'otpauth://totp/GitHub:ops?secret=JBSWY3DPEHPK3PXP&algorithm=SHA256&digits=8&period=60',
    );
    expect(result.kind).toBe('totp');
    if (result.kind !== 'totp') return;
    expect(result.totp).toMatchObject({ algorithm: 'SHA256', digits: 8, period: 60 });
    expect(nonDefaultSettings(result.totp)).toEqual([
      'SHA256 algorithm',
      '8-digit codes',
      'a 60-second period',
    ]);
  });

  it('accepts a bare key with spaces, dashes and lower case', () => {
    expect(parseAuthenticatorInput('jbsw-y3dp ehpk-3pxp')).toEqual({
      kind: 'totp',
      source: 'base32',
      totp: {
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: '',
        account: '',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      },
    });
  });

  it('takes secret= from a non-otpauth URL, as Skyvern does', () => {
    const result = parseAuthenticatorInput('https://acme.example/2fa?secret=JBSWY3DPEHPK3PXP');
    expect(result.kind === 'totp' && result.source).toBe('url-secret');
  });

  it('rejects HOTP with an explanation', () => {
    const result = parseAuthenticatorInput(
      'otpauth://hotp/Acme:jane?secret=JBSWY3DPEHPK3PXP&counter=3',
    );
    expect(result).toEqual({ kind: 'hotp', issuer: 'Acme', account: 'jane' });
    expect(keyMessages.hotp).toMatch(/time-based/);
  });

  it('recognises a plain URL without quoting it', () => {
    expect(parseAuthenticatorInput('https://example.com/welcome')).toEqual({
      kind: 'not-otpauth',
      summary: 'a web address on example.com',
    });
  });

  it.each([
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5', /6, 7 or 8 digits/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=sha256', /in capitals/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA224', /SHA1, SHA256 and SHA512/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PX1', /malformed|Base32/],
    ['otpauth://totp/x?secret=ABC', /Base32/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&issuer=A&issuer=B', /issuer twice/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0', /malformed/],
    ['otpauth://steam/x?secret=JBSWY3DPEHPK3PXP', /otpauth:\/\/totp/],
    ['12345678', /not a Base32/],
    ['A', /not a Base32/],
  ])('rejects %s', (input, reason) => {
    const result = parseAuthenticatorInput(input);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toMatch(reason);
  });

  it('returns empty for blank input', () => {
    expect(parseAuthenticatorInput('  ')).toEqual({ kind: 'empty' });
  });

  it('never quotes the secret in a reason', () => {
    for (const input of [
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PX1',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9',
      'JBSWY3DPEHPK3PX1',
    ]) {
      const result = parseAuthenticatorInput(input);
      expect(JSON.stringify(result)).not.toContain('JBSWY3DPEHPK3PX');
    }
  });
});

describe('form value (contract 3.8)', () => {
  const base: TotpAccount = {
    secret: 'JBSWY3DPEHPK3PXP',
    issuer: 'Acme',
    account: 'jane@example.com',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  };

  it('is the bare key for default settings', () => {
    expect(formValueFor(base)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('is a canonical URI Skyvern accepts when settings differ, and parses back the same', () => {
    const custom = { ...base, algorithm: 'SHA512' as const, digits: 8, period: 60 };
    const value = formValueFor(custom);
    expect(value).toMatch(/^otpauth:\/\/totp\//);
    expect(value).toContain('algorithm=SHA512');
    expect(value).not.toMatch(/\s/);
    const back = parseAuthenticatorInput(value);
    expect(back.kind === 'totp' && back.totp).toEqual(custom);
    expect(toOtpauthUri(custom)).toBe(value);
  });

  it('maps migration entries, splitting "Issuer:account"', () => {
    expect(
      accountFromMigration({
        secret: 'JBSWY3DPEHPK3PXP',
        name: 'Acme:jane',
        issuer: '',
        algorithm: 'unspecified',
        digits: 6,
        type: 'totp',
        counter: 0,
      }),
    ).toEqual({
      ok: true,
      totp: { ...base, account: 'jane', issuer: 'Acme' },
    });
    expect(
      accountFromMigration({
        secret: 'JBSWY3DPEHPK3PXP',
        name: 'x',
        issuer: '',
        algorithm: 'SHA1',
        digits: 6,
        type: 'hotp',
        counter: 1,
      }).ok,
    ).toBe(false);
  });
});

describe('code generation at fixed times', () => {
  const hello: TotpAccount = {
    secret: 'JBSWY3DPEHPK3PXP',
    issuer: '',
    account: '',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  };

  it.each([0, 59_000, 1_111_111_109_000, 1_234_567_890_000, 2_000_000_000_000, 1_763_780_000_123])(
    'matches an independent RFC 6238 implementation at %i ms',
    async (timestamp) => {
      expect(totpAt(hello, timestamp).code).toBe(await referenceTotp(HELLO_SECRET, timestamp));
      const custom = { ...hello, algorithm: 'SHA256' as const, digits: 8, period: 60 };
      expect(totpAt(custom, timestamp).code).toBe(
        await referenceTotp(HELLO_SECRET, timestamp, {
          algorithm: 'SHA-256',
          digits: 8,
          period: 60,
        }),
      );
    },
  );

  it('reproduces the RFC 6238 appendix B vectors', () => {
    // Seeds are the ASCII strings from the RFC, 20/32/64 bytes for SHA1/SHA256/SHA512.
    const seed = (length: number) =>
      base32Encode(new TextEncoder().encode('1234567890'.repeat(7).slice(0, length)));
    const vectors: Array<[number, string, string, string]> = [
      [59, '94287082', '46119246', '90693936'],
      [1111111109, '07081804', '68084774', '25091201'],
      [1234567890, '89005924', '91819424', '93441116'],
      [20000000000, '65353130', '77737706', '47863826'],
    ];
    for (const [seconds, sha1, sha256, sha512] of vectors) {
      const at = (algorithm: TotpAccount['algorithm'], length: number) =>
        totpAt({ ...hello, secret: seed(length), algorithm, digits: 8 }, seconds * 1000).code;
      expect(at('SHA1', 20)).toBe(sha1);
      expect(at('SHA256', 32)).toBe(sha256);
      expect(at('SHA512', 64)).toBe(sha512);
    }
  });

  it('counts down to the period boundary in milliseconds', () => {
    expect(totpAt(hello, 1_000_000_010_000).remainingMs).toBe(10_000);
    expect(totpAt({ ...hello, period: 60 }, 61_500).remainingMs).toBe(58_500);
  });
});
