/*
 * The dry run as data: one row per parsed entry, what it would become in Skyvern, and whether it
 * is sent. Pure functions, so the rules are tested without rendering. Rows carry the parsed
 * secrets: they live only in the import page's state (docs/decisions/import.md, "The flow").
 */
import type { Credential, CreateCredentialRequest, CredentialType } from '../../api/schemas';
import { formValueFor } from '../../lib/authenticator-key';
import type { ImportEntry } from './model';

export type RowStatus = 'checking' | 'new' | 'match' | 'invalid' | 'unsupported';

/** How an authenticator-only entry gets its login. */
export type LoginChoice =
  | { mode: 'new'; username: string; password: string }
  | { mode: 'attach'; credentialId: string; password: string };

/** An existing password credential an authenticator key could be added to (no secret in it). */
export interface AttachCandidate {
  credentialId: string;
  name: string;
  username: string;
}

export interface PlanRow {
  entry: ImportEntry;
  status: RowStatus;
  /** The credential an entry matches (same name and username, same type). */
  matchId: string | null;
  include: boolean;
  /** Authenticator-only entries. */
  login: LoginChoice | null;
  candidates: AttachCandidate[];
}

export function resultingType(entry: ImportEntry): CredentialType | null {
  switch (entry.kind) {
    case 'password':
    case 'authenticator':
      return 'password';
    case 'card':
      return 'credit_card';
    case 'secret':
      return 'secret';
    case 'unsupported':
      return null;
  }
}

export const typeLabels: Record<CredentialType, string> = {
  password: 'Password',
  credit_card: 'Credit card',
  secret: 'Secret',
};

export function entryName(entry: ImportEntry): string {
  return entry.kind === 'unsupported' ? entry.sourceName : entry.name;
}

/** The username shown in the dry run and used for matching ('' for types without one). */
export function entryUsername(entry: ImportEntry): string {
  if (entry.kind === 'password') return entry.username;
  if (entry.kind === 'authenticator') return entry.totp.account;
  if (entry.kind === 'card') return entry.cardholder;
  return '';
}

export function hasTotp(entry: ImportEntry): boolean {
  return (entry.kind === 'password' && entry.totp !== null) || entry.kind === 'authenticator';
}

/** A row before the server has been asked about matches. */
export function initialRow(entry: ImportEntry): PlanRow {
  const base = { entry, matchId: null, login: null, candidates: [] as AttachCandidate[] };
  if (entry.kind === 'unsupported') return { ...base, status: 'unsupported', include: false };
  if (entry.problems.length > 0) return { ...base, status: 'invalid', include: false };
  if (entry.kind === 'authenticator') {
    return {
      ...base,
      status: 'checking',
      include: false,
      login: { mode: 'new', username: entry.totp.account, password: '' },
    };
  }
  return { ...base, status: 'checking', include: false };
}

/** Does an existing credential hold the same entry? Same type, same name and username. */
export function matchesExisting(entry: ImportEntry, credential: Credential): boolean {
  if (credential.credential_type !== resultingType(entry)) return false;
  if (entryName(entry) !== credential.name) return false;
  if (credential.credential_type === 'password') {
    return entry.kind === 'password' && credential.credential.username === entry.username;
  }
  return true;
}

/** The row once the server's search answered: a match is skipped by default. */
export function checkedRow(row: PlanRow, found: Credential[]): PlanRow {
  if (row.status !== 'checking') return row;
  const { entry } = row;
  if (entry.kind === 'authenticator') {
    const candidates = found
      .filter((credential) => credential.credential_type === 'password')
      .map((credential) => ({
        credentialId: credential.credential_id,
        name: credential.name,
        username: credential.credential_type === 'password' ? credential.credential.username : '',
      }));
    return { ...row, status: 'new', candidates, include: false };
  }
  const match = found.find((credential) => matchesExisting(entry, credential));
  if (match) return { ...row, status: 'match', matchId: match.credential_id, include: false };
  return { ...row, status: 'new', include: true };
}

