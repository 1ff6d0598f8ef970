import { describe, expect, it, vi } from 'vitest';
import { ImportFileError, type ImportSourceId } from '../model';
import {
  aegisEncrypted,
  aegisEntry,
  aegisPlain,
  BITWARDEN_CSV_HEADER,
  bitwardenExport,
  bitwardenLogin,
  input,
  KEY_A,
  migrationUri,
  HELLO_BYTES,
  ONEPASSWORD_CSV_HEADER,
  onePux,
  onePuxData,
  toCsv,
  twofasPlain,
  twofasService,
} from './fixtures';
import { detectSource, parseImport } from './parse-import';

describe('detectSource', () => {
  it('recognises each source by its content, whatever the file is called', async () => {
    const cases: Array<[ImportSourceId, Uint8Array | string]> = [
      ['bitwarden-json', bitwardenExport([bitwardenLogin()])],
      ['bitwarden-csv', toCsv([BITWARDEN_CSV_HEADER])],
      ['1password-1pux', onePux(onePuxData([]))],
      ['1password-csv', toCsv([ONEPASSWORD_CSV_HEADER])],
      ['aegis', aegisPlain([aegisEntry()])],
      ['aegis', await aegisEncrypted([], 'pw')],
      ['2fas', twofasPlain([twofasService()])],
      ['google-migration', migrationUri([{ secret: HELLO_BYTES, name: 'x' }])],
      ['otpauth-list', `otpauth://totp/X:y?secret=${KEY_A}`],
    ];
    for (const [source, content] of cases) {
      expect(detectSource(input('download', content)), source).toBe(source);
    }
  });

  it('returns null for anything else, and never throws', () => {
    expect(detectSource(input('notes.txt', 'hello'))).toBeNull();
    expect(detectSource(input('x.json', '{"a":1}'))).toBeNull();
    expect(detectSource(input('x.json', '{"encrypted": fal'))).toBeNull();
    expect(detectSource(input('backup.2fas', '{"services": ['))).toBe('2fas');
    expect(detectSource(input('x.bin', new Uint8Array([0xff, 0xfe, 0x00])))).toBeNull();
  });
});

describe('parseImport', () => {
  it('names what it reads when a file is none of the sources', async () => {
    const error = await parseImport(input('notes.txt', 'hello')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({
      code: 'unknown-format',
      message: expect.stringMatching(/Bitwarden.*1Password.*Aegis.*2FAS/),
    });
  });

  it('says an empty file is empty', async () => {
    await expect(parseImport(input('x.json', ''))).rejects.toMatchObject({
      code: 'corrupt',
      message: 'This file is empty.',
    });
  });

  it('parses as the source the user picked', async () => {
    const result = await parseImport(input('x', aegisPlain([aegisEntry()])), { source: 'aegis' });
    expect(result.source).toBe('aegis');
  });

  it('logs nothing, for files it reads and files it refuses', async () => {
    const spies = (['log', 'info', 'warn', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method),
    );
    const encrypted = await aegisEncrypted([aegisEntry()], 'pw');
    const files = [
      input('a.json', bitwardenExport([bitwardenLogin({}, { totp: 'bad key!' })])),
      input('a.json', aegisPlain([aegisEntry(), aegisEntry({ type: 'steam' })])),
      input('a.json', encrypted, 'pw'),
      input('a.json', encrypted, 'wrong'),
      input('a.json', encrypted),
      input('a.json', '{"encrypted": false, "items": ['),
      input('b.2fas', twofasPlain([twofasService({ secret: '!!' })])),
      input(
        'c.csv',
        toCsv([BITWARDEN_CSV_HEADER, ['', '', 'login', 'x', '', '', '', '', '', '', '']]),
      ),
      input('d.1pux', onePux(onePuxData([]))),
      input('e.txt', 'nothing'),
    ];
    for (const file of files) await parseImport(file).catch(() => undefined);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      parseImport(input('x.json', bitwardenExport([bitwardenLogin()])), {
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
