/*
 * Snowflake-style ids, as Skyvern issues them: `<prefix>_<decimal 64-bit integer>`.
 *
 * The integer is (milliseconds since the Twitter epoch) << 22 | worker << 12 | sequence, which
 * gives 19 digits from 2010 until about 2079, so ids sort by creation time both numerically and
 * as strings. The sequence keeps ids unique and increasing within one millisecond, and a clock
 * that steps backwards never produces a smaller id.
 */
const EPOCH_MS = 1288834974657n;

let lastMs = 0n;
let sequence = 0n;
const worker = BigInt(process.pid & 0x3ff);

/** The next time-ordered 63-bit integer. */
export function nextSnowflake(): bigint {
  let now = BigInt(Date.now());
  if (now < lastMs) now = lastMs;
  if (now === lastMs) {
    sequence = (sequence + 1n) & 0xfffn;
    // 4096 ids in one millisecond: borrow the next millisecond rather than repeat an id.
    if (sequence === 0n) now = lastMs + 1n;
  } else {
    sequence = 0n;
  }
  lastMs = now;
  return ((now - EPOCH_MS) << 22n) | (worker << 12n) | sequence;
}

export function newId(prefix: string): { id: string; seq: bigint } {
  const seq = nextSnowflake();
  return { id: `${prefix}_${seq}`, seq };
}
