/*
 * Contract 3.8 (authenticator key normalisation, with the contract's examples) and 3.7 (the current
 * code, computed for real per RFC 6238 and checked against the RFC's test vectors).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../lib/base32';
import { normalizeAuthenticatorKey } from '../skyvern/authenticator';
import { expectObject, passwordBody, startTestSandbox, type TestSandbox } from './helpers';

function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

const SHA1_SEED = base32(Buffer.from('12345678901234567890'));
const SHA256_SEED = base32(Buffer.from('12345678901234567890123456789012'));
const SHA512_SEED = base32(Buffer.from('1234567890'.repeat(6) + '1234'));

describe('normalizeAuthenticatorKey (3.8)', () => {
  it.each([
    ['JBSWY3DPEHPK3PXP', 'JBSWY3DPEHPK3PXP'],
    ['JBSW-Y3DP-EHPK-3PXP', 'JBSWY3DPEHPK3PXP'],
    [
      'otpauth://totp/Acme:jane?secret=JBSW Y3DP EHPK 3PXP&issuer=Acme',
      'otpauth://totp/Acme:jane?secret=JBSWY3DPEHPK3PXP&issuer=Acme',
    ],
    ['https://acme.example/2fa?secret=JBSWY3DPEHPK3PXP', 'JBSWY3DPEHPK3PXP'],
    ['jbsw y3dp-ehpk 3pxp', 'jbswy3dpehpk3pxp'],
    [' JBSW\tY3DP\nEHPK 3PXP ', 'JBSWY3DPEHPK3PXP'],
    ['hello', 'hello'],
    ['JBSWY3DPEE======', 'JBSWY3DPEE======'],
    [
      'otpauth%3A%2F%2Ftotp%2FAcme%3Ajane%3Fsecret%3DJBSWY3DPEHPK3PXP%26digits%3D8',
      'otpauth://totp/Acme:jane?secret=JBSWY3DPEHPK3PXP&digits=8',
    ],
    [
      'otpauth://totp/Other:jane?secret=JBSWY3DPEHPK3PXP&issuer=Acme&period=60&algorithm=SHA512&digits=7',
      'otpauth://totp/Other:jane?secret=JBSWY3DPEHPK3PXP&issuer=Acme&period=60&algorithm=SHA512&digits=7',
    ],
  ])('%j is stored as %j', (input, stored) => {
    expect(normalizeAuthenticatorKey(input)).toMatchObject({ ok: true, stored });
  });

  it.each([
    'JBSWY3DPEHPK3PX1',
    '12345678',
    'A',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=abc',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=sha1',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5',
    'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&issuer=A&issuer=B',
    'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1',
    'otpauth://totp/x?issuer=Acme',
    'otpauth://totp/x?secret=NOT-BASE32!',
    'JBSWY3DPEHPK3PXP=',
    'JBSWY3DP========',
    '----',
    'https://acme.example/2fa?secret=123',
  ])('%j is invalid_authenticator_key', (input) => {
    expect(normalizeAuthenticatorKey(input)).toEqual({
      ok: false,
      code: 'invalid_authenticator_key',
    });
  });

  it.each([null, undefined, '', '   ', '\n\t'])('%j is authenticator_key_required', (input) => {
    expect(normalizeAuthenticatorKey(input)).toEqual({
      ok: false,
      code: 'authenticator_key_required',
    });
  });

  it('follows pyotp on unpadded lengths: remainder 0, 2, 4, 5 or 7 modulo 8', () => {
    const valid = [0, 2, 4, 5, 7];
    for (let length = 1; length <= 16; length += 1) {
      expect([length, decodeBase32('A'.repeat(length)) !== null]).toEqual([
        length,
        valid.includes(length % 8),
      ]);
    }
  });
});

describe('authenticator keys over HTTP (3.1 step 3, 3.7)', () => {
  let sandbox: TestSandbox;
  let clock = 59_000;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => clock });
  });
  afterAll(() => sandbox.close());

  async function createWithKey(totp: unknown): Promise<string> {
    const response = await sandbox.request('POST', '/v1/credentials', {
      body: passwordBody({}, { totp, totp_type: 'authenticator' }),
    });
    expect(response.status, response.text).toBe(201);
    return String(expectObject(response.body)['credential_id']);
  }

  const code = (id: string) => sandbox.request('GET', `/v1/credentials/${id}/totp-code`);

  it('answers a missing or blank key with the structured 400', async () => {
    for (const totp of [undefined, '', '   ']) {
      const response = await sandbox.request('POST', '/v1/credentials', {
        body: passwordBody(
          {},
          totp === undefined
            ? { totp_type: 'authenticator' }
            : { totp, totp_type: 'authenticator' },
        ),
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        detail: {
          error_code: 'authenticator_key_required',
          message:
            "Authenticator key is required. Paste the raw setup key or full otpauth:// URI from the website's 2FA setup screen.",
        },
      });
    }
  });

  it('answers an unparseable key with the structured 400', async () => {
    const response = await sandbox.request('POST', '/v1/credentials', {
      body: passwordBody({}, { totp: 'JBSWY3DPEHPK3PX1', totp_type: 'authenticator' }),
    });
    expect(response).toMatchObject({
      status: 400,
      body: {
        detail: {
          error_code: 'invalid_authenticator_key',
          message:
            "Invalid authenticator key. Paste the raw Base32 setup key or full otpauth:// URI from the website's 2FA setup screen.",
        },
      },
    });
  });

  it.each([
    [
      'SHA1',
      SHA1_SEED,
      [
        [59, '94287082'],
        [1111111109, '07081804'],
        [1234567890, '89005924'],
        [2000000000, '69279037'],
      ],
    ],
    [
      'SHA256',
      SHA256_SEED,
      [
        [59, '46119246'],
        [1111111111, '67062674'],
        [2000000000, '90698825'],
      ],
    ],
    [
      'SHA512',
      SHA512_SEED,
      [
        [59, '90693936'],
        [1234567890, '93441116'],
        [2000000000, '38618901'],
      ],
    ],
  ] as const)(
    'computes RFC 6238 %s vectors from an otpauth URI with digits=8',
    async (algorithm, seed, vectors) => {
      const id = await createWithKey(
        `otpauth://totp/RFC:test?secret=${seed}&digits=8&algorithm=${algorithm}`,
      );
      for (const [seconds, expected] of vectors) {
        // The clock only moves forward here, so each vector is a new period and misses the cache.
        clock = seconds * 1000;
        const answer = await code(id);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ code: expected, seconds_remaining: 30 - (seconds % 30) });
      }
    },
  );

  it('uses 6 digits, SHA1 and 30 s for a raw key, with no-store headers', async () => {
    clock = 59_000;
    const id = await createWithKey(SHA1_SEED);
    const response = await code(id);
    expect(response.body).toEqual({ code: '287082', seconds_remaining: 1 });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
  });

  it("honours the URI's period and digits", async () => {
    // With a 60 s period, t = 119 s is counter 1, like RFC's t = 59 s with 30 s.
    clock = 119_000;
    const id = await createWithKey(`otpauth://totp/x?secret=${SHA1_SEED}&period=60&digits=7`);
    expect((await code(id)).body).toEqual({ code: '4287082', seconds_remaining: 1 });
  });

  it('caches the code for the period: same code, fewer seconds; update clears the cache', async () => {
    clock = 1_234_567_890_000; // exactly on a period boundary
    const id = await createWithKey(SHA1_SEED);
    expect((await code(id)).body).toEqual({ code: '005924', seconds_remaining: 30 });
    clock += 12_500;
    expect((await code(id)).body).toEqual({ code: '005924', seconds_remaining: 18 });
    const updated = await sandbox.request('POST', `/v1/credentials/${id}/update`, {
      body: passwordBody({}, { totp: 'JBSWY3DPEHPK3PXP', totp_type: 'authenticator' }),
    });
    expect(updated.status).toBe(200);
    expect(expectObject((await code(id)).body)['code']).not.toBe('005924');
  });

  it('answers 400 for credentials without an authenticator, and 404 for unknown ids', async () => {
    const plain = await sandbox.request('POST', '/v1/credentials', {
      body: passwordBody({}, { totp: SHA1_SEED }),
    });
    const id = String(expectObject(plain.body)['credential_id']);
    expect(await code(id)).toMatchObject({
      status: 400,
      body: { detail: 'This credential does not have an authenticator app configured.' },
    });
    const secret = await sandbox.request('POST', '/v1/credentials', {
      body: { name: 's', credential_type: 'secret', credential: { secret_value: 'x' } },
    });
    expect((await code(String(expectObject(secret.body)['credential_id']))).status).toBe(400);
    expect(await code('cred_0')).toMatchObject({
      status: 404,
      body: { detail: 'Credential not found' },
    });
  });

  it('stores the normalised form (checked through the code it produces)', async () => {
    clock = 59_000;
    const spaced = await createWithKey(SHA1_SEED.toLowerCase().replace(/(.{4})/g, '$1 '));
    expect((await code(spaced)).body).toEqual({ code: '287082', seconds_remaining: 1 });
    const link = await createWithKey(`https://example.com/setup?foo=1&secret=${SHA1_SEED}`);
    expect((await code(link)).body).toEqual({ code: '287082', seconds_remaining: 1 });
  });
});
