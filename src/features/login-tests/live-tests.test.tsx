import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiUrl, server } from '../../test/msw';
import {
  cancelTracked,
  pollDelay,
  resetLoginTests,
  startTracking,
  useLoginTestRun,
} from './live-tests';

/*
 * The polling behind "Test login" (issue 13): slows down over time, stops on a final status (and
 * not before the browser profile is saved), cancels with X4, and survives the component unmounting.
 */

const CRED = 'cred_1';
const RUN = 'wr_1';
const pollPath = apiUrl(`/v1/credentials/${CRED}/test/${RUN}`);

function answer(status: string, extra: Record<string, unknown> = {}) {
  return {
    credential_id: CRED,
    workflow_run_id: RUN,
    status,
    failure_reason: null,
    browser_profile_id: null,
    tested_url: null,
    browser_profile_failure_reason: null,
    ...extra,
  };
}

/** Serves X3 from a script: the n-th poll gets script[n] (the last one repeats). */
function scripted(script: Array<Record<string, unknown>>) {
  const times: number[] = [];
  server.use(
    http.get(pollPath, () => {
      times.push(Date.now());
      return HttpResponse.json(script[Math.min(times.length - 1, script.length - 1)]);
    }),
  );
  return times;
}

function start(saveProfile = true) {
  act(() =>
    startTracking({
      runId: RUN,
      credentialId: CRED,
      credentialName: 'Demo site',
      url: 'https://demo.example/login',
      kind: 'saved',
      saveProfile,
    }),
  );
}

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
});
afterEach(() => {
  act(() => resetLoginTests());
  vi.useRealTimers();
});

describe('login-test polling', () => {
  it('waits longer between polls as the test goes on, up to 10 s', async () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(pollDelay)).toEqual([
      1000, 1500, 2250, 3375, 5063, 7594, 10000, 10000,
    ]);
    const times = scripted([answer('running')]);
    const t0 = Date.now();
    const { result } = renderHook(() => useLoginTestRun(RUN));
    start();
    await act(() => vi.advanceTimersByTimeAsync(40_000));
    const gaps = times.map((time, index) => time - (index === 0 ? t0 : (times[index - 1] ?? 0)));
    expect(gaps.slice(0, 7)).toEqual([1000, 1500, 2250, 3375, 5063, 7594, 10000]);
    expect(result.current?.phase).toBe('signing-in');
    expect(result.current?.outcome).toBeNull();
  });

  it('goes queued → signing in → checking → done, and stops once the profile is saved', async () => {
    const times = scripted([
      answer('created'),
      answer('queued'),
      answer('running'),
      answer('completed'),
      answer('completed', { browser_profile_id: 'bp_1', tested_url: 'https://demo.example/login' }),
    ]);
    const { result } = renderHook(() => useLoginTestRun(RUN));
    start();
    const phases: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await act(() => vi.advanceTimersByTimeAsync(pollDelay(i)));
      phases.push(result.current?.phase ?? '');
    }
    expect(phases.slice(0, 5)).toEqual(['queued', 'queued', 'signing-in', 'checking', 'done']);
    expect(result.current?.outcome).toEqual({
      passed: true,
      status: 'completed',
      reason: null,
      browserProfileId: 'bp_1',
      profileFailure: null,
      testedUrl: 'https://demo.example/login',
    });
    // No poll after the final answer.
    const polls = times.length;
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(times.length).toBe(polls);
    expect(polls).toBe(5);
  });

  it('stops at once on a failure, with Skyvern’s humanised reason', async () => {
    const reason = 'The login failed — the password appears to be incorrect.';
    const times = scripted([answer('running'), answer('failed', { failure_reason: reason })]);
    const { result } = renderHook(() => useLoginTestRun(RUN));
    start();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(times).toHaveLength(2);
    expect(result.current?.outcome).toMatchObject({ passed: false, status: 'failed', reason });
  });

  it('does not wait for a profile when saving is off', async () => {
    const times = scripted([answer('completed')]);
    const { result } = renderHook(() => useLoginTestRun(RUN));
    start(false);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(times).toHaveLength(1);
    expect(result.current?.outcome?.passed).toBe(true);
  });

  it('cancels with X4 and stops polling', async () => {
    const times = scripted([answer('running')]);
    let cancels = 0;
    server.use(
      http.post(`${pollPath}/cancel`, () => {
        cancels += 1;
        return HttpResponse.json({ status: 'canceled' });
      }),
    );
    const { result } = renderHook(() => useLoginTestRun(RUN));
    start();
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    let canceled = false;
    await act(async () => {
      canceled = await cancelTracked(RUN);
    });
    expect(canceled).toBe(true);
    expect(cancels).toBe(1);
    expect(result.current?.outcome).toMatchObject({ passed: false, status: 'canceled' });
    const polls = times.length;
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(times.length).toBe(polls);
  });

  it('keeps following the test when Skyvern answers cancel_failed', async () => {
    scripted([answer('running')]);
    server.use(
      http.post(`${pollPath}/cancel`, () => HttpResponse.json({ status: 'cancel_failed' })),
    );
    const { result } = renderHook(() => useLoginTestRun(RUN));
    start();
    let canceled = true;
    await act(async () => {
      canceled = await cancelTracked(RUN);
    });
    expect(canceled).toBe(false);
    expect(result.current?.cancelling).toBe(false);
    expect(result.current?.outcome).toBeNull();
  });

  it('goes on after the component unmounts mid-run, without errors', async () => {
    const times = scripted([answer('running'), answer('running'), answer('failed')]);
    const { unmount } = renderHook(() => useLoginTestRun(RUN));
    start();
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    // The test finished in the store, for the header and the detail page to show.
    expect(times).toHaveLength(3);
    const again = renderHook(() => useLoginTestRun(RUN));
    expect(again.result.current?.outcome?.status).toBe('failed');
  });

  it('retries through a 503, and gives up on a refused key', async () => {
    let calls = 0;
    server.use(
      http.get(pollPath, () => {
        calls += 1;
        if (calls === 1)
          return HttpResponse.json({ detail: 'Service Unavailable' }, { status: 503 });
        return HttpResponse.json({ detail: 'Invalid credentials' }, { status: 403 });
      }),
    );
    const { result } = renderHook(() => useLoginTestRun(RUN));
    start();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(calls).toBe(2);
    expect(result.current?.outcome?.reason).toMatch(/could not follow this test/);
  });
});
