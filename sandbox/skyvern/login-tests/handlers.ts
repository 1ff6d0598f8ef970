/*
 * X1–X4 (contract 11.2–11.5).
 */
import { newId } from '../../lib/ids';
import { naiveIsoNow } from '../../lib/time';
import type { SkyvernContext } from '../context';
import { newItem, storedSeed } from '../credentials/items';
import { proxyOnCreate, serializeProxy } from '../credentials/proxy';
import { vaultForCreate, vaultForExisting } from '../credentials/vault-choice';
import { HttpError, json, UnexpectedError } from '../http';
import { validateOutboundUrl } from '../outbound';
import { bool, map, model, nullable, optional, required, str, type Schema } from '../validation';
import { enumOf } from '../validation';
import { proxyLocation, TOTP_TYPES, type CredentialInput, type TotpType } from '../schemas';
import { CustomServiceError } from '../vaults';
import { humanizeFailure, liveFailureReason, PROFILE_SAVE_FAILED } from './humanize';
import { isFinal } from './run-store';
import { DEMO_ONLY_MESSAGE, TEMP_PREFIX } from './service';

const PROFILE_SAVE_GRACE_MS = 72_000;

const userContext = map(str({ max: 1000 }), (text) => (text.trim() === '' ? null : text));
const optionalString = () => optional(nullable(str()), null);

export const testLoginRequest = model('TestLoginRequest', {
  url: required(str()),
  username: required(str({ min: 1 })),
  password: required(str({ min: 1 })),
  totp: optionalString(),
  totp_type: optional(enumOf(TOTP_TYPES), 'none' as TotpType),
  totp_identifier: optionalString(),
  user_context: optional(nullable(userContext), null),
  proxy_location: optional(proxyLocation, null),
  proxy_session_id: optionalString(),
});
export type TestLoginRequest = typeof testLoginRequest extends Schema<infer T> ? T : never;

export const testCredentialRequest = model('TestCredentialRequest', {
  url: required(str()),
  save_browser_profile: optional(bool(), true),
  user_context: optional(nullable(userContext), null),
});
export type TestCredentialRequest =
  typeof testCredentialRequest extends Schema<infer T> ? T : never;

/** The URL after-validator (400 with a string detail), then the sandbox's demo-site rule. */
function checkedUrl(ctx: SkyvernContext, raw: string): string {
  const check = validateOutboundUrl(raw, ctx.policy);
  if (!check.ok) throw new HttpError(400, check.detail);
  const url = check.url.toString();
  if (ctx.loginTests.demoTarget(check.url) === null) {
    throw new HttpError(400, `${DEMO_ONLY_MESSAGE} ${ctx.loginTests.demoLoginUrl()}`);
  }
  return url;
}

/** X1: a temporary `_test_login_<username>` credential in the default vault, and a run. */
export async function testLogin(
  ctx: SkyvernContext,
  organizationId: string,
  request: TestLoginRequest,
) {
  const body = request.values;
  const url = checkedUrl(ctx, body.url);
  const credential: CredentialInput = {
    kind: 'password',
    username: body.username,
    password: body.password,
    totp: body.totp,
    totp_type: body.totp_type,
    totp_identifier: body.totp_identifier,
    metadata: null,
    present: new Set(['username', 'password', 'totp', 'totp_type', 'totp_identifier']),
  };
  const seed = storedSeed(credential);
  const name = `${TEMP_PREFIX}${body.username}`;
  const vault = vaultForCreate(ctx, organizationId, null);
  let itemId: string;
  try {
    itemId = await vault.create(name, newItem(credential, seed, null));
  } catch (error) {
    // Unlike C1, nothing maps a custom-service error here: shape-4 500 (11.2 step 2).
    if (error instanceof CustomServiceError) throw new UnexpectedError('HttpException');
    throw error;
  }
  const proxy = proxyOnCreate(body.proxy_location, body.proxy_session_id, false);
  const { id, seq } = newId('cred');
  ctx.store.insertCredential({
    id,
    seq,
    organization_id: organizationId,
    created_at: naiveIsoNow(),
    name,
    credential_type: 'password',
    vault_type: vault.kind,
    item_id: itemId,
    username: body.username,
    totp_type: body.totp_type,
    totp_identifier: body.totp_identifier,
    card_last_four: null,
    card_brand: null,
    secret_label: null,
    browser_profile_id: null,
    auto_profile_disabled: 0,
    pin_saved_session_ip: 0,
    tested_url: null,
    user_context: null,
    save_browser_session_intent: 0,
    run_sequentially: 0,
    folder_id: null,
    proxy_location: serializeProxy(proxy.location),
    proxy_session_id: proxy.sessionId,
  });
  const run = ctx.loginTests.newRun({
    organizationId,
    credentialId: id,
    kind: 'x1',
    url,
    persist: true,
  });
  const password = body.password;
  const username = body.username;
  const authenticatorSeed = body.totp_type === 'authenticator' ? seed : null;
  ctx.loginTests.start(run, () => Promise.resolve({ username, password, authenticatorSeed }));
  return json(200, { credential_id: id, workflow_run_id: run.id, status: 'running' });
}

