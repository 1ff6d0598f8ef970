import { z } from 'zod/mini';

/*
 * Response schemas for the vault-provider routes P1–P9 (contract 12). They live with the feature,
 * not in api/schemas.ts, so the credentials list's first chunk does not carry them.
 */

const tokenBase = {
  id: z.string(),
  organization_id: z.string(),
  token_type: z.string(),
  valid: z.boolean(),
  created_at: z.string(),
  modified_at: z.string(),
};

/** P1/P2. `token.token` is the 1Password service-account token in clear: stripped on arrival. */
export const onePasswordTokenResponseSchema = z.object({
  token: z.object({ ...tokenBase, token: z.string() }),
});
export type OnePasswordTokenResponse = z.infer<typeof onePasswordTokenResponseSchema>;

/** P4/P5. Only the e-mail comes back; the master password never does. */
export const bitwardenCredentialResponseSchema = z.object({
  token: z.object({ ...tokenBase, credential: z.object({ email: z.string() }) }),
});
export type BitwardenCredentialResponse = z.infer<typeof bitwardenCredentialResponseSchema>;

/** P7/P8. `credential.client_secret` is the Azure client secret in clear: stripped on arrival. */
export const azureCredentialResponseSchema = z.object({
  token: z.object({
    ...tokenBase,
    credential: z.object({
      tenant_id: z.string(),
      client_id: z.string(),
      client_secret: z.string(),
    }),
  }),
});
export type AzureCredentialResponse = z.infer<typeof azureCredentialResponseSchema>;

/** P3. */
export const onePasswordItemsResponseSchema = z.object({
  configured: z.boolean(),
  items: z.array(
    z.object({
      item_id: z.string(),
      title: z.string(),
      vault_id: z.string(),
      vault_name: z.nullish(z.string()),
      category: z.nullish(z.string()),
      url: z.nullish(z.string()),
    }),
  ),
});

/** P6. */
export const bitwardenItemsResponseSchema = z.object({
  configured: z.boolean(),
  items: z.array(
    z.object({
      item_id: z.string(),
      title: z.string(),
      collection_id: z.nullish(z.string()),
      credential_type: z.nullish(z.string()),
      url: z.nullish(z.string()),
    }),
  ),
});
