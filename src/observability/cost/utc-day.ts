/** UTC days: the period query-time quotas are counted over. Pure. */

const DAY_MS = 86_400_000;

/** The UTC day of a time, `YYYY-MM-DD`. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The next midnight UTC after `at`: when a query-time quota resets. */
export function nextUtcMidnight(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS + DAY_MS);
}

/** The first and last UTC day of the `days` days that end with the day of `at` (1 is that day alone). */
export function dayRange(at: Date, days: number): { readonly fromDay: string; readonly toDay: string } {
  const start = Math.floor(at.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  return { fromDay: utcDay(new Date(start)), toDay: utcDay(at) };
}

/** Midnight UTC at the start of a `YYYY-MM-DD` day. */
export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
