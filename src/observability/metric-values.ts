/**
 * Figures as prom-client takes them. Callers pass what they measured; a clock step or a bug must
 * not throw out of a recording call (prom-client throws on a negative counter increment).
 */

/** Milliseconds as the seconds Prometheus expects; a negative or non-finite figure counts as 0. */
export function seconds(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0;
}

/** A count safe to add to a counter (prom-client throws on a negative increment). */
export function count(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
