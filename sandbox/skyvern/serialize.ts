/*
 * Response bodies, with keys in the order the contract lists them. Credential responses carry no
 * timestamps and no secret (contract 2.1, 2.2): they are built only from the non-secret columns.
 */
import type { ProxyLocation } from './schemas';
import type { AuthTokenRow, CredentialRow, TotpRow } from './store';

function optionalBool(value: number | null): boolean | null {
  return value === null ? null : value === 1;
}

function credentialSummary(row: CredentialRow) {
  if (row.credential_type === 'password') {
    return {
      // An empty stored username falls back to the credential id.
      username: row.username === null || row.username === '' ? row.id : row.username,
      totp_type: row.totp_type,
      totp_identifier: row.totp_identifier,
    };
  }
  if (row.credential_type === 'credit_card') {
    return {
      last_four:
        row.card_last_four === null || row.card_last_four === '' ? '****' : row.card_last_four,
      brand: row.card_brand === null || row.card_brand === '' ? 'Card Brand' : row.card_brand,
    };
  }
  return { secret_label: row.secret_label };
}

export function parseStoredProxyLocation(stored: string | null): ProxyLocation {
  return stored === null ? null : (JSON.parse(stored) as ProxyLocation);
}

export function credentialResponse(row: CredentialRow) {
  return {
    credential_id: row.id,
    credential: credentialSummary(row),
    credential_type: row.credential_type,
    name: row.name,
    vault_type: row.vault_type,
    browser_profile_id: row.browser_profile_id,
    auto_profile_disabled: optionalBool(row.auto_profile_disabled),
    pin_saved_session_ip: row.pin_saved_session_ip === 1,
    tested_url: row.tested_url,
    user_context: row.user_context,
    save_browser_session_intent: optionalBool(row.save_browser_session_intent),
    run_sequentially: row.run_sequentially === 1,
    folder_id: row.folder_id,
    proxy_location: parseStoredProxyLocation(row.proxy_location),
    proxy_session_id: row.proxy_session_id,
  };
}

export function totpResponse(row: TotpRow) {
  const body = {
    totp_identifier: row.totp_identifier,
    task_id: row.task_id,
    workflow_id: row.workflow_id,
    workflow_run_id: row.workflow_run_id,
    source: row.source,
    content: row.content,
    expired_at: row.expired_at,
    type: null,
    totp_code_id: row.id,
    code: row.code,
    organization_id: row.organization_id,
    created_at: row.created_at,
    modified_at: row.modified_at,
    otp_type: row.otp_type,
  };
  return row.status === 'raw_pending' ? { ...body, status: 'raw_pending' } : body;
}

export function authTokenResponse(row: AuthTokenRow) {
  return {
    token: {
      id: row.id,
      organization_id: row.organization_id,
      token_type: row.token_type,
      valid: row.valid === 1,
      created_at: row.created_at,
      modified_at: row.modified_at,
      token: row.token,
    },
  };
}
