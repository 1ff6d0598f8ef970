/*
 * The "credential routes" auth dependency (contract 1.3). The sandbox has no token table: the
 * configured keys are its token rows. Any configured string is accepted exactly as sent; every
 * other value gets the failure Skyvern would give it.
 */
import { createHash } from 'node:crypto';
import { decodeApiKey, signApiKey } from '../lib/jwt';
import { HttpError } from './http';

/** The published development secret that signs the sandbox's default key. Never a real secret. */
export const SANDBOX_JWT_SECRET = 'skyvern-sandbox-dev-secret-not-for-production';
export const DEFAULT_ORGANIZATION_ID = 'o_487212019260000001';
/** 2100-01-01T00:00:00Z: far enough that the default key never expires. */
const DEFAULT_EXPIRY = 4102444800;

/** The default `x-api-key`: deterministic, so it survives restarts and can be printed in docs. */
export const DEFAULT_API_KEY = signApiKey(
  { sub: DEFAULT_ORGANIZATION_ID, exp: DEFAULT_EXPIRY },
  SANDBOX_JWT_SECRET,
);

export interface ApiKeyEntry {
  key: string;
  organizationId: string;
  /** false = revoked (Skyvern's `valid=false`). */
  valid: boolean;
}

export type ApiKeySpec = string | { key: string; organizationId?: string; valid?: boolean };

/** A stable organisation id for a key that is not one of our JWTs. */
function organizationIdFor(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  const digits =
    (digest.readBigUInt64BE(0) % 9_000_000_000_000_000_000n) + 1_000_000_000_000_000_000n;
  return `o_${digits}`;
}

export function apiKeyEntry(spec: ApiKeySpec, fallbackOrganizationId?: string): ApiKeyEntry {
  const { key, organizationId, valid } = typeof spec === 'string' ? { key: spec } : spec;
  const claims = decodeApiKey(key, SANDBOX_JWT_SECRET);
  return {
    key,
    organizationId:
      organizationId ?? claims?.sub ?? fallbackOrganizationId ?? organizationIdFor(key),
    valid: valid ?? true,
  };
}

const REVOKED_API_KEY =
  'Your API key has expired. Please retrieve the latest one from https://app.skyvern.com/settings';

export function createAuthenticator(entries: readonly ApiKeyEntry[], now: () => number) {
  const organizations = new Set(entries.map((entry) => entry.organizationId));
  return (headers: Headers): string => {
    const apiKey = headers.get('x-api-key');
    const authorization = headers.get('authorization');
    // Authorization is tried first; an OSS server has no function to accept it, and falls back to
    // x-api-key silently when that is present.
    if (authorization !== null && apiKey === null) {
      throw new HttpError(
        403,
        /^bearer(\s|$)/i.test(authorization)
          ? 'Invalid authentication method'
          : 'Invalid credentials',
      );
    }
    if (apiKey === null) throw new HttpError(403, 'Invalid credentials');

    const claims = decodeApiKey(apiKey, SANDBOX_JWT_SECRET);
    const entry = entries.find((candidate) => candidate.key === apiKey);
    if (entry !== undefined) {
      if (claims?.exp != null && claims.exp * 1000 <= now())
        throw new HttpError(403, 'Auth token is expired');
      if (!entry.valid) throw new HttpError(403, REVOKED_API_KEY);
      return entry.organizationId;
    }
    if (claims === null) throw new HttpError(403, 'Could not validate credentials');
    if (!organizations.has(claims.sub)) throw new HttpError(404, 'Organization not found');
    throw new HttpError(403, 'Invalid credentials');
  };
}
