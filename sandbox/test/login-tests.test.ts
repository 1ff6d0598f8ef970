/*
 * Contract section 11 (login tests X1–X4) against the demo site, one test per row of the state
 * machine in 11.9, plus checklist items 9–13 of section 7's second list. Steps are 40 ms here, so
 * the non-final statuses are observable but short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/accounts';
import { humanizeFailure } from '../skyvern/login-tests/humanize';
import {
  expectArray,
  expectObject,
  passwordBody,
  secretBody,
  send,
  sleep,
  startTestSandbox,
  type TestSandbox,
} from './helpers';

const STEP_MS = 40;
const ORGS = Array.from({ length: 40 }, (_, index) => `login-org-${index}`);
let nextOrg = 0;
const freshOrg = () => ORGS[nextOrg++] ?? 'out-of-keys';

let sandbox: TestSandbox;
let clockOffsetMs = 0;
let demoLogin = '';

beforeAll(async () => {
  sandbox = await startTestSandbox({
    extraApiKeys: ORGS,
    testControl: true,
    loginTestStepMs: STEP_MS,
    loginTestPageTimeoutMs: 300,
    now: () => Date.now() + clockOffsetMs,
  });
  demoLogin = `${sandbox.skyvernUrl}/__demo/login`;
});
afterAll(() => sandbox.close());

function account(outcome: string) {
  const found = DEMO_ACCOUNTS.find((entry) => entry.outcome === outcome);
  if (found === undefined) throw new Error(outcome);
  return found;
}

const X3_KEYS = [
  'credential_id',
  'workflow_run_id',
  'status',
  'failure_reason',
  'browser_profile_id',
  'tested_url',
  'browser_profile_failure_reason',
];

async function x1(body: Record<string, unknown>, key: string) {
  const response = await sandbox.request('POST', '/v1/credentials/test-login', { body, key });
  expect(response.status, response.text).toBe(200);
  const out = expectObject(response.body);
  return { credentialId: String(out['credential_id']), runId: String(out['workflow_run_id']), out };
}

function x1Body(outcome: string, overrides: Record<string, unknown> = {}) {
  const { username, password, authenticatorKey } = account(outcome);
  return {
    url: demoLogin,
    username,
    password,
    ...(authenticatorKey === undefined
      ? {}
      : { totp: authenticatorKey, totp_type: 'authenticator' }),
    ...overrides,
  };
}

async function saved(outcome: string, key: string, overrides: Record<string, unknown> = {}) {
  const { username, password, authenticatorKey } = account(outcome);
  const response = await sandbox.request('POST', '/v1/credentials', {
    key,
    body: passwordBody(
      { name: `Demo ${outcome}` },
      {
        username,
        password,
        ...(authenticatorKey === undefined
          ? {}
          : { totp: authenticatorKey, totp_type: 'authenticator' }),
        ...overrides,
      },
    ),
  });
  expect(response.status, response.text).toBe(201);
  return String(expectObject(response.body)['credential_id']);
}

async function x2(credentialId: string, body: Record<string, unknown>, key: string) {
  const response = await sandbox.request('POST', `/v1/credentials/${credentialId}/test`, {
    body: { url: demoLogin, ...body },
    key,
  });
  expect(response.status, response.text).toBe(200);
  return String(expectObject(response.body)['workflow_run_id']);
}

const poll = (credentialId: string, runId: string, key: string) =>
  sandbox.request('GET', `/v1/credentials/${credentialId}/test/${runId}`, { key });

/** Polls until `done` holds, recording every status seen on the way. */
async function pollUntil(
  credentialId: string,
  runId: string,
  key: string,
  done: (body: Record<string, unknown>, status: number) => boolean,
  seen: string[] = [],
): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const response = await poll(credentialId, runId, key);
    const body = expectObject(response.body ?? {});
    if (typeof body['status'] === 'string' && seen.at(-1) !== body['status'])
      seen.push(body['status']);
    if (done(body, response.status)) return body;
    await sleep(10);
  }
  throw new Error(`run ${runId} never finished; saw ${seen.join(' → ')}`);
}

const FINAL = ['completed', 'failed', 'terminated', 'timed_out', 'canceled'];
const isFinal = (body: Record<string, unknown>) => FINAL.includes(String(body['status']));

