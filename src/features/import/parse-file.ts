import { ImportFileError, type ImportInput, type ParseResult } from './model';

/** Placeholder until the parsers land (branch importparse). */
export async function parseFile(input: ImportInput, signal: AbortSignal): Promise<ParseResult> {
  signal.throwIfAborted();
  throw new ImportFileError('unknown-format', `No parser yet for ${input.fileName}.`);
}
