/*
 * One queue for every "do this to many items" action (bulk delete, bulk move, import): a few
 * requests at a time, a 409 retried with backoff, 429/5xx/network retried a bounded number of
 * times, Pause/Resume and Stop at any moment, and an outcome per item. See
 * docs/decisions/task-queue.md.
 *
 * Stop and Pause never abort a request in flight: a request the server may already have applied
 * is waited for and reported, so nothing half-done is left unreported. Items not started yet end
 * as `stopped`; an item waiting to retry stops waiting and ends as `failed` with its last error.
 *
 * The queue is a small external store (subscribe/getSnapshot) for useSyncExternalStore. It holds
 * the items you give it, so items may carry secrets (an import's rows): keep the queue in
 * component state, never in a cache, and drop it when the screen closes.
 */

export type ItemStatus = 'pending' | 'running' | 'retrying' | 'done' | 'failed' | 'stopped';

export interface ItemState<R> {
  status: ItemStatus;
  /** Attempts made so far (1 after the first request). */
  attempts: number;
  value?: R | undefined;
  /** The last error, when status is `failed` (or `retrying`). */
  error?: unknown;
}

export type QueuePhase = 'idle' | 'running' | 'paused' | 'stopping' | 'finished';

export interface QueueSnapshot<R> {
  phase: QueuePhase;
  /** Keys in the order given. */
  keys: readonly string[];
  items: ReadonlyMap<string, ItemState<R>>;
  total: number;
  done: number;
  failed: number;
  stopped: number;
  /** Items finished either way (done + failed + stopped). */
  settled: number;
}

/** How an error is treated: retried with backoff (`conflict`, `transient`) or final (`fatal`). */
export type ErrorClass = 'conflict' | 'transient' | 'fatal';

