/*
 * Contract section 13 (browser profiles B1–B3 and the profile delete of 13.5), the linking rules of
 * 3.9 and 13.5 on C1, C4 and C5, and checklist item 17 of section 7's second list. Profiles are
 * added through the test-control route, since the sandbox runs no browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectArray,
  expectObject,
  passwordBody,
  secretBody,
  sleep,
  startTestSandbox,
  type TestSandbox,
} from './helpers';

const ORGS = Array.from({ length: 8 }, (_, index) => `profiles-org-${index}`);
let nextOrg = 0;
const freshOrg = () => ORGS[nextOrg++] ?? 'out-of-keys';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ extraApiKeys: ORGS, testControl: true });
});
afterAll(() => sandbox.close());

const PROFILE_KEYS = [
  'browser_profile_id',
  'organization_id',
  'name',
  'description',
  'source_browser_type',
  'proxy_location',
  'proxy_session_id',
  'is_managed',
  'workflow_permanent_id',
  'browser_profile_key_digest',
  'created_at',
  'modified_at',
  'deleted_at',
  'last_verified_login_at',
  'linked_credential_name',
];

async function addProfile(body: Record<string, unknown>, key?: string): Promise<string> {
  const response = await sandbox.request('POST', '/__sandbox/browser_profiles', { body, key });
  expect(response.status, response.text).toBe(200);
  return String(expectObject(response.body)['browser_profile_id']);
}

async function createCredential(body: unknown, key?: string): Promise<Record<string, unknown>> {
  const response = await sandbox.request('POST', '/v1/credentials', { body, key });
  expect(response.status, response.text).toBe(201);
  return expectObject(response.body);
}

async function listProfiles(query = '', key?: string) {
  const response = await sandbox.request('GET', `/v1/browser_profiles${query}`, { key });
  expect(response.status, response.text).toBe(200);
  return expectArray(response.body);
}

describe('B1 list (contract 13.2, 13.3; checklist 17)', () => {
  it('returns the documented keys in order, with linked_credential_name filled', async () => {
    const key = freshOrg();
    const id = await addProfile({ name: 'Acme', description: 'From a test' }, key);
    await createCredential(passwordBody({ name: 'Acme portal', browser_profile_id: id }), key);
    const [item] = await listProfiles('', key);
    expect(Object.keys(item ?? {})).toEqual(PROFILE_KEYS);
    expect(item).toEqual({
      browser_profile_id: id,
      organization_id: expect.stringMatching(/^o_\d+$/),
      name: 'Acme',
      description: 'From a test',
      source_browser_type: null,
      proxy_location: null,
      proxy_session_id: null,
      is_managed: false,
      workflow_permanent_id: null,
      browser_profile_key_digest: null,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+$/),
      modified_at: item?.['created_at'],
      deleted_at: null,
      last_verified_login_at: null,
      linked_credential_name: 'Acme portal',
    });
  });

  it('sorts by created_at then id, newest first, and pages with page_size 10 by default, no maximum', async () => {
    const key = freshOrg();
    const ids: string[] = [];
    for (let index = 0; index < 12; index += 1)
      ids.push(await addProfile({ name: `P${index}` }, key));
    const newestFirst = [...ids].reverse();
    expect((await listProfiles('', key)).map((p) => p['browser_profile_id'])).toEqual(
      newestFirst.slice(0, 10),
    );
    expect((await listProfiles('?page=2', key)).map((p) => p['browser_profile_id'])).toEqual(
      newestFirst.slice(10),
    );
    expect(await listProfiles('?page_size=100000', key)).toHaveLength(12);
    // Equal created_at: the id decides.
    sandbox.databases.skyvern
      .prepare(
        'UPDATE browser_profiles SET created_at = ? WHERE organization_id = (SELECT organization_id FROM browser_profiles WHERE id = ?)',
      )
      .run('2026-01-01T00:00:00', ids[0]);
    expect((await listProfiles('?page_size=3', key)).map((p) => p['browser_profile_id'])).toEqual(
      newestFirst.slice(0, 3),
    );
  });

  it('treats % and _ in search_key as wildcards and matches name or description case-insensitively', async () => {
    const key = freshOrg();
    await addProfile({ name: 'Alpha', description: 'Finance team' }, key);
    await addProfile({ name: 'Beta' }, key);
    await addProfile({ name: 'a_c' }, key);
    const names = async (searchKey: string) =>
      (await listProfiles(`?search_key=${encodeURIComponent(searchKey)}`, key)).map(
        (p) => p['name'],
      );
    expect(await names('FINANCE')).toEqual(['Alpha']);
    expect(await names('%')).toHaveLength(3);
    expect(await names('b_t')).toEqual(['Beta']);
    expect(await names('a%a')).toEqual(['Alpha']);
  });

  it('filters managed=false/true, and shows deleted profiles only with include_deleted', async () => {
    const key = freshOrg();
    const plain = await addProfile({ name: 'Plain' }, key);
    await addProfile({ name: 'Managed', is_managed: true, workflow_permanent_id: 'wpid_1' }, key);
    const gone = await addProfile({ name: 'Gone' }, key);
    expect((await sandbox.request('DELETE', `/v1/browser_profiles/${gone}`, { key })).status).toBe(
      204,
    );
    const names = async (query: string) => (await listProfiles(query, key)).map((p) => p['name']);
    expect(await names('')).toEqual(['Managed', 'Plain']);
    expect(await names('?managed=false')).toEqual(['Plain']);
    expect(await names('?managed=true')).toEqual(['Managed']);
    const withDeleted = await listProfiles('?include_deleted=true', key);
    expect(withDeleted.map((p) => p['name'])).toEqual(['Gone', 'Managed', 'Plain']);
    expect(withDeleted[0]?.['deleted_at']).toEqual(expect.stringMatching(/^\d{4}-/));
    expect(withDeleted[1]).toMatchObject({ is_managed: true, workflow_permanent_id: 'wpid_1' });
    expect(plain).toMatch(/^bp_\d+$/);
  });

  it("answers 422 in FastAPI's default format", async () => {
    const response = await sandbox.request('GET', '/v1/browser_profiles?page=0&managed=maybe');
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [
        {
          type: 'greater_than_equal',
          loc: ['query', 'page'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
        {
          type: 'bool_parsing',
          loc: ['query', 'managed'],
          msg: 'Input should be a valid boolean, unable to interpret input',
          input: 'maybe',
        },
      ],
    });
  });

  it('exists under /v1 only, with a trailing-slash twin, and requires auth', async () => {
    expect((await sandbox.request('GET', '/v1/browser_profiles/')).status).toBe(200);
    expect(await sandbox.request('GET', '/api/v1/browser_profiles')).toMatchObject({
      status: 404,
      body: { detail: 'Not Found' },
    });
    expect(await sandbox.request('GET', '/v1/browser_profiles', { key: null })).toMatchObject({
      status: 403,
      body: { detail: 'Invalid credentials' },
    });
  });
});

describe('B2 get and B3 usage (contract 13.4, 13.1)', () => {
  it('B2 returns the profile with linked_credential_name null, even when linked', async () => {
    const id = await addProfile({ name: 'Linked', last_verified_login_at: '2026-08-20T09:14:03' });
    await createCredential(passwordBody({ browser_profile_id: id }));
    const response = await sandbox.request('GET', `/v1/browser_profiles/${id}/`);
    expect(response.status).toBe(200);
    const body = expectObject(response.body);
    expect(Object.keys(body)).toEqual(PROFILE_KEYS);
    expect(body['linked_credential_name']).toBeNull();
    expect(body['last_verified_login_at']).toBe('2026-08-20T09:14:03');
  });

  it('answers 404 naming the organisation for unknown, deleted and foreign profiles, B2 and B3 alike', async () => {
    const foreign = await addProfile({ name: 'Theirs' }, freshOrg());
    const deleted = await addProfile({ name: 'Deleted' });
    await sandbox.request('DELETE', `/v1/browser_profiles/${deleted}`);
    for (const id of ['bp_1', deleted, foreign]) {
      for (const suffix of ['', '/usage']) {
        expect(await sandbox.request('GET', `/v1/browser_profiles/${id}${suffix}`)).toMatchObject({
          status: 404,
          body: {
            detail: `Browser profile ${id} not found for organization ${sandbox.organizationId}`,
          },
        });
      }
    }
  });

  it('B3 lists the latest live workflow versions, the linking credential and runs of the last 30 days', async () => {
    const id = await addProfile({
      name: 'Used',
      used_by_workflows: [{ workflow_permanent_id: 'wpid_10', title: 'Nightly export' }],
      seeded_runs: 2,
    });
    const db = sandbox.databases.skyvern;
    // A newer version of another workflow that no longer uses the profile, and a deleted one.
    db.prepare(
      'INSERT INTO workflows (workflow_permanent_id, version, organization_id, title, browser_profile_id) VALUES (?, ?, ?, ?, ?)',
    ).run('wpid_11', 1, sandbox.organizationId, 'Old', id);
    db.prepare(
      'INSERT INTO workflows (workflow_permanent_id, version, organization_id, title, browser_profile_id) VALUES (?, ?, ?, ?, ?)',
    ).run('wpid_11', 2, sandbox.organizationId, 'New', null);
    db.prepare(
      "INSERT INTO workflows (workflow_permanent_id, version, organization_id, title, browser_profile_id, deleted_at) VALUES (?, 1, ?, 'Deleted', ?, '2026-01-01T00:00:00')",
    ).run('wpid_12', sandbox.organizationId, id);
    db.prepare(
      'INSERT INTO workflow_runs (id, organization_id, browser_profile_id, created_at) VALUES (?, ?, ?, ?)',
    ).run('wr_old', sandbox.organizationId, id, '2020-01-01T00:00:00');
    const credential = await createCredential(
      secretBody({ name: 'Owner', browser_profile_id: id }),
    );

    const response = await sandbox.request('GET', `/v1/browser_profiles/${id}/usage`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      workflows: [
        { workflow_permanent_id: 'wpid_10', title: 'Nightly export', via: 'browser_profile_id' },
      ],
      credentials: [{ credential_id: credential['credential_id'], name: 'Owner' }],
      recent_seeded_run_count: 2,
    });
    expect(Object.keys(expectObject(response.body))).toEqual([
      'workflows',
      'credentials',
      'recent_seeded_run_count',
    ]);
  });
});

describe('linking a profile to a credential (contract 3.9, 13.5)', () => {
  it('C1 links a plain profile and refuses unknown, managed and already-linked ones with no orphan item', async () => {
    const plain = await addProfile({ name: 'Plain' });
    const managed = await addProfile({ name: 'Managed', is_managed: true });
    const created = await createCredential(passwordBody({ browser_profile_id: plain }));
    expect(created['browser_profile_id']).toBe(plain);

    const items = () =>
      (
        sandbox.databases.skyvern.prepare('SELECT COUNT(*) AS n FROM vault_items').get() as {
          n: number;
        }
      ).n;
    const before = items();
    for (const [id, detail] of [
      ['bp_404', 'Browser profile not found, browser_profile_id=bp_404'],
      [managed, 'A credential can only link a plain browser profile, not a workflow-managed one.'],
      [plain, 'This browser profile is already linked to another credential.'],
    ]) {
      expect(
        await sandbox.request('POST', '/api/v1/credentials', {
          body: secretBody({ browser_profile_id: id }),
        }),
      ).toMatchObject({ status: 400, body: { detail } });
    }
    expect(items()).toBe(before);
  });

  it('a foreign profile is "not found"', async () => {
    const foreign = await addProfile({ name: 'Theirs' }, freshOrg());
    expect(
      await sandbox.request('POST', '/v1/credentials', {
        body: secretBody({ browser_profile_id: foreign }),
      }),
    ).toMatchObject({
      status: 400,
      body: { detail: `Browser profile not found, browser_profile_id=${foreign}` },
    });
  });

  it('C4 links, re-links its own profile, refuses another owner, and unlinks with null', async () => {
    const mine = await addProfile({ name: 'Mine' });
    const taken = await addProfile({ name: 'Taken' });
    await createCredential(secretBody({ browser_profile_id: taken }));
    const id = String((await createCredential(passwordBody()))['credential_id']);
    const patch = (body: unknown) => sandbox.request('PATCH', `/v1/credentials/${id}`, { body });

    expect(
      expectObject((await patch({ browser_profile_id: mine })).body)['browser_profile_id'],
    ).toBe(mine);
    expect((await patch({ browser_profile_id: mine })).status).toBe(200);
    expect(await patch({ browser_profile_id: taken })).toMatchObject({
      status: 400,
      body: { detail: 'This browser profile is already linked to another credential.' },
    });
    expect(expectObject((await patch({ name: 'Still linked' })).body)['browser_profile_id']).toBe(
      mine,
    );
    expect(
      expectObject((await patch({ browser_profile_id: null })).body)['browser_profile_id'],
    ).toBeNull();
    // Once unlinked, the profile is free for another credential.
    expect(
      (await createCredential(secretBody({ browser_profile_id: mine })))['browser_profile_id'],
    ).toBe(mine);
  });

  it('C5 applies browser_profile_id only when present, and keeps its own link', async () => {
    const profile = await addProfile({ name: 'Update' });
    const id = String(
      (await createCredential(passwordBody({ browser_profile_id: profile })))['credential_id'],
    );
    const update = (body: unknown) =>
      sandbox.request('POST', `/v1/credentials/${id}/update`, { body });
    expect(expectObject((await update(passwordBody())).body)['browser_profile_id']).toBe(profile);
    expect(
      expectObject((await update(passwordBody({ browser_profile_id: profile }))).body)[
        'browser_profile_id'
      ],
    ).toBe(profile);
    expect(
      expectObject((await update(passwordBody({ browser_profile_id: null }))).body)[
        'browser_profile_id'
      ],
    ).toBeNull();
  });

  it('a deleted credential frees its profile', async () => {
    const profile = await addProfile({ name: 'Freed' });
    const id = String(
      (await createCredential(secretBody({ browser_profile_id: profile })))['credential_id'],
    );
    await sandbox.request('POST', `/v1/credentials/${id}/delete`);
    expect(
      (await createCredential(secretBody({ browser_profile_id: profile })))['browser_profile_id'],
    ).toBe(profile);
  });

  it('the profile delete (204) soft-deletes it and unlinks its credential', async () => {
    const profile = await addProfile({ name: 'Deleted later' });
    const id = String(
      (await createCredential(secretBody({ browser_profile_id: profile })))['credential_id'],
    );
    await sleep(1);
    const response = await sandbox.request('DELETE', `/v1/browser_profiles/${profile}`);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(
      expectObject((await sandbox.request('GET', `/v1/credentials/${id}`)).body)[
        'browser_profile_id'
      ],
    ).toBeNull();
    expect((await sandbox.request('DELETE', `/v1/browser_profiles/${profile}`)).status).toBe(404);
  });
});
