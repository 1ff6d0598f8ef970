import { describe, expect, it } from 'vitest';
import { BITWARDEN_CSV_HEADER, input, KEY_A, toCsv } from './fixtures';
import { parseImport } from './parse-import';

describe('Bitwarden CSV export', () => {
  it('reads logins and notes with quoted commas, quotes and line breaks; folders from the folder column', async () => {
    const csv = toCsv([
      BITWARDEN_CSV_HEADER,
      [
        'Ops, EU',
        '1',
        'login',
        'Grafana',
        'notes, with "quotes"\nand a line',
        '',
        '0',
        'https://grafana.example',
        'admin',
        'a,b"c\nd',
        KEY_A,
      ],
      ['', '', 'note', 'Runbook', 'step 1\r\nstep 2', '', '0', '', '', '', ''],
      ['', '', 'login', 'Bad key', '', '', '0', '', 'u', 'p', 'not base32!'],
      ['', '', 'card', 'Weird', '', '', '0', '', '', '', ''],
    ]);
    const result = await parseImport(input('bitwarden_export.csv', csv));
    expect(result.source).toBe('bitwarden-csv');
    expect(result.folders).toEqual(['Ops']);
    expect(result.entries[0]).toMatchObject({
      kind: 'password',
      name: 'Grafana',
      username: 'admin',
      password: 'a,b"c\nd',
      url: 'https://grafana.example',
      folder: 'Ops',
      problems: [],
      totp: { secret: KEY_A, issuer: 'Grafana', account: 'admin' },
    });
    expect(result.entries[1]).toMatchObject({
      kind: 'secret',
      name: 'Runbook',
      secret: 'step 1\r\nstep 2',
    });
    expect(result.entries[2]?.problems).toEqual([expect.stringMatching(/Bad 2FA key/)]);
    expect(result.entries[3]).toMatchObject({ kind: 'unsupported' });
  });

  it('reads an organization export, whose first column is collections', async () => {
    const header = ['collections', ...BITWARDEN_CSV_HEADER.slice(1)];
    const csv = toCsv(
      [header, ['Shared', '', 'login', 'Jira', '', '', '0', '', 'me', 'pw', '']],
      '\n',
    );
    const result = await parseImport(input('org.csv', csv));
    expect(result.entries[0]).toMatchObject({ kind: 'password', folder: 'Shared', username: 'me' });
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const csv = `\uFEFF${toCsv([BITWARDEN_CSV_HEADER, ['', '', 'login', 'Jira', '', '', '0', '', 'me', 'pw', '']])}`;
    const result = await parseImport(input('bitwarden_export.csv', csv));
    expect(result).toMatchObject({
      source: 'bitwarden-csv',
      entries: [expect.objectContaining({ name: 'Jira' })],
    });
  });

  it('says a CSV cut off inside a quoted field is damaged', async () => {
    const csv = `${BITWARDEN_CSV_HEADER.join(',')}\n,,login,X,"unterminated note`;
    await expect(parseImport(input('bitwarden_export.csv', csv))).rejects.toMatchObject({
      code: 'corrupt',
    });
  });
});