export interface TaskQueueOptions<T, R> {
  /** Identifies an item (a credential id, an import row id). */
  key: (item: T) => string;
  /** Does the work for one item. Throw to fail it; the error is classified for retry. */
  run: (item: T) => Promise<R>;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Extra attempts after a 409. Default 5. */
  conflictRetries?: number;
  /** Extra attempts after a 429, 5xx, timeout or network failure. Default 2. */
  transientRetries?: number;
  /** First backoff delay; doubles each retry, with jitter, up to maxDelayMs. Default 400 ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  classify?: (error: unknown) => ErrorClass;
  /** For tests: replaces setTimeout-based waiting and Math.random jitter. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** Reads `status`/`kind` off an error (ApiError has both) without importing the API layer. */
export function classifyHttpError(error: unknown): ErrorClass {
  if (typeof error !== 'object' || error === null) return 'fatal';
  const { status, kind } = error as { status?: unknown; kind?: unknown };
  if (kind === 'network' || kind === 'timeout') return 'transient';
  if (kind !== undefined && kind !== 'http') return 'fatal';
  if (status === 409) return 'conflict';
  if (status === 429 || (typeof status === 'number' && status >= 500)) return 'transient';
  return 'fatal';
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

export class TaskQueue<T, R> {
  private readonly options: Required<Omit<TaskQueueOptions<T, R>, 'sleep' | 'random'>> & {
    sleep: (ms: number, signal: AbortSignal) => Promise<void>;
    random: () => number;
  };
  private items = new Map<string, T>();
  private states = new Map<string, ItemState<R>>();
  private order: string[] = [];
  private waiting: string[] = [];
  private inFlight = 0;
  private phase: QueuePhase = 'idle';
  private stopController = new AbortController();
  private resumeWaiters: (() => void)[] = [];
  private finishWaiters: (() => void)[] = [];
  private listeners = new Set<() => void>();
  private snapshot: QueueSnapshot<R>;
  private dirty = false;
  private notifyScheduled = false;

  constructor(options: TaskQueueOptions<T, R>) {
    this.options = {
      concurrency: 4,
      conflictRetries: 5,
      transientRetries: 2,
      baseDelayMs: 400,
      maxDelayMs: 8_000,
      classify: classifyHttpError,
      sleep: defaultSleep,
      random: Math.random,
      ...options,
    };
    this.snapshot = this.buildSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stable between changes, as useSyncExternalStore requires. */
  getSnapshot = (): QueueSnapshot<R> => {
    if (this.dirty) {
      this.snapshot = this.buildSnapshot();
      this.dirty = false;
    }
    return this.snapshot;
  };

  /**
   * Runs the items (added to any from earlier runs; an item run again is reset). Resolves when
   * every item has settled. Calling it while a run is going on adds the items to that run.
   */
  run(items: readonly T[]): Promise<QueueSnapshot<R>> {
    for (const item of items) {
      const key = this.options.key(item);
      if (!this.items.has(key)) this.order.push(key);
      const current = this.states.get(key);
      if (current?.status === 'running' || current?.status === 'retrying') continue;
      this.items.set(key, item);
      this.states.set(key, { status: 'pending', attempts: 0 });
      if (!this.waiting.includes(key)) this.waiting.push(key);
    }
    if (this.phase !== 'running' && this.phase !== 'paused') {
      this.phase = 'running';
      this.stopController = new AbortController();
    }
    this.publish();
    this.pump();
    return this.whenFinished();
  }

  /** Replaces the work function (a component's latest closure); items in flight keep theirs. */
  setRun(run: (item: T) => Promise<R>): void {
    this.options.run = run;
  }

  /** Runs again every item that failed or was stopped. */
  retryFailed(): Promise<QueueSnapshot<R>> {
    const again = this.order
      .filter((key) => {
        const status = this.states.get(key)?.status;
        return status === 'failed' || status === 'stopped';
      })
      .map((key) => this.items.get(key))
      .filter((item): item is T => item !== undefined);
    return this.run(again);
  }

  /** No new item starts until resume(); requests in flight finish and are reported. */
  pause(): void {
    if (this.phase !== 'running') return;
    this.phase = 'paused';
    this.publish();
  }

  resume(): void {
    if (this.phase !== 'paused') return;
    this.phase = 'running';
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    waiters.forEach((wake) => wake());
    this.publish();
    this.pump();
  }

  /**
   * Nothing new starts; items not started end as `stopped`, items waiting to retry end as
   * `failed`; requests in flight finish and are reported.
   */
  stop(): void {
    if (this.phase !== 'running' && this.phase !== 'paused') return;
    this.phase = 'stopping';
    this.stopController.abort();
    for (const key of this.waiting) {
      const state = this.states.get(key);
      if (state?.status === 'pending') this.states.set(key, { ...state, status: 'stopped' });
    }
    this.waiting = [];
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    waiters.forEach((wake) => wake());
    this.publish();
    this.settleIfIdle();
  }

  /** Forgets every item (and so any secret they carry). */
  clear(): void {
    this.stop();
    this.items.clear();
    this.states.clear();
    this.order = [];
    this.waiting = [];
    if (this.inFlight === 0) this.phase = 'idle';
    this.publish();
  }

  private whenFinished(): Promise<QueueSnapshot<R>> {
    if (this.phase === 'finished' || this.phase === 'idle') {
      return Promise.resolve(this.getSnapshot());
    }
    return new Promise((resolve) => {
      this.finishWaiters.push(() => resolve(this.getSnapshot()));
    });
  }

  private pump(): void {
    while (
      this.phase === 'running' &&
      this.inFlight < this.options.concurrency &&
      this.waiting.length > 0
    ) {
      const key = this.waiting.shift();
      if (key === undefined) break;
      this.inFlight += 1;
      void this.work(key).finally(() => {
        this.inFlight -= 1;
        this.pump();
        this.settleIfIdle();
      });
    }
    this.settleIfIdle();
  }

  private async work(key: string): Promise<void> {
    const item = this.items.get(key);
    if (item === undefined) return;
    const { classify, conflictRetries, transientRetries } = this.options;
    let conflicts = 0;
    let transients = 0;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      this.update(key, { status: 'running', attempts });
      try {
        const value = await this.options.run(item);
        this.update(key, { status: 'done', attempts, value });
        return;
      } catch (error) {
        const kind = classify(error);
        const retry =
          (kind === 'conflict' && conflicts++ < conflictRetries) ||
          (kind === 'transient' && transients++ < transientRetries);
        if (!retry || this.phase === 'stopping') {
          this.update(key, { status: 'failed', attempts, error });
          return;
        }
        this.update(key, { status: 'retrying', attempts, error });
        await this.options.sleep(this.backoff(attempts), this.stopController.signal);
        if (this.currentPhase() === 'paused') {
          await new Promise<void>((wake) => this.resumeWaiters.push(wake));
        }
        // Read afresh: stop() or clear() may have run while this item waited.
        if (this.currentPhase() === 'stopping' || !this.items.has(key)) {
          this.update(key, { status: 'failed', attempts, error });
          return;
        }
      }
    }
  }

  private currentPhase(): QueuePhase {
    return this.phase;
  }

  private backoff(attempt: number): number {
    const { baseDelayMs, maxDelayMs, random } = this.options;
    const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    // "Full jitter" on the upper half: concurrent retries of one conflict spread out.
    return Math.round(exponential / 2 + (random() * exponential) / 2);
  }

  private update(key: string, state: ItemState<R>): void {
    if (!this.states.has(key)) return;
    this.states.set(key, state);
    this.publish();
  }

  private settleIfIdle(): void {
    if (this.inFlight > 0 || this.phase === 'idle' || this.phase === 'finished') return;
    // A paused queue with items still waiting is not finished; one with nothing left is.
    if (this.waiting.length > 0 && this.phase !== 'stopping') return;
    this.phase = 'finished';
    this.publish();
    const waiters = this.finishWaiters;
    this.finishWaiters = [];
    waiters.forEach((done) => done());
  }

  private buildSnapshot(): QueueSnapshot<R> {
    let done = 0;
    let failed = 0;
    let stopped = 0;
    for (const state of this.states.values()) {
      if (state.status === 'done') done += 1;
      else if (state.status === 'failed') failed += 1;
      else if (state.status === 'stopped') stopped += 1;
    }
    return {
      phase: this.phase,
      keys: [...this.order],
      items: new Map(this.states),
      total: this.order.length,
      done,
      failed,
      stopped,
      settled: done + failed + stopped,
    };
  }

  /** Marks the snapshot stale and tells listeners once per microtask (an import has thousands). */
  private publish(): void {
    this.dirty = true;
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      this.listeners.forEach((listener) => listener());
    });
  }
}
