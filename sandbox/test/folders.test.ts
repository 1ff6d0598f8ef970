/*
 * Contract section 10 (credential folders F1–F6 and the `folder_id` filter) and items 1–8 of
 * section 7's second checklist. Tests that look at a whole list run as their own organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardBody,
  expectArray,
  expectObject,
  passwordBody,
  secretBody,
  sleep,
  startTestSandbox,
  type ApiResponse,
  type TestSandbox,
} from './helpers';

const ORGS = Array.from({ length: 16 }, (_, index) => `folders-org-${index}`);
let nextOrg = 0;
/** A fresh organisation's key, so lists hold only what the test created. */
const freshOrg = () => ORGS[nextOrg++] ?? 'out-of-keys';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ extraApiKeys: ORGS });
});
afterAll(() => sandbox.close());

const FOLDER_KEYS = [
  'title',
  'description',
  'folder_id',
  'organization_id',
  'credential_count',
  'created_at',
  'modified_at',
];
const NAIVE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;

async function createFolder(
  title: string,
  description: string | null = null,
  key?: string,
): Promise<Record<string, unknown>> {
  const response = await sandbox.request('POST', '/v1/credential_folders', {
    body: { title, description },
    key,
  });
  expect(response.status, response.text).toBe(200);
  return expectObject(response.body);
}

async function createCredential(body: unknown = passwordBody(), key?: string): Promise<string> {
  const response = await sandbox.request('POST', '/v1/credentials', { body, key });
  expect(response.status, response.text).toBe(201);
  return String(expectObject(response.body)['credential_id']);
}

function assign(credentialId: string, folderId: unknown, key?: string): Promise<ApiResponse> {
  return sandbox.request('PUT', `/v1/credentials/${credentialId}/folder`, {
    body: { folder_id: folderId },
    key,
  });
}

async function folderTitles(query = '', key?: string): Promise<string[]> {
  const response = await sandbox.request('GET', `/v1/credential_folders${query}`, { key });
  expect(response.status, response.text).toBe(200);
  return expectArray(response.body).map((folder) => String(folder['title']));
}

async function getFolder(id: string, key?: string): Promise<Record<string, unknown>> {
  const response = await sandbox.request('GET', `/v1/credential_folders/${id}`, { key });
  expect(response.status, response.text).toBe(200);
  return expectObject(response.body);
}

describe('F1 create a folder (contract 10.1–10.3; checklist 1–3)', () => {
  it('answers 200 (not 201) with the documented keys in order and a zero count', async () => {
    const response = await sandbox.request('POST', '/v1/credential_folders', {
      body: { title: 'Production logins', description: 'Accounts used by nightly agents' },
    });
    expect(response.status).toBe(200);
    const body = expectObject(response.body);
    expect(Object.keys(body)).toEqual(FOLDER_KEYS);
    expect(body).toEqual({
      title: 'Production logins',
      description: 'Accounts used by nightly agents',
      folder_id: expect.stringMatching(/^cfld_\d{18,19}$/),
      organization_id: sandbox.organizationId,
      credential_count: 0,
      created_at: expect.stringMatching(NAIVE_TIMESTAMP),
      modified_at: body['created_at'],
    });
  });

  it.each([
    ['POST', '/v1/credential_folders/'],
    ['POST', '/api/v1/credential_folders'],
    ['POST', '/api/v1/credential_folders/'],
  ])('%s %s is the same route, also 200', async (method, path) => {
    const response = await sandbox.request(method, path, { body: { title: 'Twin' } });
    expect(response.status).toBe(200);
    expect(expectObject(response.body)['description']).toBeNull();
  });

  it('keeps titles exactly as sent, allows duplicates, and takes 255 characters but not 256', async () => {
    expect((await createFolder(' '))['title']).toBe(' ');
    const first = await createFolder('Dup');
    const second = await createFolder('Dup');
    expect(first['folder_id']).not.toBe(second['folder_id']);
    expect((await createFolder('é'.repeat(255)))['title']).toBe('é'.repeat(255));
    const long = 'x'.repeat(256);
    expect(
      await sandbox.request('POST', '/v1/credential_folders', { body: { title: long } }),
    ).toMatchObject({
      status: 422,
      body: {
        detail: [
          {
            type: 'string_too_long',
            loc: ['body', 'title'],
            msg: 'String should have at most 255 characters',
            input: long,
            ctx: { max_length: 255 },
          },
        ],
      },
    });
  });

  it('has no limit on the description and ignores unknown keys', async () => {
    const description = 'd'.repeat(20_000);
    const response = await sandbox.request('POST', '/v1/credential_folders', {
      body: { title: 'Long', description, credential_ids: ['cred_1'], folder_id: 'cfld_1' },
    });
    expect(response.status).toBe(200);
    expect(expectObject(response.body)['description']).toBe(description);
    expect(expectObject(response.body)['folder_id']).not.toBe('cfld_1');
  });

  it("answers 422 in FastAPI's default format, with input and ctx (10.1, 10.3)", async () => {
    const empty = await sandbox.request('POST', '/v1/credential_folders', { body: { title: '' } });
    expect(empty.status).toBe(422);
    expect(empty.body).toEqual({
      detail: [
        {
          type: 'string_too_short',
          loc: ['body', 'title'],
          msg: 'String should have at least 1 character',
          input: '',
          ctx: { min_length: 1 },
        },
      ],
    });
    const missing = await sandbox.request('POST', '/api/v1/credential_folders', { body: {} });
    expect(missing.body).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'title'], msg: 'Field required', input: {} }],
    });
  });

  it('checks auth before the body (1.3)', async () => {
    const response = await sandbox.request('POST', '/v1/credential_folders', {
      body: {},
      key: null,
    });
    expect(response).toMatchObject({ status: 403, body: { detail: 'Invalid credentials' } });
  });
});

