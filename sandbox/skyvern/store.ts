/*
 * The Skyvern stand-in's SQLite storage: credentials (non-secret columns only, as in Skyvern's
 * database), the local vault's encrypted items, pushed TOTP codes and organisation auth tokens
 * (the custom credential service configuration).
 */
import type { Database, Statement } from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS credentials (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  organization_id TEXT NOT NULL,
  name TEXT NOT NULL,
  credential_type TEXT NOT NULL,
  vault_type TEXT,
  item_id TEXT NOT NULL,
  username TEXT,
  totp_type TEXT NOT NULL DEFAULT 'none',
  totp_identifier TEXT,
  card_last_four TEXT,
  card_brand TEXT,
  secret_label TEXT,
  browser_profile_id TEXT,
  auto_profile_disabled INTEGER,
  pin_saved_session_ip INTEGER NOT NULL DEFAULT 0,
  tested_url TEXT,
  user_context TEXT,
  save_browser_session_intent INTEGER,
  run_sequentially INTEGER NOT NULL DEFAULT 0,
  folder_id TEXT,
  proxy_location TEXT,
  proxy_session_id TEXT,
  -- The searchable fields (name, username, secret label, card brand, last four), lower-cased in
  -- JavaScript (SQLite's lower() and LIKE only fold ASCII) and joined with U+0001, so one instr()
  -- per row does the search, with % and _ literal. See listCredentials.
  search_text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
);
-- Listing walks this index newest first; carrying search_text lets a search reject rows from the
-- index alone, without reading each table row (a full scan of 10,000 rows is about 4x faster).
DROP INDEX IF EXISTS credentials_live;
CREATE INDEX IF NOT EXISTS credentials_live_search ON credentials (organization_id, seq DESC, search_text)
  WHERE deleted_at IS NULL;

CREATE TABLE IF NOT EXISTS vault_items (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL,
  sealed TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS totp_codes (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  organization_id TEXT NOT NULL,
  totp_identifier TEXT NOT NULL,
  identifier_folded TEXT NOT NULL,
  task_id TEXT,
  workflow_id TEXT,
  workflow_run_id TEXT,
  source TEXT,
  content TEXT NOT NULL,
  expired_at TEXT,
  code TEXT NOT NULL,
  otp_type TEXT,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS totp_codes_listing ON totp_codes (organization_id, status, seq DESC);

CREATE TABLE IF NOT EXISTS org_auth_tokens (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  organization_id TEXT NOT NULL,
  token_type TEXT NOT NULL,
  token TEXT NOT NULL,
  valid INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS org_auth_tokens_active ON org_auth_tokens (organization_id, token_type, valid);
`;

export interface CredentialRow {
  id: string;
  organization_id: string;
  name: string;
  credential_type: string;
  vault_type: string | null;
  item_id: string;
  username: string | null;
  totp_type: string;
  totp_identifier: string | null;
  card_last_four: string | null;
  card_brand: string | null;
  secret_label: string | null;
  browser_profile_id: string | null;
  auto_profile_disabled: number | null;
  pin_saved_session_ip: number;
  tested_url: string | null;
  user_context: string | null;
  save_browser_session_intent: number | null;
  run_sequentially: number;
  folder_id: string | null;
  proxy_location: string | null;
  proxy_session_id: string | null;
  created_at: string;
  modified_at: string;
}

/** Columns a write may set (the search copies are derived here, never by callers). */
export type CredentialFields = Omit<
  CredentialRow,
  'id' | 'organization_id' | 'created_at' | 'modified_at'
>;

export interface TotpRow {
  id: string;
  organization_id: string;
  totp_identifier: string;
  task_id: string | null;
  workflow_id: string | null;
  workflow_run_id: string | null;
  source: string | null;
  content: string;
  expired_at: string | null;
  code: string;
  otp_type: string | null;
  status: 'parsed' | 'raw_pending';
  created_at: string;
  modified_at: string;
}

export interface AuthTokenRow {
  id: string;
  organization_id: string;
  token_type: string;
  token: string;
  valid: number;
  created_at: string;
  modified_at: string;
}

export interface CredentialFilters {
  vaultType: string | null;
  credentialType: string | null;
  folderId: string | null;
  /** Lower-cased search text; empty or null means no filter. */
  search: string | null;
}

const CREDENTIAL_COLUMNS = `id, organization_id, name, credential_type, vault_type, item_id, username,
  totp_type, totp_identifier, card_last_four, card_brand, secret_label, browser_profile_id,
  auto_profile_disabled, pin_saved_session_ip, tested_url, user_context, save_browser_session_intent,
  run_sequentially, folder_id, proxy_location, proxy_session_id, created_at, modified_at`;

/** Joins the searchable fields; a search text never spans two of them unless it contains U+0001. */
const SEARCH_SEPARATOR = '\u0001';

function searchColumns(
  fields: Pick<
    CredentialFields,
    'name' | 'username' | 'secret_label' | 'card_brand' | 'card_last_four'
  >,
) {
  const parts = [
    fields.name,
    fields.username,
    fields.secret_label,
    fields.card_brand,
    fields.card_last_four,
  ];
  return {
    search_text: parts
      .filter((part): part is string => part !== null)
      .map((part) => part.toLowerCase())
      .join(SEARCH_SEPARATOR),
  };
}

/**
 * Databases written before search_text existed had five lower-cased columns instead; rebuild the
 * column from the source fields and drop the old ones.
 */
function migrate(db: Database): void {
  const columns = (
    db.prepare('PRAGMA table_info(credentials)').all() as Array<{ name: string }>
  ).map((column) => column.name);
  if (columns.length === 0 || columns.includes('search_text')) return;
  db.transaction(() => {
    db.exec("ALTER TABLE credentials ADD COLUMN search_text TEXT NOT NULL DEFAULT ''");
    const rows = db
      .prepare(
        'SELECT id, name, username, secret_label, card_brand, card_last_four FROM credentials',
      )
      .all() as Array<{ id: string } & Parameters<typeof searchColumns>[0]>;
    const update = db.prepare('UPDATE credentials SET search_text = ? WHERE id = ?');
    for (const row of rows) update.run(searchColumns(row).search_text, row.id);
    for (const old of [
      'search_name',
      'search_username',
      'search_label',
      'search_brand',
      'search_last_four',
    ]) {
      if (columns.includes(old)) db.exec(`ALTER TABLE credentials DROP COLUMN ${old}`);
    }
  })();
}

export class SkyvernStore {
  private readonly listStatements = new Map<string, Statement>();
  private readonly statements;

  constructor(private readonly db: Database) {
    migrate(db);
    db.exec(SCHEMA);
    // JavaScript's Unicode-aware lower-casing, for the rare search that contains the separator.
    db.function('sandbox_fold', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? value.toLowerCase() : null,
    );
    this.statements = {
      insertCredential: db.prepare(`INSERT INTO credentials (id, seq, organization_id, name,
        credential_type, vault_type, item_id, username, totp_type, totp_identifier, card_last_four,
        card_brand, secret_label, browser_profile_id, auto_profile_disabled, pin_saved_session_ip,
        tested_url, user_context, save_browser_session_intent, run_sequentially, folder_id,
        proxy_location, proxy_session_id, search_text, created_at, modified_at)
        VALUES (@id, @seq, @organization_id, @name, @credential_type, @vault_type, @item_id,
        @username, @totp_type, @totp_identifier, @card_last_four, @card_brand, @secret_label,
        @browser_profile_id, @auto_profile_disabled, @pin_saved_session_ip, @tested_url,
        @user_context, @save_browser_session_intent, @run_sequentially, @folder_id, @proxy_location,
        @proxy_session_id, @search_text, @created_at, @modified_at)`),
      getCredential: db.prepare(`SELECT ${CREDENTIAL_COLUMNS} FROM credentials
        WHERE id = ? AND organization_id = ? AND deleted_at IS NULL`),
      updateCredential: db.prepare(`UPDATE credentials SET name = @name,
        credential_type = @credential_type, vault_type = @vault_type, item_id = @item_id,
        username = @username, totp_type = @totp_type, totp_identifier = @totp_identifier,
        card_last_four = @card_last_four, card_brand = @card_brand, secret_label = @secret_label,
        browser_profile_id = @browser_profile_id, auto_profile_disabled = @auto_profile_disabled,
        pin_saved_session_ip = @pin_saved_session_ip, tested_url = @tested_url,
        user_context = @user_context, save_browser_session_intent = @save_browser_session_intent,
        run_sequentially = @run_sequentially, folder_id = @folder_id,
        proxy_location = @proxy_location, proxy_session_id = @proxy_session_id,
        search_text = @search_text, modified_at = @modified_at
        WHERE id = @id AND organization_id = @organization_id AND deleted_at IS NULL
          AND modified_at = @expected_modified_at`),
      softDelete: db.prepare(`UPDATE credentials SET deleted_at = @now, modified_at = @now
        WHERE id = @id AND organization_id = @organization_id AND deleted_at IS NULL
          AND modified_at = @expected_modified_at`),
      countCredentials: db.prepare(
        `SELECT COUNT(*) AS count FROM credentials WHERE organization_id = ?`,
      ),
      insertVaultItem: db.prepare(`INSERT INTO vault_items (id, organization_id, sealed, created_at)
        VALUES (?, ?, ?, ?)`),
      getVaultItem: db.prepare(
        `SELECT sealed FROM vault_items WHERE id = ? AND organization_id = ?`,
      ),
      deleteVaultItem: db.prepare(`DELETE FROM vault_items WHERE id = ? AND organization_id = ?`),
      insertTotp: db.prepare(`INSERT INTO totp_codes (id, seq, organization_id, totp_identifier,
        identifier_folded, task_id, workflow_id, workflow_run_id, source, content, expired_at, code,
        otp_type, status, created_at, modified_at)
        VALUES (@id, @seq, @organization_id, @totp_identifier, @identifier_folded, @task_id,
        @workflow_id, @workflow_run_id, @source, @content, @expired_at, @code, @otp_type, @status,
        @created_at, @modified_at)`),
      activeToken: db.prepare(`SELECT * FROM org_auth_tokens
        WHERE organization_id = ? AND token_type = ? AND valid = 1 ORDER BY seq DESC LIMIT 1`),
      revokeTokens: db.prepare(`UPDATE org_auth_tokens SET valid = 0, modified_at = ?
        WHERE organization_id = ? AND token_type = ? AND valid = 1`),
      insertToken: db.prepare(`INSERT INTO org_auth_tokens (id, seq, organization_id, token_type,
        token, valid, created_at, modified_at) VALUES (@id, @seq, @organization_id, @token_type,
        @token, 1, @created_at, @modified_at)`),
    };
  }

  // ---- credentials ----

  insertCredential(
    row: CredentialFields & {
      id: string;
      seq: bigint;
      organization_id: string;
      created_at: string;
    },
  ): void {
    this.statements.insertCredential.run({
      ...row,
      ...searchColumns(row),
      modified_at: row.created_at,
    });
  }

  getCredential(organizationId: string, id: string): CredentialRow | undefined {
    return this.statements.getCredential.get(id, organizationId) as CredentialRow | undefined;
  }

  /**
   * Writes every non-secret column if the row is still the version the caller read; false means
   * another request changed or deleted it in between.
   */
  updateCredential(current: CredentialRow, fields: CredentialFields, modifiedAt: string): boolean {
    const result = this.statements.updateCredential.run({
      ...fields,
      ...searchColumns(fields),
      id: current.id,
      organization_id: current.organization_id,
      modified_at: modifiedAt,
      expected_modified_at: current.modified_at,
    });
    return result.changes === 1;
  }

  softDeleteCredential(current: CredentialRow, now: string): boolean {
    const result = this.statements.softDelete.run({
      id: current.id,
      organization_id: current.organization_id,
      now,
      expected_modified_at: current.modified_at,
    });
    return result.changes === 1;
  }

  /** All credentials ever created in the organisation, deleted ones included (for seeding once). */
  countCredentials(organizationId: string): number {
    return (this.statements.countCredentials.get(organizationId) as { count: number }).count;
  }

  /** Newest first, plain offset paging; the search is a case-insensitive literal substring. */
  listCredentials(
    organizationId: string,
    filters: CredentialFilters,
    limit: number,
    offset: number,
  ): CredentialRow[] {
    const clauses = ['organization_id = @organization_id', 'deleted_at IS NULL'];
    if (filters.vaultType !== null) clauses.push('vault_type = @vault_type');
    if (filters.credentialType !== null) clauses.push('credential_type = @credential_type');
    if (filters.folderId !== null) clauses.push('folder_id = @folder_id');
    const searching = filters.search !== null && filters.search !== '';
    if (searching && filters.search?.includes(SEARCH_SEPARATOR)) {
      // Could match across two fields in search_text: check each field on its own instead.
      clauses.push(
        `(${['name', 'username', 'secret_label', 'card_brand', 'card_last_four']
          .map((column) => `instr(sandbox_fold(${column}), @search) > 0`)
          .join(' OR ')})`,
      );
    } else if (searching) {
      clauses.push('instr(search_text, @search) > 0');
    }
    const sql = `SELECT ${CREDENTIAL_COLUMNS} FROM credentials WHERE ${clauses.join(' AND ')}
      ORDER BY seq DESC LIMIT @limit OFFSET @offset`;
    let statement = this.listStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.listStatements.set(sql, statement);
    }
    const params: Record<string, string | number> = {
      organization_id: organizationId,
      limit,
      offset,
    };
    if (filters.vaultType !== null) params['vault_type'] = filters.vaultType;
    if (filters.credentialType !== null) params['credential_type'] = filters.credentialType;
    if (filters.folderId !== null) params['folder_id'] = filters.folderId;
    if (searching && filters.search !== null) params['search'] = filters.search;
    return statement.all(params) as CredentialRow[];
  }

  // ---- local vault items (already sealed by the caller) ----

  insertVaultItem(id: string, organizationId: string, sealed: string, createdAt: string): void {
    this.statements.insertVaultItem.run(id, organizationId, sealed, createdAt);
  }

  getVaultItem(id: string, organizationId: string): string | undefined {
    const row = this.statements.getVaultItem.get(id, organizationId) as
      { sealed: string } | undefined;
    return row?.sealed;
  }

  deleteVaultItem(id: string, organizationId: string): void {
    this.statements.deleteVaultItem.run(id, organizationId);
  }

  // ---- pushed TOTP codes ----

  insertTotp(row: TotpRow & { seq: bigint }): void {
    this.statements.insertTotp.run({
      ...row,
      identifier_folded: row.totp_identifier.trim().toLowerCase(),
    });
  }

  listTotp(
    organizationId: string,
    filters: {
      identifier: { value: string; caseInsensitive: boolean } | null;
      workflowRunId: string | null;
      otpType: string | null;
    },
    limit: number,
  ): TotpRow[] {
    const clauses = ['organization_id = @organization_id', "status = 'parsed'"];
    const params: Record<string, string | number> = { organization_id: organizationId, limit };
    if (filters.identifier !== null) {
      if (filters.identifier.caseInsensitive) {
        clauses.push('identifier_folded = @identifier');
        params['identifier'] = filters.identifier.value.trim().toLowerCase();
      } else {
        clauses.push('totp_identifier = @identifier');
        params['identifier'] = filters.identifier.value;
      }
    }
    if (filters.workflowRunId !== null) {
      clauses.push('workflow_run_id = @workflow_run_id');
      params['workflow_run_id'] = filters.workflowRunId;
    }
    if (filters.otpType !== null) {
      clauses.push('otp_type = @otp_type');
      params['otp_type'] = filters.otpType;
    }
    const sql = `SELECT * FROM totp_codes WHERE ${clauses.join(' AND ')} ORDER BY seq DESC LIMIT @limit`;
    return this.db.prepare(sql).all(params) as TotpRow[];
  }

  // ---- organisation auth tokens ----

  activeToken(organizationId: string, tokenType: string): AuthTokenRow | undefined {
    return this.statements.activeToken.get(organizationId, tokenType) as AuthTokenRow | undefined;
  }

  /** Revokes the active token of this type and stores a new one, atomically. */
  replaceToken(row: Omit<AuthTokenRow, 'valid'> & { seq: bigint }): void {
    this.db.transaction(() => {
      this.statements.revokeTokens.run(row.created_at, row.organization_id, row.token_type);
      this.statements.insertToken.run(row);
    })();
  }

  revokeTokens(organizationId: string, tokenType: string, now: string): void {
    this.statements.revokeTokens.run(now, organizationId, tokenType);
  }
}
