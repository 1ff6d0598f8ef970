/*
 * The import's outcome per row, its summary line and its CSV. Nothing here holds a secret: the
 * CSV has names, types, outcomes, credential ids and Skyvern's messages only.
 */
import { entryName, resultingType, typeLabels, type PlanRow } from './plan';

export type Outcome = 'imported' | 'failed' | 'skipped';
export type Verification =
  { state: 'verified' } | { state: 'mismatch' } | { state: 'unchecked'; message: string };

export interface RowReport {
  rowId: string;
  sourceName: string;
  name: string;
  type: string;
  outcome: Outcome;
  /** Why it failed or was skipped. */
  detail: string;
  credentialId: string;
  verification: Verification | null;
}

export function summaryLine(reports: readonly RowReport[]): string {
  const count = (outcome: Outcome) => reports.filter((report) => report.outcome === outcome).length;
  return `${count('imported')} imported, ${count('failed')} failed, ${count('skipped')} skipped`;
}

export function typeOf(row: PlanRow): string {
  const type = resultingType(row.entry);
  return type ? typeLabels[type] : 'Unsupported';
}

export function nameOf(row: PlanRow): string {
  return entryName(row.entry);
}

const verificationText: Record<Verification['state'], string> = {
  verified: 'verified',
  mismatch: 'code mismatch',
  unchecked: 'not checked',
};

/** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets don't run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(reports: readonly RowReport[]): string {
  const header = ['Source name', 'Name', 'Type', 'Outcome', 'Detail', 'Credential id', '2FA check'];
  const lines = reports.map((report) =>
    [
      report.sourceName,
      report.name,
      report.type,
      report.outcome,
      report.detail,
      report.credentialId,
      report.verification ? verificationText[report.verification.state] : '',
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
