import type { DurationSummary } from './health-report.js';

/** Seconds kept to the millisecond: enough for people, and stable in JSON. */
export function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/**
 * The `p` quantile (0..1) of `values` by linear interpolation between the closest ranks (the
 * common "type 7" definition, as spreadsheets and NumPy compute it), so the 0.5 quantile is the
 * usual median: the middle value, or the mean of the two middle ones. Undefined for no values.
 */
export function quantile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lower = Math.floor(h);
  const low = sorted[lower] ?? 0;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)] ?? low;
  return low + (h - lower) * (high - low);
}

/** Count, median and 90th percentile of durations in seconds; the figures are absent for none. */
export function summarizeDurations(seconds: readonly number[]): DurationSummary {
  const median = quantile(seconds, 0.5);
  const p90 = quantile(seconds, 0.9);
  return {
    count: seconds.length,
    ...(median === undefined ? {} : { medianSeconds: roundSeconds(median) }),
    ...(p90 === undefined ? {} : { p90Seconds: roundSeconds(p90) }),
  };
}
