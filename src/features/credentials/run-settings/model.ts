import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiRequest } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { Credential, CredentialType } from '../../../api/schemas';

/*
 * A credential's run settings (contract 3.4, 3.9, 13.5): what they are called, which types they
 * apply to, and how the Run settings form turns into a PATCH. No secret is part of any of them.
 */

/** The proxy-location enum of contract 3.9, with the words people use for each value. */
export const PROXY_LOCATIONS = [
  ['RESIDENTIAL', 'Residential proxy (Skyvern’s default pool)'],
  ['RESIDENTIAL_ISP', 'Residential ISP proxy (sticky IP, with a session)'],
  ['US-CA', 'United States: California'],
  ['US-NY', 'United States: New York'],
  ['US-TX', 'United States: Texas'],
  ['US-FL', 'United States: Florida'],
  ['US-WA', 'United States: Washington'],
  ['RESIDENTIAL_AR', 'Residential: Argentina'],
  ['RESIDENTIAL_AU', 'Residential: Australia'],
  ['RESIDENTIAL_BR', 'Residential: Brazil'],
  ['RESIDENTIAL_CA', 'Residential: Canada'],
  ['RESIDENTIAL_FR', 'Residential: France'],
  ['RESIDENTIAL_DE', 'Residential: Germany'],
  ['RESIDENTIAL_IN', 'Residential: India'],
  ['RESIDENTIAL_IE', 'Residential: Ireland'],
  ['RESIDENTIAL_IT', 'Residential: Italy'],
  ['RESIDENTIAL_JP', 'Residential: Japan'],
  ['RESIDENTIAL_MX', 'Residential: Mexico'],
  ['RESIDENTIAL_NL', 'Residential: Netherlands'],
  ['RESIDENTIAL_NZ', 'Residential: New Zealand'],
  ['RESIDENTIAL_PH', 'Residential: Philippines'],
  ['RESIDENTIAL_SA', 'Residential: Saudi Arabia'],
  ['RESIDENTIAL_ZA', 'Residential: South Africa'],
  ['RESIDENTIAL_KR', 'Residential: South Korea'],
  ['RESIDENTIAL_ES', 'Residential: Spain'],
  ['RESIDENTIAL_TR', 'Residential: Turkey'],
  ['RESIDENTIAL_GB', 'Residential: United Kingdom'],
  ['NONE', 'No proxy'],
] as const;

export type ProxyLocationValue = (typeof PROXY_LOCATIONS)[number][0];
export const ISP = 'RESIDENTIAL_ISP';

const proxyLabels = new Map<string, string>(PROXY_LOCATIONS);

export function isProxyLocationValue(value: string): value is ProxyLocationValue {
  return proxyLabels.has(value);
}

export type GeoLocation = { country: string; subdivision?: string | null; city?: string | null };

/** A stored proxy location in words; an unknown enum value (a newer Skyvern) is shown as sent. */
export function describeProxyLocation(location: Credential['proxy_location']): string | null {
  if (location === null || location === undefined) return null;
  if (typeof location === 'string') return proxyLabels.get(location) ?? location;
  const place = [location.city, location.subdivision, location.country].filter(Boolean).join(', ');
  return `Residential: ${place}`;
}

/**
 * Which settings can matter for a credential of this type. Only password credentials sign in:
 * only they can be tested (contract 11.1, 11.3 step 3), and browser profiles and saved sessions
 * come from those sign-ins (11.6). Proxy and one-at-a-time govern any run that uses the credential.
 */
export function appliesToType(type: CredentialType) {
  const signsIn = type === 'password';
  return {
    testedUrl: signsIn,
    userContext: signsIn,
    browserProfile: signsIn,
    saveBrowserSession: signsIn,
    autoProfile: signsIn,
    pinSavedSessionIp: signsIn,
    proxy: true,
    runSequentially: true,
  };
}

/** Contract 3.4: user_context is at most 1000 characters. */
export const USER_CONTEXT_MAX = 1000;

