/*
 * Starts the Skyvern stand-in and the reference custom credential service, in-process, on their
 * own ports. `main.ts` is the CLI around this; tests and the benchmark call it directly on port 0.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import Database from 'better-sqlite3';
import { resolveKey, SecretBox } from './lib/crypto';
import { seedDemoData } from './seed';
import { createSkyvernApp } from './skyvern/app';
import { LoginTestService } from './skyvern/login-tests/service';
import {
  apiKeyEntry,
  createAuthenticator,
  DEFAULT_API_KEY,
  DEFAULT_ORGANIZATION_ID,
  type ApiKeySpec,
} from './skyvern/auth';
import type { SkyvernContext } from './skyvern/context';
import { systemResolve, type HostPolicy } from './skyvern/outbound';
import { FolderStore } from './skyvern/folder-store';
import { ProfileStore } from './skyvern/profile-store';
import { SkyvernStore } from './skyvern/store';
import { createVaultApp, VAULT_BASE_PATH } from './vault/app';
import { VaultStore } from './vault/store';

export const DEFAULT_ALLOWED_ORIGINS = [
  'http://127.0.0.1:4316',
  'http://localhost:4316',
  'http://127.0.0.1:4317',
  'http://localhost:4317',
];
export const DEFAULT_ALLOWED_HOSTS = ['localhost', '127.0.0.1', '::1'];
export const DEFAULT_VAULT_TOKEN = 'sandbox-vault-token-dev-only';

export interface SandboxOptions {
  /** SANDBOX_HOST, default 127.0.0.1. */
  host?: string;
  /** SANDBOX_PORT; 0 = any free port (always use 0 in tests). */
  port?: number;
  /** VAULT_PORT; 0 = any free port. */
  vaultPort?: number;
  /** SANDBOX_API_KEY: the accepted x-api-key, default the published development JWT. */
  apiKey?: string;
  /** SANDBOX_EXTRA_API_KEYS: more keys, each its own organisation unless told otherwise. */
  extraApiKeys?: ApiKeySpec[];
  /** SANDBOX_DATA_DIR; null or absent = in memory (SANDBOX_DB=:memory:). */
  dataDir?: string | null;
  /** SANDBOX_SEED=demo: demo credentials when the organisation has none yet. */
  seed?: 'demo' | null;
  /** SANDBOX_ALLOWED_ORIGINS (entries containing `*` are ignored, as in Skyvern). */
  allowedOrigins?: string[];
  /** ALLOWED_HOSTS: exempt from host blocking (default loopback, unlike Skyvern's empty list). */
  allowedHosts?: string[];
  /** BLOCKED_HOSTS, default ["localhost"]. */
  blockedHosts?: string[];
  /** VAULT_TOKEN: the reference service's bearer token. */
  vaultToken?: string;
  /** CREDENTIAL_VAULT_TYPE, default "skyvern". */
  credentialVaultType?: string;
  /** CUSTOM_CREDENTIAL_API_BASE_URL and _TOKEN: env-level custom service when both are set. */
  customCredentialApiBaseUrl?: string;
  customCredentialApiToken?: string;
  /** SANDBOX_ENCRYPTION_KEY / VAULT_ENCRYPTION_KEY: 64 hex characters. */
  encryptionKey?: string;
  vaultEncryptionKey?: string;
  /** SANDBOX_TEST_CONTROL=1: the /__sandbox/faults routes. */
  testControl?: boolean;
  /** Request bodies above this get 413 (default 1 MiB). */
  bodyLimitBytes?: number;
  /** Test seams: contract values are 10 s and 30 s. */
  testConnectionTimeoutMs?: number;
  customVaultTimeoutMs?: number;
  /** Test seam: DNS for host blocking. */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Test seam: the clock for authenticator codes and key expiry. */
  now?: () => number;
  /** SANDBOX_LOGIN_TEST_STEP_MS: the pause per login-test step (created → queued → running → final). */
  loginTestStepMs?: number;
  /** SANDBOX_LOGIN_TEST_PAGE_TIMEOUT_MS: a demo page slower than this makes the test time out. */
  loginTestPageTimeoutMs?: number;
}

