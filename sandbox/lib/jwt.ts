/*
 * Just enough HS256 JWT to mint and recognise sandbox API keys. Skyvern's keys are HS256 JWTs
 * with `sub` (the organisation id) and `exp`, signed with the server's SECRET_KEY (contract 1.3).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ApiKeyClaims {
  sub: string;
  exp: number | null;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** Signs `{"exp":…,"sub":…}` in the key order PyJWT would write for Skyvern's tokens. */
export function signApiKey(claims: { sub: string; exp: number }, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ exp: claims.exp, sub: claims.sub }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${base64url(signature)}`;
}

function parseJsonObject(segment: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Verifies the signature and returns the claims, or null when the token is not a JWT that this
 * server signed. Expiry is reported, not enforced: Skyvern checks it only after finding the token
 * row, and answers a different message for it.
 */
export function decodeApiKey(token: string, secret: string): ApiKeyClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = parseJsonObject(headerPart);
  if (header === null || header['alg'] !== 'HS256') return null;
  if (!/^[A-Za-z0-9_-]+$/.test(signaturePart)) return null;
  const expected = createHmac('sha256', secret).update(`${headerPart}.${payloadPart}`).digest();
  const actual = Buffer.from(signaturePart, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const payload = parseJsonObject(payloadPart);
  if (payload === null || typeof payload['sub'] !== 'string') return null;
  const exp = payload['exp'];
  return { sub: payload['sub'], exp: typeof exp === 'number' ? exp : null };
}
