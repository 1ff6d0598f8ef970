/*
 * Environment variables → SandboxOptions, with a clear message for every malformed value.
 */
import type { ApiKeySpec } from './skyvern/auth';
import type { SandboxOptions } from './server';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535)
    throw new ConfigError(`${name} must be a port number (0–65535), got "${raw}"`);
  return value;
}

function jsonList(env: Env, name: string): unknown[] | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${name} must be a JSON list, for example ${name}='["a","b"]'`);
  }
  if (!Array.isArray(value))
    throw new ConfigError(`${name} must be a JSON list, for example ${name}='["a","b"]'`);
  return value;
}

function stringList(env: Env, name: string): string[] | undefined {
  const list = jsonList(env, name);
  if (list === undefined) return undefined;
  if (!list.every((item): item is string => typeof item === 'string')) {
    throw new ConfigError(`${name} must be a JSON list of strings`);
  }
  return list;
}

function apiKeySpecs(env: Env): ApiKeySpec[] | undefined {
  const list = jsonList(env, 'SANDBOX_EXTRA_API_KEYS');
  if (list === undefined) return undefined;
  return list.map((item) => {
    if (typeof item === 'string') return item;
    if (
      typeof item === 'object' &&
      item !== null &&
      'key' in item &&
      typeof item.key === 'string'
    ) {
      const organizationId = 'organizationId' in item ? item.organizationId : undefined;
      const valid = 'valid' in item ? item.valid : undefined;
      if (organizationId !== undefined && typeof organizationId !== 'string') {
        throw new ConfigError('SANDBOX_EXTRA_API_KEYS: organizationId must be a string');
      }
      if (valid !== undefined && typeof valid !== 'boolean') {
        throw new ConfigError('SANDBOX_EXTRA_API_KEYS: valid must be a boolean');
      }
      return { key: item.key, organizationId, valid };
    }
    throw new ConfigError(
      'SANDBOX_EXTRA_API_KEYS entries must be strings or {"key": "...", "organizationId"?: "o_…", "valid"?: false}',
    );
  });
}

function milliseconds(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > 600_000)
    throw new ConfigError(`${name} must be a number of milliseconds (0–600000), got "${raw}"`);
  return Number(raw);
}

const blankToUndefined = (value: string | undefined) =>
  value === undefined || value === '' ? undefined : value;

export function optionsFromEnv(env: Env): SandboxOptions {
  const memory = env['SANDBOX_DB'] === ':memory:';
  const seed = blankToUndefined(env['SANDBOX_SEED']);
  if (seed !== undefined && seed !== 'demo' && seed !== 'none') {
    throw new ConfigError(`SANDBOX_SEED must be "demo" or "none", got "${seed}"`);
  }
  return {
    host: blankToUndefined(env['SANDBOX_HOST']) ?? '127.0.0.1',
    port: port(env, 'SANDBOX_PORT', 8717),
    vaultPort: port(env, 'VAULT_PORT', 8718),
    apiKey: blankToUndefined(env['SANDBOX_API_KEY']),
    extraApiKeys: apiKeySpecs(env),
    dataDir: memory ? null : (blankToUndefined(env['SANDBOX_DATA_DIR']) ?? '.data/sandbox'),
    seed: seed === 'demo' ? 'demo' : null,
    allowedOrigins: stringList(env, 'SANDBOX_ALLOWED_ORIGINS'),
    allowedHosts: stringList(env, 'ALLOWED_HOSTS'),
    blockedHosts: stringList(env, 'BLOCKED_HOSTS'),
    vaultToken: blankToUndefined(env['VAULT_TOKEN']),
    credentialVaultType: blankToUndefined(env['CREDENTIAL_VAULT_TYPE']),
    customCredentialApiBaseUrl: blankToUndefined(env['CUSTOM_CREDENTIAL_API_BASE_URL']),
    customCredentialApiToken: blankToUndefined(env['CUSTOM_CREDENTIAL_API_TOKEN']),
    encryptionKey: blankToUndefined(env['SANDBOX_ENCRYPTION_KEY']),
    vaultEncryptionKey: blankToUndefined(env['VAULT_ENCRYPTION_KEY']),
    loginTestStepMs: milliseconds(env, 'SANDBOX_LOGIN_TEST_STEP_MS'),
    loginTestPageTimeoutMs: milliseconds(env, 'SANDBOX_LOGIN_TEST_PAGE_TIMEOUT_MS'),
    testControl: env['SANDBOX_TEST_CONTROL'] === '1' || env['SANDBOX_TEST_CONTROL'] === 'true',
  };
}
