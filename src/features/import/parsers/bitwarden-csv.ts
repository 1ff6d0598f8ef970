/*
 * Bitwarden's CSV export. Personal vaults:
 *   folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
 * Organization vaults have "collections" in place of "folder". "type" is "login" or "note";
 * Bitwarden's CSV export has no cards or identities (its JSON export does).
 */
import { ImportFileError, type ParseResult } from '../model';
import { createYielder, loginProblems, readTotpField, ResultBuilder } from './common';
import { csvRecords } from './csv';

const REQUIRED = ['type', 'name', 'login_username', 'login_password'];

export function looksLikeBitwardenCsv(headers: string[]): boolean {
  return REQUIRED.every((name) => headers.includes(name));
}

export async function parseBitwardenCsv(
  source: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<ParseResult> {
  const { headers, records } = csvRecords(source);
  if (!looksLikeBitwardenCsv(headers)) {
    throw new ImportFileError(
      'unknown-format',
      'This CSV file does not have the columns of a Bitwarden export (type, name, login_username, login_password).',
    );
  }
  const builder = new ResultBuilder('bitwarden-csv');
  const yielder = createYielder(options.signal);
  for (const record of records) {
    await yielder.tick();
    const sourceName = (record.name ?? '').trim() || 'Untitled item';
    // A collections cell may list several, comma-separated: the first is the folder.
    const folder = ((record.folder ?? record.collections ?? '').split(',')[0] ?? '').trim() || null;
    const type = (record.type ?? '').trim().toLowerCase();
    if (type === 'login') {
      const username = (record.login_username ?? '').trim();
      const password = record.login_password ?? '';
      const problems = loginProblems(username, password);
      const reading = readTotpField(record.login_totp ?? '', {
        issuer: sourceName,
        account: username,
      });
      if (reading.kind === 'invalid' || reading.kind === 'unsupported')
        problems.push(reading.reason);
      builder.add({
        kind: 'password',
        sourceName,
        folder,
        problems,
        name: sourceName,
        username,
        password,
        totp: reading.kind === 'totp' ? reading.totp : null,
        url: (record.login_uri ?? '').split(',')[0]?.trim() || null,
      });
    } else if (type === 'note') {
      const secret = record.notes ?? '';
      builder.add({
        kind: 'secret',
        sourceName,
        folder,
        problems: secret.trim() === '' ? ['The secure note is empty.'] : [],
        name: sourceName,
        secret,
        label: null,
      });
    } else {
      builder.add({
        kind: 'unsupported',
        sourceName,
        folder,
        problems: [],
        reason: 'Bitwarden CSV rows are logins or notes; this row is neither.',
      });
    }
  }
  return builder.result();
}
