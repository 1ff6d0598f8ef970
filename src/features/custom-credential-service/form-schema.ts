import { z } from 'zod/mini';

/*
 * zod/mini rather than classic zod: the response schemas already load it with the shell, so the
 * settings page pays nothing extra for its validation.
 */

/** Why a base URL is unusable, or null. Skyvern itself stores anything (contract 5.2). */
export function baseUrlProblem(value: string): string | null {
  if (!value) return 'Enter the API base URL of your credential service.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter an absolute URL starting with https:// or http://, for example https://vault.example.com/api/v1/credentials.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'Only http:// and https:// URLs are supported.';
  }
  if (url.search || url.hash) {
    // Skyvern appends item ids as a path segment (contract 6.1): a query string would break them.
    return 'Remove the query string or fragment: Skyvern appends item ids to this URL as a path segment.';
  }
  return null;
}

export const customCredentialFormSchema = z.object({
  // Checked as trimmed; the request sends the trimmed URL too (it is not a secret).
  apiBaseUrl: z.string().check(
    z.superRefine((value, context) => {
      const problem = baseUrlProblem(value.trim());
      if (problem) context.issues.push({ code: 'custom', message: problem, input: value });
    }),
  ),
  // Never trimmed or altered: the token is sent exactly as typed.
  apiToken: z
    .string()
    .check(z.minLength(1, 'Enter the API token. The saved token is never shown.')),
});

export type CustomCredentialFormValues = z.infer<typeof customCredentialFormSchema>;
