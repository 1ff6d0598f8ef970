import type { ImportInput, ParseResult } from './model';

/** The parsers are their own chunk, loaded when the first file is picked. */
export async function parseFile(input: ImportInput, signal: AbortSignal): Promise<ParseResult> {
  const { parseImport } = await import('./parsers/parse-import');
  return parseImport(input, { signal });
}
