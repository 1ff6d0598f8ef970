import { z } from 'zod/mini';
import { CREDENTIAL_TYPES, TOTP_TYPES, VAULT_TYPES } from './response-guards';

/*
 * Zod schemas for the Skyvern HTTP API subset this console uses, straight from
 * shared/skyvern-api-contract.md. Response schemas are strict about what the console relies on
 * and tolerant (nullish) about advanced fields a newer Skyvern may add, drop or leave null.
 * They use zod/mini, and only forms and lazily loaded screens import them: the responses on the way
 * to the first screen (credentials, error bodies, the custom service's configuration) are checked
 * without zod by response-guards.ts, and their types are written out here.
 */

// ── Enumerations (contract 1.8) ───────────────────────────────────────────────────────────────
export const credentialTypeSchema = z.enum(CREDENTIAL_TYPES);
export type CredentialType = z.infer<typeof credentialTypeSchema>;

export const vaultTypeSchema = z.enum(VAULT_TYPES);
export type VaultType = z.infer<typeof vaultTypeSchema>;

export const totpTypeSchema = z.enum(TOTP_TYPES);
export type TotpType = z.infer<typeof totpTypeSchema>;

export const otpTypeSchema = z.enum(['totp', 'magic_link']);
export type OtpType = z.infer<typeof otpTypeSchema>;

// ── Error bodies (contract 1.4): checked by parseErrorBody (response-guards.ts) ────────────────
export type ValidationIssue = {
  loc: Array<string | number>;
  msg: string;
  type: string;
};
export type ErrorBody =
  | { detail: string | ValidationIssue[] | { error_code?: string; message: string } }
  | { error: string };

// ── Credential resource (contract 2.1): checked by credentialResponse (response-guards.ts) ─────
export type PasswordSummary = {
  username: string;
  totp_type: TotpType;
  totp_identifier: string | null;
};
export type CreditCardSummary = {
  last_four: string;
  brand: string;
};
export type SecretSummary = {
  secret_label: string | null;
};

export type ProxyLocation =
  | string
  | { country: string; subdivision?: string | null | undefined; city?: string | null | undefined }
  | null;

type CredentialBase = {
  credential_id: string;
  name: string;
  vault_type: VaultType | null;
  browser_profile_id?: string | null | undefined;
  auto_profile_disabled?: boolean | null | undefined;
  pin_saved_session_ip?: boolean | null | undefined;
  tested_url?: string | null | undefined;
  user_context?: string | null | undefined;
  save_browser_session_intent?: boolean | null | undefined;
  run_sequentially?: boolean | null | undefined;
  folder_id?: string | null | undefined;
  proxy_location?: ProxyLocation | undefined;
  proxy_session_id?: string | null | undefined;
};

/** The shapes carry no discriminator; `credential_type` tells them apart. */
export type PasswordCredential = CredentialBase & {
  credential_type: 'password';
  credential: PasswordSummary;
};
export type CreditCardCredential = CredentialBase & {
  credential_type: 'credit_card';
  credential: CreditCardSummary;
};
export type SecretCredential = CredentialBase & {
  credential_type: 'secret';
  credential: SecretSummary;
};
export type Credential = PasswordCredential | CreditCardCredential | SecretCredential;

// ── Credential requests (contract 3.1, 3.4, 3.5) ───────────────────────────────────────────────
export const billingAddressSchema = z.object({
  line1: z.nullish(z.string()),
  line2: z.nullish(z.string()),
  city: z.nullish(z.string()),
  state: z.nullish(z.string()),
  state_code: z.nullish(z.string()),
  postal_code: z.nullish(z.string()),
  country: z.nullish(z.string()),
  country_code: z.nullish(z.string()),
});
export type BillingAddress = z.infer<typeof billingAddressSchema>;

export const passwordCredentialInputSchema = z.object({
  username: z.string().check(z.minLength(1)),
  password: z.string().check(z.minLength(1)),
  totp: z.nullish(z.string()),
  totp_type: z.optional(totpTypeSchema),
  totp_identifier: z.nullish(z.string()),
  metadata: z.nullish(z.record(z.string(), z.string())),
});
export const creditCardCredentialInputSchema = z.object({
  card_number: z.string().check(z.minLength(1)),
  card_cvv: z.string().check(z.minLength(1)),
  card_exp_month: z.string().check(z.minLength(1)),
  card_exp_year: z.string().check(z.minLength(1)),
  card_brand: z.string().check(z.minLength(1)),
  card_holder_name: z.string().check(z.minLength(1)),
  billing_address: z.nullish(billingAddressSchema),
  billing_email: z.nullish(z.string()),
  billing_phone: z.nullish(z.string()),
  metadata: z.nullish(z.record(z.string(), z.string())),
});
export const secretCredentialInputSchema = z.object({
  secret_value: z.string().check(z.minLength(1)),
  secret_label: z.nullish(z.string()),
});