/** What to search for an entry: its name (the search also covers usernames). */
export function searchTextFor(entry: ImportEntry): string | null {
  if (entry.kind === 'unsupported') return null;
  const name = entryName(entry).trim();
  if (name) return name;
  const username = entryUsername(entry).trim();
  return username || null;
}

/** Why an included row can't be sent yet, or null. Messages never quote a secret. */
export function rowProblem(row: PlanRow): string | null {
  if (row.entry.kind !== 'authenticator' || !row.include) return null;
  const login = row.login;
  if (!login) return 'Choose a login for this key.';
  if (login.mode === 'new') {
    if (!login.username.trim()) return 'Type the username for the new login.';
    if (!login.password) return 'Type the password for the new login.';
    return null;
  }
  if (!login.credentialId) return 'Choose the credential to add the key to.';
  if (!login.password)
    return 'Type that login’s password again: Skyvern replaces the whole secret.';
  return null;
}

export function canInclude(row: PlanRow): boolean {
  return row.status === 'new' || row.status === 'match';
}

/** The request that imports a row: a create, or (attach) a full update of an existing login. */
export type ImportRequest =
  | { kind: 'create'; body: CreateCredentialRequest }
  | { kind: 'update'; credentialId: string; body: CreateCredentialRequest };

export function requestFor(row: PlanRow): ImportRequest | null {
  const { entry } = row;
  switch (entry.kind) {
    case 'password':
      return {
        kind: 'create',
        body: {
          name: entry.name,
          credential_type: 'password',
          credential: {
            username: entry.username,
            password: entry.password,
            ...(entry.totp
              ? { totp: formValueFor(entry.totp), totp_type: 'authenticator' as const }
              : { totp_type: 'none' as const }),
          },
        },
      };
    case 'card':
      return {
        kind: 'create',
        body: {
          name: entry.name,
          credential_type: 'credit_card',
          credential: {
            card_number: entry.number,
            card_cvv: entry.cvv,
            card_exp_month: entry.expMonth,
            card_exp_year: entry.expYear,
            card_brand: entry.brand,
            card_holder_name: entry.cardholder,
          },
        },
      };
    case 'secret':
      return {
        kind: 'create',
        body: {
          name: entry.name,
          credential_type: 'secret',
          credential: { secret_value: entry.secret, secret_label: entry.label },
        },
      };
    case 'authenticator': {
      const login = row.login;
      if (!login || rowProblem(row) !== null) return null;
      const totp = { totp: formValueFor(entry.totp), totp_type: 'authenticator' as const };
      if (login.mode === 'new') {
        return {
          kind: 'create',
          body: {
            name: entry.name,
            credential_type: 'password',
            credential: { username: login.username.trim(), password: login.password, ...totp },
          },
        };
      }
      const target = row.candidates.find((item) => item.credentialId === login.credentialId);
      if (!target) return null;
      return {
        kind: 'update',
        credentialId: target.credentialId,
        body: {
          name: target.name,
          credential_type: 'password',
          credential: { username: target.username, password: login.password, ...totp },
        },
      };
    }
    case 'unsupported':
      return null;
  }
}

/** A row with its secrets taken out: what stays on screen once it no longer needs them. */
export function withoutSecrets(row: PlanRow): PlanRow {
  const { entry } = row;
  const login = row.login ? { ...row.login, password: '' } : null;
  switch (entry.kind) {
    case 'password':
      return {
        ...row,
        login,
        entry: {
          ...entry,
          password: '',
          totp: entry.totp ? { ...entry.totp, secret: '' } : null,
        },
      };
    case 'card':
      return { ...row, login, entry: { ...entry, number: '', cvv: '' } };
    case 'secret':
      return { ...row, login, entry: { ...entry, secret: '' } };
    case 'authenticator':
      return { ...row, login, entry: { ...entry, totp: { ...entry.totp, secret: '' } } };
    case 'unsupported':
      return row;
  }
}
