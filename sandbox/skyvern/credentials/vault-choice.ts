/*
 * Which vault a credential request uses (contract 2.3, 3.1 step 5, 3.5, 3.6), and the mapping of
 * custom-service failures onto Skyvern's 502.
 */
import type { SkyvernContext } from '../context';
import { HttpError, UnexpectedError } from '../http';
import type { CredentialRow } from '../store';
import { CustomServiceError, LocalVault, resolveCustomVault, type Vault } from '../vaults';

export function customServiceFailure(error: CustomServiceError): HttpError {
  return new HttpError(502, `Custom credential service returned ${error.message}`);
}

/** Runs a vault call, turning custom-service failures into Skyvern's 502. */
export async function vaultCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CustomServiceError) throw customServiceFailure(error);
    throw error;
  }
}

/** The vault for a new credential (3.1 step 5). */
export function vaultForCreate(
  ctx: SkyvernContext,
  organizationId: string,
  requested: string | null,
): Vault {
  const vaultType = requested ?? ctx.credentialVaultType;
  switch (vaultType) {
    case 'skyvern':
      return new LocalVault(ctx.store, ctx.box, organizationId);
    case 'custom': {
      const resolved = resolveCustomVault({
        store: ctx.store,
        organizationId,
        envConfig: ctx.envCustomConfig,
        policy: ctx.policy,
        timeoutMs: ctx.customVaultTimeoutMs,
      });
      if (resolved.kind === 'ok') return resolved.vault;
      if (resolved.kind === 'not_configured') {
        throw new HttpError(
          400,
          `Custom credential service not configured for organization ${organizationId}`,
        );
      }
      throw new HttpError(
        400,
        'Custom credential service configuration for this organization is invalid. Re-save the API base URL and API token for the custom credential service.',
      );
    }
    case 'azure_vault':
      throw new HttpError(400, 'Azure Vault credential is not supported');
    case 'gcp':
      throw new HttpError(400, 'GCP credential vault is not supported');
    case 'bitwarden':
      // Not documented by the contract (Bitwarden failures were not analysed, section 9).
      throw new HttpError(400, 'Bitwarden credential vault is not supported');
    default:
      throw new HttpError(400, 'Credential storage not supported');
  }
}

/** The vault of an existing credential, for update and delete (3.5, 3.6). */
export function vaultForExisting(ctx: SkyvernContext, row: CredentialRow): Vault {
  if (row.vault_type === 'skyvern') return new LocalVault(ctx.store, ctx.box, row.organization_id);
  if (row.vault_type === 'custom') {
    const resolved = resolveCustomVault({
      store: ctx.store,
      organizationId: row.organization_id,
      envConfig: ctx.envCustomConfig,
      policy: ctx.policy,
      timeoutMs: ctx.customVaultTimeoutMs,
    });
    if (resolved.kind === 'ok') return resolved.vault;
    if (resolved.kind === 'not_configured') {
      throw new HttpError(
        400,
        `Custom credential service not configured for organization ${row.organization_id}`,
      );
    }
    throw new UnexpectedError('CustomCredentialConfigurationError');
  }
  throw new HttpError(400, 'Unsupported credential storage type');
}
