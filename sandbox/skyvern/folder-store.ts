/*
 * Credential folders in SQLite (contract 10.2): soft-deleted, never unique by title, counted from
 * the live credentials that point at them. `modified_at` moves on F4 and on assignment into the
 * folder only.
 */
import type { Database } from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS credential_folders (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  organization_id TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX IF NOT EXISTS credential_folders_live ON credential_folders (organization_id, modified_at DESC)
  WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS credentials_by_folder ON credentials (organization_id, folder_id)
  WHERE folder_id IS NOT NULL;
`;

export interface FolderRow {
  id: string;
  organization_id: string;
  title: string;
  description: string | null;
  created_at: string;
  modified_at: string;
}

const COLUMNS = 'id, organization_id, title, description, created_at, modified_at';

/** LIKE with `\` as the escape, so `%`, `_` and `\` in a search match themselves (10.4). */
export function likeLiteral(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export class FolderStore {
  private readonly statements;

  constructor(private readonly db: Database) {
    db.exec(SCHEMA);
    this.statements = {
      insert: db.prepare(`INSERT INTO credential_folders (id, seq, organization_id, title,
        description, created_at, modified_at) VALUES (@id, @seq, @organization_id, @title,
        @description, @created_at, @created_at)`),
      get: db.prepare(`SELECT ${COLUMNS} FROM credential_folders
        WHERE id = ? AND organization_id = ? AND deleted_at IS NULL`),
      update: db.prepare(`UPDATE credential_folders SET title = @title, description = @description,
        modified_at = @now WHERE id = @id AND organization_id = @organization_id AND deleted_at IS NULL`),
      softDelete: db.prepare(`UPDATE credential_folders SET deleted_at = @now
        WHERE id = @id AND organization_id = @organization_id AND deleted_at IS NULL`),
      // Skyvern's detach does not filter on deleted_at: soft-deleted credentials lose it too.
      detach: db.prepare(`UPDATE credentials SET folder_id = NULL
        WHERE organization_id = @organization_id AND folder_id = @id`),
      touch: db.prepare(`UPDATE credential_folders SET modified_at = @now
        WHERE id = @id AND organization_id = @organization_id AND deleted_at IS NULL`),
      assign: db.prepare(`UPDATE credentials SET folder_id = @folder_id, modified_at = @now
        WHERE id = @id AND organization_id = @organization_id AND deleted_at IS NULL`),
    };
  }

  insert(row: FolderRow & { seq: bigint }): void {
    this.statements.insert.run(row);
  }

  get(organizationId: string, id: string): FolderRow | undefined {
    return this.statements.get.get(id, organizationId) as FolderRow | undefined;
  }

  /** Newest `modified_at` first (Skyvern has no tie-breaker; the sandbox uses the id). */
  list(organizationId: string, search: string | null, limit: number, offset: number): FolderRow[] {
    const clauses = ['organization_id = @organization_id', 'deleted_at IS NULL'];
    const params: Record<string, string | number> = {
      organization_id: organizationId,
      limit,
      offset,
    };
    if (search !== null && search !== '') {
      clauses.push(
        `(sandbox_fold(title) LIKE @pattern ESCAPE '\\' OR sandbox_fold(description) LIKE @pattern ESCAPE '\\')`,
      );
      params['pattern'] = likeLiteral(search.toLowerCase());
    }
    return this.db
      .prepare(
        `SELECT ${COLUMNS} FROM credential_folders WHERE ${clauses.join(' AND ')}
         ORDER BY modified_at DESC, seq DESC LIMIT @limit OFFSET @offset`,
      )
      .all(params) as FolderRow[];
  }

  /** Live credentials per folder, for the given folders only. */
  counts(organizationId: string, folderIds: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>(folderIds.map((id) => [id, 0]));
    if (folderIds.length === 0) return counts;
    const rows = this.db
      .prepare(
        `SELECT folder_id, COUNT(*) AS count FROM credentials
         WHERE organization_id = ? AND deleted_at IS NULL
           AND folder_id IN (${folderIds.map(() => '?').join(', ')})
         GROUP BY folder_id`,
      )
      .all(organizationId, ...folderIds) as Array<{ folder_id: string; count: number }>;
    for (const row of rows) counts.set(row.folder_id, row.count);
    return counts;
  }

  /** F4: always bumps modified_at, even when nothing changes. */
  update(row: FolderRow, now: string): boolean {
    return this.statements.update.run({ ...row, now }).changes === 1;
  }

  /** F5: soft-deletes the folder and unfiles its credentials, in one transaction. */
  softDelete(organizationId: string, id: string, now: string): boolean {
    return this.db.transaction(() => {
      const params = { id, organization_id: organizationId, now };
      if (this.statements.softDelete.run(params).changes !== 1) return false;
      this.statements.detach.run(params);
      return true;
    })();
  }

  /** F6: files (or unfiles, with null) a live credential; bumps the target folder. */
  assign(organizationId: string, credentialId: string, folderId: string | null, now: string) {
    return this.db.transaction(() => {
      const changed = this.statements.assign.run({
        id: credentialId,
        organization_id: organizationId,
        folder_id: folderId,
        now,
      }).changes;
      if (changed === 1 && folderId !== null) {
        this.statements.touch.run({ id: folderId, organization_id: organizationId, now });
      }
      return changed === 1;
    })();
  }
}
