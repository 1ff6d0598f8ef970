import { apiRequest, isApiError, VAULT_BOUND_TIMEOUT_MS } from '../../api/client';
import { totpCodeSchema } from '../../api/schemas';
import { credentialListResponse, credentialResponse } from '../../api/response-guards';
import { base32Encode } from '../../lib/base32';

/*
 * The full check of a custom credential service: what real credentials do, through Skyvern's API
 * only (the browser never calls the service), with a throwaway "canary" credential:
 *   1. create a password credential with an authenticator key in the custom vault (C1, 6.2 POST);
 *   2. read its current code, so Skyvern reads the item back from the service (C7, 6.2 GET);
 *   3. update it, which Skyvern does as read, create new, delete old (C5, contract 6.3);
 *   4. delete it (C6, a synchronous DELETE on the service).
 * The canary is deleted even when a step fails. Its password and key are random, live only in this
 * function's locals, and are never handed to react-query, storage or the DOM.
 */

export type StepId = 'create' | 'read' | 'update' | 'delete';
export type StepStatus = 'waiting' | 'running' | 'passed' | 'failed' | 'skipped';

export interface StepState {
  id: StepId;
  status: StepStatus;
  /** Milliseconds the step's request took. */
  ms?: number;
  /** Why it failed or was skipped, in words. */
  detail?: string;
}

export interface CheckResult {
  steps: StepState[];
  /** The canary could not be deleted: its id, so the user can delete it later. */
  leftover: { credentialId: string; name: string; detail: string } | null;
  /** Skyvern refused the API key at some step. */
  authFailure: string | null;
}

export const STEP_IDS: StepId[] = ['create', 'read', 'update', 'delete'];

export function initialSteps(): StepState[] {
  return STEP_IDS.map((id) => ({ id, status: 'waiting' }));
}

const SERVICE_PREFIX = 'Custom credential service returned ';

/** Skyvern's (or, through Skyvern, the service's) error in words (contract 6.4, 1.4). */
export function describeStepError(error: unknown): string {
  if (!isApiError(error)) return 'The console hit an unexpected problem.';
  if (error.isAuthError) return `Skyvern refused the API key: “${error.message}”`;
  if (error.kind === 'timeout') {
    return `No answer from Skyvern within ${VAULT_BOUND_TIMEOUT_MS / 1000} seconds.`;
  }
  if (error.kind !== 'http') return error.message;
  if (error.status === 502 && error.message.startsWith(SERVICE_PREFIX)) {
    return `Your service failed, as Skyvern reports it: “${error.message.slice(SERVICE_PREFIX.length)}”`;
  }
  if (error.status >= 500) return `Skyvern failed (HTTP ${error.status}): “${error.message}”`;
  return `Skyvern refused (HTTP ${error.status}): “${error.message}”`;
}

/**
 * The RFC 6238 codes (SHA-1, 6 digits, 30 s) of `key` for the periods around now. WebCrypto
 * rather than otpauth: the check then adds no shared chunk, and its bytes stay out of the first
 * load's preload list.
 */
async function totpCodesAround(key: Uint8Array, now: number): Promise<string[]> {
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    key as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const counter = Math.floor(now / 30_000);
  const codes: string[] = [];
  for (const step of [counter - 1, counter, counter + 1]) {
    const message = new DataView(new ArrayBuffer(8));
    message.setUint32(0, Math.floor(step / 2 ** 32));
    message.setUint32(4, step >>> 0);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message));
    const offset = (mac[mac.length - 1] ?? 0) & 15;
    const binary = new DataView(mac.buffer).getUint32(offset) & 0x7fffffff;
    codes.push(String(binary % 1_000_000).padStart(6, '0'));
  }
  return codes;
}

function randomText(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

function elapsedSince(start: number): number {
  return performance.now() - start;
}

/** A request that may have reached Skyvern although no answer came back. */
function unanswered(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.kind === 'timeout' ||
      error.kind === 'network' ||
      error.kind === 'unreadable' ||
      error.kind === 'cors')
  );
}

export async function deleteCanary(credentialId: string): Promise<void> {
  try {
    await apiRequest({
      method: 'POST',
      path: `/v1/credentials/${encodeURIComponent(credentialId)}/delete`,
      timeoutMs: VAULT_BOUND_TIMEOUT_MS,
    });
  } catch (error) {
    // Already gone is what a clean-up wants.
    if (isApiError(error) && error.kind === 'http' && error.status === 404 && !error.isAuthError) {
      return;
    }
    throw error;
  }
}

/** After a create without an answer: find the canary by its unique name, if Skyvern made it. */
async function findCanary(name: string): Promise<string | null> {
  const found = await apiRequest({
    path: '/v1/credentials',
    query: { page: 1, page_size: 10, search: name },
    schema: credentialListResponse,
  });
  return found.find((credential) => credential.name === name)?.credential_id ?? null;
}

