import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest, isApiError } from '../../api/client';
import { maskToken } from '../../api/custom-credential-config';
import { queryKeys } from '../../api/query-keys';
import { successResponseSchema } from '../../api/schemas';
import { parseSkyvernTimestamp } from '../../api/timestamps';
import {
  azureCredentialResponseSchema,
  bitwardenCredentialResponseSchema,
  bitwardenItemsResponseSchema,
  onePasswordItemsResponseSchema,
  onePasswordTokenResponseSchema,
  type AzureCredentialResponse,
  type BitwardenCredentialResponse,
  type OnePasswordTokenResponse,
} from './schemas';

/*
 * Contract 12.1: P1/P2 return the 1Password service-account token and P7/P8 the Azure client
 * secret in clear. Every function here that receives one of those bodies reduces it to a status
 * before returning, so the secret never reaches react-query (query data, mutation data) nor the DOM.
 */

export type ProviderId = 'onepassword' | 'bitwarden' | 'azure_credential';
export type ItemsProviderId = 'onepassword' | 'bitwarden';

interface ConfiguredBase {
  configured: true;
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

export type OnePasswordStatus =
  { configured: false } | (ConfiguredBase & { tokenSet: boolean; tokenMask: string });
export type BitwardenStatus = { configured: false } | (ConfiguredBase & { email: string });
export type AzureStatus =
  | { configured: false }
  | (ConfiguredBase & {
      tenantId: string;
      clientId: string;
      secretSet: boolean;
      secretMask: string;
    });

export interface ProviderStatusMap {
  onepassword: OnePasswordStatus;
  bitwarden: BitwardenStatus;
  azure_credential: AzureStatus;
}

function base(token: { id: string; created_at: string; modified_at: string }): ConfiguredBase {
  return {
    configured: true,
    id: token.id,
    createdAt: parseSkyvernTimestamp(token.created_at),
    updatedAt: parseSkyvernTimestamp(token.modified_at),
  };
}

/** P1/P2 → status. The token is read for its length and last characters only. */
export function toOnePasswordStatus(response: OnePasswordTokenResponse): OnePasswordStatus {
  const secret = response.token.token;
  return {
    ...base(response.token),
    tokenSet: secret.length > 0,
    tokenMask: secret.length > 0 ? maskToken(secret) : '',
  };
}

export function toBitwardenStatus(response: BitwardenCredentialResponse): BitwardenStatus {
  return { ...base(response.token), email: response.token.credential.email };
}

/** P7/P8 → status. Tenant and client ids are identifiers, not secrets; the client secret is. */
export function toAzureStatus(response: AzureCredentialResponse): AzureStatus {
  const { tenant_id, client_id, client_secret } = response.token.credential;
  return {
    ...base(response.token),
    tenantId: tenant_id,
    clientId: client_id,
    secretSet: client_secret.length > 0,
    secretMask: client_secret.length > 0 ? maskToken(client_secret) : '',
  };
}

/** The exact 404 texts of P1, P4 and P7 (contract 12.2–12.4): "not configured", not a failure. */
export const NOT_CONFIGURED_DETAIL: Record<ProviderId, string> = {
  onepassword: 'No OnePassword service account token found for this organization',
  bitwarden: 'No Bitwarden credential found for this organization',
  azure_credential: 'No Azure Client Secret Credential found for this organization',
};

function isNotConfigured(error: unknown, provider: ProviderId): boolean {
  return (
    isApiError(error) &&
    error.kind === 'http' &&
    error.status === 404 &&
    error.message === NOT_CONFIGURED_DETAIL[provider]
  );
}

async function getOrNotConfigured<T>(
  provider: ProviderId,
  load: () => Promise<T>,
): Promise<T | { configured: false }> {
  try {
    return await load();
  } catch (error) {
    if (isNotConfigured(error, provider)) return { configured: false };
    throw error;
  }
}

export function fetchOnePasswordStatus(signal?: AbortSignal): Promise<OnePasswordStatus> {
  return getOrNotConfigured('onepassword', async () =>
    toOnePasswordStatus(
      await apiRequest({
        path: '/v1/credentials/onepassword/get',
        schema: onePasswordTokenResponseSchema,
        signal,
      }),
    ),
  );
}

export function fetchBitwardenStatus(signal?: AbortSignal): Promise<BitwardenStatus> {
  return getOrNotConfigured('bitwarden', async () =>
    toBitwardenStatus(
      await apiRequest({
        path: '/v1/credentials/bitwarden/get',
        schema: bitwardenCredentialResponseSchema,
        signal,
      }),
    ),
  );
}

export function fetchAzureStatus(signal?: AbortSignal): Promise<AzureStatus> {
  return getOrNotConfigured('azure_credential', async () =>
    toAzureStatus(
      await apiRequest({
        path: '/v1/credentials/azure_credential/get',
        schema: azureCredentialResponseSchema,
        signal,
      }),
    ),
  );
}

export const onePasswordStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.vaultProviders.config('onepassword'),
    queryFn: ({ signal }) => fetchOnePasswordStatus(signal),
  });
