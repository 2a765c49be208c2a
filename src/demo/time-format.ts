/**
 * Instants are epoch milliseconds (UTC) throughout the generator; these turn them into the texts
 * the shop's source systems write. All UTC, whole seconds.
 */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

// Formatting millions of timestamps through Date is the generator's hottest path: days are
// memoized (a few thousand distinct ones) and times of day assembled from two-digit strings.
const DAYS = new Map<number, string>();
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** `2025-01-03`. */
export function isoDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let text = DAYS.get(day);
  if (text === undefined) {
    if (DAYS.size >= 50_000) DAYS.clear();
    text = iso(day * DAY_MS).slice(0, 10);
    DAYS.set(day, text);
  }
  return text;
}

/** `11:47:00`. */
export function isoTime(ms: number): string {
  const seconds = Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / SECOND_MS);
  const h = TWO_DIGITS[Math.floor(seconds / 3600)];
  const m = TWO_DIGITS[Math.floor(seconds / 60) % 60];
  return `${h}:${m}:${TWO_DIGITS[seconds % 60]}`;
}

/** `2025-01-03T11:47:00Z`: ISO 8601 with a trailing Z, as the JSON exports write timestamps. */
export function isoTimestamp(ms: number): string {
  return `${isoDate(ms)}T${isoTime(ms)}Z`;
}

/** `2025-01-03 11:47:00`: the form a SQL TIMESTAMP column takes in the CSV exports. */
export function sqlTimestamp(ms: number): string {
  return `${isoDate(ms)} ${isoTime(ms)}`;
}

/** `2025-01`: the month an instant falls in, used to name monthly files. */
export function monthKey(ms: number): string {
  return isoDate(ms).slice(0, 7);
}

/** `2025010306`: date and hour, as the warehouse names its snapshot files. */
export function hourKey(ms: number): string {
  return `${isoDate(ms).replaceAll('-', '')}${isoTime(ms).slice(0, 2)}`;
}

/** The instant truncated to whole seconds. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / SECOND_MS) * SECOND_MS;
}