/** The form's values. Check boxes are worded positively; the proxy is one choice plus details. */
export interface RunSettingsValues {
  testedUrl: string;
  userContext: string;
  runSequentially: boolean;
  /** `''` means no browser profile. */
  browserProfileId: string;
  pinSavedSessionIp: boolean;
  saveBrowserSession: boolean;
  /** `!auto_profile_disabled`. */
  autoProfile: boolean;
  /** `''` for not set, `GEO` for a country/region/city, otherwise an enum value. */
  proxyChoice: string;
  geoCountry: string;
  geoSubdivision: string;
  geoCity: string;
  proxySessionId: string;
  newProxySession: boolean;
}

export const GEO = 'GEO';

export function runSettingsDefaults(credential: Credential): RunSettingsValues {
  const location = credential.proxy_location ?? null;
  const geo = typeof location === 'object' && location !== null ? location : null;
  return {
    testedUrl: credential.tested_url ?? '',
    userContext: credential.user_context ?? '',
    runSequentially: credential.run_sequentially === true,
    browserProfileId: credential.browser_profile_id ?? '',
    pinSavedSessionIp: credential.pin_saved_session_ip === true,
    saveBrowserSession: credential.save_browser_session_intent === true,
    // Null on old rows; only `true` turns the automatic profile off.
    autoProfile: credential.auto_profile_disabled !== true,
    proxyChoice: geo ? GEO : typeof location === 'string' ? location : '',
    geoCountry: geo?.country ?? '',
    geoSubdivision: geo?.subdivision ?? '',
    geoCity: geo?.city ?? '',
    proxySessionId: credential.proxy_session_id ?? '',
    newProxySession: false,
  };
}

/** The PATCH body of contract 3.4: every key is optional, `null` has a meaning for some. */
export interface RunSettingsPatch {
  tested_url?: string;
  user_context?: string;
  run_sequentially?: boolean;
  browser_profile_id?: string | null;
  pin_saved_session_ip?: boolean;
  save_browser_session_intent?: boolean;
  auto_profile_disabled?: boolean;
  proxy_location?:
    string | { country: string; subdivision: string | null; city: string | null } | null;
  proxy_session_id?: string;
  rotate_proxy_session_id?: true;
}

function proxyLocationOf(values: RunSettingsValues): RunSettingsPatch['proxy_location'] {
  if (values.proxyChoice === '') return null;
  if (values.proxyChoice === GEO) {
    return {
      country: values.geoCountry.trim().toUpperCase(),
      subdivision: values.geoSubdivision.trim() || null,
      city: values.geoCity.trim() || null,
    };
  }
  return values.proxyChoice;
}

/**
 * Only what changed, so a PATCH never resets what the user did not touch (absent keys are left
 * alone by Skyvern; contract 3.4). Settings that do not apply to the type are never sent.
 */
