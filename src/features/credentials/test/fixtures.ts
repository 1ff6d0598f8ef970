import { http, HttpResponse } from 'msw';
import type { Credential } from '../../../api/schemas';
import { apiUrl, server } from '../../../test/msw';

const advanced = {
  browser_profile_id: null,
  auto_profile_disabled: false,
  pin_saved_session_ip: false,
  tested_url: null,
  user_context: null,
  save_browser_session_intent: false,
  run_sequentially: false,
  folder_id: null,
  proxy_location: null,
  proxy_session_id: null,
};

export function passwordCredential(overrides: Partial<Credential> = {}): Credential {
  return {
    credential_id: 'cred_100000000000000001',
    name: 'Acme portal',
    credential_type: 'password',
    credential: { username: 'jane@example.com', totp_type: 'authenticator', totp_identifier: null },
    vault_type: 'skyvern',
    ...advanced,
    ...overrides,
  } as Credential;
}

export function cardCredential(overrides: Partial<Credential> = {}): Credential {
  return {
    credential_id: 'cred_100000000000000002',
    name: 'Company Visa',
    credential_type: 'credit_card',
    credential: { last_four: '4242', brand: 'Visa' },
    vault_type: 'custom',
    ...advanced,
    ...overrides,
  } as Credential;
}

export function secretCredential(overrides: Partial<Credential> = {}): Credential {
  return {
    credential_id: 'cred_100000000000000003',
    name: 'Billing API',
    credential_type: 'secret',
    credential: { secret_label: 'Billing API key' },
    vault_type: 'skyvern',
    ...advanced,
    ...overrides,
  } as Credential;
}

/** Skyvern's answer when no custom credential service is configured. */
export function noCustomService() {
  server.use(
    http.get(apiUrl('/v1/credentials/custom_credential/get'), () =>
      HttpResponse.json({ detail: 'Custom credential service not configured' }, { status: 404 }),
    ),
  );
}

export function customServiceConfigured() {
  server.use(
    http.get(apiUrl('/v1/credentials/custom_credential/get'), () =>
      HttpResponse.json({
        token: {
          id: 'oat_1',
          organization_id: 'o_1',
          token_type: 'custom_credential_service',
          valid: true,
          created_at: '2026-08-22T18:35:12',
          modified_at: '2026-08-22T18:35:12',
          token: JSON.stringify({
            api_base_url: 'https://vault.example.com/api/v1/credentials',
            api_token: 'vault-token-abcdef123456',
          }),
        },
      }),
    ),
  );
}

/** Every secret a test typed, to prove none of them stayed anywhere. */
export function expectNoSecretsIn(text: string, secrets: string[]) {
  for (const secret of secrets) {
    if (text.includes(secret)) throw new Error(`A secret ("${secret.slice(0, 3)}…") was found`);
  }
}