async function getCredential(credentialId: string, key: string) {
  return sandbox.request('GET', `/v1/credentials/${credentialId}`, { key });
}

describe('the demo site', () => {
  it('signs a person in with a real form post and shows who is signed in', async () => {
    const form = await send(demoLogin, {});
    expect(form.text).toContain('data-demo-page="login"');
    const { username, password } = account('signs_in');
    const posted = await fetch(demoLogin, {
      method: 'POST',
      body: new URLSearchParams({ username, password }),
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    const cookie = (posted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await send(new URL(posted.headers.get('location') ?? '', demoLogin).toString(), {
      headers: { cookie },
    });
    expect(page.text).toContain('data-demo-page="signed-in"');
    expect(page.text).toContain(username);
  });

  it('lists its accounts on the index page', async () => {
    const index = await send(`${sandbox.skyvernUrl}/__demo/`, {});
    for (const entry of DEMO_ACCOUNTS) expect(index.text).toContain(entry.username);
  });
});

describe('X1 test-login (11.2, 11.9 rule 1)', () => {
  it('creates a visible _test_login_<username> credential and answers "running" at once', async () => {
    const key = freshOrg();
    const { credentialId, runId, out } = await x1(x1Body('signs_in'), key);
    expect(Object.keys(out)).toEqual(['credential_id', 'workflow_run_id', 'status']);
    expect(out['status']).toBe('running');
    expect(credentialId).toMatch(/^cred_\d+$/);
    expect(runId).toMatch(/^wr_\d+$/);
    const credential = expectObject((await getCredential(credentialId, key)).body);
    expect(credential['name']).toBe(`_test_login_${account('signs_in').username}`);
    expect(credential['vault_type']).toBe('skyvern');
    const list = expectArray((await sandbox.request('GET', '/v1/credentials', { key })).body);
    expect(list.map((item) => item['credential_id'])).toContain(credentialId);
    // The first poll sees a non-final status (11.9 rule 2).
    const first = expectObject((await poll(credentialId, runId, key)).body);
    expect(Object.keys(first)).toEqual(X3_KEYS);
    expect(['created', 'queued', 'running']).toContain(first['status']);
    expect(first['failure_reason']).toBeNull();
  });

  it('normalises the authenticator key of the temporary credential (3.8)', async () => {
    const key = freshOrg();
    const { credentialId } = await x1(
      x1Body('authenticator', { totp: 'krug s4za-nfzs ayja mrsw 23za onsw g4tf' }),
      key,
    );
    const code = await sandbox.request('GET', `/v1/credentials/${credentialId}/totp-code`, { key });
    expect(code.status, code.text).toBe(200);
    const bad = await sandbox.request('POST', '/v1/credentials/test-login', {
      key,
      body: x1Body('authenticator', { totp: 'not base32!' }),
    });
    expect(bad.status).toBe(400);
    expect(expectObject(expectObject(bad.body)['detail'])['error_code']).toBe(
      'invalid_authenticator_key',
    );
  });

  it('answers URL problems with 400 and a string detail, not 422', async () => {
    const key = freshOrg();
    const ftp = await sandbox.request('POST', '/v1/credentials/test-login', {
      key,
      body: x1Body('signs_in', { url: 'ftp://example.com' }),
    });
    expect(ftp.status).toBe(400);
    expect(ftp.body).toEqual({
      detail:
        'Invalid URL: ftp://example.com. Skyvern supports HTTP and HTTPS urls with max 2083 character length.',
    });
    const empty = await sandbox.request('POST', '/v1/credentials/test-login', {
      key,
      body: x1Body('signs_in', { username: '', url: 'ftp://example.com' }),
    });
    expect(empty.status).toBe(422);
  });

  it('refuses any URL outside the demo site with a clear reason and creates nothing', async () => {
    const key = freshOrg();
    const response = await sandbox.request('POST', '/v1/credentials/test-login', {
      key,
      body: x1Body('signs_in', { url: 'https://example.com/login' }),
    });
    expect(response.status).toBe(400);
    expect(String(expectObject(response.body)['detail'])).toBe(
      `The sandbox can only test sign-ins on its demo site: use a URL under /__demo/ on the sandbox, for example ${demoLogin}`,
    );
    expect(expectArray((await sandbox.request('GET', '/v1/credentials', { key })).body)).toEqual(
      [],
    );
  });

  it('is /v1 only: /api/v1 answers 405', async () => {
    const response = await sandbox.request('POST', '/api/v1/credentials/test-login', {
      body: x1Body('signs_in'),
    });
    expect(response.status).toBe(405);
  });
});

describe('state machine rows (11.9)', () => {
  it('completed, profile saved: created → queued → running → completed; bp_ linked after the save', async () => {
    const key = freshOrg();
    const { credentialId, runId } = await x1(x1Body('signs_in'), key);
    const seen: string[] = [];
    const finished = await pollUntil(credentialId, runId, key, isFinal, seen);
    expect(seen).toEqual(['created', 'queued', 'running', 'completed']);
    // Row "completed, saving on, profile not yet saved": the id is withheld.
    expect(finished['browser_profile_id']).toBeNull();
    expect(finished['browser_profile_failure_reason']).toBeNull();
    const done = await pollUntil(credentialId, runId, key, (b) => b['browser_profile_id'] !== null);
    expect(done['browser_profile_id']).toMatch(/^bp_\d+$/);
    expect(done['tested_url']).toBe(demoLogin);
    expect(done['failure_reason']).toBeNull();
    const credential = expectObject((await getCredential(credentialId, key)).body);
    expect(credential['browser_profile_id']).toBe(done['browser_profile_id']);
    expect(credential['tested_url']).toBe(demoLogin);
    const profile = expectObject(
      (
        await sandbox.request('GET', `/v1/browser_profiles/${String(done['browser_profile_id'])}`, {
          key,
        })
      ).body,
    );
    expect(profile['name']).toBe(
      `Profile - _test_login_${account('signs_in').username} (${credentialId})`,
    );
    expect(profile['description']).toBe(
      `Browser profile from credential test for _test_login_${account('signs_in').username}`,
    );
    expect(profile['last_verified_login_at']).toBeNull();
  });

  it('completed with an authenticator: the TOTP computed from the stored key signs in', async () => {
    const key = freshOrg();
    const { credentialId, runId } = await x1(x1Body('authenticator'), key);
    const finished = await pollUntil(credentialId, runId, key, isFinal);
    expect(finished['status']).toBe('completed');
  });

  it('failed: an authenticator site without a stored key (2FA humanised reason)', async () => {
    const key = freshOrg();
    const credentialId = await saved('authenticator', key, { totp: null, totp_type: 'none' });
    const runId = await x2(credentialId, {}, key);
    const finished = await pollUntil(credentialId, runId, key, isFinal);
    expect(finished['status']).toBe('failed');
    expect(finished['failure_reason']).toBe(
      'Login could not be completed \u2014 the two-factor authentication step could not be automated. Please check your 2FA settings.',
    );
  });

  it('failed, wrong password, live credential (X2): humanised reason, credential untouched', async () => {
    const key = freshOrg();
    const credentialId = await saved('signs_in', key, { password: 'wrong' });
    const runId = await x2(credentialId, {}, key);
    const finished = await pollUntil(credentialId, runId, key, isFinal);
    expect(finished['status']).toBe('failed');
    expect(finished['failure_reason']).toBe(
      'The login failed \u2014 the password appears to be incorrect.',
    );
    expect((await getCredential(credentialId, key)).status).toBe(200);
  });

  it('failed, unknown username: the username reason', async () => {
    const key = freshOrg();
    const credentialId = await saved('signs_in', key, { username: 'nobody@demo.example' });
    const runId = await x2(credentialId, {}, key);
    const finished = await pollUntil(credentialId, runId, key, isFinal);
    expect(finished['failure_reason']).toBe(
      'The login failed \u2014 the username was not recognized.',
    );
  });

  it('failed, temporary credential gone: 200 from the run alone, other fields null', async () => {
    const key = freshOrg();
    const { credentialId, runId } = await x1(x1Body('signs_in', { password: 'wrong' }), key);
    const finished = await pollUntil(
      credentialId,
      runId,
      key,
      (b) => isFinal(b) && b['tested_url'] === null,
    );
    await pollUntil(credentialId, runId, key, () => true);
    // The saver deletes the temporary credential once the run failed.
    for (let i = 0; i < 50 && (await getCredential(credentialId, key)).status !== 404; i += 1)
      await sleep(10);
    expect((await getCredential(credentialId, key)).status).toBe(404);
    const after = expectObject((await poll(credentialId, runId, key)).body);
    expect(after).toEqual({
      credential_id: credentialId,
      workflow_run_id: runId,
      status: 'failed',
      failure_reason: 'The login failed \u2014 the password appears to be incorrect.',
      browser_profile_id: null,
      tested_url: null,
      browser_profile_failure_reason: null,
    });
    expect(finished['status']).toBe('failed');
  });

  it('terminated (locked), live credential: the fixed message', async () => {
    const key = freshOrg();
    const credentialId = await saved('locked', key);
    const runId = await x2(credentialId, {}, key);
    const finished = await pollUntil(credentialId, runId, key, isFinal);
    expect(finished['status']).toBe('terminated');
    expect(finished['failure_reason']).toBe(
      'The login test was terminated before it could complete.',
    );
  });

  it('terminated (asks for a phone number), temporary credential gone: humanised reason', async () => {
    const key = freshOrg();
    const { credentialId, runId } = await x1(x1Body('needs_phone'), key);
    const finished = await pollUntil(
      credentialId,
      runId,
      key,
      (b) =>
        b['status'] === 'terminated' &&
        b['tested_url'] === null &&
        b['failure_reason'] !== 'The login test was terminated before it could complete.',
    );
    expect(finished['failure_reason']).toBe(
      humanizeFailure('the site asked for information that was not provided (a phone number)'),
    );
    expect((await getCredential(credentialId, key)).status).toBe(404);
  });

  it('timed_out: a slow page, fixed message while the credential lives', async () => {
    const key = freshOrg();
    const credentialId = await saved('signs_in', key);
    const runId = await x2(credentialId, { url: `${sandbox.skyvernUrl}/__demo/slow/login` }, key);
    const finished = await pollUntil(credentialId, runId, key, isFinal);
    expect(finished['status']).toBe('timed_out');
    expect(finished['failure_reason']).toBe(
      'The login page took too long to respond. Please check the URL and try again.',
    );
  });

  it('non-final with the temporary credential gone: 404 Credential <id> not found', async () => {
    const key = freshOrg();
    const { credentialId, runId } = await x1(x1Body('signs_in'), key);
    const removed = await sandbox.request('POST', `/v1/credentials/${credentialId}/delete`, {
      key,
    });
    expect(removed.status).toBe(204);
    const response = await poll(credentialId, runId, key);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: `Credential ${credentialId} not found` });
  });

  it('completed, X2 with saving off: the existing profile, and no new one', async () => {
    const key = freshOrg();
    const credentialId = await saved('signs_in', key);
    const runId = await x2(credentialId, { save_browser_profile: false }, key);
    const finished = await pollUntil(credentialId, runId, key, isFinal);
    expect(finished['status']).toBe('completed');
    expect(finished['browser_profile_id']).toBeNull();
    await sleep(STEP_MS * 3);
    const credential = expectObject((await getCredential(credentialId, key)).body);
    expect(credential['browser_profile_id']).toBeNull();
    expect(credential['tested_url']).toBeNull();
  });

  it('completed, X2 re-test: overwrites the linked profile in place and stamps it', async () => {
    const key = freshOrg();
    const credentialId = await saved('authenticator', key);
    const first = await x2(credentialId, {}, key);
    const one = await pollUntil(credentialId, first, key, (b) => b['browser_profile_id'] !== null);
    const profileId = String(one['browser_profile_id']);
    const second = await x2(credentialId, {}, key);
    // While the re-test runs, the old profile id is reported (11.4 rule 5).
    const running = expectObject((await poll(credentialId, second, key)).body);
    expect(running['browser_profile_id']).toBe(profileId);
    const two = await pollUntil(
      credentialId,
      second,
      key,
      (b) => isFinal(b) && b['browser_profile_id'] !== null,
    );
    expect(two['browser_profile_id']).toBe(profileId);
    const profile = expectObject(
      (await sandbox.request('GET', `/v1/browser_profiles/${profileId}`, { key })).body,
    );
    expect(profile['last_verified_login_at']).not.toBeNull();
  });

  it('completed, profile never saved: browser_profile_failure_reason after 72 s', async () => {
    const key = freshOrg();
    const { credentialId, runId } = await x1(x1Body('no_session'), key);
    const finished = await pollUntil(credentialId, runId, key, isFinal);
    expect(finished['status']).toBe('completed');
    expect(finished['browser_profile_failure_reason']).toBeNull();
    clockOffsetMs = 73_000;
    try {
      const later = expectObject((await poll(credentialId, runId, key)).body);
      expect(later['browser_profile_id']).toBeNull();
      expect(later['browser_profile_failure_reason']).toBe(
        'Login succeeded but the browser profile could not be saved. Please try testing again.',
      );
    } finally {
      clockOffsetMs = 0;
    }
  });
});

describe('X4 cancel (11.5)', () => {
  it('cancels a running X1: canceled with the humanised row-1 reason, temporary credential deleted', async () => {
    const key = freshOrg();
    const { credentialId, runId } = await x1(x1Body('signs_in'), key);
    const cancel = await sandbox.request(
      'POST',
      `/v1/credentials/${credentialId}/test/${runId}/cancel`,
      { key },
    );
    expect(cancel.status).toBe(200);
    expect(cancel.body).toEqual({ status: 'canceled' });
    expect((await getCredential(credentialId, key)).status).toBe(404);
    const after = expectObject((await poll(credentialId, runId, key)).body);
    expect(after['status']).toBe('canceled');
    expect(after['failure_reason']).toBe(humanizeFailure(null));
    // The run never moves on afterwards.
    await sleep(STEP_MS * 5);
    expect(expectObject((await poll(credentialId, runId, key)).body)['status']).toBe('canceled');
  });

  it('cancels a running X2: "The login test was canceled."; the real credential stays', async () => {
    const key = freshOrg();
    const credentialId = await saved('signs_in', key);
    const runId = await x2(credentialId, {}, key);
    await sandbox.request('POST', `/v1/credentials/${credentialId}/test/${runId}/cancel`, { key });
    const after = expectObject((await poll(credentialId, runId, key)).body);
    expect(after['status']).toBe('canceled');
    expect(after['failure_reason']).toBe('The login test was canceled.');
  });

  it('cancel_failed for an unknown run, and nothing is deleted', async () => {
    const key = freshOrg();
    const { credentialId } = await x1(x1Body('signs_in'), key);
    const response = await sandbox.request(
      'POST',
      `/v1/credentials/${credentialId}/test/wr_1/cancel`,
      { key },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'cancel_failed' });
    expect((await getCredential(credentialId, key)).status).toBe(200);
  });

  it('after completion: keeps the status, deletes the temporary credential, X3 then 404s', async () => {
    const key = freshOrg();
    const { credentialId, runId } = await x1(x1Body('signs_in'), key);
    await pollUntil(credentialId, runId, key, (b) => b['browser_profile_id'] !== null);
    const cancel = await sandbox.request(
      'POST',
      `/v1/credentials/${credentialId}/test/${runId}/cancel`,
      { key },
    );
    expect(cancel.body).toEqual({ status: 'canceled' });
    expect((await getCredential(credentialId, key)).status).toBe(404);
    const after = await poll(credentialId, runId, key);
    expect(after.status).toBe(404);
    expect(after.body).toEqual({ detail: `Credential ${credentialId} not found` });
  });

  it('does not check that the run belongs to the credential (X3 and X4)', async () => {
    const key = freshOrg();
    const { runId } = await x1(x1Body('signs_in'), key);
    const other = await saved('signs_in', key);
    const response = await poll(other, runId, key);
    expect(response.status).toBe(200);
    expect(expectObject(response.body)['credential_id']).toBe(other);
  });

  it('an adopted (renamed) temporary credential is no longer deleted by X4', async () => {
    const key = freshOrg();
    const { credentialId, runId } = await x1(x1Body('signs_in'), key);
    await pollUntil(credentialId, runId, key, (b) => b['browser_profile_id'] !== null);
    const renamed = await sandbox.request('PATCH', `/v1/credentials/${credentialId}`, {
      key,
      body: { name: 'Demo site (Ada)', tested_url: demoLogin, save_browser_session_intent: true },
    });
    expect(renamed.status).toBe(200);
    await sandbox.request('POST', `/v1/credentials/${credentialId}/test/${runId}/cancel`, { key });
    expect((await getCredential(credentialId, key)).status).toBe(200);
  });
});

