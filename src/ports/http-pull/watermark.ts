/**
 * Watermark values: numbers, or strings (ISO 8601 timestamps, or any text that sorts). Pure.
 */
export type WatermarkValue = number | string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Digits 4 to 9 of the fraction of a second (micro- and nanoseconds, which Date drops), padded to compare as text. */
function subMillisecond(timestamp: string): string {
  return (/[.,](\d+)/.exec(timestamp)?.[1] ?? '').slice(3, 9).padEnd(6, '0');
}

/** Whether `value` can serve as a watermark. */
export function isWatermarkValue(value: unknown): value is WatermarkValue {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value !== '');
}

/**
 * Negative, zero or positive as `a` sorts before, with or after `b`; undefined when they cannot
 * be compared (a number against text). Timestamps compare as instants, so `+02:00` and `Z`
 * offsets agree, and digits past the millisecond (micro- and nanoseconds) still order.
 */
export function compareWatermarks(a: WatermarkValue, b: WatermarkValue): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  if (ISO_DATE.test(a) && ISO_DATE.test(b)) {
    const diff = Date.parse(a) - Date.parse(b);
    if (Number.isFinite(diff)) {
      if (diff !== 0) return diff;
      const [fa, fb] = [subMillisecond(a), subMillisecond(b)];
      return fa < fb ? -1 : fa > fb ? 1 : 0;
    }
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The greater of two watermarks, keeping `current` when `candidate` does not compare. */
export function laterWatermark(
  current: WatermarkValue | undefined,
  candidate: WatermarkValue,
): WatermarkValue | undefined {
  if (current === undefined) return candidate;
  const order = compareWatermarks(candidate, current);
  return order !== undefined && order > 0 ? candidate : current;
}
