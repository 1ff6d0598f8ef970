/** Skyvern timestamps are naive ISO-8601 in UTC (contract 1.6). */
export function parseSkyvernTimestamp(value: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}
