import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../model';
import { aegisEncrypted, aegisEntry, aegisPlain, input, KEY_A, KEY_B } from './fixtures';
import { parseImport } from './parse-import';

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ImportFileError)) throw new Error('expected an ImportFileError');
  return error;
}

const entries = [
  aegisEntry({ issuer: 'GitHub', name: 'alice@example.com', secret: KEY_A, group: 'Work' }),
  aegisEntry({ issuer: 'AWS', name: 'root', secret: KEY_B, algo: 'SHA512', digits: 8, period: 60 }),
  aegisEntry({ type: 'hotp', issuer: 'Bank', name: 'acct' }),
  aegisEntry({ type: 'steam', issuer: 'Steam', name: 'gamer' }),
  aegisEntry({ type: 'yandex', issuer: 'Yandex', name: 'ya' }),
  aegisEntry({ issuer: 'Broken', name: 'x', secret: 'NOT*BASE32' }),
];

describe('Aegis vault', () => {
  it('reads a plain vault: keys with issuer, account, algorithm, digits and period', async () => {
    const result = await parseImport(input('aegis-export-plain.json', aegisPlain(entries)));
    expect(result.source).toBe('aegis');
    expect(result.folders).toEqual(['Work']);
    expect(result.entries).toHaveLength(6);
    expect(result.entries[0]).toMatchObject({
      kind: 'authenticator',
      sourceName: 'GitHub (alice@example.com)',
      name: 'GitHub',
      folder: 'Work',
      problems: [],
      totp: {
        secret: KEY_A,
        issuer: 'GitHub',
        account: 'alice@example.com',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      },
    });
    expect(result.entries[1]).toMatchObject({
      totp: {
        secret: KEY_B,
        issuer: 'AWS',
        account: 'root',
        algorithm: 'SHA512',
        digits: 8,
        period: 60,
      },
    });
    expect(result.entries.slice(2, 5)).toEqual([
      expect.objectContaining({ kind: 'unsupported', reason: expect.stringMatching(/HOTP/) }),
      expect.objectContaining({ kind: 'unsupported', reason: expect.stringMatching(/Steam/) }),
      expect.objectContaining({ kind: 'unsupported', reason: expect.stringMatching(/Yandex/) }),
    ]);
    expect(result.entries[5]).toMatchObject({
      kind: 'authenticator',
      problems: ['The secret key is not valid Base32.'],
      totp: { secret: '' },
    });
  });

  it('decrypts an encrypted vault with its password (scrypt slot, then AES-256-GCM)', async () => {
    const file = await aegisEncrypted(entries.slice(0, 2), 'correct horse');
    const result = await parseImport(input('aegis-export.json', file, 'correct horse'));
    expect(
      result.entries.map((entry) => entry.kind === 'authenticator' && entry.totp.secret),
    ).toEqual([KEY_A, KEY_B]);
  });

  it('uses the real parameters Aegis writes (N = 2^15)', async () => {
    const file = await aegisEncrypted(entries.slice(0, 1), 'pw', { n: 2 ** 15 });
    const result = await parseImport(input('aegis-export.json', file, 'pw'));
    expect(result.entries).toHaveLength(1);
  });

  it('skips a biometric slot and unlocks with the password slot', async () => {
    const biometric = {
      type: 2,
      uuid: 'b',
      key: '00'.repeat(32),
      key_params: { nonce: '00'.repeat(12), tag: '00'.repeat(16) },
    };
    const file = await aegisEncrypted(entries.slice(0, 1), 'pw', { extraSlots: [biometric] });
    expect((await parseImport(input('aegis.json', file, 'pw'))).entries).toHaveLength(1);
  });

  it('asks for the password, then says when it is wrong', async () => {
    const file = await aegisEncrypted(entries, 'correct horse');
    const missing = await failure(parseImport(input('aegis-export.json', file)));
    expect(missing.code).toBe('needs-password');
    const wrong = await failure(parseImport(input('aegis-export.json', file, 'battery staple')));
    expect(wrong.code).toBe('wrong-password');
    expect(wrong.message).toBe('That password does not unlock this Aegis vault.');
    expect(wrong.message).not.toContain('battery');
  });

  it('reports damaged contents when the password is right', async () => {
    const file = JSON.parse(await aegisEncrypted(entries, 'pw')) as { db: string };
    file.db = btoa('something else entirely');
    const error = await failure(parseImport(input('aegis.json', JSON.stringify(file), 'pw')));
    expect(error.code).toBe('corrupt');
  });

  it('refuses a slot whose scrypt cost would exhaust the tab, as damaged', async () => {
    const file = JSON.parse(await aegisEncrypted(entries, 'pw')) as {
      header: { slots: Array<{ n: number; r: number }> };
    };
    const slot = file.header.slots[0];
    if (slot) Object.assign(slot, { n: 2 ** 20, r: 32 });
    const error = await failure(parseImport(input('aegis.json', JSON.stringify(file), 'pw')));
    expect(error.code).toBe('corrupt');
  });

  it('refuses an unknown vault or content version', async () => {
    const newer = JSON.stringify({
      version: 2,
      header: { slots: null, params: null },
      db: { version: 2, entries },
    });
    expect((await failure(parseImport(input('aegis.json', newer)))).code).toBe(
      'unsupported-version',
    );
    const newerDb = aegisPlain(entries, 9);
    expect((await failure(parseImport(input('aegis.json', newerDb)))).code).toBe(
      'unsupported-version',
    );
  });

  it('says a cut-off vault is not complete JSON', async () => {
    const whole = aegisPlain(entries);
    const error = await failure(parseImport(input('aegis.json', whole.slice(0, 200))));
    expect(error.code).toBe('corrupt');
    expect(error.message).not.toContain(KEY_A);
  });
});
