/*
 * Error texts and checks that several credential endpoints share.
 */
import { HttpError } from '../http';

export const NO_AUTHENTICATOR = 'This credential does not have an authenticator app configured.';

/** C4, C5 and C6 name the id in their 404 (3.4–3.6); C3 and C7 do not. */
export function notFoundWithId(id: string): HttpError {
  return new HttpError(404, `Credential not found, credential_id=${id}`);
}

/** The sandbox has no browser profiles, so any id names a missing one (3.9). */
export function assertBrowserProfile(id: string | null): void {
  if (id !== null) throw new HttpError(400, `Browser profile not found, browser_profile_id=${id}`);
}
