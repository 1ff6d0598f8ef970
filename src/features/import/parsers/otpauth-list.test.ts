import { describe, expect, it } from 'vitest';
import { input, KEY_A, KEY_B } from './fixtures';
import { parseImport } from './parse-import';

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
    ]);
    expect(result.entries.flatMap((entry) => entry.problems).join(' ')).not.toContain(
      '1NOT-BASE32',
    );
  });
});
