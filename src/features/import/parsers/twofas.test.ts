import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../model';
import { input, KEY_A, KEY_B, twofasEncrypted, twofasPlain, twofasService } from './fixtures';
import { parseImport } from './parse-import';

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ImportFileError)) throw new Error('expected an ImportFileError');
  return error;
}

const services = [
  twofasService({ name: 'Slack', account: 'ops@example.com', secret: KEY_A, groupId: 'g1' }),
  twofasService({
    name: 'Cloudflare',
    account: 'admin',
    secret: KEY_B,
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
  }),
  twofasService({ name: 'Steam', tokenType: 'STEAM' }),
  twofasService({ name: 'Bank', tokenType: 'HOTP' }),
];

describe('2FAS backup', () => {
  it('reads a plain backup, with groups as folders', async () => {
    const file = twofasPlain(services, { groups: [{ id: 'g1', name: 'Ops', isExpanded: true }] });
    const result = await parseImport(input('2fas-backup.2fas', file));
    expect(result.source).toBe('2fas');
    expect(result.folders).toEqual(['Ops']);
    expect(result.entries[0]).toMatchObject({
      kind: 'authenticator',
      sourceName: 'Slack (ops@example.com)',
      folder: 'Ops',
      problems: [],
      totp: {
        secret: KEY_A,
        issuer: 'Slack',
        account: 'ops@example.com',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      },
    });
    expect(result.entries[1]).toMatchObject({
      totp: {
        secret: KEY_B,
        issuer: 'Cloudflare',
        account: 'admin',
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
      },
    });
    expect(result.entries[2]).toMatchObject({
      kind: 'unsupported',
      reason: expect.stringMatching(/Steam/),
    });
    expect(result.entries[3]).toMatchObject({
      kind: 'unsupported',
      reason: expect.stringMatching(/HOTP/),
    });
  });

  it('decrypts an encrypted backup with its password (PBKDF2-SHA256, AES-GCM)', async () => {
    const file = await twofasEncrypted(services.slice(0, 2), 'example.com');
    const result = await parseImport(input('2fas-backup-encrypted.2fas', file, 'example.com'));
    expect(
      result.entries.map((entry) => entry.kind === 'authenticator' && entry.totp.secret),
    ).toEqual([KEY_A, KEY_B]);
  });

  it('asks for the password, then says when it is wrong', async () => {
    const file = await twofasEncrypted(services, 'example.com');
    expect((await failure(parseImport(input('backup.2fas', file)))).code).toBe('needs-password');
    const wrong = await failure(parseImport(input('backup.2fas', file, 'guess')));
    expect(wrong.code).toBe('wrong-password');
    expect(wrong.message).toBe('That password does not unlock this 2FAS backup.');
  });

  it('reports damaged services when the password is right', async () => {
    const file = JSON.parse(await twofasEncrypted(services, 'pw')) as { servicesEncrypted: string };
    const [, salt, iv] = file.servicesEncrypted.split(':');
    file.servicesEncrypted = `${btoa('x'.repeat(40))}:${salt}:${iv}`;
    const error = await failure(parseImport(input('backup.2fas', JSON.stringify(file), 'pw')));
    expect(error.code).toBe('corrupt');
  });

  it('refuses a schema version it does not know', async () => {
    const error = await failure(
      parseImport(input('backup.2fas', twofasPlain(services, { schemaVersion: 9 }))),
    );
    expect(error.code).toBe('unsupported-version');
    expect(error.message).toMatch(/schema version 9/);
  });

  it('says a cut-off backup is not complete JSON', async () => {
    const whole = twofasPlain(services);
    const error = await failure(
      parseImport(input('backup.2fas', whole.slice(0, whole.length - 30))),
    );
    expect(error.code).toBe('corrupt');
    expect(error.message).not.toContain(KEY_A);
  });
});
