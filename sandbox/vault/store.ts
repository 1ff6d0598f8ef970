/*
 * Storage of the reference custom credential service: one row per item, the type fields sealed
 * with AES-256-GCM; only the id, name and type stay readable (the listing needs them).
 */
import type { Database } from 'better-sqlite3';
import type { SecretBox } from '../lib/crypto';

export interface StoredItem {
  id: string;
  name: string;
  type: string;
  fields: Record<string, unknown>;
}

export class VaultStore {
  private readonly statements;

  constructor(
    db: Database,
    private readonly box: SecretBox,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS items (
      id TEXT PRIMARY KEY,
      rowseq INTEGER NOT NULL,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      sealed TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    this.statements = {
      insert: db.prepare(`INSERT INTO items (id, rowseq, name, type, sealed, created_at)
        VALUES (?, (SELECT COALESCE(MAX(rowseq), 0) + 1 FROM items), ?, ?, ?, ?)`),
      get: db.prepare('SELECT id, name, type, sealed FROM items WHERE id = ?'),
      remove: db.prepare('DELETE FROM items WHERE id = ?'),
      list: db.prepare('SELECT id, name, type FROM items ORDER BY rowseq DESC'),
    };
  }

  insert(item: StoredItem): void {
    this.statements.insert.run(
      item.id,
      item.name,
      item.type,
      this.box.seal(JSON.stringify(item.fields), item.id),
      new Date().toISOString(),
    );
  }

  get(id: string): StoredItem | undefined {
    const row = this.statements.get.get(id) as
      { id: string; name: string; type: string; sealed: string } | undefined;
    if (row === undefined) return undefined;
    const fields = JSON.parse(this.box.open(row.sealed, row.id)) as Record<string, unknown>;
    return { id: row.id, name: row.name, type: row.type, fields };
  }

  remove(id: string): boolean {
    return this.statements.remove.run(id).changes === 1;
  }

  list(): Array<{ id: string; name: string; type: string }> {
    return this.statements.list.all() as Array<{ id: string; name: string; type: string }>;
  }
}
