/*
 * File mode: data survives a restart, secrets are encrypted at rest (AES-256-GCM) in both stores,
 * the key is generated once, and demo seeding happens only into an empty store.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANIZATION_ID } from '../skyvern/auth';
import { expectArray, expectObject, passwordBody, secretBody, startTestSandbox } from './helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-persistence-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SECRET_PASSWORD = 'persisted-password-7f3a9c';
const SECRET_VALUE = 'persisted-secret-value-51e0';
const SEED = 'JBSWY3DPEHPK3PXP';

/** Every byte the stores wrote, WAL included. */
function rawBytes(): string {
  return readdirSync(dataDir)
    .filter((file) => file.includes('.sqlite'))
    .map((file) => readFileSync(join(dataDir, file)).toString('latin1'))
    .join('');
}

describe('persistence across restarts', () => {
  it('keeps credentials, codes, configuration and vault items, encrypted, across a restart', async () => {
    const first = await startTestSandbox({ dataDir });
    const password = await first.request('POST', '/v1/credentials', {
      body: passwordBody(
        { name: 'Survivor' },
        { password: SECRET_PASSWORD, totp: SEED, totp_type: 'authenticator' },
      ),
    });
    const passwordId = String(expectObject(password.body)['credential_id']);
    await first.request('POST', '/v1/credentials/totp', {
      body: { totp_identifier: 'jane@example.com', content: '424242' },
    });
    await first.request('POST', '/v1/credentials/custom_credential/create', {
      body: { config: { api_base_url: first.vaultUrl, api_token: first.vaultToken } },
    });
    await first.request('POST', '/v1/credentials', {
      body: {
        ...secretBody({ name: 'Custom survivor' }, { secret_value: SECRET_VALUE }),
        vault_type: 'custom',
      },
    });
    const code = expectObject(
      (await first.request('GET', `/v1/credentials/${passwordId}/totp-code`)).body,
    )['code'];
    const keyFile = readFileSync(join(dataDir, 'skyvern.key'), 'utf8');
    expect(statSync(join(dataDir, 'skyvern.key')).mode & 0o777).toBe(0o600);
    await first.close();

    // Neither store holds a secret in clear text.
    const bytes = rawBytes();
    for (const secret of [SECRET_PASSWORD, SECRET_VALUE, SEED]) expect(bytes).not.toContain(secret);

    const second = await startTestSandbox({ dataDir });
    try {
      expect(readFileSync(join(dataDir, 'skyvern.key'), 'utf8')).toBe(keyFile);
      const names = expectArray((await second.request('GET', '/v1/credentials')).body).map(
        (item) => item['name'],
      );
      expect(names).toEqual(['Custom survivor', 'Survivor']);
      // The vault item can still be decrypted: the code for this period is the same.
      expect(
        expectObject((await second.request('GET', `/v1/credentials/${passwordId}/totp-code`)).body)[
          'code'
        ],
      ).toBe(code);
      expect(expectArray((await second.request('GET', '/v1/credentials/totp')).body)).toHaveLength(
        1,
      );
      expect((await second.request('GET', '/v1/credentials/custom_credential/get')).status).toBe(
        200,
      );
      const items = expectArray(
        expectObject((await second.vaultRequest('GET', '/api/v1/credentials')).body)['items'],
      );
      expect(items.map((item) => item['name'])).toEqual(['Custom survivor']);
      const item = await second.vaultRequest(
        'GET',
        `/api/v1/credentials/${String(items[0]?.['id'])}`,
      );
      expect(item.body).toEqual({
        type: 'secret',
        secret_value: SECRET_VALUE,
        secret_label: 'Billing API key',
      });
    } finally {
      await second.close();
    }
  });

  it('cannot read the vault with a different key', async () => {
    const wrongKey = await startTestSandbox({ dataDir, encryptionKey: 'ab'.repeat(32) });
    try {
      const list = expectArray((await wrongKey.request('GET', '/v1/credentials')).body);
      const survivor = list.find((item) => item['name'] === 'Survivor');
      const response = await wrongKey.request(
        'GET',
        `/v1/credentials/${String(survivor?.['credential_id'])}/totp-code`,
      );
      expect(response).toMatchObject({
        status: 500,
        body: { detail: 'Unable to retrieve credential from vault' },
      });
    } finally {
      await wrongKey.close();
    }
  });

  it('seeds demo data only into an empty store', async () => {
    const seedDir = mkdtempSync(join(tmpdir(), 'sandbox-seed-'));
    try {
      const seeded = await startTestSandbox({ dataDir: seedDir, seed: 'demo' });
      const list = expectArray((await seeded.request('GET', '/v1/credentials?page_size=100')).body);
      const codes = expectArray((await seeded.request('GET', '/v1/credentials/totp')).body);
      await seeded.close();
      const types = list.map((item) => item['credential_type']);
      for (const type of ['password', 'credit_card', 'secret'])
        expect(types.filter((t) => t === type).length).toBeGreaterThanOrEqual(6);
      const authenticators = list.filter(
        (item) => expectObject(item['credential'])['totp_type'] === 'authenticator',
      );
      expect(authenticators.length).toBeGreaterThanOrEqual(2);
      expect(list.some((item) => expectObject(item['credential'])['totp_type'] === 'email')).toBe(
        true,
      );
      expect(list.some((item) => expectObject(item['credential'])['totp_type'] === 'text')).toBe(
        true,
      );
      expect(codes.length).toBeGreaterThanOrEqual(3);

      const again = await startTestSandbox({ dataDir: seedDir, seed: 'demo' });
      try {
        expect(
          expectArray((await again.request('GET', '/v1/credentials?page_size=100')).body),
        ).toHaveLength(list.length);
        for (const item of authenticators) {
          const response = await again.request(
            'GET',
            `/v1/credentials/${String(item['credential_id'])}/totp-code`,
          );
          expect(response.status).toBe(200);
          expect(expectObject(response.body)['code']).toMatch(/^\d{6,8}$/);
        }
      } finally {
        await again.close();
      }
    } finally {
      rmSync(seedDir, { recursive: true, force: true });
    }
  });

  it('migrates a database written before search_text existed', async () => {
    const oldDir = mkdtempSync(join(tmpdir(), 'sandbox-migrate-'));
    try {
      const db = new Database(join(oldDir, 'skyvern.sqlite'));
      db.exec(`CREATE TABLE credentials (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, organization_id TEXT NOT NULL,
        name TEXT NOT NULL, credential_type TEXT NOT NULL, vault_type TEXT, item_id TEXT NOT NULL, username TEXT,
        totp_type TEXT NOT NULL DEFAULT 'none', totp_identifier TEXT, card_last_four TEXT, card_brand TEXT,
        secret_label TEXT, browser_profile_id TEXT, auto_profile_disabled INTEGER,
        pin_saved_session_ip INTEGER NOT NULL DEFAULT 0, tested_url TEXT, user_context TEXT,
        save_browser_session_intent INTEGER, run_sequentially INTEGER NOT NULL DEFAULT 0, folder_id TEXT,
        proxy_location TEXT, proxy_session_id TEXT, search_name TEXT NOT NULL, search_username TEXT,
        search_label TEXT, search_brand TEXT, search_last_four TEXT, created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL, deleted_at TEXT)`);
      db.prepare(
        `INSERT INTO credentials (id, seq, organization_id, name, credential_type, vault_type, item_id,
        card_last_four, card_brand, search_name, created_at, modified_at)
        VALUES ('cred_2124350000000000000', 1, ?, 'Old Card', 'credit_card', 'skyvern', 'creditem_x', '4444',
        'MasterCard', 'old card', '2026-01-01T00:00:00', '2026-01-01T00:00:00')`,
      ).run(DEFAULT_ORGANIZATION_ID);
      db.close();
      const migrated = await startTestSandbox({ dataDir: oldDir });
      try {
        for (const search of ['old', 'mastercard', '4444']) {
          const names = expectArray(
            (await migrated.request('GET', `/v1/credentials?search=${search}`)).body,
          ).map((item) => item['name']);
          expect(names).toEqual(['Old Card']);
        }
        expect(
          (await migrated.request('POST', '/v1/credentials', { body: secretBody() })).status,
        ).toBe(201);
      } finally {
        await migrated.close();
      }
    } finally {
      rmSync(oldDir, { recursive: true, force: true });
    }
  });

  it('starts empty in memory mode', async () => {
    const memory = await startTestSandbox();
    try {
      expect((await memory.request('GET', '/v1/credentials')).body).toEqual([]);
      expect(memory.dataDir).toBeNull();
    } finally {
      await memory.close();
    }
  });
});
