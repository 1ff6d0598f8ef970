/*
 * C7: the current authenticator code (contract 3.7), cached per credential until its period ends.
 */
import { totpAt } from '../../lib/totp';
import { normalizeAuthenticatorKey, SAVED_KEY_INVALID_MESSAGE } from '../authenticator';
import type { SkyvernContext } from '../context';
import { HttpError, json } from '../http';
import { LocalVault, resolveCustomVault, type Vault, type VaultItem } from '../vaults';
import { NO_AUTHENTICATOR } from './errors';
import { vaultCall } from './vault-choice';

export async function currentTotpCode(ctx: SkyvernContext, organizationId: string, id: string) {
  const row = ctx.store.getCredential(organizationId, id);
  if (row === undefined) throw new HttpError(404, 'Credential not found');
  if (row.credential_type !== 'password' || row.totp_type !== 'authenticator') {
    throw new HttpError(400, NO_AUTHENTICATOR);
  }
  const now = ctx.now();
  const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
  const cached = ctx.totpCache.get(id);
  if (cached !== undefined && now < cached.expiresAtMs) {
    const secondsRemaining = Math.max(1, Math.ceil((cached.expiresAtMs - now) / 1000));
    return json(200, { code: cached.code, seconds_remaining: secondsRemaining }, noStore);
  }

  let vault: Vault;
  if (row.vault_type === 'skyvern') {
    vault = new LocalVault(ctx.store, ctx.box, organizationId);
  } else if (row.vault_type === 'custom') {
    const resolved = resolveCustomVault({
      store: ctx.store,
      organizationId,
      envConfig: ctx.envCustomConfig,
      policy: ctx.policy,
      timeoutMs: ctx.customVaultTimeoutMs,
    });
    if (resolved.kind === 'not_configured') {
      throw new HttpError(400, 'Custom credential service is not configured for this organization');
    }
    if (resolved.kind === 'invalid')
      throw new HttpError(500, 'Unable to retrieve credential from vault');
    vault = resolved.vault;
  } else {
    throw new HttpError(400, 'Unsupported credential storage type');
  }

  let item: VaultItem;
  try {
    item = await vaultCall(() => vault.get(row.item_id));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(500, 'Unable to retrieve credential from vault');
  }
  if (item.type !== 'password') throw new HttpError(400, NO_AUTHENTICATOR);
  if (item.totp === null || item.totp.trim() === '') {
    throw new HttpError(400, {
      error_code: 'authenticator_key_required',
      message: SAVED_KEY_INVALID_MESSAGE,
    });
  }
  const parsed = normalizeAuthenticatorKey(item.totp);
  if (!parsed.ok) {
    throw new HttpError(400, {
      error_code: 'invalid_authenticator_key',
      message: SAVED_KEY_INVALID_MESSAGE,
    });
  }
  const { code, secondsRemaining } = totpAt(parsed.params, now);
  const periodMs = parsed.params.period * 1000;
  ctx.totpCache.set(id, {
    code,
    period: parsed.params.period,
    expiresAtMs: Math.floor(now / periodMs) * periodMs + periodMs,
  });
  return json(200, { code, seconds_remaining: secondsRemaining }, noStore);
}