describe('X2 and X3 errors (11.3, 11.4)', () => {
  it('X2: 404 for an unknown credential, then 400 for a non-password credential', async () => {
    const key = freshOrg();
    const missing = await sandbox.request('POST', '/v1/credentials/cred_1/test', {
      key,
      body: { url: demoLogin },
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Credential cred_1 not found' });
    const secret = await sandbox.request('POST', '/v1/credentials', { key, body: secretBody() });
    const secretId = String(expectObject(secret.body)['credential_id']);
    const refused = await sandbox.request('POST', `/v1/credentials/${secretId}/test`, {
      key,
      body: { url: demoLogin },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ detail: 'Only password credentials can be tested with login' });
  });

  it('X2 stores nothing on the credential when it starts', async () => {
    const key = freshOrg();
    const credentialId = await saved('signs_in', key);
    const before = (await getCredential(credentialId, key)).text;
    await x2(credentialId, {}, key);
    expect((await getCredential(credentialId, key)).text).toBe(before);
  });

  it('X3: 404 Workflow run <id> not found comes first', async () => {
    const key = freshOrg();
    const response = await poll('cred_1', 'wr_1', key);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: 'Workflow run wr_1 not found' });
  });

  it('X3: runs of another organisation are not found', async () => {
    const key = freshOrg();
    const { credentialId, runId } = await x1(x1Body('signs_in'), key);
    const response = await poll(credentialId, runId, freshOrg());
    expect(response.status).toBe(404);
  });
});

