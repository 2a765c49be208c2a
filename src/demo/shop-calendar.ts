import { MeshplaneError } from '../errors/index.js';
import { cumulativeWeights } from './random.js';
import { DAY_MS, HOUR_MS, wholeSeconds } from './time-format.js';

/**
 * The fixed "now" of the demo data: orders fall in the 365 days before it. Fixed so that output is
 * byte-identical whenever and wherever it is generated; pass another to shift the whole story.
 */
export const DEFAULT_REFERENCE_DATE = '2026-01-01T00:00:00Z';

/** Days of orders before the reference date. */
export const ORDER_WINDOW_DAYS = 365;

/** How far back the oldest CRM accounts go before the order window opens. */
const ACCOUNT_HISTORY_DAYS = 5 * 365;

/** Order volume by UTC month, January first: a quiet summer, a busy November and December. */
const MONTH_WEIGHTS = [1.05, 0.9, 0.95, 0.95, 1, 0.9, 0.85, 0.85, 1, 1.05, 1.35, 1.5] as const;

/** By UTC weekday, Sunday first: people shop on Sunday evenings. */
const WEEKDAY_WEIGHTS = [1.15, 1.1, 1, 1, 0.95, 0.9, 0.85] as const;

/** By UTC hour: quiet nights, an evening peak (the shop's customers are at UTC+1 or +2). */
const HOUR_WEIGHTS = [
  0.3, 0.15, 0.1, 0.08, 0.1, 0.25, 0.5, 0.8, 1, 1.1, 1.1, 1.1, 1.2, 1.1, 1, 1, 1.1, 1.3, 1.6, 1.8, 1.7, 1.3,
  0.9, 0.5,
] as const;

function dayWeight(dayStart: number): number {
  const date = new Date(dayStart);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const weekday = date.getUTCDay();
  let weight = (MONTH_WEIGHTS[month] ?? 1) * (WEEKDAY_WEIGHTS[weekday] ?? 1);
  // Black Friday (the Friday from 23 to 29 November) and the Monday after it.
  if (month === 10 && weekday === 5 && day >= 23 && day <= 29) weight *= 3;
  if (((month === 10 && day >= 26) || (month === 11 && day <= 2)) && weekday === 1) weight *= 2;
  if (month === 11 && day >= 24 && day <= 26) weight *= 0.5;
  return weight;
}

/** The demo's time frame, and where in it orders fall. */
export interface ShopCalendar {
  readonly referenceMs: number;
  /** The start of the order window, 365 days before the reference date. */
  readonly windowStartMs: number;
  /** When the oldest customer accounts were opened. */
  readonly accountsStartMs: number;
  /**
   * The order time at `u` in [0, 1): the inverse of the cumulative order volume over the window,
   * by day and hour. Monotonic, so orders numbered in time order get increasing times.
   */
  orderTime(u: number): number;
}

/** Reads an ISO 8601 reference date. Throws INVALID_INPUT when it is not one. */
export function parseReferenceDate(text: string): number {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) {
    throw new MeshplaneError('INVALID_INPUT', `reference date must be an ISO 8601 date, not '${text}'`);
  }
  return wholeSeconds(ms);
}

/** The calendar that ends at `referenceMs`. */
export function shopCalendar(referenceMs: number): ShopCalendar {
  const windowStartMs = referenceMs - ORDER_WINDOW_DAYS * DAY_MS;
  const weights: number[] = [];
  for (let day = 0; day < ORDER_WINDOW_DAYS; day++) {
    const dayStart = windowStartMs + day * DAY_MS;
    const w = dayWeight(dayStart);
    for (let hour = 0; hour < 24; hour++) {
      const hourOfDay = new Date(dayStart + hour * HOUR_MS).getUTCHours();
      weights.push(w * (HOUR_WEIGHTS[hourOfDay] ?? 1));
    }
  }
  const cumulative = cumulativeWeights(weights);
  const total = cumulative[cumulative.length - 1] ?? 1;
  const orderTime = (u: number): number => {
    const target = Math.min(Math.max(u, 0), 1) * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    const before = low === 0 ? 0 : (cumulative[low - 1] ?? 0);
    const within = Math.min((target - before) / (weights[low] ?? 1), 1 - 1e-9);
    return wholeSeconds(windowStartMs + (low + within) * HOUR_MS);
  };
  return {
    referenceMs,
    windowStartMs,
    accountsStartMs: windowStartMs - ACCOUNT_HISTORY_DAYS * DAY_MS,
    orderTime,
  };
}

/** The months (`2025-01`) that instants in [startMs, endMs) fall in, in order. */
export function monthsBetween(startMs: number, endMs: number): string[] {
  const months: string[] = [];
  const start = new Date(startMs);
  for (let m = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1); m < endMs; ) {
    const date = new Date(m);
    months.push(date.toISOString().slice(0, 7));
    m = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  return months;
}
