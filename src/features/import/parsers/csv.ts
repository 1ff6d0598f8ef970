/*
 * A small RFC 4180 CSV reader: fields separated by commas, optionally in double quotes; inside
 * quotes a doubled quote is a quote, and commas and line breaks are part of the field. Rows end
 * with CRLF or LF. Password managers write exactly this; no dependency is worth it for ~50 lines.
 */
import { ImportFileError } from '../model';

/** Every row as its fields. A trailing empty line is not a row. */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  const length = source.length;
  while (index < length) {
    const char = source[index];
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        continue;
      }
      field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (char === '\r' && source[index + 1] === '\n') index += 1;
    } else {
      field += char;
    }
    index += 1;
  }
  if (quoted) {
    throw new ImportFileError(
      'corrupt',
      'This CSV file ends inside a quoted field: it may have been cut off. Export it again.',
    );
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as records keyed by the header row's names (lower case, trimmed). Blank rows are dropped. */
export function csvRecords(source: string): {
  headers: string[];
  records: Record<string, string>[];
} {
  const rows = parseCsv(source);
  const headers = (rows[0] ?? []).map((name) => name.trim().toLowerCase());
  const records: Record<string, string>[] = [];
  for (const row of rows.slice(1)) {
    if (row.every((value) => value.trim() === '')) continue;
    const record: Record<string, string> = {};
    headers.forEach((name, column) => {
      record[name] = row[column] ?? '';
    });
    records.push(record);
  }
  return { headers, records };
}
