/*
 * Browser profiles (contract 13) and the little of workflows and runs that B3 reports. The sandbox
 * runs no browser: profiles come from the demo seed or the test-control route, and workflows and
 * runs exist only as rows that say which profile they use.
 */
import type { Database } from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS browser_profiles (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  organization_id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  source_browser_type TEXT,
  proxy_location TEXT,
  proxy_session_id TEXT,
  is_managed INTEGER NOT NULL DEFAULT 0,
  workflow_permanent_id TEXT,
  browser_profile_key_digest TEXT,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT,
  last_verified_login_at TEXT
);
CREATE INDEX IF NOT EXISTS browser_profiles_listing ON browser_profiles (organization_id, created_at DESC, id DESC);

CREATE TABLE IF NOT EXISTS workflows (
  workflow_permanent_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  organization_id TEXT NOT NULL,
  title TEXT NOT NULL,
  browser_profile_id TEXT,
  deleted_at TEXT,
  PRIMARY KEY (workflow_permanent_id, version)
);

CREATE TABLE IF NOT EXISTS workflow_runs (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL,
  browser_profile_id TEXT,
  created_at TEXT NOT NULL
);

-- One live credential per profile (Skyvern's unique index, contract 13.3).
CREATE UNIQUE INDEX IF NOT EXISTS credentials_profile_owner ON credentials (browser_profile_id)
  WHERE deleted_at IS NULL AND browser_profile_id IS NOT NULL;
`;

export interface ProfileRow {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  source_browser_type: string | null;
  proxy_location: string | null;
  proxy_session_id: string | null;
  is_managed: number;
  workflow_permanent_id: string | null;
  browser_profile_key_digest: string | null;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
  last_verified_login_at: string | null;
}

export type NewProfile = Omit<ProfileRow, 'deleted_at'> & { seq: bigint };

export interface ProfileFilters {
  includeDeleted: boolean;
  /** Lower-cased; `%` and `_` stay wildcards, as in Skyvern (13.3). */
  searchKey: string | null;
  managed: boolean | null;
}

export interface ProfileUsage {
  workflows: Array<{ workflow_permanent_id: string; title: string; via: string }>;
  credentials: Array<{ credential_id: string; name: string }>;
  recent_seeded_run_count: number;
}

export class ProfileStore {
  private readonly statements;

  constructor(private readonly db: Database) {
    db.exec(SCHEMA);
    this.statements = {
      insert: db.prepare(`INSERT INTO browser_profiles (id, seq, organization_id, name, description,
        source_browser_type, proxy_location, proxy_session_id, is_managed, workflow_permanent_id,
        browser_profile_key_digest, created_at, modified_at, last_verified_login_at)
        VALUES (@id, @seq, @organization_id, @name, @description, @source_browser_type,
        @proxy_location, @proxy_session_id, @is_managed, @workflow_permanent_id,
        @browser_profile_key_digest, @created_at, @modified_at, @last_verified_login_at)`),
      get: db.prepare(`SELECT * FROM browser_profiles
        WHERE id = ? AND organization_id = ? AND deleted_at IS NULL`),
      owner: db.prepare(`SELECT id, name FROM credentials
        WHERE organization_id = ? AND browser_profile_id = ? AND deleted_at IS NULL
        ORDER BY seq LIMIT 1`),
      stamp:
        db.prepare(`UPDATE browser_profiles SET modified_at = @now, last_verified_login_at = @now
        WHERE id = @id AND organization_id = @organization_id AND deleted_at IS NULL`),
      softDelete: db.prepare(`UPDATE browser_profiles SET deleted_at = @now, modified_at = @now
        WHERE id = @id AND organization_id = @organization_id AND deleted_at IS NULL`),
      unlink: db.prepare(`UPDATE credentials SET browser_profile_id = NULL, modified_at = @now
        WHERE organization_id = @organization_id AND browser_profile_id = @id AND deleted_at IS NULL`),
      workflows: db.prepare(`SELECT w.workflow_permanent_id, w.title FROM workflows w
        WHERE w.organization_id = ? AND w.browser_profile_id = ? AND w.deleted_at IS NULL
          AND w.version = (SELECT MAX(version) FROM workflows v
                           WHERE v.workflow_permanent_id = w.workflow_permanent_id)
        ORDER BY w.workflow_permanent_id`),
      recentRuns: db.prepare(`SELECT COUNT(*) AS count FROM workflow_runs
        WHERE organization_id = ? AND browser_profile_id = ? AND created_at >= ?`),
      insertWorkflow: db.prepare(`INSERT OR REPLACE INTO workflows (workflow_permanent_id, version,
        organization_id, title, browser_profile_id) VALUES (?, ?, ?, ?, ?)`),
      insertRun: db.prepare(`INSERT INTO workflow_runs (id, organization_id, browser_profile_id,
        created_at) VALUES (?, ?, ?, ?)`),
    };
  }

  insert(row: NewProfile): void {
    this.statements.insert.run(row);
  }

  get(organizationId: string, id: string): ProfileRow | undefined {
    return this.statements.get.get(id, organizationId) as ProfileRow | undefined;
  }

  /** A login test overwrote the profile in place (contract 11.6 step 4). */
  stampVerifiedLogin(organizationId: string, id: string, now: string): void {
    this.statements.stamp.run({ id, organization_id: organizationId, now });
  }

  /** The live credential that links the profile, if any. */
  owner(organizationId: string, id: string): { id: string; name: string } | undefined {
    return this.statements.owner.get(organizationId, id) as
      { id: string; name: string } | undefined;
  }

  /** B1: newest first by created_at, then id; `linked_credential_name` for the page. */
  list(
    organizationId: string,
    filters: ProfileFilters,
    limit: number,
    offset: number,
  ): Array<ProfileRow & { linked_credential_name: string | null }> {
    const clauses = ['p.organization_id = @organization_id'];
    const params: Record<string, string | number> = {
      organization_id: organizationId,
      limit,
      offset,
    };
    if (!filters.includeDeleted) clauses.push('p.deleted_at IS NULL');
    if (filters.managed !== null) {
      clauses.push('p.is_managed = @managed');
      params['managed'] = filters.managed ? 1 : 0;
    }
    if (filters.searchKey !== null && filters.searchKey !== '') {
      // No ESCAPE clause: % and _ in the key are wildcards, unlike the folder search.
      clauses.push(
        `(sandbox_fold(p.name) LIKE @pattern OR sandbox_fold(p.description) LIKE @pattern)`,
      );
      params['pattern'] = `%${filters.searchKey}%`;
    }
    return this.db
      .prepare(
        `SELECT p.*, (SELECT c.name FROM credentials c WHERE c.organization_id = p.organization_id
           AND c.browser_profile_id = p.id AND c.deleted_at IS NULL ORDER BY c.seq LIMIT 1)
           AS linked_credential_name
         FROM browser_profiles p WHERE ${clauses.join(' AND ')}
         ORDER BY p.created_at DESC, p.id DESC LIMIT @limit OFFSET @offset`,
      )
      .all(params) as Array<ProfileRow & { linked_credential_name: string | null }>;
  }

  /** B3. `since` is the naive timestamp 30 days ago. */
  usage(organizationId: string, id: string, since: string): ProfileUsage {
    const workflows = this.statements.workflows.all(organizationId, id) as Array<{
      workflow_permanent_id: string;
      title: string;
    }>;
    const owner = this.owner(organizationId, id);
    const runs = this.statements.recentRuns.get(organizationId, id, since) as { count: number };
    return {
      workflows: workflows.map((workflow) => ({ ...workflow, via: 'browser_profile_id' })),
      credentials: owner === undefined ? [] : [{ credential_id: owner.id, name: owner.name }],
      recent_seeded_run_count: runs.count,
    };
  }

  /** Soft-deletes the profile and unlinks the live credentials that use it, in one transaction. */
  softDelete(organizationId: string, id: string, now: string): boolean {
    return this.db.transaction(() => {
      const params = { id, organization_id: organizationId, now };
      if (this.statements.softDelete.run(params).changes !== 1) return false;
      this.statements.unlink.run(params);
      return true;
    })();
  }

  /** Demo and test data: a workflow version that uses a profile. */
  insertWorkflow(
    organizationId: string,
    workflowPermanentId: string,
    version: number,
    title: string,
    browserProfileId: string | null,
  ): void {
    this.statements.insertWorkflow.run(
      workflowPermanentId,
      version,
      organizationId,
      title,
      browserProfileId,
    );
  }

  /** Demo and test data: a run seeded with a profile. */
  insertRun(organizationId: string, id: string, browserProfileId: string, createdAt: string): void {
    this.statements.insertRun.run(id, organizationId, browserProfileId, createdAt);
  }
}
