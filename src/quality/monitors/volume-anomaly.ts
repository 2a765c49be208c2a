/**
 * Volume anomaly: is a row count (rows written by a run, or a table's size) in line with the
 * port's own history? The expectation is a robust trend line (Theil-Sen) through the recent
 * history and a band of `sensitivity` robust standard deviations (MAD) of the residuals around it,
 * so a growing table is not flagged for growing and one past spike does not widen the band.
 */
import { MeshplaneError } from '../../errors/index.js';
import { instantMs } from '../sla/instant.js';
import { MAD_TO_SIGMA, median, medianAbsoluteDeviation, theilSen } from './robust-stats.js';

/** One observed row count. */
export interface VolumePoint {
  /** ISO 8601 with a zone. */
  readonly at: string;
  readonly rows: number;
}

export interface VolumeOptions {
  /** Fewest usable history points to judge by; default 7. */
  readonly minHistory?: number;
  /** Most recent history points used; default 60 (the fit is quadratic in it; at most 500). */
  readonly maxHistory?: number;
  /** Band half-width in robust standard deviations; default 3.5 (Iglewicz and Hoaglin). */
  readonly sensitivity?: number;
  /** The band is at least this share of the expected count either side; default 0.05. */
  readonly relativeTolerance?: number;
  /** ... and at least this many rows either side; default 1. */
  readonly absoluteTolerance?: number;
  /** Fit a trend (default) or expect the history's median level. */
  readonly trend?: boolean;
}

export interface ExpectedRange {
  readonly low: number;
  readonly high: number;
  /** The expected count at the observation's time. */
  readonly center: number;
}

export type VolumeVerdict =
  | {
      readonly status: 'not-enough-history';
      readonly history: number;
      readonly needed: number;
      readonly message: string;
    }
  | {
      readonly status: 'normal' | 'anomalous';
      readonly observed: number;
      readonly expected: ExpectedRange;
      /** Residual in robust standard deviations; absent when the history has no spread. */
      readonly score?: number;
      readonly direction?: 'above' | 'below';
      /** The fitted trend, in rows per day (0 without a trend). */
      readonly slopePerDay: number;
      readonly history: number;
      readonly message: string;
    };

const DAY_MS = 86_400_000;

function bounded(value: number | undefined, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

const isCount = (rows: unknown): rows is number =>
  typeof rows === 'number' && Number.isFinite(rows) && rows >= 0;
const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * Judges `observed` against `history` (any order; points that are unreadable, negative or not
 * before the observation are left out). Throws INVALID_INPUT only for an unreadable observation.
 */
export function volumeAnomaly(
  observed: VolumePoint,
  history: readonly VolumePoint[],
  options: VolumeOptions = {},
): VolumeVerdict {
  const at = instantMs(observed.at);
  if (at === undefined || !isCount(observed.rows)) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `a volume observation needs an instant and a row count >= 0, got ${JSON.stringify(observed)}`,
    );
  }
  const maxHistory = Math.round(bounded(options.maxHistory, 60, 3, 500));
  const needed = Math.round(bounded(options.minHistory, 7, 3, maxHistory));
  const points = history
    .map((p) => ({ x: ((instantMs(p.at) ?? Number.NaN) - at) / DAY_MS, y: p.rows }))
    .filter((p) => Number.isFinite(p.x) && p.x < 0 && isCount(p.y))
    .sort((a, b) => a.x - b.x)
    .slice(-maxHistory);
  if (points.length < needed) {
    return {
      status: 'not-enough-history',
      history: points.length,
      needed,
      message: `not enough history: ${points.length} earlier counts, ${needed} needed`,
    };
  }
  // x is in days before the observation, so the line's value at the observation is its intercept.
  const line =
    options.trend === false ? { slope: 0, intercept: median(points.map((p) => p.y)) } : theilSen(points);
  const center = line.intercept;
  const residuals = points.map((p) => p.y - (center + line.slope * p.x));
  const sigma = MAD_TO_SIGMA * medianAbsoluteDeviation(residuals);
  const sensitivity = bounded(options.sensitivity, 3.5, 0.5, 100);
  const halfWidth = Math.max(
    sensitivity * sigma,
    bounded(options.relativeTolerance, 0.05, 0, 10) * Math.abs(center),
    bounded(options.absoluteTolerance, 1, 0, Number.MAX_SAFE_INTEGER),
  );
  const expected = { low: Math.max(0, center - halfWidth), high: center + halfWidth, center };
  const anomalous = observed.rows < expected.low || observed.rows > expected.high;
  const direction = observed.rows > center ? 'above' : observed.rows < center ? 'below' : undefined;
  const range = `expected ${count(expected.low)} to ${count(expected.high)} from ${points.length} earlier counts`;
  return {
    status: anomalous ? 'anomalous' : 'normal',
    observed: observed.rows,
    expected,
    ...(sigma > 0 ? { score: (observed.rows - center) / sigma } : {}),
    ...(direction === undefined ? {} : { direction }),
    slopePerDay: line.slope,
    history: points.length,
    message: anomalous
      ? `${count(observed.rows)} rows, ${direction === 'above' ? 'more' : 'fewer'} than usual: ${range}`
      : `${count(observed.rows)} rows, as usual: ${range}`,
  };
}
