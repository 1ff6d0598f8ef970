/*
 * Everything a Skyvern route handler needs, built once per server by ./app.
 */
import type { SecretBox } from '../lib/crypto';
import type { FolderStore } from './folder-store';
import type { LoginTestService } from './login-tests/service';
import type { HostPolicy } from './outbound';
import type { ProfileStore } from './profile-store';
import type { SkyvernStore } from './store';

export interface SkyvernContext {
  store: SkyvernStore;
  folders: FolderStore;
  profiles: ProfileStore;
  box: SecretBox;
  policy: HostPolicy;
  /** CREDENTIAL_VAULT_TYPE: the vault for creates that do not name one. */
  credentialVaultType: string;
  /** CUSTOM_CREDENTIAL_API_BASE_URL + _TOKEN, when both are set. */
  envCustomConfig: { baseUrl: string; token: string } | null;
  customVaultTimeoutMs: number;
  testConnectionTimeoutMs: number;
  now: () => number;
  /** C7 codes cached per credential until their period ends (contract 3.7). */
  totpCache: Map<string, { code: string; period: number; expiresAtMs: number }>;
  /** Work that Skyvern does after the response (old vault item cleanup); close() awaits it. */
  background: (task: () => Promise<void>) => void;
  /** Login-test runs X1–X4 (contract 11) against the demo site. */
  loginTests: LoginTestService;
}
