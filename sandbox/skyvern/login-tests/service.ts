/*
 * Login tests X1–X4 (contract 11): the run state machine, the sign-in against the demo site, the
 * temporary `_test_login_` credential and the browser-profile saver (11.6). Steps are paced by
 * `stepMs` so clients can observe created → queued → running before a final status (11.9 rule 2).
 */
import { newId } from '../../lib/ids';
import { naiveIso, naiveIsoNow } from '../../lib/time';
import { addBrowserProfile } from '../browser-profiles';
import type { SkyvernContext } from '../context';
import { rowFields } from '../credentials/items';
import { vaultForExisting } from '../credentials/vault-choice';
import type { CredentialRow } from '../store';
import { signIn, type LoginOutcome } from './agent';
import { RunStore, isFinal, type RunRow } from './run-store';

export const TEMP_PREFIX = '_test_login_';
export const DEMO_ONLY_MESSAGE =
  'The sandbox can only test sign-ins on its demo site: use a URL under /__demo/ on the sandbox, for example';

export interface LoginTestOptions {
  stepMs: number;
  pageTimeoutMs: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export class LoginTestService {
  readonly runs: RunStore;
  private readonly stop = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  /** The sandbox's own origin (set once it listens) and the host it listens on. */
  private self: { origin: string; port: string; hosts: string[] } | null = null;

  private context: SkyvernContext | null = null;

  constructor(
    db: ConstructorParameters<typeof RunStore>[0],
    readonly options: LoginTestOptions,
  ) {
    this.runs = new RunStore(db);
  }

  /** The context this service belongs to (it is part of that context, so set afterwards). */
  attach(context: SkyvernContext): void {
    this.context = context;
  }

  private get ctx(): SkyvernContext {
    if (this.context === null) throw new Error('LoginTestService used before attach()');
    return this.context;
  }

  listening(origin: string, host: string): void {
    const url = new URL(origin);
    this.self = {
      origin,
      port: url.port,
      hosts: [...new Set([url.hostname, host, '127.0.0.1', 'localhost', '[::1]'])],
    };
  }

  /** The demo-site login URL people should use. */
  demoLoginUrl(): string {
    return `${this.self?.origin ?? 'http://127.0.0.1:8717'}/__demo/login`;
  }

  /** Where to fetch a (normalised) tested URL, or null when it is not on the demo site. */
  demoTarget(url: URL): string | null {
    if (this.self === null) return null;
    if (url.port !== this.self.port || !this.self.hosts.includes(url.hostname)) return null;
    if (!url.pathname.startsWith('/__demo/')) return null;
    return `${this.self.origin}${url.pathname}${url.search}`;
  }

  start(run: RunRow, credentials: () => Promise<LoginCredentials>): void {
    const task = this.execute(run, credentials).catch((error: unknown) => {
      if (!this.stop.signal.aborted) console.error('[sandbox] login test failed to run:', error);
    });
    const tracked = task.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  async close(): Promise<void> {
    this.stop.abort(new Error('sandbox stopping'));
    await Promise.allSettled([...this.inFlight]);
  }

  private async execute(run: RunRow, credentials: () => Promise<LoginCredentials>) {
    const signal = this.stop.signal;
    const { stepMs } = this.options;
    await sleep(stepMs, signal);
    if (!this.runs.advance(run.id, 'queued')) return this.afterFinal(run.id);
    await sleep(stepMs, signal);
    if (!this.runs.advance(run.id, 'running')) return this.afterFinal(run.id);
    let outcome: LoginOutcome;
    try {
      const login = await credentials();
      const target = this.demoTarget(new URL(run.url));
      outcome =
        target === null
          ? { status: 'failed', raw: 'navigation failed: not the demo site', sessionSaved: false }
          : await signIn({
              ...login,
              url: target,
              revisit: run.kind === 'x2',
              pageTimeoutMs: this.options.pageTimeoutMs,
              now: this.ctx.now,
              signal,
            });
    } catch (error) {
      if (signal.aborted) throw error;
      outcome = {
        status: 'failed',
        raw: 'could not read the credential from the vault',
        sessionSaved: false,
      };
    }
    // The agent "checks" the page it ended on for one more step.
    await sleep(stepMs, signal);
    const nowMs = this.ctx.now();
    this.runs.finish(run.id, outcome, naiveIso(nowMs), nowMs);
    await this.afterFinal(run.id);
  }

  /** The saver (11.6), which runs only when the run persists its browser session. */
  private async afterFinal(runId: string): Promise<void> {
    const run = this.runs.byId(runId);
    if (run === undefined || !isFinal(run.status) || run.persist_browser_session !== 1) return;
    if (run.status !== 'completed') {
      await this.deleteTemporary(run.organization_id, run.credential_id);
      return;
    }
    if (run.session_saved !== 1) return; // Nothing to save: gives up silently (11.6 step 3).
    await sleep(this.options.stepMs, this.stop.signal);
    const credential = this.ctx.store.getCredential(run.organization_id, run.credential_id);
    if (credential === undefined) return;
    this.saveProfile(credential, run);
  }

  private saveProfile(credential: CredentialRow, run: RunRow): void {
    const existing =
      credential.browser_profile_id === null
        ? undefined
        : this.ctx.profiles.get(run.organization_id, credential.browser_profile_id);
    const now = naiveIsoNow();
    let profileId: string;
    if (existing !== undefined) {
      this.ctx.profiles.stampVerifiedLogin(run.organization_id, existing.id, now);
      profileId = existing.id;
    } else {
      const row = addBrowserProfile(this.ctx, run.organization_id, {
        name: `Profile - ${credential.name} (${credential.id})`,
        description: `Browser profile from credential test for ${credential.name}`,
        proxyLocation: credential.proxy_location,
        proxySessionId: credential.proxy_session_id,
      });
      profileId = row.id;
    }
    const fields = rowFields(credential);
    fields.browser_profile_id = profileId;
    fields.tested_url = run.url;
    this.ctx.store.updateCredential(credential, fields, now);
  }

  /** Skyvern's delete helper: only a credential whose current name starts with `_test_login_`. */
  async deleteTemporary(organizationId: string, credentialId: string): Promise<void> {
    const row = this.ctx.store.getCredential(organizationId, credentialId);
    if (row === undefined || !row.name.startsWith(TEMP_PREFIX)) return;
    try {
      await vaultForExisting(this.ctx, row).remove(row.item_id);
    } catch {
      // Skyvern only logs vault failures here.
    }
    this.ctx.store.softDeleteCredential(row, naiveIsoNow());
    this.ctx.totpCache.delete(row.id);
  }

  newRun(input: {
    organizationId: string;
    credentialId: string;
    kind: 'x1' | 'x2';
    url: string;
    persist: boolean;
  }): RunRow {
    const { id } = newId('wr');
    this.runs.insert({
      id,
      organization_id: input.organizationId,
      credential_id: input.credentialId,
      kind: input.kind,
      url: input.url,
      persist: input.persist,
      created_at: naiveIsoNow(),
    });
    const row = this.runs.byId(id);
    if (row === undefined) throw new Error('run vanished');
    return row;
  }
}

export interface LoginCredentials {
  username: string;
  password: string;
  authenticatorSeed: string | null;
}
