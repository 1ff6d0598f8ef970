/*
 * What a credential request turns into: the normalised authenticator seed (3.8), the vault item
 * (with the fields an update carries over, 3.5) and the non-secret columns Skyvern keeps (2.1).
 */
import { AUTHENTICATOR_MESSAGES, normalizeAuthenticatorKey } from '../authenticator';
import { HttpError, UnexpectedError } from '../http';
import type { CredentialInput } from '../schemas';
import type { CredentialFields, CredentialRow } from '../store';
import type { CardItem, VaultItem } from '../vaults';

/** Authenticator validation (3.1 step 3): returns the seed to store for a password credential. */
export function storedSeed(credential: CredentialInput): string | null {
  if (credential.kind !== 'password') return null;
  if (credential.totp_type !== 'authenticator') return credential.totp;
  const result = normalizeAuthenticatorKey(credential.totp);
  if (!result.ok) {
    throw new HttpError(400, {
      error_code: result.code,
      message: AUTHENTICATOR_MESSAGES[result.code],
    });
  }
  return result.stored;
}

export function lastFour(cardNumber: string): string {
  return Array.from(cardNumber).slice(-4).join('');
}

/** The non-secret columns derived from the credential, by the request's credential_type. */
export function typeColumns(
  credentialType: string,
  credential: CredentialInput,
): Pick<
  CredentialFields,
  'username' | 'totp_type' | 'totp_identifier' | 'card_last_four' | 'card_brand' | 'secret_label'
> {
  // Skyvern reads these attributes by credential_type; a shape that lacks them raises
  // AttributeError, which surfaces as an unhandled 500 (contract 3.1, shape selection caveat).
  if (credentialType !== credential.kind) throw new UnexpectedError('AttributeError');
  const none = {
    username: null,
    totp_type: 'none',
    totp_identifier: null,
    card_last_four: null,
    card_brand: null,
    secret_label: null,
  };
  if (credential.kind === 'password') {
    return {
      ...none,
      username: credential.username,
      totp_type: credential.totp_type,
      totp_identifier: credential.totp_identifier,
    };
  }
  if (credential.kind === 'credit_card') {
    return {
      ...none,
      card_last_four: lastFour(credential.card_number),
      card_brand: credential.card_brand,
    };
  }
  return { ...none, secret_label: credential.secret_label };
}

export function newItem(
  credential: CredentialInput,
  seed: string | null,
  previous: VaultItem | null,
): VaultItem {
  if (credential.kind === 'password') {
    const oldMetadata = previous?.type === 'password' ? previous.metadata : null;
    return {
      type: 'password',
      username: credential.username,
      password: credential.password,
      totp: seed,
      totp_type: credential.totp_type,
      metadata: credential.present.has('metadata') ? credential.metadata : oldMetadata,
    };
  }
  if (credential.kind === 'credit_card') {
    const old: CardItem | null = previous?.type === 'credit_card' ? previous : null;
    let address = credential.present.has('billing_address')
      ? credential.billing_address
      : (old?.billing_address ?? null);
    // A sent address is merged over the old one: omitted sub-keys are kept.
    if (credential.present.has('billing_address') && address !== null && old?.billing_address) {
      address = { ...old.billing_address, ...address };
    }
    const sent = (key: string) => credential.present.has(key);
    return {
      type: 'credit_card',
      card_holder_name: credential.card_holder_name,
      card_number: credential.card_number,
      card_exp_month: credential.card_exp_month,
      card_exp_year: credential.card_exp_year,
      card_cvv: credential.card_cvv,
      card_brand: credential.card_brand,
      billing_address: address,
      billing_email: sent('billing_email')
        ? credential.billing_email
        : (old?.billing_email ?? null),
      billing_phone: sent('billing_phone')
        ? credential.billing_phone
        : (old?.billing_phone ?? null),
      metadata: sent('metadata') ? credential.metadata : (old?.metadata ?? null),
    };
  }
  return {
    type: 'secret',
    secret_value: credential.secret_value,
    secret_label: credential.secret_label,
  };
}

/** Whether an update must read the old item first to carry fields over (contract 6.3). */
export function needsPreviousItem(credential: CredentialInput): boolean {
  if (credential.kind === 'password') return !credential.present.has('metadata');
  if (credential.kind === 'credit_card') {
    return ['billing_address', 'billing_email', 'billing_phone', 'metadata'].some(
      (key) => !credential.present.has(key),
    );
  }
  return false;
}

export function rowFields(row: CredentialRow): CredentialFields {
  const {
    id: _id,
    organization_id: _org,
    created_at: _created,
    modified_at: _modified,
    ...fields
  } = row;
  return fields;
}
