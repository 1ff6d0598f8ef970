import type { Credential, CredentialType, TotpType, VaultType } from '../../api/schemas';

/** Words people use for what Skyvern calls enum values. */
export const typeLabels: Record<CredentialType, string> = {
  password: 'Password',
  credit_card: 'Credit card',
  secret: 'Secret',
};

export const totpLabels: Record<TotpType, string> = {
  none: 'None',
  authenticator: 'Authenticator app',
  email: 'Email',
  text: 'Text message',
  passkey: 'Passkey',
};

export const vaultLabels: Record<VaultType, string> = {
  skyvern: 'Skyvern',
  custom: 'Custom Credential Service',
  bitwarden: 'Bitwarden',
  azure_vault: 'Azure Key Vault',
  gcp: 'GCP Secret Manager',
};

/** Rows created before vault_type existed are kept in Bitwarden (contract 2.1). */
export function vaultLabel(vault: VaultType | null): string {
  return vault ? vaultLabels[vault] : 'Bitwarden (legacy)';
}

/** The non-secret thing that tells two credentials of one type apart. */
export function identifierOf(credential: Credential): string {
  switch (credential.credential_type) {
    case 'password':
      return credential.credential.username;
    case 'credit_card': {
      const { brand, last_four } = credential.credential;
      const shownBrand = brand === 'Card Brand' ? 'Card' : brand;
      return last_four === '****' ? shownBrand : `${shownBrand} •••• ${last_four}`;
    }
    case 'secret':
      return credential.credential.secret_label ?? '';
  }
}

export function twoFactorOf(credential: Credential): TotpType | null {
  return credential.credential_type === 'password' ? credential.credential.totp_type : null;
}

/** Names can be "" (contract 3.1); a row still needs something to call it. */
export function displayName(credential: Credential): string {
  return credential.name.trim() || 'Untitled';
}
