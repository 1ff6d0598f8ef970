/*
 * Browser profiles B1–B3 (contract section 13), `/v1` only, plus the profile delete of 13.5.
 * The sandbox runs no browser, so profiles are created by the demo seed or, for tests and e2e, by
 * `addBrowserProfile` behind the test-control route.
 */
import { newId } from '../lib/ids';
import { naiveIso, naiveIsoNow } from '../lib/time';
import type { SkyvernContext } from './context';
import type { ListProfilesQuery } from './folder-schemas';
import { HttpError, json } from './http';
import type { ProfileRow } from './profile-store';
import { parseStoredProxyLocation } from './serialize';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/** Key order of 13.2. */
function profileResponse(row: ProfileRow, linkedCredentialName: string | null) {
  return {
    browser_profile_id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    description: row.description,
    source_browser_type: row.source_browser_type,
    proxy_location: parseStoredProxyLocation(row.proxy_location),
    proxy_session_id: row.proxy_session_id,
    is_managed: row.is_managed === 1,
    workflow_permanent_id: row.workflow_permanent_id,
    browser_profile_key_digest: row.browser_profile_key_digest,
    created_at: row.created_at,
    modified_at: row.modified_at,
    deleted_at: row.deleted_at,
    last_verified_login_at: row.last_verified_login_at,
    linked_credential_name: linkedCredentialName,
  };
}

/** The 404 of 13.1: it names the caller's organisation. */
function profileNotFound(id: string, organizationId: string): HttpError {
  return new HttpError(404, `Browser profile ${id} not found for organization ${organizationId}`);
}

function liveProfile(ctx: SkyvernContext, organizationId: string, id: string): ProfileRow {
  const row = ctx.profiles.get(organizationId, id);
  if (row === undefined) throw profileNotFound(id, organizationId);
  return row;
}

/** B1: the only route that fills `linked_credential_name`. */
export function listProfiles(
  ctx: SkyvernContext,
  organizationId: string,
  query: ListProfilesQuery,
) {
  const { page, page_size: pageSize, include_deleted, search_key, managed } = query.values;
  const offset = (page - 1) * pageSize;
  if (!Number.isSafeInteger(offset)) return json(200, []);
  const rows = ctx.profiles.list(
    organizationId,
    {
      includeDeleted: include_deleted,
      searchKey: search_key === null ? null : search_key.toLowerCase(),
      managed,
    },
    pageSize,
    offset,
  );
  return json(
    200,
    rows.map((row) => profileResponse(row, row.linked_credential_name)),
  );
}

/** B2: `linked_credential_name` is always null here. */
export function getProfile(ctx: SkyvernContext, organizationId: string, id: string) {
  return json(200, profileResponse(liveProfile(ctx, organizationId, id), null));
}

/** B3: workflows using the profile, its credential, and runs of the last 30 days. */
export function profileUsage(ctx: SkyvernContext, organizationId: string, id: string) {
  liveProfile(ctx, organizationId, id);
  const since = naiveIso(ctx.now() - THIRTY_DAYS_MS);
  return json(200, ctx.profiles.usage(organizationId, id, since));
}

/** 13.5: 204; the profile is soft-deleted and unlinked from its credential. */
export function deleteProfile(ctx: SkyvernContext, organizationId: string, id: string) {
  if (!ctx.profiles.softDelete(organizationId, id, naiveIsoNow())) {
    throw profileNotFound(id, organizationId);
  }
  return new Response(null, { status: 204 });
}

export interface NewProfileInput {
  name: string;
  description?: string | null;
  isManaged?: boolean;
  workflowPermanentId?: string | null;
  sourceBrowserType?: string | null;
  lastVerifiedLoginAt?: string | null;
  /** Stored proxy pin, as the credential keeps it (the login-test saver copies it, 11.6). */
  proxyLocation?: string | null;
  proxySessionId?: string | null;
}

/** Demo data and the test-control route: a profile as Skyvern would have stored it. */
export function addBrowserProfile(
  ctx: SkyvernContext,
  organizationId: string,
  input: NewProfileInput,
): ProfileRow {
  const { id, seq } = newId('bp');
  const now = naiveIsoNow();
  const row: ProfileRow = {
    id,
    organization_id: organizationId,
    name: input.name,
    description: input.description ?? null,
    source_browser_type: input.sourceBrowserType ?? null,
    proxy_location: input.proxyLocation ?? null,
    proxy_session_id: input.proxySessionId ?? null,
    is_managed: input.isManaged === true ? 1 : 0,
    workflow_permanent_id: input.workflowPermanentId ?? null,
    browser_profile_key_digest: null,
    created_at: now,
    modified_at: now,
    deleted_at: null,
    last_verified_login_at: input.lastVerifiedLoginAt ?? null,
  };
  ctx.profiles.insert({ ...row, seq });
  return row;
}
