/*
 * Skyvern serialises timestamps as naive ISO-8601 (UTC, no `Z`, no offset), with microseconds
 * only when they are non-zero, like Python's `datetime.isoformat()` (contract 1.6).
 */
function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Formats a UTC instant given in milliseconds plus optional extra microseconds (0–999). */
export function naiveIso(ms: number, extraMicros = 0): string {
  const date = new Date(ms);
  const base =
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  const micros = date.getUTCMilliseconds() * 1000 + extraMicros;
  return micros === 0 ? base : `${base}.${pad(micros, 6)}`;
}

let lastMicros = 0;

/**
 * Now, with microseconds. JavaScript clocks only give milliseconds, so the sub-millisecond part
 * comes from the high-resolution timer; timestamps are kept strictly increasing within a process.
 */
export function naiveIsoNow(): string {
  const hr = performance.timeOrigin + performance.now();
  let micros = Math.floor(hr * 1000);
  if (micros <= lastMicros) micros = lastMicros + 1;
  lastMicros = micros;
  return naiveIso(Math.floor(micros / 1000), micros % 1000);
}
