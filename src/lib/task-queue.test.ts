import { describe, expect, it } from 'vitest';
import { TaskQueue, classifyHttpError, type TaskQueueOptions } from './task-queue';

class HttpError extends Error {
  readonly kind = 'http';
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

interface Deferred {
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

/** A queue whose requests the test settles by hand, and whose backoff waits are recorded. */
function harness(options: Partial<TaskQueueOptions<string, string>> = {}) {
  const pending = new Map<string, Deferred[]>();
  const started: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const delays: number[] = [];
  const queue = new TaskQueue<string, string>({
    key: (item) => item,
    run: (item) => {
      started.push(item);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise<string>((resolve, reject) => {
        const list = pending.get(item) ?? [];
        list.push({
          resolve: (value) => {
            inFlight -= 1;
            resolve(value);
          },
          reject: (error) => {
            inFlight -= 1;
            reject(error);
          },
        });
        pending.set(item, list);
      });
    },
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    random: () => 1,
    ...options,
  });
  const settle = async (item: string, outcome: string | Error) => {
    const next = pending.get(item)?.shift();
    if (next === undefined) throw new Error(`${item} has no request in flight`);
    if (outcome instanceof Error) next.reject(outcome);
    else next.resolve(outcome);
    await flush();
  };
  return {
    queue,
    started,
    delays,
    settle,
    maxInFlight: () => maxInFlight,
    inFlight: () => inFlight,
  };
}

async function flush() {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

const items = (n: number) => Array.from({ length: n }, (_, i) => `item-${i + 1}`);

describe('TaskQueue', () => {
  it('runs at most `concurrency` items at once and reports every outcome', async () => {
    const h = harness();
    const finished = h.queue.run(items(10));
    await flush();
    expect(h.started).toHaveLength(4);
    for (const item of items(10)) {
      await h.settle(item, item === 'item-3' ? new HttpError(400) : 'ok');
    }
    const snapshot = await finished;
    expect(h.maxInFlight()).toBe(4);
    expect(snapshot.phase).toBe('finished');
    expect(snapshot.done).toBe(9);
    expect(snapshot.failed).toBe(1);
    expect(snapshot.items.get('item-3')?.error).toBeInstanceOf(HttpError);
    expect(snapshot.items.get('item-3')?.attempts).toBe(1);
  });

  it('retries a 409 with growing backoff until it succeeds', async () => {
    const h = harness();
    const finished = h.queue.run(['a']);
    await flush();
    await h.settle('a', new HttpError(409));
    expect(h.queue.getSnapshot().items.get('a')?.status).toBe('running');
    await h.settle('a', new HttpError(409));
    await h.settle('a', 'ok');
    const snapshot = await finished;
    expect(snapshot.items.get('a')).toMatchObject({ status: 'done', attempts: 3 });
    expect(h.delays).toEqual([400, 800]);
  });

  it('gives up on 429/5xx after the bounded number of retries, and not at all on a 4xx', async () => {
    const h = harness({ transientRetries: 2 });
    const finished = h.queue.run(['a', 'b']);
    await flush();
    await h.settle('a', new HttpError(503));
    await h.settle('a', new HttpError(429));
    await h.settle('a', new HttpError(500));
    await h.settle('b', new HttpError(404));
    const snapshot = await finished;
    expect(snapshot.items.get('a')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(snapshot.items.get('b')).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('Stop: nothing new starts, requests in flight finish and are reported, the rest are stopped', async () => {
    const h = harness({ concurrency: 2 });
    const finished = h.queue.run(items(5));
    await flush();
    h.queue.stop();
    expect(h.queue.getSnapshot().phase).toBe('stopping');
    await h.settle('item-1', 'ok');
    await h.settle('item-2', new HttpError(409));
    const snapshot = await finished;
    expect(h.started).toEqual(['item-1', 'item-2']);
    expect(snapshot.phase).toBe('finished');
    expect(snapshot.items.get('item-1')?.status).toBe('done');
    // Not retried after Stop: reported as failed with Skyvern's error.
    expect(snapshot.items.get('item-2')?.status).toBe('failed');
    expect(snapshot.stopped).toBe(3);
  });

  it('Pause lets requests in flight finish and starts nothing until Resume', async () => {
    const h = harness({ concurrency: 2 });
    const finished = h.queue.run(items(4));
    await flush();
    h.queue.pause();
    await h.settle('item-1', 'ok');
    await h.settle('item-2', 'ok');
    expect(h.started).toHaveLength(2);
    expect(h.queue.getSnapshot().phase).toBe('paused');
    h.queue.resume();
    await flush();
    expect(h.started).toHaveLength(4);
    await h.settle('item-3', 'ok');
    await h.settle('item-4', 'ok');
    expect((await finished).done).toBe(4);
  });

  it('Retry failed runs only the failed and stopped items again', async () => {
    const h = harness({ concurrency: 1 });
    const first = h.queue.run(['a', 'b', 'c']);
    await flush();
    await h.settle('a', new HttpError(400));
    h.queue.stop();
    await h.settle('b', 'ok');
    await first;
    h.started.length = 0;
    const second = h.queue.retryFailed();
    await flush();
    await h.settle('a', 'ok');
    await h.settle('c', 'ok');
    const snapshot = await second;
    expect(h.started).toEqual(['a', 'c']);
    expect(snapshot.done).toBe(3);
    expect(snapshot.keys).toEqual(['a', 'b', 'c']);
  });

  it('notifies subscribers with a new snapshot only when something changed', async () => {
    const h = harness();
    let calls = 0;
    h.queue.subscribe(() => {
      calls += 1;
    });
    const before = h.queue.getSnapshot();
    expect(h.queue.getSnapshot()).toBe(before);
    void h.queue.run(['a']);
    await flush();
    expect(calls).toBeGreaterThan(0);
    const during = h.queue.getSnapshot();
    expect(during).not.toBe(before);
    expect(h.queue.getSnapshot()).toBe(during);
    await h.settle('a', 'ok');
  });

  it('clear() forgets every item', async () => {
    const h = harness();
    const finished = h.queue.run(['secret-row']);
    await flush();
    h.queue.clear();
    await h.settle('secret-row', 'ok');
    await finished;
    expect(h.queue.getSnapshot().items.size).toBe(0);
    expect(h.queue.getSnapshot().total).toBe(0);
  });
});

describe('classifyHttpError', () => {
  it.each([
    [{ kind: 'http', status: 409 }, 'conflict'],
    [{ kind: 'http', status: 429 }, 'transient'],
    [{ kind: 'http', status: 502 }, 'transient'],
    [{ kind: 'timeout', status: 0 }, 'transient'],
    [{ kind: 'network', status: 0 }, 'transient'],
    [{ kind: 'http', status: 400 }, 'fatal'],
    [{ kind: 'http', status: 401 }, 'fatal'],
    [{ kind: 'aborted', status: 0 }, 'fatal'],
    [new Error('boom'), 'fatal'],
  ])('%o is %s', (error, expected) => {
    expect(classifyHttpError(error)).toBe(expected);
  });
});