/** Body of create (C1) and update (C5). The type and the shape must agree (contract 3.1). */
export const createCredentialRequestSchema = z.discriminatedUnion('credential_type', [
  z.object({
    name: z.string(),
    credential_type: z.literal('password'),
    credential: passwordCredentialInputSchema,
    vault_type: z.nullish(vaultTypeSchema),
  }),
  z.object({
    name: z.string(),
    credential_type: z.literal('credit_card'),
    credential: creditCardCredentialInputSchema,
    vault_type: z.nullish(vaultTypeSchema),
  }),
  z.object({
    name: z.string(),
    credential_type: z.literal('secret'),
    credential: secretCredentialInputSchema,
    vault_type: z.nullish(vaultTypeSchema),
  }),
]);
export type CreateCredentialRequest = z.infer<typeof createCredentialRequestSchema>;

/** PATCH (C4): metadata only; at least one key. The console only renames. */
export const patchCredentialRequestSchema = z.object({
  name: z.nullish(z.string().check(z.minLength(1))),
  tested_url: z.nullish(z.string()),
  user_context: z.nullish(z.string().check(z.maxLength(1000))),
});
export type PatchCredentialRequest = z.infer<typeof patchCredentialRequestSchema>;

// ── List query (contract 3.2) ──────────────────────────────────────────────────────────────────
export interface CredentialListParams {
  page: number;
  page_size: number;
  credential_type?: CredentialType | undefined;
  vault_type?: VaultType | undefined;
  search?: string | undefined;
  /** Contract 10: only the credentials of this folder. There is no "unfiled" filter. */
  folder_id?: string | undefined;
}

// ── Current authenticator code (contract 3.7) ──────────────────────────────────────────────────
export const totpCodeSchema = z.object({
  code: z.string(),
  seconds_remaining: z.int(),
});
export type TotpCode = z.infer<typeof totpCodeSchema>;

// ── TOTP / OTP codes (contract 4) ──────────────────────────────────────────────────────────────
export const pushTotpRequestSchema = z.object({
  totp_identifier: z.string().check(z.minLength(1)),
  content: z.string(),
  source: z.nullish(z.string()),
  task_id: z.nullish(z.string()),
  workflow_id: z.nullish(z.string()),
  workflow_run_id: z.nullish(z.string()),
  expired_at: z.nullish(z.string()),
});
export type PushTotpRequest = z.infer<typeof pushTotpRequestSchema>;

export const totpRecordSchema = z.object({
  totp_identifier: z.string(),
  task_id: z.nullable(z.string()),
  workflow_id: z.nullable(z.string()),
  workflow_run_id: z.nullable(z.string()),
  source: z.nullable(z.string()),
  content: z.string(),
  expired_at: z.nullable(z.string()),
  type: z.optional(z.unknown()),
  totp_code_id: z.string(),
  code: z.string(),
  organization_id: z.string(),
  created_at: z.string(),
  modified_at: z.string(),
  otp_type: z.nullable(otpTypeSchema),
  status: z.optional(z.literal('raw_pending')),
});
export type TotpRecord = z.infer<typeof totpRecordSchema>;
export const totpRecordListSchema = z.array(totpRecordSchema);

export interface TotpListParams {
  totp_identifier?: string | undefined;
  workflow_run_id?: string | undefined;
  otp_type?: OtpType | undefined;
  limit?: number | undefined;
}

// ── Custom credential service configuration (contract 5) ───────────────────────────────────────
export const customCredentialConfigSchema = z.object({
  api_base_url: z.string(),
  api_token: z.string(),
});
export type CustomCredentialConfig = z.infer<typeof customCredentialConfigSchema>;

export const customCredentialConfigRequestSchema = z.object({
  config: customCredentialConfigSchema,
});

/** K1/K2 response, checked by authTokenResponse (response-guards.ts). `token.token` is JSON text that holds the service token in clear. */
export type AuthTokenResponse = {
  token: {
    id: string;
    organization_id: string;
    token_type: string;
    valid: boolean;
    created_at: string;
    modified_at: string;
    token: string;
  };
};

export const successResponseSchema = z.object({ success: z.literal(true) });
