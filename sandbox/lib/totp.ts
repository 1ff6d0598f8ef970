/*
 * RFC 6238 time-based one-time passwords (RFC 4226 dynamic truncation), as pyotp computes them.
 */
import { createHmac } from 'node:crypto';

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpParameters {
  secret: Buffer;
  digits: number;
  period: number;
  algorithm: TotpAlgorithm;
}

const HMAC_NAMES: Record<TotpAlgorithm, string> = {
  SHA1: 'sha1',
  SHA256: 'sha256',
  SHA512: 'sha512',
};

export function hotp(secret: Buffer, counter: number, digits: number, algorithm: TotpAlgorithm) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac(HMAC_NAMES[algorithm], secret).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code for the period containing `nowMs`, and the whole seconds left in that period (1…period). */
export function totpAt(
  params: TotpParameters,
  nowMs: number,
): { code: string; secondsRemaining: number } {
  const seconds = Math.floor(nowMs / 1000);
  const counter = Math.floor(seconds / params.period);
  return {
    code: hotp(params.secret, counter, params.digits, params.algorithm),
    secondsRemaining: params.period - (seconds % params.period),
  };
}
