import { getConnectionScope } from './connection';
import type { CredentialListParams, TotpListParams } from './schemas';

/*
 * Every react-query key of the console, in one place. Each key starts with the scope of the
 * connection it belongs to (the normalised base URL plus a generation that changes whenever the
 * URL or the API key does), so two connections, or one server seen with two keys, never share a
 * cache entry and a page reading a key after a change fetches instead of showing the old data.
 * The scope is read when a key is built: a component builds its keys while it renders.
 *
 * Keys hold no secrets: no API key, token, credential value, nor a hash of one.
 */

/** The prefix every key of the active connection starts with. */
export const scopeKey = () => [getConnectionScope()] as const;

const credentials = {
  all: () => [...scopeKey(), 'credentials'] as const,
  lists: () => [...credentials.all(), 'list'] as const,
  list: (params: CredentialListParams) => [...credentials.lists(), params] as const,
  details: () => [...credentials.all(), 'detail'] as const,
  detail: (id: string) => [...credentials.details(), id] as const,
  totpCodes: () => [...credentials.all(), 'totp-code'] as const,
  totpCode: (id: string) => [...credentials.totpCodes(), id] as const,
  /** B2, for the last verified login a credential's login test left on its profile (contract 11.6). */
  browserProfile: (id: string) => [...credentials.all(), 'browser-profile', id] as const,
};

const customCredentialService = {
  all: () => [...scopeKey(), 'custom-credential-service'] as const,
  config: () => [...customCredentialService.all(), 'config'] as const,
};

/** Organisation vault providers (contract 12). Keys name the provider, never what it holds. */
const vaultProviders = {
  all: () => [...scopeKey(), 'vault-providers'] as const,
  config: (provider: 'onepassword' | 'bitwarden' | 'azure_credential') =>
    [...vaultProviders.all(), 'config', provider] as const,
  items: (provider: 'onepassword' | 'bitwarden') =>
    [...vaultProviders.all(), 'items', provider] as const,
};

const totpCodes = {
  all: () => [...scopeKey(), 'totp-codes'] as const,
  lists: () => [...totpCodes.all(), 'list'] as const,
  list: (params: TotpListParams) => [...totpCodes.lists(), params] as const,
};

const folders = {
  all: () => [...scopeKey(), 'credential-folders'] as const,
  list: () => [...folders.all(), 'list'] as const,
  detail: (id: string) => [...folders.all(), 'detail', id] as const,
};

/** Browser profiles (contract 13): the run-settings picker and the profile a credential links. */
const browserProfiles = {
  all: () => [...scopeKey(), 'browser-profiles'] as const,
  list: () => [...browserProfiles.all(), 'list'] as const,
  detail: (id: string) => [...browserProfiles.all(), 'detail', id] as const,
  usage: (id: string) => [...browserProfiles.detail(id), 'usage'] as const,
};

export const queryKeys = {
  credentials,
  customCredentialService,
  totpCodes,
  vaultProviders,
  folders,
  browserProfiles,
};

/**
 * Mutation keys: they name what a mutation does, never what it sends. They are not scoped by the
 * connection: a mutation's state belongs to the form on screen, and react-query resets a
 * mutation's observer when its key changes, so a scoped key would wipe the refused save (and its
 * Retry) the moment a new API key is entered over the form.
 */
export const mutationKeys = {
  saveCredential: (mode: 'create' | 'edit') => ['credentials', mode] as const,
  renameCredential: () => ['credentials', 'rename'] as const,
  deleteCredential: () => ['credentials', 'delete'] as const,
  updateRunSettings: () => ['credentials', 'run-settings'] as const,
  pushTotpCode: () => ['totp-codes', 'push'] as const,
  createFolder: () => ['credential-folders', 'create'] as const,
  updateFolder: () => ['credential-folders', 'update'] as const,
  deleteFolder: () => ['credential-folders', 'delete'] as const,
};
