/*
 * The import's entry point: which source a file is (by its content, then its name), and its
 * ParseResult. Parsing runs on the page in slices that yield to the event loop, so a 5,000-entry
 * export never blocks the page for long (docs/decisions/import.md).
 *
 *   detectSource(input)          → ImportSourceId | null; never throws
 *   parseImport(input, options?) → Promise<ParseResult>; throws ImportFileError
 *
 * Encrypted Aegis and 2FAS files without a password throw ImportFileError('needs-password'):
 * ask for it and call parseImport again with `password`. Google Authenticator codes scanned from
 * a camera or images go through ./google-migration instead (several codes, one session).
 */
import { ImportFileError, type ImportInput, type ImportSourceId, type ParseResult } from '../model';
import { parseAegis, looksLikeAegis } from './aegis';
import { looksLikeBitwardenCsv, parseBitwardenCsv } from './bitwarden-csv';
import { looksLikeBitwardenJson, parseBitwardenJson } from './bitwarden-json';
import { decodeText, yieldToPage } from './common';
import { parseCsv } from './csv';
import { parseMigrationText } from './google-migration';
import { looksLikeOnePasswordCsv, parseOnePasswordCsv } from './onepassword-csv';
import { looksLikeZip, parseOnePassword1pux } from './onepassword-1pux';
import { looksLikeOtpauthList, parseOtpauthList } from './otpauth-list';
import { looksLikeTwofas, parseTwofas } from './twofas';

export interface ParseImportOptions {
  /** Skip detection: parse as this source (e.g. the user picked it). */
  source?: ImportSourceId | undefined;
  /** Stops parsing between slices (the user left or picked another file). */
  signal?: AbortSignal | undefined;
}

/** What each source is called in messages and the UI. */
export const sourceLabels: Record<ImportSourceId, string> = {
  'bitwarden-json': 'Bitwarden (JSON)',
  'bitwarden-csv': 'Bitwarden (CSV)',
  '1password-1pux': '1Password (.1pux)',
  '1password-csv': '1Password (CSV)',
  aegis: 'Aegis',
  '2fas': '2FAS',
  'google-migration': 'Google Authenticator',
  'otpauth-list': 'List of otpauth:// links',
};

const unknownFormatMessage =
  'This file is not an export this importer reads. It reads Bitwarden (.json unencrypted, .csv), ' +
  '1Password (.1pux, .csv), Aegis (.json), 2FAS (.2fas), Google Authenticator export codes and ' +
  'text files of otpauth:// links.';

interface Sniffed {
  source: ImportSourceId;
  json?: unknown;
  text?: string;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function sourceOfJson(json: unknown): ImportSourceId | null {
  if (looksLikeBitwardenJson(json)) return 'bitwarden-json';
  if (looksLikeAegis(json)) return 'aegis';
  if (looksLikeTwofas(json)) return '2fas';
  return null;
}

function sourceOfText(source: string): ImportSourceId | null {
  const lines = source
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > 0 && lines.every((line) => /^otpauth-migration:\/\//i.test(line))) {
    return 'google-migration';
  }
  // The header row of a CSV never has a quoted line break: its first line is enough.
  const headerLine = source.slice(0, source.search(/\r?\n|$/));
  const headers = (parseCsv(headerLine)[0] ?? []).map((name) => name.trim().toLowerCase());
  if (looksLikeBitwardenCsv(headers)) return 'bitwarden-csv';
  if (looksLikeOnePasswordCsv(headers)) return '1password-csv';
  if (looksLikeOtpauthList(source)) return 'otpauth-list';
  return null;
}

/**
 * Sniffs the content. Throws ImportFileError('corrupt') for a file that is meant to be JSON but
 * is cut off; returns null when nothing matches.
 */
function sniff(input: ImportInput): Sniffed | null {
  const extension = extensionOf(input.fileName);
  if (looksLikeZip(input.bytes)) return { source: '1password-1pux' };
  if (extension === '1pux') {
    throw new ImportFileError(
      'corrupt',
      'This .1pux file is not a zip archive: it may be damaged. Export it again from 1Password.',
    );
  }
  const source = decodeText(input.bytes);
  const trimmed = source.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch {
      throw new ImportFileError(
        'corrupt',
        'This file is not complete JSON: it may have been cut off or edited. Export it again.',
      );
    }
    const detected = sourceOfJson(json);
    return detected ? { source: detected, json } : null;
  }
  const detected = sourceOfText(source);
  if (detected) return { source: detected, text: source };
  return null;
}

/** Pasted text as an import input (an otpauth:// list, Google export links, a CSV or JSON). */
export function inputFromText(text: string): ImportInput {
  return { fileName: 'pasted.txt', bytes: new TextEncoder().encode(text) };
}

/** The source a file looks like, or null when it is none of them (or unreadable). */
export function detectSource(input: ImportInput): ImportSourceId | null {
  try {
    return sniff(input)?.source ?? null;
  } catch {
    const extension = extensionOf(input.fileName);
    if (extension === '1pux') return '1password-1pux';
    if (extension === '2fas') return '2fas';
    return null;
  }
}

/** Parses an export file. Throws ImportFileError with a message for the user. */
export async function parseImport(
  input: ImportInput,
  options: ParseImportOptions = {},
): Promise<ParseResult> {
  const { signal } = options;
  if (input.bytes.length === 0) {
    throw new ImportFileError('corrupt', 'This file is empty.');
  }
  let sniffed: Sniffed | null;
  if (options.source) {
    sniffed = { source: options.source };
  } else {
    sniffed = sniff(input);
    if (!sniffed) throw new ImportFileError('unknown-format', unknownFormatMessage);
  }
  // Reading and JSON.parse took one slice: give the page a turn before the entries.
  await yieldToPage();
  signal?.throwIfAborted();
  const jsonOf = (what: string) => sniffed.json ?? parseJsonFile(input, what);
  const textOf = () => sniffed.text ?? decodeText(input.bytes);
  switch (sniffed.source) {
    case 'bitwarden-json':
      return parseBitwardenJson(jsonOf('Bitwarden export'), { signal });
    case 'bitwarden-csv':
      return parseBitwardenCsv(textOf(), { signal });
    case '1password-1pux':
      return parseOnePassword1pux(input.bytes, { signal });
    case '1password-csv':
      return parseOnePasswordCsv(textOf(), { signal });
    case 'aegis':
      return parseAegis(jsonOf('Aegis vault'), input.password, { signal });
    case '2fas':
      return parseTwofas(jsonOf('2FAS backup'), input.password, { signal });
    case 'google-migration':
      return parseMigrationText(textOf());
    case 'otpauth-list':
      return parseOtpauthList(textOf(), { signal });
  }
}

function parseJsonFile(input: ImportInput, what: string): unknown {
  try {
    return JSON.parse(decodeText(input.bytes));
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      'corrupt',
      `This ${what} is not complete JSON: it may have been cut off or edited. Export it again.`,
    );
  }
}
