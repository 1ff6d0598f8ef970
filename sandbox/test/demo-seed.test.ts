/*
 * The demo data (SANDBOX_SEED=demo) for the folder and run-settings screens (issue 12): three
 * folders with most credentials filed and a few unfiled, and browser profiles, one linked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectArray, expectObject, startTestSandbox, type TestSandbox } from './helpers';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 'demo' });
});
afterAll(() => sandbox.close());

describe('demo data: folders (contract 10) and browser profiles (13)', () => {
  it('has "Finance", "Support tools" and "Staging", with counts that match the filter', async () => {
    const folders = expectArray((await sandbox.request('GET', '/v1/credential_folders')).body);
    expect(folders.map((folder) => folder['title']).sort()).toEqual([
      'Finance',
      'Staging',
      'Support tools',
    ]);
    for (const folder of folders) {
      const members = expectArray(
        (
          await sandbox.request(
            'GET',
            `/v1/credentials?page_size=100&folder_id=${String(folder['folder_id'])}`,
          )
        ).body,
      );
      expect(members.length).toBeGreaterThanOrEqual(3);
      expect(folder['credential_count']).toBe(members.length);
    }
  });

  it('files most credentials and leaves a few unfiled', async () => {
    const all = expectArray((await sandbox.request('GET', '/v1/credentials?page_size=100')).body);
    const unfiled = all.filter((credential) => credential['folder_id'] === null);
    expect(unfiled.length).toBeGreaterThanOrEqual(2);
    expect(unfiled.length).toBeLessThan(all.length / 4);
  });

  it('has plain and managed profiles, one linked to a credential and used by a workflow', async () => {
    const profiles = expectArray((await sandbox.request('GET', '/v1/browser_profiles')).body);
    expect(profiles.length).toBeGreaterThanOrEqual(3);
    expect(profiles.some((profile) => profile['is_managed'] === true)).toBe(true);
    const linked = profiles.filter((profile) => profile['linked_credential_name'] !== null);
    expect(linked).toHaveLength(1);
    const free = profiles.filter(
      (profile) => profile['is_managed'] === false && profile['linked_credential_name'] === null,
    );
    expect(free.length).toBeGreaterThanOrEqual(1);
    const usage = expectObject(
      (
        await sandbox.request(
          'GET',
          `/v1/browser_profiles/${String(linked[0]?.['browser_profile_id'])}/usage`,
        )
      ).body,
    );
    expect(expectArray(usage['workflows']).length).toBeGreaterThanOrEqual(1);
    expect(expectArray(usage['credentials'])).toHaveLength(1);
  });
});
