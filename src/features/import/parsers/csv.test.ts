import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../model';
import { csvRecords, parseCsv } from './csv';
import { toCsv } from './fixtures';

describe('parseCsv', () => {
  it('keeps quoted commas, doubled quotes and line breaks inside a field', () => {
    const source = 'a,b,c\r\n"x, y","say ""hi""","line one\r\nline two"\r\nplain,,last\n';
    expect(parseCsv(source)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line one\r\nline two'],
      ['plain', '', 'last'],
    ]);
  });

  it('reads LF line ends and a last row without a line end', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('round-trips what an RFC 4180 writer produces', () => {
    const rows = [
      ['name', 'notes'],
      ['Comma, Inc.', 'He said "no",\nthen left'],
      ['', '""'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('refuses a file cut off inside a quoted field', () => {
    expect(() => parseCsv('a,b\n"unfinished,1')).toThrow(ImportFileError);
    try {
      parseCsv('a,b\n"unfinished secret-value,1');
    } catch (error) {
      expect((error as ImportFileError).code).toBe('corrupt');
      expect((error as Error).message).not.toContain('secret-value');
    }
  });
});

describe('csvRecords', () => {
  it('keys rows by lower-cased header names and drops blank rows', () => {
    const { headers, records } = csvRecords('Title,Password\nA,"p,1"\n,\n');
    expect(headers).toEqual(['title', 'password']);
    expect(records).toEqual([{ title: 'A', password: 'p,1' }]);
  });
});