describe('F2 list folders (contract 10.4; checklist 4)', () => {
  it('is a bare array of live folders of the caller, newest modified_at first', async () => {
    const key = freshOrg();
    await createFolder('First', null, key);
    await createFolder('Second', null, key);
    const third = await createFolder('Third', null, key);
    await createFolder('Not mine');
    await sandbox.request('DELETE', `/v1/credential_folders/${String(third['folder_id'])}`, {
      key,
    });
    expect(await folderTitles('', key)).toEqual(['Second', 'First']);
  });

  it('defaults page_size to 100, allows 500, and refuses 501 and page 0', async () => {
    const key = freshOrg();
    for (let index = 0; index < 101; index += 1) await createFolder(`F${index}`, null, key);
    expect(await folderTitles('', key)).toHaveLength(100);
    expect(await folderTitles('?page=2', key)).toEqual(['F0']);
    expect(await folderTitles('?page_size=500', key)).toHaveLength(101);
    expect(await folderTitles('?page=3&page_size=50', key)).toEqual(['F0']);
    expect(await folderTitles('?page=4&page_size=50', key)).toEqual([]);
    expect(
      (await sandbox.request('GET', '/v1/credential_folders?page_size=501', { key })).body,
    ).toEqual({
      detail: [
        {
          type: 'less_than_equal',
          loc: ['query', 'page_size'],
          msg: 'Input should be less than or equal to 500',
          input: '501',
          ctx: { le: 500 },
        },
      ],
    });
    expect((await sandbox.request('GET', '/v1/credential_folders?page=0', { key })).body).toEqual({
      detail: [
        {
          type: 'greater_than_equal',
          loc: ['query', 'page'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
      ],
    });
  });

  it('searches title or description, case-insensitively, with %, _ and \\ literal; empty = all', async () => {
    const key = freshOrg();
    await createFolder('Finance', 'Cards and BANKING', key);
    await createFolder('Support', 'Help desk', key);
    await createFolder('100% done', null, key);
    await createFolder('a_b', 'back\\slash', key);
    await createFolder('Straße', null, key);
    expect(await folderTitles('?search=banking', key)).toEqual(['Finance']);
    expect(await folderTitles('?search=FIN', key)).toEqual(['Finance']);
    expect(await folderTitles(`?search=${encodeURIComponent('%')}`, key)).toEqual(['100% done']);
    expect(await folderTitles('?search=_', key)).toEqual(['a_b']);
    expect(await folderTitles(`?search=${encodeURIComponent('\\')}`, key)).toEqual(['a_b']);
    expect(await folderTitles(`?search=${encodeURIComponent('STRASSE')}`, key)).toEqual([]);
    expect(await folderTitles(`?search=${encodeURIComponent('STRAßE')}`, key)).toEqual(['Straße']);
    expect(await folderTitles('?search=', key)).toHaveLength(5);
    expect(await folderTitles('?search=nothing-like-this', key)).toEqual([]);
  });

  it('moves a folder up on F4 and on assignment into it, not on removal or credential delete (10.2)', async () => {
    const key = freshOrg();
    const a = await createFolder('A', null, key);
    const b = await createFolder('B', null, key);
    const aId = String(a['folder_id']);
    const bId = String(b['folder_id']);
    expect(await folderTitles('', key)).toEqual(['B', 'A']);

    await sandbox.request('PUT', `/v1/credential_folders/${aId}`, { body: { title: 'A' }, key });
    expect(await folderTitles('', key)).toEqual(['A', 'B']);

    const credential = await createCredential(passwordBody(), key);
    expect((await assign(credential, bId, key)).status).toBe(200);
    expect(await folderTitles('', key)).toEqual(['B', 'A']);
    const bAfterAssign = await getFolder(bId, key);

    // Moving out of B (into A) bumps A, not B.
    expect((await assign(credential, aId, key)).status).toBe(200);
    expect(await folderTitles('', key)).toEqual(['A', 'B']);
    expect((await getFolder(bId, key))['modified_at']).toBe(bAfterAssign['modified_at']);

    // Unfiling and deleting the credential bump nothing.
    const aBefore = (await getFolder(aId, key))['modified_at'];
    expect((await assign(credential, null, key)).status).toBe(200);
    expect((await assign(credential, aId, key)).status).toBe(200);
    const aFiled = (await getFolder(aId, key))['modified_at'];
    expect(aFiled).not.toBe(aBefore);
    await sandbox.request('POST', `/v1/credentials/${credential}/delete`, { key });
    expect((await getFolder(aId, key))['modified_at']).toBe(aFiled);
  });

  it('counts live credentials per folder in the list (10.2)', async () => {
    const key = freshOrg();
    const folder = String((await createFolder('Counted', null, key))['folder_id']);
    const ids = [
      await createCredential(passwordBody(), key),
      await createCredential(cardBody(), key),
      await createCredential(secretBody(), key),
    ];
    for (const id of ids) await assign(id, folder, key);
    await sandbox.request('POST', `/v1/credentials/${ids[0] ?? ''}/delete`, { key });
    const list = expectArray(
      (await sandbox.request('GET', '/v1/credential_folders', { key })).body,
    );
    expect(list[0]?.['credential_count']).toBe(2);
  });
});

describe('F3 get one folder (contract 10.5; checklist 5)', () => {
  it('returns the folder with a fresh credential_count', async () => {
    const folder = String((await createFolder('One'))['folder_id']);
    const credential = await createCredential();
    await assign(credential, folder);
    const body = await getFolder(folder);
    expect(Object.keys(body)).toEqual(FOLDER_KEYS);
    expect(body['credential_count']).toBe(1);
    expect((await sandbox.request('GET', `/api/v1/credential_folders/${folder}/`)).status).toBe(
      200,
    );
  });

  it('answers 404 "Credential folder <id> not found" for unknown, deleted and foreign folders', async () => {
    const foreign = String((await createFolder('Theirs', null, freshOrg()))['folder_id']);
    const deleted = String((await createFolder('Gone'))['folder_id']);
    await sandbox.request('DELETE', `/v1/credential_folders/${deleted}`);
    for (const id of ['cfld_1', deleted, foreign]) {
      expect(await sandbox.request('GET', `/v1/credential_folders/${id}`)).toMatchObject({
        status: 404,
        body: { detail: `Credential folder ${id} not found` },
      });
    }
  });
});

describe('F4 update a folder (contract 10.6; checklist 5)', () => {
  it('is partial: null or absent keeps a value, "" stores an empty description', async () => {
    const id = String((await createFolder('Before', 'Desc'))['folder_id']);
    const put = (body: unknown) => sandbox.request('PUT', `/v1/credential_folders/${id}`, { body });
    expect(expectObject((await put({ title: 'After' })).body)).toMatchObject({
      title: 'After',
      description: 'Desc',
    });
    expect(expectObject((await put({ title: null, description: 'New' })).body)).toMatchObject({
      title: 'After',
      description: 'New',
    });
    const cleared = await put({ description: '' });
    expect(cleared.status).toBe(200);
    expect(expectObject(cleared.body)).toMatchObject({ title: 'After', description: '' });
    expect(Object.keys(expectObject(cleared.body))).toEqual(FOLDER_KEYS);
  });

  it('bumps modified_at even when nothing changes, and keeps created_at', async () => {
    const created = await createFolder('Same');
    const id = String(created['folder_id']);
    await sleep(2);
    const response = await sandbox.request('PUT', `/api/v1/credential_folders/${id}/`, {
      body: { title: 'Same' },
    });
    const body = expectObject(response.body);
    expect(body['created_at']).toBe(created['created_at']);
    expect(String(body['modified_at']) > String(created['modified_at'])).toBe(true);
  });

  it('refuses a body with nothing to set, the same way for {} and {"description": null}', async () => {
    const id = String((await createFolder('Keep'))['folder_id']);
    for (const body of [{}, { description: null }, { title: null, description: null }]) {
      const response = await sandbox.request('PUT', `/v1/credential_folders/${id}`, { body });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({
        detail: [
          {
            type: 'value_error',
            loc: ['body'],
            msg: "Value error, at least one of 'title' or 'description' must be provided",
            input: body,
            ctx: { error: {} },
          },
        ],
      });
    }
  });

  it('validates the body before looking the folder up, then answers 404', async () => {
    expect(
      (await sandbox.request('PUT', '/v1/credential_folders/cfld_1', { body: {} })).status,
    ).toBe(422);
    expect(
      await sandbox.request('PUT', '/v1/credential_folders/cfld_1', { body: { title: 'x' } }),
    ).toMatchObject({ status: 404, body: { detail: 'Credential folder cfld_1 not found' } });
    const long = await sandbox.request('PUT', '/v1/credential_folders/cfld_1', {
      body: { title: 'y'.repeat(256) },
    });
    expect(expectArray(expectObject(long.body)['detail'])[0]).toMatchObject({
      type: 'string_too_long',
      input: 'y'.repeat(256),
    });
  });
});

describe('F5 delete a folder (contract 10.7; checklist 6)', () => {
  it('answers 200 with status and the id as sent, and a second delete is 404', async () => {
    const id = String((await createFolder('Doomed'))['folder_id']);
    expect(await sandbox.request('DELETE', `/v1/credential_folders/${id}/`)).toMatchObject({
      status: 200,
      body: { status: 'deleted', folder_id: id },
    });
    expect(await sandbox.request('DELETE', `/api/v1/credential_folders/${id}`)).toMatchObject({
      status: 404,
      body: { detail: `Credential folder ${id} not found` },
    });
    expect(
      (await sandbox.request('PUT', `/v1/credential_folders/${id}`, { body: { title: 'x' } }))
        .status,
    ).toBe(404);
  });

  it('keeps its credentials and unfiles them, soft-deleted ones included', async () => {
    const key = freshOrg();
    const folder = String((await createFolder('Holder', null, key))['folder_id']);
    const live = await createCredential(passwordBody(), key);
    const gone = await createCredential(secretBody(), key);
    await assign(live, folder, key);
    await assign(gone, folder, key);
    await sandbox.request('POST', `/v1/credentials/${gone}/delete`, { key });
    const storedFolder = sandbox.databases.skyvern.prepare(
      'SELECT folder_id FROM credentials WHERE id = ?',
    );
    expect(storedFolder.get(gone)).toEqual({ folder_id: folder });

    expect(
      (await sandbox.request('DELETE', `/v1/credential_folders/${folder}`, { key })).status,
    ).toBe(200);
    const after = await sandbox.request('GET', `/v1/credentials/${live}`, { key });
    expect(after.status).toBe(200);
    expect(expectObject(after.body)['folder_id']).toBeNull();
    expect(storedFolder.get(gone)).toEqual({ folder_id: null });
    expect(
      (await sandbox.request('GET', `/v1/credentials?folder_id=${folder}`, { key })).body,
    ).toEqual([]);
    expect(await assign(live, folder, key)).toMatchObject({
      status: 400,
      body: { detail: `Credential folder ${folder} not found` },
    });
  });
});

describe('F6 assign or unassign a credential (contract 10.8; checklist 7)', () => {
  it('returns the full CredentialResponse with the new folder_id, on every twin route', async () => {
    const folder = String((await createFolder('Target'))['folder_id']);
    const credential = await createCredential();
    for (const path of [
      `/v1/credentials/${credential}/folder`,
      `/v1/credentials/${credential}/folder/`,
      `/api/v1/credentials/${credential}/folder`,
      `/api/v1/credentials/${credential}/folder/`,
    ]) {
      const response = await sandbox.request('PUT', path, { body: { folder_id: folder } });
      expect(response.status, path).toBe(200);
      const body = expectObject(response.body);
      expect(body['credential_id']).toBe(credential);
      expect(body['folder_id']).toBe(folder);
      expect(body['credential']).toEqual({
        username: 'jane@example.com',
        totp_type: 'none',
        totp_identifier: null,
      });
    }
  });

  it('unfiles with null and with "", and changes no other field', async () => {
    const folder = String((await createFolder('Temp'))['folder_id']);
    const credential = await createCredential(passwordBody({ tested_url: 'https://a.example' }));
    const before = expectObject(
      (await sandbox.request('GET', `/v1/credentials/${credential}`)).body,
    );
    for (const value of [null, '']) {
      await assign(credential, folder);
      const response = await assign(credential, value);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ...before, folder_id: null });
    }
    expect((await getFolder(folder))['credential_count']).toBe(0);
  });

  it('checks the credential first (404), then the folder (400, also for a foreign folder)', async () => {
    const credential = await createCredential();
    const foreign = String((await createFolder('Theirs', null, freshOrg()))['folder_id']);
    expect(await assign('cred_1', 'cfld_2')).toMatchObject({
      status: 404,
      body: { detail: 'Credential cred_1 not found' },
    });
    expect(await assign(credential, 'cfld_2')).toMatchObject({
      status: 400,
      body: { detail: 'Credential folder cfld_2 not found' },
    });
    expect(await assign(credential, foreign)).toMatchObject({
      status: 400,
      body: { detail: `Credential folder ${foreign} not found` },
    });
    const deleted = await createCredential();
    await sandbox.request('POST', `/v1/credentials/${deleted}/delete`);
    expect((await assign(deleted, null)).status).toBe(404);
  });

  it('requires the folder_id key, with a sanitised 422', async () => {
    const credential = await createCredential();
    const response = await sandbox.request('PUT', `/v1/credentials/${credential}/folder`, {
      body: {},
    });
    expect(response).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body', 'folder_id'], msg: 'Field required', type: 'missing' }] },
    });
    const wrongType = await sandbox.request('PUT', `/api/v1/credentials/${credential}/folder`, {
      body: { folder_id: 7 },
    });
    expect(wrongType.body).toEqual({
      detail: [
        { loc: ['body', 'folder_id'], msg: 'Input should be a valid string', type: 'string_type' },
      ],
    });
  });

  it('moving into the folder it is already in succeeds and bumps the folder again', async () => {
    const folder = String((await createFolder('Again'))['folder_id']);
    const credential = await createCredential();
    await assign(credential, folder);
    const first = (await getFolder(folder))['modified_at'];
    await sleep(2);
    expect((await assign(credential, folder)).status).toBe(200);
    expect(String((await getFolder(folder))['modified_at']) > String(first)).toBe(true);
  });
});

