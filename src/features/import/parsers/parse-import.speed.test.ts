import { describe, expect, it } from 'vitest';
import { bigBitwardenExport, input } from './fixtures';
import { parseImport } from './parse-import';

/**
 * Runs `work` while a chain of zero-delay timers beats: the longest gap between beats is the
 * longest time the page could not run anything else (the longest synchronous slice).
 */
async function measureBlocking<T>(
  work: () => Promise<T>,
): Promise<{ result: T; longestMs: number; beats: number }> {
  let running = true;
  let last = performance.now();
  let longestMs = 0;
  let beats = 0;
  const beat = () => {
    const now = performance.now();
    longestMs = Math.max(longestMs, now - last);
    last = now;
    beats += 1;
    if (running) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
  const result = await work();
  running = false;
  longestMs = Math.max(longestMs, performance.now() - last);
  return { result, longestMs, beats };
}

describe('parsing speed', () => {
  it('parses a 5,000-entry Bitwarden export without blocking the page for 200 ms at a time', async () => {
    const file = input('bitwarden_export.json', bigBitwardenExport(5000));
    const started = performance.now();
    const { result, longestMs, beats } = await measureBlocking(() => parseImport(file));
    const totalMs = performance.now() - started;
    expect(result.entries).toHaveLength(5000);
    const figures = `${totalMs.toFixed(0)} ms in all, longest slice ${longestMs.toFixed(0)} ms, ${beats} turns`;
    expect(longestMs, figures).toBeLessThan(200);
    // And it really does yield: a parse in one go gives the page at most one turn, at the end.
    // (How many more depends on the machine's speed: the yields are by time, not by count.)
    expect(beats, figures).toBeGreaterThanOrEqual(2);
  });
});
