import type { TotpAccount } from '../../../lib/authenticator-key';
import type { ResultBuilder } from './common';

/**
 * An authenticator app's key as a dry-run row: an authenticator entry, or (when the key is
 * malformed) the same row with its problem, so that it shows as invalid with the reason.
 */
export function addAuthenticator(
  builder: ResultBuilder,
  parsed: { ok: true; totp: TotpAccount } | { ok: false; reason: string },
  meta: { sourceName: string; folder: string | null; issuer: string; account: string },
): void {
  const name = meta.issuer || meta.account || meta.sourceName;
  if (parsed.ok) {
    builder.add({
      kind: 'authenticator',
      sourceName: meta.sourceName,
      folder: meta.folder,
      problems: [],
      name,
      totp: parsed.totp,
    });
    return;
  }
  builder.add({
    kind: 'authenticator',
    sourceName: meta.sourceName,
    folder: meta.folder,
    problems: [parsed.reason],
    name,
    // The key can't be used; the row keeps the names so it can be shown, never the bad key.
    totp: {
      secret: '',
      issuer: meta.issuer,
      account: meta.account,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    },
  });
}
