import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../model';
import { HELLO_BYTES, input, KEY_A, migrationUri } from './fixtures';
import {
  addMigrationScan,
  migrationProgress,
  migrationResult,
  readMigrationUri,
  type MigrationScan,
} from './google-migration';
import { parseImport } from './parse-import';

const parts = [
  migrationUri([{ secret: HELLO_BYTES, name: 'Acme:jane@example.com', issuer: 'Acme' }], {
    index: 0,
    size: 3,
    id: 7,
  }),
  migrationUri(
    [{ secret: [1, 2, 3, 4, 5], name: 'ops@example.com', issuer: 'Büro', algorithm: 2, digits: 2 }],
    { index: 1, size: 3, id: 7 },
  ),
  migrationUri(
    [
      { secret: HELLO_BYTES, name: 'Counter', issuer: 'Bank', type: 1 },
      { secret: HELLO_BYTES, name: 'Old', issuer: 'Legacy', algorithm: 4 },
    ],
    { index: 2, size: 3, id: 7 },
  ),
];

describe('Google Authenticator export codes', () => {
  it('collects the codes of one export in any order and says how many are scanned', () => {
    let scans: MigrationScan[] = [];
    expect(migrationProgress(scans)).toMatchObject({ scanned: 0, total: 0, complete: false });
    const third = addMigrationScan(scans, readMigrationUri(parts[2] ?? ''));
    expect(third.outcome).toBe('added');
    scans = third.scans;
    scans = addMigrationScan(scans, readMigrationUri(parts[0] ?? '')).scans;
    expect(migrationProgress(scans)).toEqual({
      scanned: 2,
      total: 3,
      missing: [2],
      complete: false,
      label: '2 of 3 codes scanned',
    });
    expect(addMigrationScan(scans, readMigrationUri(parts[0] ?? '')).outcome).toBe('duplicate');
    const other = readMigrationUri(
      migrationUri([{ secret: HELLO_BYTES, name: 'x' }], { index: 1, size: 3, id: 8 }),
    );
    expect(addMigrationScan(scans, other)).toMatchObject({ outcome: 'other-export', scans });
    const partial = migrationResult(scans);
    expect(partial.warnings).toEqual([expect.stringMatching(/code 2 was not scanned/)]);

    scans = addMigrationScan(scans, readMigrationUri(parts[1] ?? '')).scans;
    expect(migrationProgress(scans)).toMatchObject({
      complete: true,
      label: '3 of 3 codes scanned',
      missing: [],
    });
    const result = migrationResult(scans);
    expect(result.source).toBe('google-migration');
    expect(result.warnings).toEqual([]);
    expect(result.entries).toEqual([
      expect.objectContaining({
        kind: 'authenticator',
        sourceName: 'Acme (jane@example.com)',
        problems: [],
        totp: {
          secret: KEY_A,
          issuer: 'Acme',
          account: 'jane@example.com',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
        },
      }),
      expect.objectContaining({
        kind: 'authenticator',
        totp: expect.objectContaining({ issuer: 'Büro', algorithm: 'SHA256', digits: 8 }),
      }),
      expect.objectContaining({ kind: 'unsupported', reason: expect.stringMatching(/HOTP/) }),
      expect.objectContaining({ kind: 'authenticator', problems: [expect.stringMatching(/MD5/)] }),
    ]);
  });

  it('refuses a QR code that is not an export, and a damaged one, without quoting it', () => {
    expect(() => readMigrationUri('https://example.com')).toThrow(ImportFileError);
    try {
      readMigrationUri('otpauth-migration://offline?data=AAAA%%%');
    } catch (error) {
      expect(error).toMatchObject({ code: 'corrupt' });
      expect((error as Error).message).not.toContain('AAAA');
    }
  });

  it('reads a text file of all the codes of one export', async () => {
    const result = await parseImport(input('google.txt', `${parts.join('\n')}\n`));
    expect(result.source).toBe('google-migration');
    expect(result.entries).toHaveLength(4);
  });
});
