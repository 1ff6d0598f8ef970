/*
 * A plain text file of otpauth:// URIs, one per line (what several authenticator apps export,
 * e.g. Aegis' and 2FAS' "plain text" options). Blank lines and lines starting with # are skipped.
 * Each line is read with the same rules as the console's 2FA field (src/lib/authenticator-key).
 */
import { parseAuthenticatorInput } from '../../../lib/authenticator-key';
import { type ParseResult } from '../model';
import { createYielder, ResultBuilder, unsupportedReasons } from './common';
import { addAuthenticator } from './authenticator-entry';

/** The label of an otpauth URI ("Issuer:account"), decoded; never the query, which holds the key. */
function labelOf(uri: string): string {
  const match = /^otpauth:\/\/[a-z]+\/([^?#]*)/i.exec(uri);
  if (!match?.[1]) return '';
  try {
    return decodeURIComponent(match[1]).trim();
  } catch {
    return '';
  }
}

/** Any line is an otpauth:// URI: lines that are not become rows with a problem, not a refusal. */
const notAUri = 'This line is not an otpauth:// URI.';

export function looksLikeOtpauthList(source: string): boolean {
  return source.split(/\r?\n/).some((line) => /^otpauth:\/\//i.test(line.trim()));
}

export async function parseOtpauthList(
  source: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<ParseResult> {
  const builder = new ResultBuilder('otpauth-list');
  const yielder = createYielder(options.signal);
  const lines = source.split(/\r?\n/);
  for (const [index, rawLine] of lines.entries()) {
    await yielder.tick();
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const label = labelOf(line);
    const sourceName = label || `Line ${index + 1}`;
    const [labelIssuer = '', labelAccount = ''] = label.includes(':')
      ? label.split(/:(.*)/s).map((part) => part.trim())
      : ['', label];
    const type = /^otpauth:\/\/([a-z]+)\//i.exec(line)?.[1]?.toLowerCase();
    if (type === 'steam' || type === 'yandex' || type === 'motp') {
      builder.add({
        kind: 'unsupported',
        sourceName,
        folder: null,
        problems: [],
        reason: unsupportedReasons[type],
      });
      continue;
    }
    const parsed = parseAuthenticatorInput(line);
    switch (parsed.kind) {
      case 'totp':
        if (parsed.source !== 'uri') {
          // A bare key or a web address with a secret: not what this file is meant to hold.
          addAuthenticator(
            builder,
            { ok: false, reason: notAUri },
            {
              sourceName: `Line ${index + 1}`,
              folder: null,
              issuer: '',
              account: '',
            },
          );
          break;
        }
        addAuthenticator(
          builder,
          { ok: true, totp: parsed.totp },
          {
            sourceName,
            folder: null,
            issuer: parsed.totp.issuer,
            account: parsed.totp.account,
          },
        );
        break;
      case 'hotp':
        builder.add({
          kind: 'unsupported',
          sourceName,
          folder: null,
          problems: [],
          reason: unsupportedReasons.hotp,
        });
        break;
      case 'migration':
        builder.add({
          kind: 'unsupported',
          sourceName: `Line ${index + 1}`,
          folder: null,
          problems: [],
          reason:
            'A Google Authenticator export: import it on its own as a Google Authenticator export.',
        });
        break;
      case 'invalid':
        addAuthenticator(
          builder,
          { ok: false, reason: parsed.reason },
          {
            sourceName,
            folder: null,
            issuer: labelIssuer,
            account: labelAccount,
          },
        );
        break;
      default:
        addAuthenticator(
          builder,
          { ok: false, reason: notAUri },
          {
            sourceName,
            folder: null,
            issuer: '',
            account: '',
          },
        );
    }
  }
  return builder.result();
}