/** X2: test a saved password credential. Nothing on the credential changes when it starts. */
export function testCredential(
  ctx: SkyvernContext,
  organizationId: string,
  credentialId: string,
  request: TestCredentialRequest,
) {
  const body = request.values;
  const checked = validateOutboundUrl(body.url, ctx.policy);
  if (!checked.ok) throw new HttpError(400, checked.detail);
  const row = ctx.store.getCredential(organizationId, credentialId);
  if (row === undefined) throw new HttpError(404, `Credential ${credentialId} not found`);
  if (row.credential_type !== 'password') {
    throw new HttpError(400, 'Only password credentials can be tested with login');
  }
  const url = checkedUrl(ctx, body.url);
  const run = ctx.loginTests.newRun({
    organizationId,
    credentialId,
    kind: 'x2',
    url,
    persist: body.save_browser_profile,
  });
  ctx.loginTests.start(run, async () => {
    // The vault is read only when the run signs in; a problem there fails the run (11.3 step 3).
    const item = await vaultForExisting(ctx, row).get(row.item_id);
    if (item.type !== 'password') throw new Error('not a password item');
    return {
      username: item.username,
      password: item.password,
      authenticatorSeed: row.totp_type === 'authenticator' ? item.totp : null,
    };
  });
  return json(200, { credential_id: credentialId, workflow_run_id: run.id, status: 'running' });
}

/** X3 (11.4). No check that the run belongs to the credential. */
export function pollTest(
  ctx: SkyvernContext,
  organizationId: string,
  credentialId: string,
  runId: string,
) {
  const run = ctx.loginTests.runs.get(organizationId, runId);
  if (run === undefined) throw new HttpError(404, `Workflow run ${runId} not found`);
  const credential = ctx.store.getCredential(organizationId, credentialId);
  if (credential === undefined) {
    if (['failed', 'terminated', 'timed_out', 'canceled'].includes(run.status)) {
      return json(200, {
        credential_id: credentialId,
        workflow_run_id: runId,
        status: run.status,
        failure_reason: humanizeFailure(run.raw_failure_reason),
        browser_profile_id: null,
        tested_url: null,
        browser_profile_failure_reason: null,
      });
    }
    throw new HttpError(404, `Credential ${credentialId} not found`);
  }
  let profileId = credential.browser_profile_id;
  let profileFailure: string | null = null;
  if (
    run.status === 'completed' &&
    run.finished_at !== null &&
    run.finished_ms !== null &&
    run.persist_browser_session === 1
  ) {
    const profile = profileId === null ? undefined : ctx.profiles.get(organizationId, profileId);
    const saved = profile !== undefined && profile.modified_at >= run.finished_at;
    if (!saved) {
      profileId = null;
      if (ctx.now() - run.finished_ms > PROFILE_SAVE_GRACE_MS) profileFailure = PROFILE_SAVE_FAILED;
    }
  }
  return json(200, {
    credential_id: credentialId,
    workflow_run_id: runId,
    status: run.status,
    failure_reason: liveFailureReason(run.status, run.raw_failure_reason),
    browser_profile_id: profileId,
    tested_url: credential.tested_url,
    browser_profile_failure_reason: profileFailure,
  });
}

/** X4 (11.5): always 200; a final run keeps its status; `_test_login_` credentials go. */
export async function cancelTest(
  ctx: SkyvernContext,
  organizationId: string,
  credentialId: string,
  runId: string,
) {
  const run = ctx.loginTests.runs.get(organizationId, runId);
  if (run === undefined) return json(200, { status: 'cancel_failed' });
  if (!isFinal(run.status)) {
    const nowMs = ctx.now();
    ctx.loginTests.runs.finish(
      run.id,
      { status: 'canceled', raw: null, sessionSaved: false },
      naiveIsoNow(),
      nowMs,
    );
  }
  await ctx.loginTests.deleteTemporary(organizationId, credentialId);
  return json(200, { status: 'canceled' });
}