export async function runFullCheck(onProgress: (steps: StepState[]) => void): Promise<CheckResult> {
  const steps = initialSteps();
  let authFailure: string | null = null;
  const set = (id: StepId, next: Omit<StepState, 'id'>) => {
    const index = STEP_IDS.indexOf(id);
    steps[index] = { id, ...next };
    onProgress(steps.map((step) => ({ ...step })));
  };
  const fail = (id: StepId, ms: number, error: unknown) => {
    if (isApiError(error) && error.isAuthError) authFailure = error.message;
    set(id, { status: 'failed', ms, detail: describeStepError(error) });
  };

  const name = `Console full check ${new Date().toISOString()} ${randomText(3)}`;
  const username = 'full-check@console.invalid';
  const keyBytes = crypto.getRandomValues(new Uint8Array(20));
  const key = base32Encode(keyBytes);
  const body = (password: string) => ({
    name,
    credential_type: 'password' as const,
    credential: { username, password, totp: key, totp_type: 'authenticator' as const },
  });

  // 1. Create.
  set('create', { status: 'running' });
  let credentialId: string | null = null;
  let start = performance.now();
  try {
    const created = await timed(() =>
      apiRequest({
        method: 'POST',
        path: '/v1/credentials',
        body: { ...body(randomText(16)), vault_type: 'custom' },
        schema: credentialResponse,
        timeoutMs: VAULT_BOUND_TIMEOUT_MS,
      }),
    );
    credentialId = created.value.credential_id;
    if (created.value.vault_type !== 'custom') {
      set('create', {
        status: 'failed',
        ms: created.ms,
        detail: `Skyvern stored the canary in the “${created.value.vault_type ?? 'unknown'}” vault, not in your service: this server ignores the custom vault choice.`,
      });
    } else {
      set('create', { status: 'passed', ms: created.ms });
    }
  } catch (error) {
    fail('create', elapsedSince(start), error);
    if (unanswered(error)) credentialId = await findCanary(name).catch(() => null);
  }
  const created = steps[0]?.status === 'passed';

  // 2. Read the current code back.
  if (created && credentialId) {
    set('read', { status: 'running' });
    start = performance.now();
    try {
      const id = credentialId;
      const read = await timed(() =>
        apiRequest({
          path: `/v1/credentials/${encodeURIComponent(id)}/totp-code`,
          schema: totpCodeSchema,
          timeoutMs: VAULT_BOUND_TIMEOUT_MS,
        }),
      );
      // One period either way: this tab's clock and Skyvern's may differ a little.
      const expected = await totpCodesAround(keyBytes, Date.now());
      if (!expected.includes(read.value.code)) {
        set('read', {
          status: 'failed',
          ms: read.ms,
          detail:
            'Skyvern returned a code that the canary’s key does not produce: your service returned a different authenticator key than it was given.',
        });
      } else {
        set('read', { status: 'passed', ms: read.ms });
      }
    } catch (error) {
      fail('read', elapsedSince(start), error);
    }
  }

  // 3. Update: a new password, the same key.
  if (created && credentialId && steps[1]?.status === 'passed') {
    set('update', { status: 'running' });
    start = performance.now();
    try {
      const id = credentialId;
      const updated = await timed(() =>
        apiRequest({
          method: 'POST',
          path: `/v1/credentials/${encodeURIComponent(id)}/update`,
          body: body(randomText(16)),
          schema: credentialResponse,
          timeoutMs: VAULT_BOUND_TIMEOUT_MS,
        }),
      );
      set('update', { status: 'passed', ms: updated.ms });
    } catch (error) {
      fail('update', elapsedSince(start), error);
    }
  }

  for (const step of steps) {
    if (step.status === 'waiting' && step.id !== 'delete') {
      set(step.id, {
        status: 'skipped',
        detail: credentialId
          ? 'Skipped: an earlier step failed.'
          : 'Skipped: no canary was created.',
      });
    }
  }

  // 4. Delete, which is also the clean-up: it runs whenever a canary exists.
  let leftover: CheckResult['leftover'] = null;
  if (credentialId) {
    set('delete', { status: 'running' });
    start = performance.now();
    try {
      const id = credentialId;
      const deleted = await timed(() => deleteCanary(id));
      set('delete', { status: 'passed', ms: deleted.ms });
    } catch (error) {
      fail('delete', elapsedSince(start), error);
      leftover = { credentialId, name, detail: describeStepError(error) };
    }
  } else {
    set('delete', { status: 'skipped', detail: 'Skipped: no canary was created.' });
  }

  return { steps: steps.map((step) => ({ ...step })), leftover, authFailure };
}