export const bitwardenStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.vaultProviders.config('bitwarden'),
    queryFn: ({ signal }) => fetchBitwardenStatus(signal),
  });
export const azureStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.vaultProviders.config('azure_credential'),
    queryFn: ({ signal }) => fetchAzureStatus(signal),
  });

const statusFetchers: {
  [P in ProviderId]: (signal?: AbortSignal) => Promise<ProviderStatusMap[P]>;
} = {
  onepassword: fetchOnePasswordStatus,
  bitwarden: fetchBitwardenStatus,
  azure_credential: fetchAzureStatus,
};

export const providerStatusQuery = <P extends ProviderId>(provider: P) =>
  queryOptions({
    queryKey: queryKeys.vaultProviders.config(provider),
    queryFn: ({ signal }): Promise<ProviderStatusMap[P]> => statusFetchers[provider](signal),
  });

// ── Items (P3, P6) ─────────────────────────────────────────────────────────────────────────────

/** One provider item, the same shape for both providers. Metadata only: no secret is listed. */
export interface ProviderItem {
  itemId: string;
  title: string;
  /** 1Password: the vault id; Bitwarden: the collection id. Workflows name it with the item id. */
  containerId: string | null;
  /** 1Password: the vault's name; Bitwarden has none. */
  containerName: string | null;
  category: string | null;
  url: string | null;
}

export type ProviderItems = { configured: false } | { configured: true; items: ProviderItem[] };

/** Listing goes through the provider (1Password allows 20 s): leave room for Skyvern's answer. */
const ITEMS_TIMEOUT_MS = 45_000;

export async function fetchOnePasswordItems(signal?: AbortSignal): Promise<ProviderItems> {
  const response = await apiRequest({
    path: '/v1/credentials/onepassword/items',
    schema: onePasswordItemsResponseSchema,
    signal,
    timeoutMs: ITEMS_TIMEOUT_MS,
  });
  if (!response.configured) return { configured: false };
  return {
    configured: true,
    items: response.items.map((item) => ({
      itemId: item.item_id,
      title: item.title,
      containerId: item.vault_id,
      containerName: item.vault_name ?? null,
      category: item.category ?? null,
      url: item.url ?? null,
    })),
  };
}

export async function fetchBitwardenItems(signal?: AbortSignal): Promise<ProviderItems> {
  const response = await apiRequest({
    path: '/v1/credentials/bitwarden/items',
    schema: bitwardenItemsResponseSchema,
    signal,
    timeoutMs: ITEMS_TIMEOUT_MS,
  });
  if (!response.configured) return { configured: false };
  return {
    configured: true,
    items: response.items.map((item) => ({
      itemId: item.item_id,
      title: item.title,
      containerId: item.collection_id ?? null,
      containerName: null,
      category: item.credential_type ?? null,
      url: item.url ?? null,
    })),
  };
}

