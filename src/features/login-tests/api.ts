import { z } from 'zod/mini';
import { apiRequest, VAULT_BOUND_TIMEOUT_MS } from '../../api/client';
import { credentialResponse } from '../../api/response-guards';

/*
 * Login tests X1–X4 (contract 11). Responses carry ids, statuses and humanised reasons, never a
 * secret; X1's request body does carry the typed secrets, which go from the form straight here.
 */

const startSchema = z.object({
  credential_id: z.string(),
  workflow_run_id: z.string(),
  status: z.string(),
});

export const FINAL_STATUSES = ['completed', 'failed', 'terminated', 'canceled', 'timed_out'];

const pollSchema = z.object({
  credential_id: z.string(),
  workflow_run_id: z.string(),
  status: z.string(),
  failure_reason: z.nullish(z.string()),
  browser_profile_id: z.nullish(z.string()),
  tested_url: z.nullish(z.string()),
  browser_profile_failure_reason: z.nullish(z.string()),
});
export type LoginTestPoll = z.infer<typeof pollSchema>;

const cancelSchema = z.object({ status: z.string() });

const enc = encodeURIComponent;

/** X2: test a saved password credential. */
export function startCredentialTest(
  credentialId: string,
  body: { url: string; save_browser_profile: boolean },
) {
  return apiRequest({
    method: 'POST',
    path: `/v1/credentials/${enc(credentialId)}/test`,
    body,
    schema: startSchema,
  });
}

export interface InlineTestValues {
  url: string;
  username: string;
  password: string;
  totp: string | null;
  totp_type: string;
  totp_identifier: string | null;
}

/** X1: test values before saving; Skyvern stores them as `_test_login_<username>`. */
export function startInlineTest(values: InlineTestValues) {
  return apiRequest({
    method: 'POST',
    path: '/v1/credentials/test-login',
    body: values,
    schema: startSchema,
    // The temporary credential goes to the default vault, which may be a custom service.
    timeoutMs: VAULT_BOUND_TIMEOUT_MS,
  });
}

/** X3. */
export function pollLoginTest(credentialId: string, runId: string, signal?: AbortSignal) {
  return apiRequest({
    path: `/v1/credentials/${enc(credentialId)}/test/${enc(runId)}`,
    schema: pollSchema,
    signal,
  });
}

/** X4: `canceled` or `cancel_failed`, always 200. */
export async function cancelLoginTest(credentialId: string, runId: string): Promise<boolean> {
  const result = await apiRequest({
    method: 'POST',
    path: `/v1/credentials/${enc(credentialId)}/test/${enc(runId)}/cancel`,
    schema: cancelSchema,
  });
  return result.status === 'canceled';
}

/** After a passed X1: adopt the temporary credential under its real name (contract 11.2). */
export function adoptTemporaryCredential(
  credentialId: string,
  body: { name: string; tested_url: string },
) {
  return apiRequest({
    method: 'PATCH',
    path: `/v1/credentials/${enc(credentialId)}`,
    body: { ...body, save_browser_session_intent: true },
    schema: credentialResponse,
  });
}

/** Abandon a temporary credential (the form changed, or the dialog closed without saving). */
export function deleteTemporaryCredential(credentialId: string) {
  return apiRequest({
    method: 'POST',
    path: `/v1/credentials/${enc(credentialId)}/delete`,
    timeoutMs: VAULT_BOUND_TIMEOUT_MS,
  });
}

export const browserProfileSchema = z.object({
  browser_profile_id: z.string(),
  name: z.string(),
  last_verified_login_at: z.nullish(z.string()),
});

/** B2: only what the detail page shows (the profile's last verified login). */
export function getBrowserProfile(profileId: string, signal?: AbortSignal) {
  return apiRequest({
    path: `/v1/browser_profiles/${enc(profileId)}`,
    schema: browserProfileSchema,
    signal,
  });
}