describe('folder_id on credentials and the list filter (contract 10.9, 3.2; checklist 8)', () => {
  it('filters by exact folder, ANDed with the other filters; empty, unknown and deleted give []', async () => {
    const key = freshOrg();
    const finance = String((await createFolder('Finance', null, key))['folder_id']);
    const other = String((await createFolder('Other', null, key))['folder_id']);
    const card = await createCredential(cardBody(), key);
    const login = await createCredential(passwordBody({ name: 'Bank login' }), key);
    const loose = await createCredential(secretBody(), key);
    await assign(card, finance, key);
    await assign(login, finance, key);
    await assign(loose, other, key);
    const ids = async (query: string) =>
      expectArray((await sandbox.request('GET', `/v1/credentials${query}`, { key })).body).map(
        (item) => item['credential_id'],
      );
    expect(await ids(`?folder_id=${finance}`)).toEqual([login, card]);
    expect(await ids(`?folder_id=${finance}&credential_type=credit_card`)).toEqual([card]);
    expect(await ids(`?folder_id=${finance}&search=bank`)).toEqual([login]);
    expect(await ids(`?folder_id=${finance}&page_size=1&page=2`)).toEqual([card]);
    expect(await ids('?folder_id=')).toEqual([]);
    expect(await ids('?folder_id=cfld_1')).toEqual([]);
    expect(await ids('?search=')).toHaveLength(3);
    expect(await ids('')).toHaveLength(3);
    const api = await sandbox.request('GET', `/api/v1/credentials/?folder_id=${other}`, { key });
    expect(expectArray(api.body).map((item) => item['credential_id'])).toEqual([loose]);
  });

  it('is set only by F6: create ignores it, PATCH with only folder_id is 422, update keeps it', async () => {
    const folder = String((await createFolder('Only F6'))['folder_id']);
    const created = await sandbox.request('POST', '/v1/credentials', {
      body: passwordBody({ folder_id: folder }),
    });
    const credential = String(expectObject(created.body)['credential_id']);
    expect(expectObject(created.body)['folder_id']).toBeNull();

    expect(
      await sandbox.request('PATCH', `/v1/credentials/${credential}`, {
        body: { folder_id: folder },
      }),
    ).toMatchObject({
      status: 422,
      body: {
        detail: [
          {
            loc: ['body'],
            msg: 'Value error, At least one credential metadata field must be provided',
            type: 'value_error',
          },
        ],
      },
    });

    await assign(credential, folder);
    const patched = await sandbox.request('PATCH', `/v1/credentials/${credential}`, {
      body: { name: 'Renamed', folder_id: null },
    });
    expect(expectObject(patched.body)['folder_id']).toBe(folder);
    const updated = await sandbox.request('POST', `/v1/credentials/${credential}/update`, {
      body: secretBody({ folder_id: null }),
    });
    expect(updated.status, updated.text).toBe(200);
    expect(expectObject(updated.body)['folder_id']).toBe(folder);
  });

  it('a deleted credential keeps its folder_id but stops counting', async () => {
    const folder = String((await createFolder('Count'))['folder_id']);
    const credential = await createCredential();
    await assign(credential, folder);
    expect((await getFolder(folder))['credential_count']).toBe(1);
    await sandbox.request('DELETE', `/api/v1/credentials/${credential}`);
    expect((await getFolder(folder))['credential_count']).toBe(0);
    expect(
      sandbox.databases.skyvern
        .prepare('SELECT folder_id FROM credentials WHERE id = ?')
        .get(credential),
    ).toEqual({ folder_id: folder });
  });
});

describe('folder route table (contract 10.1)', () => {
  it.each([
    ['PATCH', '/v1/credential_folders/cfld_1', 405],
    ['POST', '/api/v1/credential_folders/cfld_1', 405],
    ['DELETE', '/v1/credential_folders', 405],
    ['GET', '/v1/credentials/cred_1/folder', 405],
    ['GET', '/v1/credential_folders/cfld_1/extra', 404],
  ])('%s %s → %i', async (method, path, status) => {
    expect((await sandbox.request(method, path)).status).toBe(status);
  });

  it('folder routes echo input in 422s; F6 under /v1/credentials does not', async () => {
    const folderError = expectArray(
      expectObject((await sandbox.request('GET', '/v1/credential_folders?page=x')).body)['detail'],
    )[0];
    expect(folderError).toHaveProperty('input', 'x');
    const credentialError = expectArray(
      expectObject(
        (await sandbox.request('PUT', '/v1/credentials/cred_1/folder', { raw: 'not json' })).body,
      )['detail'],
    )[0];
    expect(Object.keys(credentialError ?? {}).sort()).toEqual(['loc', 'msg', 'type']);
  });
});
