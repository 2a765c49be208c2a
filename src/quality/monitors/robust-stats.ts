/**
 * Robust statistics: estimates a few wild values cannot drag. The median and the median absolute
 * deviation stand for mean and standard deviation; Theil-Sen (the median of pairwise slopes)
 * stands for a least-squares line. Each tolerates up to ~29% (Theil-Sen) or 50% outliers.
 */

/** The median; NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

/** The median absolute deviation from the median. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const center = median(values);
  return median(values.map((v) => Math.abs(v - center)));
}

/** Scales a MAD to the standard deviation of normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;

/** A line y = intercept + slope * x. */
export interface Line {
  readonly slope: number;
  readonly intercept: number;
}

/**
 * The Theil-Sen line through the points: the median of the slopes between every pair with
 * distinct x, and the median of y - slope * x as intercept. Quadratic in the number of points:
 * callers bound it. A slope of 0 when no two points have distinct x.
 */
export function theilSen(points: readonly { readonly x: number; readonly y: number }[]): Line {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i += 1) {
    const a = points[i];
    for (let j = i + 1; j < points.length; j += 1) {
      const b = points[j];
      if (a !== undefined && b !== undefined && a.x !== b.x) slopes.push((b.y - a.y) / (b.x - a.x));
    }
  }
  const slope = slopes.length === 0 ? 0 : median(slopes);
  return { slope, intercept: median(points.map((p) => p.y - slope * p.x)) };
}