describe('humanize (11.4)', () => {
  it.each([
    [
      null,
      'The login test failed. The credentials may be incorrect or the login page may have changed.',
    ],
    [
      'Reached the maximum steps; password',
      "Login could not be completed \u2014 the password may be incorrect or the login page requires additional steps that couldn't be automated.",
    ],
    [
      'reached the maximum steps TOTP',
      'Login could not be completed \u2014 the two-factor authentication step could not be automated. Please check your 2FA settings.',
    ],
    [
      'reached the maximum steps',
      'Login could not be completed within the allowed steps. The login page may require additional steps or the credentials may be incorrect.',
    ],
    ['Timeout', 'The login page took too long to respond. Please check the URL and try again.'],
    [
      'navigation error',
      'Could not navigate to the login page. Please check the URL and try again.',
    ],
    ['wrong password', 'The login failed \u2014 the password appears to be incorrect.'],
    ['username invalid', 'The login failed \u2014 the username was not recognized.'],
    [
      'something else',
      'The login test was unsuccessful. Please verify your credentials and the login URL, then try again.',
    ],
  ])('%s', (raw, message) => {
    expect(humanizeFailure(raw)).toBe(message);
  });
});

describe('demo seed (SANDBOX_SEED=demo)', () => {
  it('stores one credential per demo account, and each test ends as its account says', async () => {
    const seeded = await startTestSandbox({ seed: 'demo', loginTestStepMs: 20 });
    try {
      const all = expectArray(
        (await seeded.request('GET', '/v1/credentials?page_size=100&search=Demo%20site')).body,
      );
      const expected: Record<string, string> = {
        'Demo site — Ada (password only)': 'completed',
        'Demo site — Grace (authenticator app)': 'completed',
        'Demo site — locked account': 'terminated',
        'Demo site — asks for a phone number': 'terminated',
        'Demo site — kiosk (session not kept)': 'completed',
        'Demo site — Ada (old password)': 'failed',
      };
      expect(all.map((c) => c['name']).sort()).toEqual(Object.keys(expected).sort());
      for (const credential of all) {
        const id = String(credential['credential_id']);
        expect(credential['tested_url']).toBe(`${seeded.skyvernUrl}/__demo/login`);
        const started = await seeded.request('POST', `/v1/credentials/${id}/test`, {
          body: { url: credential['tested_url'] },
        });
        const runId = String(expectObject(started.body)['workflow_run_id']);
        let status = '';
        for (let i = 0; i < 200 && !FINAL.includes(status); i += 1) {
          await sleep(10);
          const polled = await seeded.request('GET', `/v1/credentials/${id}/test/${runId}`);
          status = String(expectObject(polled.body)['status']);
        }
        expect(`${String(credential['name'])}: ${status}`).toBe(
          `${String(credential['name'])}: ${expected[String(credential['name'])]}`,
        );
      }
    } finally {
      await seeded.close();
    }
  });
});
