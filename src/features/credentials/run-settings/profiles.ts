import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiRequest } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

/*
 * Browser profiles as the credential screens use them (contract 13): B1 to pick one, B2 to name
 * the one a credential links. Loaded with the detail page and the Run settings dialog only.
 */

export const browserProfileSchema = z.object({
  browser_profile_id: z.string(),
  name: z.string(),
  description: z.nullish(z.string()),
  is_managed: z.boolean(),
  deleted_at: z.nullish(z.string()),
  last_verified_login_at: z.nullish(z.string()),
  linked_credential_name: z.nullish(z.string()),
});
export type BrowserProfile = z.infer<typeof browserProfileSchema>;

/** What the official picker loads (13.3): user-created profiles, one page of 100. */
export const PROFILE_PAGE_SIZE = 100;

export const browserProfileListQuery = () =>
  queryOptions({
    queryKey: queryKeys.browserProfiles.list(),
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/v1/browser_profiles',
        query: { managed: false, page: 1, page_size: PROFILE_PAGE_SIZE },
        schema: z.array(browserProfileSchema),
        signal,
      }),
    // A credential can only link a plain profile (3.9), whatever the server's filter did.
    select: (profiles: BrowserProfile[]) =>
      profiles.filter((profile) => !profile.is_managed && !profile.deleted_at),
  });

/** B2: `linked_credential_name` is always null here (13.2). */
export const browserProfileQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.browserProfiles.detail(id),
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/v1/browser_profiles/${encodeURIComponent(id)}`,
        schema: browserProfileSchema,
        signal,
      }),
  });

/** Skyvern's naive UTC timestamps (contract 1.6) in the reader's words and time zone. */
export function formatVerifiedLogin(timestamp: string | null | undefined): string {
  if (!timestamp) return 'Login never verified';
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(timestamp) ? timestamp : `${timestamp}Z`);
  if (Number.isNaN(date.getTime())) return `Login last verified ${timestamp}`;
  return `Login last verified ${date.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })}`;
}
