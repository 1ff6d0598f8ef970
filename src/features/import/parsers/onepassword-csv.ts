/*
 * 1Password 8's CSV export: Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes.
 * It holds Login and Password items only, and no vault name (so no folder).
 */
import { ImportFileError, type ParseResult } from '../model';
import { createYielder, loginProblems, readTotpField, ResultBuilder } from './common';
import { csvRecords } from './csv';

export function looksLikeOnePasswordCsv(headers: string[]): boolean {
  return ['title', 'username', 'password', 'otpauth'].every((name) => headers.includes(name));
}

export async function parseOnePasswordCsv(
  source: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<ParseResult> {
  const { headers, records } = csvRecords(source);
  if (!looksLikeOnePasswordCsv(headers)) {
    throw new ImportFileError(
      'unknown-format',
      'This CSV file does not have the columns of a 1Password export (Title, Username, Password, OTPAuth).',
    );
  }
  const builder = new ResultBuilder('1password-csv');
  const yielder = createYielder(options.signal);
  for (const record of records) {
    await yielder.tick();
    const sourceName = (record.title ?? '').trim() || 'Untitled item';
    const username = (record.username ?? '').trim();
    const password = record.password ?? '';
    const problems = loginProblems(username, password);
    const reading = readTotpField(record.otpauth ?? '', { issuer: sourceName, account: username });
    if (reading.kind === 'invalid' || reading.kind === 'unsupported') problems.push(reading.reason);
    builder.add({
      kind: 'password',
      sourceName,
      folder: null,
      problems,
      name: sourceName,
      username,
      password,
      totp: reading.kind === 'totp' ? reading.totp : null,
      url: (record.url ?? '').trim() || null,
    });
  }
  return builder.result();
}