export function buildRunSettingsPatch(
  credential: Credential,
  values: RunSettingsValues,
): RunSettingsPatch {
  const before = runSettingsDefaults(credential);
  const applies = appliesToType(credential.credential_type);
  const patch: RunSettingsPatch = {};
  if (applies.testedUrl && values.testedUrl.trim() !== before.testedUrl) {
    patch.tested_url = values.testedUrl.trim();
  }
  // Whitespace-only hints are stored as "no change" by Skyvern anyway (contract 3.4).
  if (
    applies.userContext &&
    values.userContext !== before.userContext &&
    values.userContext.trim() !== ''
  ) {
    patch.user_context = values.userContext;
  }
  if (values.runSequentially !== before.runSequentially) {
    patch.run_sequentially = values.runSequentially;
  }
  if (applies.browserProfile && values.browserProfileId !== before.browserProfileId) {
    // Present and null unlinks (contract 3.4, 13.5).
    patch.browser_profile_id = values.browserProfileId || null;
  }
  if (applies.pinSavedSessionIp && values.pinSavedSessionIp !== before.pinSavedSessionIp) {
    patch.pin_saved_session_ip = values.pinSavedSessionIp;
  }
  if (applies.saveBrowserSession && values.saveBrowserSession !== before.saveBrowserSession) {
    patch.save_browser_session_intent = values.saveBrowserSession;
  }
  if (applies.autoProfile && values.autoProfile !== before.autoProfile) {
    patch.auto_profile_disabled = !values.autoProfile;
  }

  const locationChanged =
    values.proxyChoice !== before.proxyChoice ||
    (values.proxyChoice === GEO &&
      (values.geoCountry.trim().toUpperCase() !== before.geoCountry ||
        values.geoSubdivision.trim() !== before.geoSubdivision ||
        values.geoCity.trim() !== before.geoCity));
  if (locationChanged) patch.proxy_location = proxyLocationOf(values);

  // A session exists only with the ISP proxy (contract 3.9). An emptied session asks for a fresh
  // one: sending `proxy_session_id: ""` alone would clear the location as well.
  if (values.proxyChoice === ISP) {
    const session = values.proxySessionId.trim();
    if (values.newProxySession || (session === '' && before.proxySessionId !== '')) {
      patch.rotate_proxy_session_id = true;
    } else if (session !== before.proxySessionId) {
      patch.proxy_session_id = session;
    }
  }
  return patch;
}

/** A stored value Skyvern cannot clear through PATCH (contract 3.4). */
export const CANNOT_CLEAR =
  'Skyvern cannot clear this once it is saved. Type a replacement, or keep the current one.';

/** Why the form cannot be sent as it is, per field; empty when it can. */
export function runSettingsProblems(
  credential: Credential,
  values: RunSettingsValues,
): Partial<Record<keyof RunSettingsValues, string>> {
  const problems: Partial<Record<keyof RunSettingsValues, string>> = {};
  const before = runSettingsDefaults(credential);
  const applies = appliesToType(credential.credential_type);
  const url = values.testedUrl.trim();
  if (applies.testedUrl) {
    if (url === '' && before.testedUrl !== '') problems.testedUrl = CANNOT_CLEAR;
    else if (url !== '' && url !== before.testedUrl && !isWebUrl(url)) {
      problems.testedUrl =
        'Enter the full address of the sign-in page, starting with https:// or http://.';
    }
  }
  if (applies.userContext) {
    if (values.userContext.trim() === '' && before.userContext !== '') {
      problems.userContext = CANNOT_CLEAR;
    } else if (values.userContext.length > USER_CONTEXT_MAX) {
      problems.userContext = `Keep the hints to ${USER_CONTEXT_MAX} characters or fewer (now ${values.userContext.length}).`;
    }
  }
  if (values.proxyChoice === GEO && !/^[A-Za-z]{2}$/.test(values.geoCountry.trim())) {
    problems.geoCountry = 'Enter the two-letter country code, for example US or DE.';
  }
  return problems;
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// ── Browser profiles as the credential screens use them (contract 13): B1 to pick one, B2 to
// name the one a credential links. In this module rather than their own: one shared chunk, not
// two, keeps the first load's preload list short (first-load-budget.md).

/** Every profile key lives in api/query-keys.ts; this name keeps the callers short. */
export const browserProfileKeys = queryKeys.browserProfiles;

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
    queryKey: browserProfileKeys.list(),
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
    queryKey: browserProfileKeys.detail(id),
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/v1/browser_profiles/${encodeURIComponent(id)}`,
        schema: browserProfileSchema,
        signal,
      }),
  });

const profileUsageSchema = z.object({
  workflows: z.array(z.object({ workflow_permanent_id: z.string(), title: z.string() })),
});

/** B3: the workflows that also run with a profile (13.4). */
export const browserProfileUsageQuery = (id: string) =>
  queryOptions({
    queryKey: browserProfileKeys.usage(id),
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/v1/browser_profiles/${encodeURIComponent(id)}/usage`,
        schema: profileUsageSchema,
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
