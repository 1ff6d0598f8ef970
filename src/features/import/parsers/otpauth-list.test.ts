import { describe, expect, it } from 'vitest';
import { input, KEY_A, KEY_B } from './fixtures';
import { inputFromText, parseImport } from './parse-import';

describe('text file of otpauth:// links', () => {
  it('reads one key per line and lists what Skyvern cannot use', async () => {
    const lines = [
      '# exported keys',
      `otpauth://totp/GitHub:octo?secret=${KEY_A}&issuer=GitHub`,
      '',
      `otpauth://totp/AWS:root?secret=${KEY_B}&algorithm=SHA512&digits=8&period=60&issuer=AWS`,
      `otpauth://hotp/Bank:me?secret=${KEY_A}&counter=3`,
      `otpauth://steam/Steam:gamer?secret=${KEY_A}&issuer=Steam`,
      'otpauth://totp/Broken:me?secret=1NOT-BASE32&issuer=Broken',
      'JBSWY3DPEHPK3PXP some stray note',
    ];
    const result = await parseImport(input('keys.txt', lines.join('\r\n')));
    expect(result.source).toBe('otpauth-list');
    expect(result.entries).toEqual([
      expect.objectContaining({
        kind: 'authenticator',
        sourceName: 'GitHub:octo',
        name: 'GitHub',
        problems: [],
        totp: {
          secret: KEY_A,
          issuer: 'GitHub',
          account: 'octo',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
        },
      }),
      expect.objectContaining({
        totp: {
          secret: KEY_B,
          issuer: 'AWS',
          account: 'root',
          algorithm: 'SHA512',
          digits: 8,
          period: 60,
        },
      }),
      expect.objectContaining({ kind: 'unsupported', reason: expect.stringMatching(/HOTP/) }),
      expect.objectContaining({ kind: 'unsupported', reason: expect.stringMatching(/Steam/) }),
      expect.objectContaining({
        kind: 'authenticator',
        sourceName: 'Broken:me',
        problems: [expect.stringMatching(/valid Base32/)],
        totp: expect.objectContaining({ secret: '' }),
      }),
      expect.objectContaining({
        kind: 'authenticator',
        sourceName: 'Line 8',
        problems: [expect.stringMatching(/not an otpauth/)],
      }),
    ]);
    const shown = result.entries
      .flatMap((entry) => [entry.sourceName, ...entry.problems])
      .join(' ');
    expect(shown).not.toMatch(/1NOT-BASE32|stray/);
  });

  it('reads pasted text', async () => {
    const result = await parseImport(inputFromText(`otpauth://totp/X:y?secret=${KEY_A}`));
    expect(result).toMatchObject({
      source: 'otpauth-list',
      entries: [expect.objectContaining({ kind: 'authenticator' })],
    });
  });
});
