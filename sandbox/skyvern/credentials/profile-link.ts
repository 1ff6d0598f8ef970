/*
 * Linking a browser profile to a credential (contract 3.9, 13.5): the profile must exist in the
 * organisation, be a plain (not workflow-managed) profile, and have no other live owner.
 */
import type { SkyvernContext } from '../context';
import { HttpError } from '../http';

export const PROFILE_ALREADY_LINKED =
  'This browser profile is already linked to another credential.';

/** Throws the 400 of 3.9 unless `id` may be linked to `currentCredentialId` (null on create). */
export function checkBrowserProfile(
  ctx: SkyvernContext,
  organizationId: string,
  id: string | null,
  currentCredentialId: string | null,
): void {
  if (id === null) return;
  const profile = ctx.profiles.get(organizationId, id);
  if (profile === undefined) {
    throw new HttpError(400, `Browser profile not found, browser_profile_id=${id}`);
  }
  if (profile.is_managed === 1) {
    throw new HttpError(
      400,
      'A credential can only link a plain browser profile, not a workflow-managed one.',
    );
  }
  const owner = ctx.profiles.owner(organizationId, id);
  if (owner !== undefined && owner.id !== currentCredentialId) {
    throw new HttpError(400, PROFILE_ALREADY_LINKED);
  }
}

/** A write that lost the race for a profile hits the unique index: the same 400 (13.5). */
export function isProfileRace(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes('browser_profile_id')
  );
}
