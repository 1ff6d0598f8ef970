/*
 * Error texts and checks that several credential endpoints share.
 */
import { HttpError } from '../http';

export const NO_AUTHENTICATOR = 'This credential does not have an authenticator app configured.';

/** C4, C5 and C6 name the id in their 404 (3.4–3.6); C3 and C7 do not. */
export function notFoundWithId(id: string): HttpError {
  return new HttpError(404, `Credential not found, credential_id=${id}`);
}