export interface SandboxHandle {
  skyvernUrl: string;
  /** The reference service's collection URL (what a custom-service configuration points at). */
  vaultUrl: string;
  apiKey: string;
  vaultToken: string;
  organizationId: string;
  dataDir: string | null;
  /** For tests that inspect what is stored at rest. */
  databases: { skyvern: Database.Database; vault: Database.Database };
  /**
   * Handles a request to the Skyvern stand-in in-process, without a socket. The fuzz test uses it
   * for most of its runs so that thousands of cases stay fast on a busy machine.
   */
  dispatch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

/** A port that someone else already listens on. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly host: string,
    readonly envVar: string,
  ) {
    super(`Port ${port} on ${host} is already in use. Set ${envVar} to a free port.`);
  }
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string, envVar: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host, envVar) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePort((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((done) => {
    server.close(() => done());
    // Keep-alive connections would otherwise hold close() open for seconds.
    server.closeAllConnections();
  });
}

function openDatabase(dataDir: string | null, fileName: string): Database.Database {
  const db = new Database(dataDir === null ? ':memory:' : join(dataDir, fileName));
  if (dataDir !== null) db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir == null ? null : resolve(options.dataDir);
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const now = options.now ?? Date.now;

  const skyvernDb = openDatabase(dataDir, 'skyvern.sqlite');
  const vaultDb = openDatabase(dataDir, 'vault.sqlite');
  const servers: Server[] = [];
  const pending = new Set<Promise<void>>();
  let closed = false;

  const loginTests = new LoginTestService(skyvernDb, {
    stepMs: options.loginTestStepMs ?? 1500,
    pageTimeoutMs: options.loginTestPageTimeoutMs ?? 5000,
  });

  const close = async () => {
    if (closed) return;
    closed = true;
    await loginTests.close();
    await Promise.all(servers.map(closeServer));
    await Promise.allSettled([...pending]);
    skyvernDb.close();
    vaultDb.close();
  };

  try {
    const skyvernBox = new SecretBox(
      resolveKey({
        configuredHex: options.encryptionKey,
        envName: 'SANDBOX_ENCRYPTION_KEY',
        dataDir,
        fileName: 'skyvern.key',
      }),
    );
    const vaultBox = new SecretBox(
      resolveKey({
        configuredHex: options.vaultEncryptionKey,
        envName: 'VAULT_ENCRYPTION_KEY',
        dataDir,
        fileName: 'vault.key',
      }),
    );
    const apiKey = options.apiKey ?? DEFAULT_API_KEY;
    const primary = apiKeyEntry(apiKey, DEFAULT_ORGANIZATION_ID);
    const entries = [primary, ...(options.extraApiKeys ?? []).map((spec) => apiKeyEntry(spec))];
    const policy: HostPolicy = {
      allowedHosts: options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS,
      blockedHosts: options.blockedHosts ?? ['localhost'],
      resolve: options.resolveHost ?? systemResolve,
    };
    const envCustomConfig =
      options.customCredentialApiBaseUrl && options.customCredentialApiToken
        ? { baseUrl: options.customCredentialApiBaseUrl, token: options.customCredentialApiToken }
        : null;
    const store = new SkyvernStore(skyvernDb);
    // After the credential store: these add indexes on its table and use its SQL functions.
    const folders = new FolderStore(skyvernDb);
    const profiles = new ProfileStore(skyvernDb);
    const context: SkyvernContext = {
      store,
      folders,
      profiles,
      box: skyvernBox,
      policy,
      credentialVaultType: options.credentialVaultType ?? 'skyvern',
      envCustomConfig,
      customVaultTimeoutMs: options.customVaultTimeoutMs ?? 30_000,
      testConnectionTimeoutMs: options.testConnectionTimeoutMs ?? 10_000,
      now,
      totpCache: new Map(),
      background: (task) => {
        const promise = task().finally(() => pending.delete(promise));
        pending.add(promise);
      },
      loginTests,
    };
    loginTests.attach(context);
    const bodyLimitBytes = options.bodyLimitBytes ?? 1024 * 1024;
    const { app } = createSkyvernApp(context, {
      authenticate: createAuthenticator(entries, now),
      allowedOrigins: options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS,
      testControl: options.testControl ?? false,
      bodyLimitBytes,
    });
    const vaultToken = options.vaultToken ?? DEFAULT_VAULT_TOKEN;
    const vaultApp = createVaultApp({
      store: new VaultStore(vaultDb, vaultBox),
      token: vaultToken,
      bodyLimitBytes,
      testControl: options.testControl ?? false,
    });

    const skyvernServer = createAdaptorServer({ fetch: app.fetch }) as Server;
    servers.push(skyvernServer);
    const skyvernPort = await listen(skyvernServer, options.port ?? 8717, host, 'SANDBOX_PORT');
    loginTests.listening(`http://${urlHost(host)}:${skyvernPort}`, host);
    // After listening: the demo credentials name the demo site's real URL.
    if (options.seed === 'demo' && store.countCredentials(primary.organizationId) === 0) {
      await seedDemoData(app, apiKey, context, primary.organizationId, loginTests.demoLoginUrl());
    }
    const vaultServer = createAdaptorServer({ fetch: vaultApp.fetch }) as Server;
    servers.push(vaultServer);
    const vaultPort = await listen(vaultServer, options.vaultPort ?? 8718, host, 'VAULT_PORT');

    return {
      skyvernUrl: `http://${urlHost(host)}:${skyvernPort}`,
      vaultUrl: `http://${urlHost(host)}:${vaultPort}${VAULT_BASE_PATH}`,
      apiKey,
      vaultToken,
      organizationId: primary.organizationId,
      dataDir,
      databases: { skyvern: skyvernDb, vault: vaultDb },
      dispatch: async (request) => app.fetch(request),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