export const providerItemsQuery = (provider: ItemsProviderId) =>
  queryOptions({
    queryKey: queryKeys.vaultProviders.items(provider),
    queryFn: ({ signal }) =>
      provider === 'onepassword' ? fetchOnePasswordItems(signal) : fetchBitwardenItems(signal),
    // A listing signs in to the provider: do not repeat it on every focus, nor retry a refusal.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });

/** What a failed listing means, in words (contract 12.2's and 12.3's failure tables). */
export function describeItemsError(provider: ItemsProviderId, error: unknown): string {
  const name = provider === 'onepassword' ? '1Password' : 'Bitwarden';
  if (!(error instanceof ApiError) || error.kind !== 'http') {
    return error instanceof Error
      ? `Skyvern could not be asked: ${error.message}`
      : 'Skyvern could not be asked.';
  }
  if (provider === 'onepassword') {
    if (error.status === 400) {
      return /session/i.test(error.message)
        ? '1Password says the desktop session has expired. Save a service account token again.'
        : '1Password refused the service account token: it is invalid, expired or revoked. Save a new token.';
    }
    if (error.status === 429)
      return '1Password is rate-limiting this account. Wait a few minutes, then check again.';
    if (error.status === 502)
      return '1Password did not answer in time or is failing. Try again in a few minutes.';
    if (error.status === 500)
      return 'Skyvern could not list the 1Password items, for a reason it does not say.';
  } else if (error.status === 502) {
    return 'Skyvern could not sign in to Bitwarden with this e-mail and master password, or Bitwarden did not answer. Check both and save again.';
  }
  return `${name} check failed (HTTP ${error.status}): ${error.message}`;
}

// ── Save (P2, P5, P8) and clear (P9) ─────────────────────────────────────────────────────────

export interface OnePasswordInput {
  token: string;
}
export interface BitwardenInput {
  email: string;
  masterPassword: string;
}
export interface AzureInput {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** P2. The response carries the token back in clear: reduced to the status before returning. */
export async function saveOnePassword(input: OnePasswordInput): Promise<OnePasswordStatus> {
  return toOnePasswordStatus(
    await apiRequest({
      method: 'POST',
      path: '/v1/credentials/onepassword/create',
      body: { token: input.token },
      schema: onePasswordTokenResponseSchema,
    }),
  );
}

export async function saveBitwarden(input: BitwardenInput): Promise<BitwardenStatus> {
  return toBitwardenStatus(
    await apiRequest({
      method: 'POST',
      path: '/v1/credentials/bitwarden/create',
      body: { credential: { email: input.email, master_password: input.masterPassword } },
      schema: bitwardenCredentialResponseSchema,
    }),
  );
}

/** P8. The response carries the client secret back in clear: reduced before returning. */
export async function saveAzure(input: AzureInput): Promise<AzureStatus> {
  return toAzureStatus(
    await apiRequest({
      method: 'POST',
      path: '/v1/credentials/azure_credential/create',
      body: {
        credential: {
          tenant_id: input.tenantId,
          client_id: input.clientId,
          client_secret: input.clientSecret,
        },
      },
      schema: azureCredentialResponseSchema,
    }),
  );
}

/** P9: always on `/v1` (on `/api/v1` the same path is the credential delete, contract 12.5). */
export async function clearProvider(provider: ProviderId): Promise<void> {
  await apiRequest({
    method: 'DELETE',
    path: `/v1/credentials/${provider}`,
    schema: successResponseSchema,
  });
}

export type SaveInputMap = {
  onepassword: OnePasswordInput;
  bitwarden: BitwardenInput;
  azure_credential: AzureInput;
};

const savers: {
  [P in ProviderId]: (input: SaveInputMap[P]) => Promise<ProviderStatusMap[P]>;
} = { onepassword: saveOnePassword, bitwarden: saveBitwarden, azure_credential: saveAzure };

/*
 * The secrets are never mutation variables (the MutationCache keeps variables): the caller passes
 * a function that reads the form when the request is sent, and the mutation is dropped (gcTime 0)
 * as soon as nothing observes it.
 */
export function useSaveProvider<P extends ProviderId>(
  provider: P,
  readInput: () => SaveInputMap[P],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => savers[provider](readInput()),
    gcTime: 0,
    onSuccess: (status) => {
      queryClient.setQueryData(queryKeys.vaultProviders.config(provider), status);
      // A new configuration makes the old listing (or its error) meaningless.
      if (provider !== 'azure_credential') {
        queryClient.removeQueries({ queryKey: queryKeys.vaultProviders.items(provider) });
      }
    },
  });
}

export function useClearProvider(provider: ProviderId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => clearProvider(provider),
    onSuccess: () => {
      queryClient.setQueryData(queryKeys.vaultProviders.config(provider), { configured: false });
      if (provider !== 'azure_credential') {
        queryClient.setQueryData<ProviderItems>(queryKeys.vaultProviders.items(provider), {
          configured: false,
        });
      }
    },
  });
}
