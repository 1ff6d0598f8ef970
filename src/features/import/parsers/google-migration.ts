/*
 * Google Authenticator's "Transfer accounts" export: one or several QR codes, each an
 * otpauth-migration://offline?data=… URI (decoded by src/lib/otp-migration.ts). A large export
 * is split into batch_size codes numbered by batch_index and sharing one batch_id, so a session
 * collects scans until every index is in, and says how many are still to come.
 *
 * The UI keeps the scans (they hold keys: in the import's own state only) and calls:
 *   readMigrationUri(uri)         → one scan, or ImportFileError
 *   addMigrationScan(scans, scan) → the new list, and whether it was new, a repeat or another export
 *   migrationProgress(scans)      → "2 of 3 codes scanned", missing parts
 *   migrationResult(scans)        → the ParseResult for the dry run
 */
import { accountFromMigration } from '../../../lib/authenticator-key';
import {
  decodeMigrationUri,
  isMigrationUri,
  MigrationDecodeError,
  type MigrationAccount,
} from '../../../lib/otp-migration';
import { ImportFileError, type ParseResult } from '../model';
import { plural, ResultBuilder } from './common';
import { addAuthenticator } from './authenticator-entry';

export interface MigrationScan {
  /** Shared by every code of one export; 0 when the export does not say. */
  batchId: number;
  /** 0-based. */
  batchIndex: number;
  batchSize: number;
  accounts: MigrationAccount[];
}

export type AddScanOutcome = 'added' | 'duplicate' | 'other-export';

export interface MigrationProgress {
  scanned: number;
  total: number;
  /** 1-based numbers of the codes not scanned yet, as Google Authenticator numbers them. */
  missing: number[];
  complete: boolean;
  /** "2 of 3 codes scanned". */
  label: string;
}

/** Reads one scanned or pasted otpauth-migration:// text. Throws ImportFileError. */
export function readMigrationUri(uri: string): MigrationScan {
  if (!isMigrationUri(uri)) {
    throw new ImportFileError(
      'unknown-format',
      'This QR code is not a Google Authenticator export (otpauth-migration://).',
    );
  }
  try {
    const payload = decodeMigrationUri(uri);
    const batchSize = Math.max(1, payload.batchSize);
    if (payload.batchIndex >= batchSize)
      throw new MigrationDecodeError('Its part number is out of range.');
    return {
      batchId: payload.batchId,
      batchIndex: payload.batchIndex,
      batchSize,
      accounts: payload.accounts,
    };
  } catch (error) {
    const detail = error instanceof MigrationDecodeError ? ` ${error.message}` : '';
    throw new ImportFileError(
      'corrupt',
      `This Google Authenticator export could not be read.${detail} Scan the code again.`,
    );
  }
}

/**
 * Adds a scan to a session. A code already scanned is a 'duplicate' (the list is unchanged); a
 * code from a different export (other batch id or size) is 'other-export' and is not added.
 */
export function addMigrationScan(
  scans: readonly MigrationScan[],
  scan: MigrationScan,
): { scans: MigrationScan[]; outcome: AddScanOutcome } {
  const first = scans[0];
  if (first && (first.batchId !== scan.batchId || first.batchSize !== scan.batchSize)) {
    return { scans: [...scans], outcome: 'other-export' };
  }
  if (scans.some((existing) => existing.batchIndex === scan.batchIndex)) {
    return { scans: [...scans], outcome: 'duplicate' };
  }
  const next = [...scans, scan].sort((a, b) => a.batchIndex - b.batchIndex);
  return { scans: next, outcome: 'added' };
}

export function migrationProgress(scans: readonly MigrationScan[]): MigrationProgress {
  const total = scans[0]?.batchSize ?? 0;
  const have = new Set(scans.map((scan) => scan.batchIndex));
  const missing: number[] = [];
  for (let index = 0; index < total; index++) if (!have.has(index)) missing.push(index + 1);
  return {
    scanned: have.size,
    total,
    missing,
    complete: total > 0 && missing.length === 0,
    label: `${have.size} of ${plural(total, 'code', 'codes')} scanned`,
  };
}

/** Every account of the scans, in code order. Warns when codes are missing. */
export function migrationResult(scans: readonly MigrationScan[]): ParseResult {
  const builder = new ResultBuilder('google-migration');
  for (const scan of [...scans].sort((a, b) => a.batchIndex - b.batchIndex)) {
    for (const account of scan.accounts) addAccount(builder, account);
  }
  const progress = migrationProgress(scans);
  if (progress.total > 0 && !progress.complete) {
    builder.warn(
      `This export has ${plural(progress.total, 'code', 'codes')}; ${progress.missing.length === 1 ? 'code' : 'codes'} ${progress.missing.join(', ')} ${progress.missing.length === 1 ? 'was' : 'were'} not scanned, so ${progress.missing.length === 1 ? 'its' : 'their'} accounts are missing.`,
    );
  }
  return builder.result();
}

function addAccount(builder: ResultBuilder, account: MigrationAccount): void {
  const converted = accountFromMigration(account);
  const issuer = converted.ok ? converted.totp.issuer : account.issuer;
  const accountName = converted.ok ? converted.totp.account : account.name;
  const sourceName =
    issuer && accountName && issuer !== accountName
      ? `${issuer} (${accountName})`
      : issuer || accountName || 'Untitled';
  if (!converted.ok && account.type === 'hotp') {
    builder.add({
      kind: 'unsupported',
      sourceName,
      folder: null,
      problems: [],
      reason: 'Counter-based (HOTP) key: Skyvern only generates time-based (TOTP) codes.',
    });
    return;
  }
  addAuthenticator(builder, converted, { sourceName, folder: null, issuer, account: accountName });
}

/** A text file (or pasted text) of otpauth-migration:// URIs, one per line: all of its codes. */
export function parseMigrationText(source: string): ParseResult {
  let scans: MigrationScan[] = [];
  const lines = source
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  for (const line of lines) {
    const added = addMigrationScan(scans, readMigrationUri(line));
    if (added.outcome === 'other-export') {
      throw new ImportFileError(
        'corrupt',
        'This file mixes codes from different Google Authenticator exports. Import one export at a time.',
      );
    }
    scans = added.scans;
  }
  return migrationResult(scans);
}
