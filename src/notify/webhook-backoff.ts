/**
 * When a failed webhook delivery is tried again: exponential backoff with jitter, so receivers
 * that come back after an outage are not hit by every sender at the same instant.
 */

/** How `exponentialBackoff` grows. */
export interface BackoffOptions {
  /** The delay after the first failure, before jitter. */
  readonly baseMs?: number;
  /** The longest delay. */
  readonly maxMs?: number;
  /** A number in [0, 1); `Math.random` unless a test fixes it. */
  readonly random?: () => number;
}

/** One second doubling up to one hour: eight attempts span about two minutes before jitter. */
const DEFAULT_BASE_MS = 1_000;
const DEFAULT_MAX_MS = 3_600_000;

/**
 * The delay before the next try after `failures` failed attempts (1 after the first):
 * `min(max, base * 2^(failures-1))`, of which the upper half is random ("equal jitter": never
 * sooner than half the step, so the growth survives the randomness).
 */
export function exponentialBackoff(options: BackoffOptions = {}): (failures: number) => number {
  const base = options.baseMs ?? DEFAULT_BASE_MS;
  const max = options.maxMs ?? DEFAULT_MAX_MS;
  const random = options.random ?? Math.random;
  return (failures) => {
    const step = Math.min(max, base * 2 ** Math.max(0, failures - 1));
    return Math.round(step / 2 + (random() * step) / 2);
  };
}
