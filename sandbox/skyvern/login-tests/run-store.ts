/*
 * Login-test runs (contract 11.1): the one row per X1/X2 run that X3 and X4 read. Status only moves
 * forward; a final status is never overwritten (so X4 on a finished run changes nothing).
 */
import type { Database } from 'better-sqlite3';

export const FINAL_STATUSES = [
  'completed',
  'failed',
  'terminated',
  'canceled',
  'timed_out',
] as const;
export type RunStatus = 'created' | 'queued' | 'running' | (typeof FINAL_STATUSES)[number];

export function isFinal(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS login_test_runs (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL,
  credential_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  url TEXT NOT NULL,
  status TEXT NOT NULL,
  raw_failure_reason TEXT,
  persist_browser_session INTEGER NOT NULL,
  session_saved INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  finished_ms INTEGER
);
`;

const NOT_FINAL = `status IN ('created', 'queued', 'running')`;

export interface RunRow {
  id: string;
  organization_id: string;
  credential_id: string;
  kind: 'x1' | 'x2';
  url: string;
  status: RunStatus;
  raw_failure_reason: string | null;
  persist_browser_session: number;
  session_saved: number;
  created_at: string;
  finished_at: string | null;
  finished_ms: number | null;
}

export class RunStore {
  private readonly statements;

  constructor(db: Database) {
    db.exec(SCHEMA);
    this.statements = {
      insert:
        db.prepare(`INSERT INTO login_test_runs (id, organization_id, credential_id, kind, url,
        status, persist_browser_session, created_at)
        VALUES (@id, @organization_id, @credential_id, @kind, @url, 'created', @persist, @created_at)`),
      get: db.prepare('SELECT * FROM login_test_runs WHERE id = ? AND organization_id = ?'),
      byId: db.prepare('SELECT * FROM login_test_runs WHERE id = ?'),
      advance: db.prepare(
        `UPDATE login_test_runs SET status = @status WHERE id = @id AND ${NOT_FINAL}`,
      ),
      finish: db.prepare(`UPDATE login_test_runs SET status = @status, raw_failure_reason = @raw,
        session_saved = @session_saved, finished_at = @finished_at, finished_ms = @finished_ms
        WHERE id = @id AND ${NOT_FINAL}`),
      abandoned: db.prepare(`UPDATE login_test_runs SET status = 'failed',
        raw_failure_reason = 'the sandbox stopped during the test' WHERE ${NOT_FINAL}`),
    };
    // Runs do not survive a restart: whatever was in flight failed.
    this.statements.abandoned.run();
  }

  insert(run: {
    id: string;
    organization_id: string;
    credential_id: string;
    kind: 'x1' | 'x2';
    url: string;
    persist: boolean;
    created_at: string;
  }): void {
    this.statements.insert.run({ ...run, persist: run.persist ? 1 : 0 });
  }

  get(organizationId: string, id: string): RunRow | undefined {
    return this.statements.get.get(id, organizationId) as RunRow | undefined;
  }

  byId(id: string): RunRow | undefined {
    return this.statements.byId.get(id) as RunRow | undefined;
  }

  /** Moves a run to a later non-final status; false when it is already final (e.g. canceled). */
  advance(id: string, status: 'queued' | 'running'): boolean {
    return this.statements.advance.run({ id, status }).changes === 1;
  }

  /** Sets a final status unless the run already has one; false when it had. */
  finish(
    id: string,
    outcome: { status: RunStatus; raw: string | null; sessionSaved: boolean },
    finishedAt: string,
    finishedMs: number,
  ): boolean {
    return (
      this.statements.finish.run({
        id,
        status: outcome.status,
        raw: outcome.raw,
        session_saved: outcome.sessionSaved ? 1 : 0,
        finished_at: finishedAt,
        finished_ms: finishedMs,
      }).changes === 1
    );
  }
}
