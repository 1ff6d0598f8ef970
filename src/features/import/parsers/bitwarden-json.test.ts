import { describe, expect, it } from 'vitest';
import { ImportFileError, type ImportEntry, type ParseResult } from '../model';
import {
  bitwardenCard,
  bitwardenExport,
  bitwardenLogin,
  bitwardenNote,
  input,
  KEY_A,
  VISA_BAD_LUHN,
} from './fixtures';
import { parseImport } from './parse-import';

function byName(result: ParseResult, name: string): ImportEntry {
  const entry = result.entries.find((candidate) => candidate.sourceName === name);
  if (!entry) throw new Error(`no entry ${name}`);
  return entry;
}

async function parseBitwarden(items: unknown[], folders: Array<{ id: string; name: string }> = []) {
  return parseImport(input('bitwarden_export.json', bitwardenExport(items, folders)));
}

describe('Bitwarden JSON export', () => {
  it('reads logins with username, password, URL and TOTP, cards and notes, in folders', async () => {
    const result = await parseBitwarden(
      [
        bitwardenLogin({ folderId: 'f1' }, { totp: KEY_A }),
        bitwardenLogin(
          { name: 'AWS' },
          {
            username: 'root',
            password: 'pw',
            totp: `otpauth://totp/AWS:root?secret=${KEY_A}&digits=8&algorithm=SHA256&issuer=AWS`,
          },
        ),
        bitwardenCard({}, { folderId: 'f2' }),
        bitwardenNote('line 1\nline 2'),
      ],
      [
        { id: 'f1', name: 'Engineering' },
        { id: 'f2', name: 'Finance' },
      ],
    );
    expect(result.source).toBe('bitwarden-json');
    expect(result.folders).toEqual(['Engineering', 'Finance']);
    expect(result.warnings).toEqual([]);
    expect(byName(result, 'GitHub')).toMatchObject({
      kind: 'password',
      name: 'GitHub',
      username: 'octo@example.com',
      password: 'hunter2-github',
      url: 'https://github.com/login',
      folder: 'Engineering',
      problems: [],
      totp: {
        secret: KEY_A,
        issuer: 'GitHub',
        account: 'octo@example.com',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      },
    });
    expect(byName(result, 'AWS')).toMatchObject({
      kind: 'password',
      folder: null,
      totp: { secret: KEY_A, issuer: 'AWS', account: 'root', algorithm: 'SHA256', digits: 8 },
    });
    expect(byName(result, 'Company Visa')).toMatchObject({
      kind: 'card',
      cardholder: 'Jane Doe',
      number: '4111111111111111',
      expMonth: '04',
      expYear: '2031',
      cvv: '123',
      brand: 'Visa',
      folder: 'Finance',
      problems: [],
    });
    expect(byName(result, 'Deploy key')).toMatchObject({
      kind: 'secret',
      secret: 'line 1\nline 2',
      problems: [],
    });
    expect(new Set(result.entries.map((entry) => entry.id)).size).toBe(result.entries.length);
  });

  it('flags a bad Base32 key, a missing password, a failed Luhn check and a bad expiry', async () => {
    const result = await parseBitwarden([
      bitwardenLogin({ name: 'Bad key' }, { totp: 'NOT-BASE32-189!' }),
      bitwardenLogin({ name: 'No password' }, { password: '' }),
      bitwardenLogin({ name: 'No username' }, { username: null }),
      bitwardenCard({ code: null, cardholderName: '' }, { name: 'No CVV' }),
      bitwardenCard({ number: VISA_BAD_LUHN }, { name: 'Typo card' }),
      bitwardenCard({ expMonth: '13' }, { name: 'Month 13' }),
      bitwardenCard({ expMonth: '1', expYear: '2020' }, { name: 'Old card' }),
    ]);
    expect(byName(result, 'Bad key').problems).toEqual([expect.stringMatching(/Bad 2FA key/)]);
    expect(byName(result, 'No password').problems).toEqual([expect.stringMatching(/No password/)]);
    expect(byName(result, 'No username').problems).toEqual([expect.stringMatching(/No username/)]);
    expect(byName(result, 'No CVV').problems).toEqual([
      expect.stringMatching(/No security code/),
      expect.stringMatching(/No cardholder/),
    ]);
    expect(byName(result, 'Typo card').problems).toEqual([expect.stringMatching(/check digit/)]);
    expect(byName(result, 'Month 13').problems).toEqual([expect.stringMatching(/expiry month/)]);
    expect(byName(result, 'Old card').problems).toEqual([expect.stringMatching(/expired/)]);
    // No problem message quotes what was in the file.
    const messages = result.entries.flatMap((entry) => entry.problems).join(' ');
    expect(messages).not.toMatch(/NOT-BASE32|4111111111111112/);
  });

  it('lists Steam keys, HOTP keys, passkeys and identities as unsupported or with a reason', async () => {
    const result = await parseBitwarden([
      bitwardenLogin({ name: 'Steam' }, { totp: `steam://${KEY_A}` }),
      bitwardenLogin({ name: 'Counter' }, { totp: `otpauth://hotp/X:y?secret=${KEY_A}&counter=1` }),
      bitwardenLogin(
        { name: 'Passkey only' },
        { password: null, fido2Credentials: [{ credentialId: 'c', rpId: 'example.com' }] },
      ),
      bitwardenLogin(
        { name: 'Both' },
        { fido2Credentials: [{ credentialId: 'c', rpId: 'example.com' }] },
      ),
      { id: 'i', type: 4, name: 'Me', identity: {}, deletedDate: null },
    ]);
    expect(byName(result, 'Steam').problems).toEqual([expect.stringMatching(/Steam/)]);
    expect(byName(result, 'Counter').problems).toEqual([expect.stringMatching(/HOTP/)]);
    expect(byName(result, 'Passkey only')).toMatchObject({
      kind: 'unsupported',
      reason: expect.stringMatching(/passkey/i),
    });
    expect(byName(result, 'Both')).toMatchObject({ kind: 'password', problems: [] });
    expect(byName(result, 'Both (passkey)')).toMatchObject({ kind: 'unsupported' });
    expect(byName(result, 'Me')).toMatchObject({
      kind: 'unsupported',
      reason: expect.stringMatching(/Identity/),
    });
  });

  it('leaves items in the trash out, with a warning', async () => {
    const result = await parseBitwarden([
      bitwardenLogin(),
      bitwardenLogin({ name: 'Deleted', deletedDate: '2026-02-01T00:00:00.000Z' }),
      bitwardenNote('x', { deletedDate: '2026-02-01T00:00:00.000Z' }),
    ]);
    expect(result.entries.map((entry) => entry.sourceName)).toEqual(['GitHub']);
    expect(result.warnings).toEqual(['2 items in the Bitwarden trash were left out.']);
  });

  it('uses collection names as folders in an organization export', async () => {
    const json = JSON.stringify({
      encrypted: false,
      collections: [{ id: 'c1', name: 'Shared ops' }],
      items: [bitwardenLogin({ collectionIds: ['c1'] })],
    });
    const result = await parseImport(input('org.json', json));
    expect(result.entries[0]?.folder).toBe('Shared ops');
    expect(result.folders).toEqual(['Shared ops']);
  });

  it('refuses an encrypted export and says how to export unencrypted', async () => {
    const passwordProtected = JSON.stringify({
      encrypted: true,
      passwordProtected: true,
      salt: 'c2FsdA==',
      kdfType: 0,
      kdfIterations: 600000,
      encKeyValidation_DO_NOT_EDIT: '2.abc|def|ghi',
      data: '2.abc|def|ghi',
    });
    const accountRestricted = JSON.stringify({
      encrypted: true,
      encKeyValidation_DO_NOT_EDIT: '2.abc|def|ghi',
      folders: [],
      items: [],
    });
    for (const json of [passwordProtected, accountRestricted]) {
      const error = await parseImport(input('bitwarden_encrypted_export.json', json)).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).code).toBe('unsupported-version');
      expect((error as Error).message).toMatch(/encrypted Bitwarden export.*\.json/);
    }
  });

  it('says a cut-off file is not complete JSON', async () => {
    const whole = bitwardenExport([bitwardenLogin()]);
    const error = await parseImport(
      input('bitwarden_export.json', whole.slice(0, whole.length / 2)),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/not complete JSON/),
    });
    expect((error as Error).message).not.toContain('hunter2');
  });
});
